"""Column work overlapped on a second core (smanalysis.io.overlap) gives the same result, warnings and errors."""

import pandas as pd
import pytest

from smanalysis.io import overlap, read


def test_later_returns_the_value_and_raises_the_error_of_the_call():
    assert overlap.later(sum, [1, 2, 3], rows=10**6).result() == 6
    assert overlap.later(sum, [1, 2, 3], rows=1).result() == 6
    job = overlap.later(int, "dua", rows=10**6)  # the worker's exception reaches the caller at result()
    with pytest.raises(ValueError, match="dua"):
        job.result()


META = ('\ufeff"Post ID","Account username","Description","Publish time","Permalink","Post type","Date","Reach",'
        '"Likes"\n'
        '"1","kopisenja.id","𝐏𝐫𝐨𝐦𝐨 #KopiSenja\nbaris dua","10/31/2026 19:05","","IG reel","Lifetime","1.200","5"\n'
        '"2","kopisenja.id","","13/31/2026 10:00","","IG image","Lifetime","8","x"\n'
        '"3","kopisenja.id","Teh #Jogja ☕","11/01/2026 08:00","","IG carousel","Lifetime","12","1,2 rb"\n')
COMMENTS = ("Platform,Post URL,Post ID,Comment ID,Parent ID,Username,Name,Date,Likes,Comment,Is Reply,Is Page Owner,"
            "Post Owner\n"
            "Instagram,,p1,c1,,@ani,Ani,2026-09-03 00:09:40+07:00,1,\"ｋｏｐｉ enak\",No,No,kopisenja.id\n"
            "Tiktok,,p2,c3,,budi,Budi,kemarin,2,\"harga?\",No,No,kopisenja.id\n")


@pytest.mark.parametrize("name,text", [("meta_posts.csv", META), ("comments.csv", COMMENTS)])
def test_overlapped_read_equals_the_read_in_turn(tmp_path, monkeypatch, name, text):
    f = tmp_path / name
    f.write_bytes(text.encode("utf-8"))
    monkeypatch.setattr(overlap, "MIN_ROWS", 1)  # every column on the worker thread
    threaded = read(f)
    monkeypatch.setattr(overlap, "MIN_ROWS", 10**9)  # every column in turn
    in_turn = read(f)
    pd.testing.assert_frame_equal(threaded.data, in_turn.data)
    pd.testing.assert_frame_equal(threaded.rejects, in_turn.rejects)
    assert threaded.warnings == in_turn.warnings and len(threaded.warnings) > 0
    col = "caption" if name == "meta_posts.csv" else "text"
    assert threaded.data[col].iloc[0] in ("Promo #KopiSenja\nbaris dua", "kopi enak")  # folded, hand-checked
