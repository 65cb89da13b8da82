"""load_dataset (duplicates rule, files, rejects, profile) and load_report / `smanalysis load`."""

import shutil
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from smanalysis import Profile
from smanalysis.cli import main
from smanalysis.exceptions import SMAnalysisWarning
from smanalysis.io import load_dataset, load_report, writers as W
from smanalysis.schema import TABLES

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "io"
PROFILE = Profile.from_dict({
    "business_name": "Kopi Senja", "business_model": "B2C", "goal": "promotion",
    "own_accounts": {"instagram": "kopisenja.id", "x": "kopisenja_id", "youtube": "kopisenja",
                     "facebook": "kopisenja"},
    "competitors": [{"name": "Kopi Pagi", "accounts": {"x": "kopipagi_jogja"}},
                    {"name": "Ruang Seduh", "accounts": {"x": "ruangseduh"}}],
})


def _ig(post_id, reach, likes, when="2026-10-01 03:00"):
    return pd.DataFrame({"post_id": [post_id], "platform": ["instagram"], "account": ["kopisenja.id"],
                         "created_at": pd.to_datetime([when], utc=True), "reach": [reach], "likes": [likes]})


def test_empty_sources_give_empty_tables():
    ds = load_dataset([])
    for t in TABLES:
        assert len(getattr(ds, t)) == 0
    assert ds.posts["created_at"].dtype == "datetime64[ns, UTC]"


def test_lifetime_reexport_keeps_the_larger_snapshot(tmp_path):
    # September export: post 1 with lifetime reach 100; October export: same post, reach 150, plus post 2
    W.write_meta_posts(_ig("1", 100.0, 10.0), tmp_path / "ig_2026-09.csv", platform="instagram")
    W.write_meta_posts(pd.concat([_ig("1", 150.0, 12.0), _ig("2", 40.0, 1.0)]), tmp_path / "ig_2026-10.csv",
                       platform="instagram")
    with pytest.warns(SMAnalysisWarning, match=r"1 duplicate row\(s\) resolved"):
        ds = load_dataset(tmp_path)
    assert sorted(ds.posts["post_id"]) == ["1", "2"]
    kept = ds.posts.set_index("post_id").loc["1"]
    assert (kept["reach"], kept["likes"]) == (150.0, 12.0)
    d = ds.duplicates
    assert d[["table", "key", "rule"]].values.tolist() == [["posts", "instagram|1", "largest lifetime total kept"]]
    assert d["kept_file"].iloc[0].endswith("ig_2026-10.csv") and d["dropped_file"].iloc[0].endswith("ig_2026-09.csv")


def test_followers_counts_and_follows_series_go_to_their_own_tables(tmp_path):
    f = pd.DataFrame({"date": pd.date_range("2026-10-01", periods=2), "platform": "facebook", "account": "kopisenja",
                      "followers": [100.0, 103.0], "new_followers": [2.0, 3.0]})
    W.write_meta_daily(f, tmp_path / "fb_followers.csv", metric="Facebook followers")
    W.write_meta_daily(f, tmp_path / "fb_follows.csv", metric="Facebook follows")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SMAnalysisWarning)
        ds = load_dataset(tmp_path, profile=PROFILE)
    # only follower COUNTS go to followers; "Facebook follows" (gained a day) is an account_daily metric
    assert len(ds.followers) == 2
    assert ds.followers["followers"].tolist() == [100.0, 103.0]
    assert ds.followers["new_followers"].isna().all()
    assert ds.followers["account"].unique().tolist() == ["kopisenja"]  # from the profile
    daily = ds.account_daily
    assert daily[["metric", "value"]].values.tolist() == [["follows", 2.0], ["follows", 3.0]]
    assert daily["platform"].unique().tolist() == ["facebook"] and daily["account"].unique().tolist() == ["kopisenja"]
    assert len(ds.duplicates) == 0


def test_duplicate_comments_first_kept(tmp_path):
    shutil.copy(FIX / "comments_export.csv", tmp_path / "a.csv")
    shutil.copy(FIX / "comments_export.csv", tmp_path / "b.csv")
    with pytest.warns(SMAnalysisWarning):
        ds = load_dataset(tmp_path)
    assert len(ds.comments) == 3
    assert (ds.comments["source_file"] == str(tmp_path / "a.csv")).all()
    assert len(ds.duplicates) == 3


def test_daily_breakdown_rows_are_summed(tmp_path):
    f = tmp_path / "ig_daily.csv"
    f.write_text('"Post ID","Account ID","Account username","Description","Publish time","Permalink","Post type",'
                 '"Date","Views","Reach","Likes"\n'
                 '"7","9","kopisenja.id","a","10/01/2026 10:00","u","IG image","10/01/2026","100","80","5"\n'
                 '"7","9","kopisenja.id","a","10/01/2026 10:00","u","IG image","10/02/2026","30","50","2"\n',
                 encoding="utf-8-sig")
    with pytest.warns(SMAnalysisWarning):
        ds = load_dataset(f)
    assert len(ds.posts) == 1
    row = ds.posts.iloc[0]
    assert (row["views"], row["likes"], row["reach"]) == (130.0, 7.0, 80.0)  # reach: maximum, not sum
    assert ds.duplicates["rule"].tolist() == ["daily rows summed"]


def test_files_rejects_and_profile_for_twarc(tmp_path):
    for name in ("meta_ig_broken.csv", "twarc_search.jsonl", "youtube_table_data.csv", "unknown_format.csv"):
        shutil.copy(FIX / name, tmp_path / name)
    with pytest.warns(SMAnalysisWarning, match=r"skipped .*unknown_format\.csv"):
        ds = load_dataset([tmp_path, {"path": FIX / "generic_comments.csv", "kind": "comments",
                                      "mapping": {"comment_id": "kode", "post_id": "postingan", "platform": "medsos",
                                                  "author": "nama_akun", "text": "isi", "created_at": "waktu"}}],
                          profile=PROFILE)
    files = ds.files.set_index(ds.files["file"].map(lambda s: Path(s).name))
    assert files.loc["meta_ig_broken.csv", ["format", "rows", "rejects"]].tolist() == ["meta_posts_instagram", 2, 3]
    assert files.loc["unknown_format.csv", "format"] == "unreadable"
    assert "unknown layout" in files.loc["unknown_format.csv", "error"]
    assert files.loc["twarc_search.jsonl", "rows"] == 5
    assert len(ds.rejects) == 4 and list(ds.rejects.columns) == ["file", "line", "column", "reason", "raw"]
    # own tweet -> posts; others -> mentions with brand from the profile
    assert "1900000000000000001" in set(ds.posts["post_id"])
    assert ds.mentions.set_index("mention_id").loc["1900000000000000005", "brand"] == "Ruang Seduh"
    assert len(ds.interactions) == 6
    assert ds.posts.loc[ds.posts["platform"] == "youtube", "account"].unique().tolist() == ["kopisenja"]
    # the generic comments: brand reply recognised through the profile
    gen = ds.comments[ds.comments["comment_id"].isin(["k1", "k2"])]
    assert gen["is_brand_reply"].tolist() == [False, True]


def test_missing_source_raises(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        load_dataset(tmp_path / "nope")


def test_load_report_clean_and_corrupted(tmp_path):
    shutil.copy(FIX / "meta_ig_views_bom.csv", tmp_path / "ok.csv")
    text, ok = load_report([tmp_path / "ok.csv"], lang="en")
    assert ok is True
    assert "format: meta_posts_instagram -> table posts | rows read: 3 | rejects: 0" in text
    text, ok = load_report([FIX / "meta_ig_broken.csv"], lang="en", show_rejects=2)
    assert ok is False
    assert "rejects (first 2):" in text
    assert "line 3, column 'Publish time': unreadable publish time 'kemarin sore'" in text
    assert "line 5" not in text  # only two shown


def test_load_report_indonesian_default_and_bad_lang():
    text, ok = load_report([FIX / "comments_export.csv"])
    assert "baris terbaca: 3" in text and ok
    with pytest.raises(ValueError, match=r"The value for `lang` must be one of \['id', 'en'\], but 'fr' was passed"):
        load_report([FIX / "comments_export.csv"], lang="fr")


def test_cli_load(capsys):
    assert main(["load", str(FIX / "x_activity_22.csv")]) == 0
    out = capsys.readouterr().out
    assert "x_activity" in out
    assert main(["load", str(FIX / "meta_ig_broken.csv")]) == 1


def test_sample_loads_without_rejects(sample_dir):
    if not (sample_dir / "exports").exists():
        pytest.skip("data/sample not generated yet")
    text, ok = load_report([sample_dir])
    assert ok, text
    assert "0 ditolak" in text


def test_corrupted_sample_copy_accounts_for_every_row(sample_dir, tmp_path):
    src = sample_dir / "exports" / "comments_instagram.csv"
    if not src.exists():
        pytest.skip("data/sample not generated yet")
    lines = src.read_text(encoding="utf-8-sig").split("\n")
    import csv, io
    n_records = sum(1 for r in csv.reader(io.StringIO("\n".join(lines))) if any(x.strip() for x in r)) - 1
    # corrupt: a bad date, an extra field, an empty id
    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    header = rows[0]
    rows[5][header.index("Date")] = "besok"
    rows[8] = rows[8] + ["extra"]
    rows[11][header.index("Comment ID")] = ""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    bad = tmp_path / "comments_corrupted.csv"
    bad.write_text(buf.getvalue(), encoding="utf-8-sig")
    from smanalysis.io import read
    r = read(bad)
    assert len(r.rejects) == 3
    assert len(r.data) + len(r.rejects) == n_records
    assert set(r.rejects["reason"].str.split(" ").str[0]) == {"unreadable", "expected", "missing"}


def test_yearless_file_without_export_day_never_borrows_the_year_from_other_files(tmp_path):
    # follower history named without a date: its years come from its own mtime (with a warning),
    # not from the Instagram export of 2026 lying in the same folder (issue 9, class 3)
    f = pd.DataFrame({"date": pd.date_range("2025-11-01", "2026-10-31"), "platform": "tiktok",
                      "account": "kopisenja.id"})
    f["followers"] = np.arange(len(f), dtype=float)
    W.write_tiktok_followers(f, tmp_path / "FollowerHistory.csv")
    import os
    os.utime(tmp_path / "FollowerHistory.csv", (2_000_000_000, 2_000_000_000))  # mtime 2033-05-18
    W.write_meta_posts(_ig("1", 5.0, 1.0, when="2026-10-31 03:00"), tmp_path / "ig.csv", platform="instagram")
    ds = load_dataset(tmp_path)
    got = ds.followers.sort_values("date")["date"]
    # the last row (October 31) is the latest October 31 on or before 2033-05-18: 2032; in order, a year apart
    assert got.iloc[0] == pd.Timestamp("2031-11-01") and got.iloc[-1] == pd.Timestamp("2032-10-31")
    note = ds.files.set_index(ds.files["file"].map(lambda s: Path(s).name)).loc["FollowerHistory.csv", "warnings"]
    assert "file modification time" in note
