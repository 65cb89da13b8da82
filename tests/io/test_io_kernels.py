"""Hashtags of a caption column (NumPy on the bytes, Arrow's Unicode kernels where needed) and the
Instagram shortcode clock (decoded with NumPy): hand-worked cells, and properties against the plain
Python definitions they must equal."""

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smanalysis.io.arrowtext import STR
from smanalysis.io.platforms import instagram_id_time
from smanalysis.io.tags import hashtags_of, hashtags_reference


@pytest.mark.parametrize("cell, tags", [
    ("Ngopi #KopiSenja #jogja", "#kopisenja #jogja"),
    ("##dua #", "#dua"),                      # '#' after '#': the second starts the tag; a lone '#' is none
    ("kopi#senja", "#senja"),                 # a tag needs no space before it
    ("#a_b1-c #2026", "#a_b1 #2026"),         # '-' ends a tag; digits and '_' belong to it
    ("#Kafé☕ #x", "#kafé #x"),                # a non-ASCII letter goes on (Arrow's path), an emoji ends the tag
    ("#kopi☕", "#kopi"),
    ("#Senja #senja", "#senja #senja"),       # repeats kept, in order
    ("a # b", None),
    ("", None),
    (None, None),
    ("#" + "a" * 80, "#" + "a" * 80),         # longer than the NumPy window: Arrow reads it
    ("#" + "A" * 16 + " #b", "#" + "a" * 16 + " #b"),  # exactly the first window, then more
])
def test_hashtags_hand_worked(cell, tags):
    out = hashtags_of(pd.Series(["#pad", cell, "x"], dtype=STR))
    assert out.iloc[0] == "#pad" and pd.isna(out.iloc[2])
    assert (out.iloc[1] if isinstance(out.iloc[1], str) else None) == tags
    assert str(out.dtype) == "str"


def test_hashtags_ignore_bytes_under_missing_cells_and_keep_the_index():
    # a sliced Arrow column whose missing cell sits over text: only valid cells count
    arr = pa.array(["#x", "#nol", "#satu", "dua"]).slice(1)
    valid = pa.array([True, False, True])
    s = pd.Series(pd.array(pa.compute.if_else(valid, arr, pa.scalar(None, pa.string())), dtype=STR), index=[7, 8, 9])
    out = hashtags_of(s)
    assert out.index.tolist() == [7, 8, 9]
    assert out.iloc[0] == "#nol" and pd.isna(out.iloc[1]) and pd.isna(out.iloc[2])


CHARS = ["a", "Z", "9", "_", "#", "#", " ", "-", "é", "ß", "☕", "😍", "\n", "𝐏", "ı", "ü", "Ω", "٣"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.lists(st.sampled_from(CHARS), max_size=40).map("".join)), min_size=1,
                max_size=30))
def test_hashtags_equal_the_plain_definition(cells):
    out = hashtags_of(pd.Series(cells, dtype=STR)).tolist()
    assert [o if isinstance(o, str) else None for o in out] == [hashtags_reference(c) for c in cells]


def _decode(code: str) -> float:
    """Instagram's media id from a shortcode (base 64), then its upload millisecond, one character at a time."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    n = 0
    for ch in code:
        n = n * 64 + alphabet.index(ch)
    return float((n >> 23) + 1314220021721)


def test_instagram_id_time_hand_worked():
    # "C" = 2 followed by ten 'A's (0): n = 2 * 64**10 = 2**61, so n >> 23 = 2**38 ms after the epoch of 2011
    link = "https://www.instagram.com/p/CAAAAAAAAAA/"
    expected = pd.Timestamp(1314220021721 + 2**38, unit="ms", tz="UTC")
    out = instagram_id_time(pd.Series([link, "https://example.com/p/CAAAAAAAAAA/", ""], dtype=STR))
    assert out.iloc[0] == expected and expected.year == 2020
    assert out.iloc[1:].isna().all()


def test_instagram_id_time_equals_the_plain_decoding():
    rng = np.random.default_rng(3)
    alphabet = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"))
    codes = ["".join(rng.choice(alphabet, rng.integers(8, 12))) for _ in range(3000)]
    codes = [("C" + c[1:]) if len(c) == 11 else c for c in codes]  # 11-character codes as Instagram writes them
    links = [f"https://www.instagram.com/{kind}/{c}/" for kind, c in zip(rng.choice(["p", "reel", "tv"], 3000), codes)]
    got = instagram_id_time(pd.Series(links, dtype=STR))
    want = pd.to_datetime(pd.Series([_decode(c) for c in codes]), unit="ms", utc=True)
    want = want.where((want >= pd.Timestamp("2012-01-01", tz="UTC")) & (want < pd.Timestamp("2100-01-01", tz="UTC")))
    assert got.notna().sum() > 100
    pd.testing.assert_series_equal(got, want, check_names=False)


ZONE_CHARS = ["2", "0", "1", "-", "+", ":", " ", "\t", "T", "Z", "U", "C", "é", "😍", "x"]
ZONE_RX = r"(?:Z|[+-][0-9][0-9]:?[0-9][0-9]|[ \t]UTC)$"


@pytest.mark.parametrize("cell, zoned", [
    ("2026-10-01T03:00:00Z", True), ("2026-10-01 10:00:00 +0700", True), ("2026-10-01 10:00+07:00", True),
    ("2026-10-01 10:00 UTC", True), ("2026-10-01 10:00", False), ("10:00 +0700", True),  # 11 characters: long enough
    ("2026-10-01 10:00 +07", False), ("éééééééé Z", False),  # 10 characters in 18 bytes: too short
])
def test_ends_in_zone_hand_worked(cell, zoned):
    from smanalysis.io.arrowtext import ends_in_zone

    assert ends_in_zone(pa.array([cell, "", None])).tolist() == [zoned, False, False]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(ZONE_CHARS), max_size=26).map("".join), min_size=1, max_size=30))
def test_ends_in_zone_equals_the_regex(cells):
    import re

    from smanalysis.io.arrowtext import ends_in_zone

    want = [len(c) > 10 and re.search(ZONE_RX, c) is not None for c in cells]
    assert ends_in_zone(pa.array(cells, type=pa.large_string())).tolist() == want


COUNT_CELLS = ["", "0", "7", "007", "12400", "999999999999999", "1000000000000000", " 7", "-3", "1.2K", "12,400",
               "abc", "5 ", "+4", "undefined"]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(COUNT_CELLS), min_size=1, max_size=20), st.booleans())
def test_parse_count_of_digit_columns_equals_the_general_rules(cells, only_digits):
    # the fast path for columns of digits and blanks must give what the general rules give, cell by cell
    from smanalysis.io.numbers import _parse_slow, parse_count

    if only_digits:
        cells = [c for c in cells if c.isdigit() and len(c) <= 15 or c == ""] or [""]
    got = parse_count(pd.Series(cells, dtype=STR)).tolist()
    want = [np.nan if c.strip() in ("", "undefined") else float(v)
            for c, v in zip(cells, _parse_slow(pd.Series(cells, dtype=object)).tolist())]
    assert [None if g != g else g for g in got] == [None if w != w else w for w in want]


def test_kernels_give_the_same_column_slice_by_slice(monkeypatch):
    # fold and hashtags work on row slices of a long column: the slices' seams must not show
    import smanalysis.io.arrowtext as AT
    from smanalysis.io.lookalikes import fold_lookalikes, fold_reference

    rng = np.random.default_rng(7)
    cells = ["".join(rng.choice(CHARS, rng.integers(0, 30))) for _ in range(500)] + [None] * 5
    rng.shuffle(cells)
    s = pd.Series(cells, dtype=STR)

    def tags():
        return [t if isinstance(t, str) else None for t in hashtags_of(s).tolist()]

    whole_tags = tags()
    whole_fold = fold_lookalikes(pa.array(cells, type=pa.large_string())).to_pylist()
    monkeypatch.setattr(AT, "ROW_SLICE", 7)
    assert tags() == whole_tags
    assert fold_lookalikes(pa.array(cells, type=pa.large_string())).to_pylist() == whole_fold
    assert whole_fold == [None if c is None else fold_reference(c) for c in cells]
    assert whole_tags == [hashtags_reference(c) for c in cells]


def test_instagram_id_time_fast_links_and_regex_links_agree_with_the_pattern():
    # the plain links are decoded from their bytes, the others by the regex: both must read what the pattern reads
    import re

    from smanalysis.io.platforms import _IG_CODE

    rng = np.random.default_rng(11)
    alphabet = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"))
    forms = ["https://www.instagram.com/{k}/{c}/", "https://www.instagram.com/{k}/{c}", "https://instagram.com/{k}/{c}/",
             "https://www.instagram.com/kopisenja.id/{k}/{c}/?igsh=1", "http://www.instagram.com/{k}/{c}/",
             "https://www.instagram.com/{k}/{c}?x", "https://www.instagram.com/{k}//{c}/"]
    links = []
    for _ in range(3000):
        code = "".join(rng.choice(alphabet, rng.integers(1, 15)))  # too short, 8-12, and longer than 12
        kind = rng.choice(["p", "reel", "reels", "tv", "stories", "P"])
        links.append(rng.choice(forms).format(k=kind, c=("C" + code[1:]) if len(code) == 11 else code))
    links += ["https://www.instagram.com/p/", "https://www.instagram.com/p/ABCDEFGH", ""]
    got = instagram_id_time(pd.Series(links, dtype=STR))
    found = [re.search(_IG_CODE, link) for link in links]
    want = pd.to_datetime(pd.Series([_decode(m.group("code")) if m else np.nan for m in found]), unit="ms", utc=True)
    want = want.where((want >= pd.Timestamp("2012-01-01", tz="UTC")) & (want < pd.Timestamp("2100-01-01", tz="UTC")))
    assert got.notna().sum() > 150
    pd.testing.assert_series_equal(got, want, check_names=False)
