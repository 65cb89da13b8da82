"""Column-wide text helpers of the readers: byte counts, trimming, look-alike folding, canonical str dtype.

Each helper replaces per-cell Python or a slower Arrow kernel (bench_io); each is checked on hand-worked
cells and, as a property, against the plain definition it must equal.
"""

import unicodedata

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smanalysis.io import read
from smanalysis.io.arrowtext import count_byte, trim
from smanalysis.io.lookalikes import FOLD_RANGES, fold_lookalikes, fold_reference
from smanalysis.io.parsing import clean_text


def test_count_byte_counts_per_cell():
    arr = pa.array(["#kopi #senja", None, "", "tanpa tagar", "é#"])
    assert count_byte(arr, ord("#")).tolist() == [2, 0, 0, 0, 1]
    assert count_byte(arr.slice(3), ord("#")).tolist() == [0, 1]  # a slice counts its own cells only
    assert count_byte(pa.chunked_array([["a\nb\nc"], ["", "\n"]]), 10).tolist() == [2, 0, 1]


def test_count_byte_refuses_a_continuation_byte():
    with pytest.raises(ValueError, match="ASCII characters or UTF-8 lead bytes"):
        count_byte(pa.array(["é"]), 0xA9)


SPACES = [" ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\u2028", "\u0085", "\u1680", "\u205f"]
OTHERS = ["a", "é", "😍", "😀", "☕", "…", "\u200b", "\ufeff"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(SPACES + OTHERS), max_size=6).map("".join), min_size=1, max_size=30))
def test_trim_equals_arrow_trim(cells):
    arr = pa.array(cells, type=pa.large_string())
    assert trim(arr).to_pylist() == pc.utf8_trim_whitespace(arr).to_pylist()


def test_trim_hand_worked():
    assert trim(pa.array([" 12 ", "\u00a0kopi\u3000", "kopi 😍", "", None])).to_pylist() == [
        "12", "kopi", "kopi 😍", "", None]


LOOKALIKES = [chr(c) for lo, hi in FOLD_RANGES for c in range(lo, hi + 1, 7)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.lists(st.sampled_from(LOOKALIKES + OTHERS + ["\u0301", "ﬃ", " "]),
                                              max_size=8).map("".join)), min_size=1, max_size=20))
def test_fold_lookalikes_equals_nfkc_of_each_lookalike(cells):
    got = fold_lookalikes(pa.array(cells)).to_pylist()
    assert got == [None if c is None else fold_reference(c) for c in cells]


def test_fold_reference_is_nfkc_of_the_lookalikes_only():
    # hand-worked: math bold letters and a fullwidth digit become plain; "…", emoji and a combining mark stay
    text = "𝐏𝐫𝐨𝐦𝐨 １ ☕… 𝐞\u0301"
    assert fold_reference(text) == "Promo 1 ☕… e\u0301"
    assert unicodedata.normalize("NFKC", text) != fold_reference(text)  # NFKC of the whole would rewrite "…"


def test_clean_text_folds_keeps_punctuation_and_blanks_are_missing():
    out = clean_text(pd.Series(["  𝐊𝐨𝐩𝐢 ｓｕｓｕ…\r\n", "ﬁlter", "   ", None]))
    assert out.iloc[:2].tolist() == ["Kopi susu…", "filter"]
    assert out.iloc[2:].isna().all()
    assert isinstance(out.dtype, pd.StringDtype)


def test_read_gives_arrow_backed_text_with_nan_for_missing(tmp_path):
    f = tmp_path / "ig.csv"
    f.write_text('"Post ID","Account ID","Account username","Description","Publish time","Permalink","Post type","Date",'
                 '"Views","Reach","Likes"\n'
                 '"1","1784","kopisenja.id","𝐏𝐫𝐨𝐦𝐨 #Kopi","10/31/2026 19:05","https://www.instagram.com/p/a/",'
                 '"IG image","Lifetime","10","8","1"\n'
                 '"2","1784","kopisenja.id","","10/31/2026 20:05","","IG reel","Lifetime","5","4","0"\n', encoding="utf-8")
    d = read(f).data
    for col in ("post_id", "caption", "permalink", "hashtags", "platform", "account", "format"):
        assert isinstance(d[col].dtype, pd.StringDtype), col
    assert d["caption"].iloc[0] == "Promo #Kopi" and d["hashtags"].iloc[0] == "#kopi"
    assert d[["caption", "permalink", "hashtags"]].iloc[1].isna().all()
    assert d["source_line"].tolist() == [2.0, 3.0]


_DIGITS = st.sampled_from("0123456789")
_CELL_CHARS = st.sampled_from(list("0123456789/:- T.x") + ["é", "٣"])  # separators, junk, a non-ASCII digit


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(
    # a real-looking time with any digits: impossible months, days (02/30, 04/31), hours and minutes included
    st.tuples(*[_DIGITS] * 12).map(lambda d: f"{d[0]}{d[1]}/{d[2]}{d[3]}/20{d[4]}{d[5]} {d[6]}{d[7]}:{d[8]}{d[9]}"),
    st.lists(_CELL_CHARS, min_size=14, max_size=17).map("".join)), min_size=1, max_size=25),
    st.sampled_from(["%m/%d/%Y %H:%M", "%d/%m/%Y %H:%M", "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]))
def test_strptime_equals_pandas_to_datetime_with_the_format(cells, fmt):
    from smanalysis.io.arrowtext import strptime

    got = strptime(pd.Series(cells), fmt)
    want = pd.to_datetime(pd.Series(cells, dtype=object), format=fmt, errors="coerce")
    pd.testing.assert_series_equal(got, want.astype("datetime64[ns]"), check_names=False)


def test_strptime_reads_fixed_cells_by_hand():
    from smanalysis.io.arrowtext import strptime

    got = strptime(pd.Series(["02/29/2028 23:59", "02/29/2026 10:00", "12/31/2026 24:00", "13/01/2026 10:00",
                              "04/30/2026 00:60", "01-02-2026 10:00"]), "%m/%d/%Y %H:%M")
    assert got.iloc[0] == pd.Timestamp("2028-02-29 23:59")  # a leap day
    assert got.iloc[1:].isna().all()  # 2026 has no 29 February; hour 24, month 13, minute 60, wrong separators
