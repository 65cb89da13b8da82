"""Locale formatting: hand-worked expectations in Indonesian and English (CLDR through Babel)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from smanalysis import formatting as F  # noqa: E402


@pytest.mark.parametrize("v, lang, digits, expected", [
    (3284, "id", 0, "3.284"), (3284, "en", 0, "3,284"),
    (1234567.891, "id", 2, "1.234.567,89"), (1234567.891, "en", 2, "1,234,567.89"),
    (-9100, "id", 0, "-9.100"), (0.5, "id", 1, "0,5"), (999.96, "en", 1, "1,000.0"),
])
def test_number(v, lang, digits, expected):
    assert F.number(v, lang, digits) == expected


@pytest.mark.parametrize("missing", [None, float("nan"), np.nan, pd.NA, pd.NaT])
def test_missing_is_a_dash_everywhere(missing):
    for fn in (F.number, F.count, F.percent, F.change, F.signed, F.minutes, F.date, F.datetime, F.yes_no):
        assert fn(missing, "id") == "–"


@pytest.mark.parametrize("ratio, lang, digits, expected", [
    (0.054, "id", 1, "5,4%"), (0.054, "en", 1, "5.4%"), (0.307692, "id", 1, "30,8%"),
    (0.25, "id", 0, "25%"), (1.0, "en", 0, "100%"), (0.0005, "id", 1, "0,0%"), (0.00051, "id", 1, "0,1%"),
])
def test_percent(ratio, lang, digits, expected):
    # 0.0005 -> 0.05 %: Babel rounds half to even at one decimal -> 0.0 %; 0.051 % -> 0.1 %
    assert F.percent(ratio, lang, digits) == expected


def test_change_and_signed_show_the_sign():
    # engagement 100 -> 64 is a change of -36 %
    assert F.change((64 - 100) / 100, "id") == "-36%"
    assert F.change(0.125, "id", 1) == "+12,5%"
    assert F.change(0.125, "en", 1) == "+12.5%"
    assert F.signed(0.3, "id", 2) == "+0,30"
    assert F.signed(-0.3, "en", 1) == "-0.3"


def test_dates_and_ranges():
    assert F.date("2026-10-01", "id") == "1 Okt 2026"
    assert F.date("2026-10-01", "en") == "Oct 1, 2026"
    assert F.date_range("2026-10-01", "2026-10-31", "id") == "1–31 Okt 2026"
    assert F.date_range("2026-10-01", "2026-10-31", "en").replace("\u2009", " ") == "Oct 1 – 31, 2026"
    assert F.date_range("2026-12-20", "2027-01-05", "id") == "20 Des 2026–5 Jan 2027"
    assert F.date_range("2026-03-01", "2026-03-01", "id") == "1 Mar 2026"


def test_datetime_is_local_when_aware():
    ts = pd.Timestamp("2026-10-31 17:30", tz="UTC")  # 00:30 next day in Jakarta (UTC+7)
    assert F.datetime(ts, "id", timezone="Asia/Jakarta") == "1 Nov 2026 00.30"
    assert F.datetime(ts, "en", timezone="Asia/Makassar") == "Nov 1, 2026 01:30"


def test_minutes_and_hours_in_words():
    assert F.minutes(1, "id") == "1 menit"
    assert F.minutes(2, "en") == "2 minutes"
    assert F.minutes(89.6, "en") == "90 minutes"
    assert F.minutes(90, "id") == "1,5 jam"
    assert F.value(0.5, "hours", "en") == "30 minutes"


def test_slots_and_days():
    assert F.time_range(12, 14, "id") == "12.00–14.00"
    assert F.time_range(9, 11, "en") == "09:00–11:00"
    assert [F.day_name(d, "id") for d in (0, 4, 6)] == ["Senin", "Jumat", "Minggu"]


def test_value_rejects_unknown_unit_and_language():
    with pytest.raises(ValueError, match="`unit` must be one of .* 'kg' was passed"):
        F.value(1, "kg", "id")
    with pytest.raises(ValueError, match="`lang` must be one of \\['en', 'id'\\], but 'fr' was passed"):
        F.number(1, "fr")


def test_format_frame_every_cell_is_reader_text_and_input_unchanged():
    df = pd.DataFrame({
        "account": ["kopi", None],
        "n_posts": [12, 3],
        "reach": [9100.0, np.nan],
        "er_reach": [0.0537, 0.2],
        "paid": [True, False],
        "created_at": pd.to_datetime(["2026-10-01 06:00", "2026-10-02 07:15"]).tz_localize("UTC"),
        "date": pd.to_datetime(["2026-10-01", None]),
        "caption": ["line one\nline two", "ok"],
        "score": [0.12345, 12.5],
    })
    before = df.copy(deep=True)
    out = F.format_frame(df, "id", units={"er_reach": "ratio"}, timezone="Asia/Jakarta",
                         labels=lambda c, lang: c.upper())
    pd.testing.assert_frame_equal(df, before)
    assert list(out.columns) == [c.upper() for c in df.columns]
    assert out.iloc[0].tolist() == ["kopi", "12", "9.100", "5,4%", "ya", "1 Okt 2026 13.00", "1 Okt 2026",
                                    "line one line two", "0,12"]
    assert out.iloc[1].tolist() == ["–", "3", "–", "20,0%", "tidak", "2 Okt 2026 14.15", "–", "ok", "12,5"]
    en = F.format_frame(df, "en", units={"er_reach": "ratio"}, timezone="Asia/Jakarta")
    assert en.iloc[0, 2] == "9,100" and en.iloc[0, 4] == "yes" and en.iloc[1, 8] == "12.5"
    # no raw python or pandas tokens left anywhere
    text = " ".join(out.to_numpy().ravel().tolist() + en.to_numpy().ravel().tolist())
    for raw in ("True", "False", "NaN", "NaT", "None", "nan"):
        assert raw not in text


def test_format_frame_empty_and_bad_unit():
    empty = F.format_frame(pd.DataFrame({"a": pd.Series(dtype=float)}), "en")
    assert empty.shape == (0, 1) and list(empty.columns) == ["a"]
    with pytest.raises(ValueError, match=r"`units\['a'\]`"):
        F.format_frame(pd.DataFrame({"a": [1]}), "id", units={"a": "furlongs"})


def test_axis_format_counts_are_whole_numbers_in_locale():
    fig, ax = plt.subplots()
    ax.bar(["a", "b", "c"], [1, 2, 3])  # matplotlib would put 0.5, 1.5, 2.5 ticks here
    F.axis_format(ax, "count", "id")
    fig.canvas.draw()
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks and all("," not in t and "." not in t for t in ticks)
    assert all(float(v).is_integer() for v in ax.get_yticks())
    F.axis_format(ax, "ratio", "id", axis="x")
    ax.set_xticks([0, 0.25])
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0%", "25%"]
    plt.close(fig)


def test_clock_and_time_cells():
    assert F.clock("07:05", "id") == "07.05" and F.clock("07:05", "en") == "07:05"
    assert F.clock(pd.Timestamp("2026-10-01 16:20"), "id") == "16.20"
    assert F.clock("sore", "id") == "sore" and F.clock(None, "en") == F.MISSING
    # a text cell that is only a time is a time; a caption that mentions one is text
    df = pd.DataFrame({"item": ["07:00", "buka 07:00"]})
    assert F.format_frame(df, "id")["item"].tolist() == ["07.00", "buka 07:00"]


def test_heatmap_colour_scale_in_the_readers_marks():
    from smanalysis.plotting import plot_best_times

    bt = pd.DataFrame({"weekday": [0, 0, 1], "hour": [10, 12, 10], "median": [0.025, 0.05, 0.1],
                       "rank": [None, 1.0, None], "metric": "er_reach", "n_posts": 3})
    ax = plot_best_times(bt, lang="id")
    bar = ax.figure.axes[-1]
    bar.set_yticks([0.025, 0.05, 0.075, 0.1])
    ax.figure.canvas.draw()
    assert [t.get_text() for t in bar.get_yticklabels()] == ["2,5%", "5,0%", "7,5%", "10,0%"]
    plt.close(ax.figure)


def test_growth_spike_labels_do_not_overlap():
    from smanalysis.plotting import plot_follower_growth

    weeks = pd.date_range("2026-01-05", periods=30, freq="W-MON")
    rows = []
    for acc, spike in (("a", 0.9), ("b", 0.8)):  # two accounts jump in the same week
        g = np.full(len(weeks), 0.01)
        g[10] = spike
        rows.append(pd.DataFrame({"platform": "instagram", "account": acc, "period": weeks, "follower_growth": g}))
    ax = plot_follower_growth(pd.concat(rows, ignore_index=True), lang="id")
    ax.figure.canvas.draw()
    labels = [t for t in ax.texts if t.get_text().endswith("%")]
    assert sorted(t.get_text() for t in labels) == ["80%", "90%"]
    a, b = (t.get_window_extent() for t in labels)
    assert not a.overlaps(b)
    plt.close(ax.figure)
