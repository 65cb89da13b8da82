"""Issue 13 item 3: text that Excel/LibreOffice would run as a formula is neutralised in every
CSV/XLSX written for people (OWASP: prefix ``'`` to cells starting with = + - @ tab CR)."""

import csv

import openpyxl
import pandas as pd
import pytest

from smanalysis.spreadsheet import neutralise_formulas, write_table

DANGER = ["=", "+", "-", "@", "\t", "\r"]


@pytest.mark.parametrize("ch", DANGER)
def test_each_dangerous_first_character_is_prefixed(ch):
    df = pd.DataFrame({"caption": [f"{ch}HYPERLINK(\"http://x\")", "aman"], "n": [1, 2]})
    out = neutralise_formulas(df)
    assert out["caption"].tolist() == [f"'{ch}HYPERLINK(\"http://x\")", "aman"]
    assert out["n"].tolist() == [1, 2]
    assert df["caption"].iloc[0].startswith(ch)  # input not mutated


def test_numbers_and_harmless_text_stay():
    df = pd.DataFrame({"a": ["-5", "+62 812", "-12.5", "kopi - enak", "", None], "b": [-1.5, 2, 3, 4, 5, 6]})
    out = neutralise_formulas(df)
    assert out["a"].tolist()[:5] == ["-5", "'+62 812", "-12.5", "kopi - enak", ""]
    assert out["a"].isna().iloc[5] and out["b"].tolist()[0] == -1.5


def test_header_cells_are_neutralised_too():
    out = neutralise_formulas(pd.DataFrame({"=cmd": [1]}))
    assert list(out.columns) == ["'=cmd"]


@pytest.mark.parametrize("ch", DANGER)
def test_write_table_csv_and_xlsx(tmp_path, ch):
    df = pd.DataFrame({"theme": [f"{ch}1+1"], "n": [3]})
    p = write_table(df, tmp_path / "t.csv")
    rows = list(csv.reader(open(p, encoding="utf-8-sig", newline="")))
    assert rows[1][0] == f"'{ch}1+1"
    x = write_table(df, tmp_path / "t.xlsx", sheet="Plan")
    ws = openpyxl.load_workbook(x)["Plan"]
    # XML keeps no bare CR (it comes back as LF); the apostrophe is what matters
    assert ws["A2"].value.startswith("'") and ws["A2"].value.endswith("1+1") and ws["A2"].data_type == "s"


def _planted():
    return "=HYPERLINK(\"http://evil\",\"klik\")"


def test_people_facing_writers_use_the_one_writer(tmp_path):
    """write_tables (care queue, plan review, plan vs actual, competitor scan), next plan and the
    batch summary all neutralise."""
    from smanalysis.factfinding import write_tables

    write_tables({"care_queue": pd.DataFrame({"text": [_planted()]})}, tmp_path, prefix="03_")
    assert next(csv.reader(open(tmp_path / "03_care_queue.csv", encoding="utf-8-sig")))[0] == "text"
    assert list(csv.reader(open(tmp_path / "03_care_queue.csv", encoding="utf-8-sig")))[1][0].startswith("'=")


def test_content_plan_writer_neutralises(tmp_path):
    from smanalysis.io.writers import write_content_plan

    plan = pd.DataFrame({"date": pd.to_datetime(["2026-10-05"]), "platform": ["instagram"], "theme": ["@tema"],
                         "caption": [_planted()], "content_type": ["promo"], "status": ["posted"]})
    write_content_plan(plan, tmp_path / "p.csv")
    text = (tmp_path / "p.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'@tema" in text
