import numpy as np
import pandas as pd
import pytest

from smanalysis.io import parse_count


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12,400", 12400.0),
        ("12.400", 12400.0),  # Indonesian thousands separator
        ("1.234.567", 1234567.0),
        ("1,234,567", 1234567.0),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1,2 rb", 1200.0),
        ("1,2rb", 1200.0),
        ("2 ribu", 2000.0),
        ("1.2K", 1200.0),
        ("15.3k", 15300.0),
        ("3M", 3_000_000.0),
        ("2,5 jt", 2_500_000.0),
        ("1.250K", 1250.0),  # a suffix makes the mark decimal
        ("4.5%", 0.045),
        ("0.025", 0.025),  # integer part 0: decimal
        ("4.5", 4.5),
        ("12,5", 12.5),
        ("-3", -3.0),
        (" 7 ", 7.0),
        ("1\u00a0200", 1200.0),
    ],
)
def test_parse_count_values(text, expected):
    assert parse_count(pd.Series([text])).iloc[0] == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "undefined", "-", "N/A", "abc", "1.2.3x", None])
def test_parse_count_missing_or_unreadable_is_nan(text):
    assert np.isnan(parse_count(pd.Series([text], dtype=object)).iloc[0])


def test_parse_count_keeps_index_and_numeric_input():
    s = pd.Series(["1", "2"], index=[10, 20])
    out = parse_count(s)
    assert out.index.tolist() == [10, 20]
    assert out.dtype == "float64"
    assert parse_count(pd.Series([1, 2])).tolist() == [1.0, 2.0]


def test_parse_count_does_not_mutate_input():
    s = pd.Series(["1,2 rb", "12.400"])
    before = s.copy()
    parse_count(s)
    pd.testing.assert_series_equal(s, before)


@pytest.mark.parametrize("cells", [
    ["7", "", "12400", "35"],        # the first cell shorter than the widest
    ["", "9", "123456789012345"],    # a blank, then a 1-digit cell, then a 15-digit one
    ["5", "12", "x"],                # not all digits: the general rules (x -> NaN)
])
def test_parse_count_of_plain_integer_columns_by_hand(cells):
    want = [float(c) if c.isdigit() else np.nan for c in cells]
    np.testing.assert_array_equal(parse_count(pd.Series(cells)).to_numpy(), want)
    np.testing.assert_array_equal(parse_count(pd.Series(cells, dtype="str")).to_numpy(), want)
