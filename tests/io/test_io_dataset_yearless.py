"""Yearless dates (TikTok follower history) take their year from observed data, not the plan."""

import warnings
from pathlib import Path

import pandas as pd
import pytest

from smanalysis.io import load_dataset

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"


@pytest.mark.skipif(not (SAMPLE / "exports").exists(), reason="bundled sample not present")
def test_plan_dates_past_the_exports_do_not_shift_yearless_dates():
    # The sample's plan runs into November 2026; the exports end on 2026-10-31.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ds = load_dataset([SAMPLE / "exports", SAMPLE / "content_plan.csv"])
    assert ds.content_plan["date"].max() > pd.Timestamp("2026-10-31")
    tiktok = ds.followers[ds.followers["platform"] == "tiktok"]["date"]
    assert tiktok.min() == pd.Timestamp("2025-11-01")
    assert tiktok.max() == pd.Timestamp("2026-10-31")


def test_exact_duplicate_interactions_are_dropped_and_reported(tmp_path):
    # the same reply twice in one file, plus a second, distinct reply between the same accounts
    (tmp_path / "edges.csv").write_text(
        "source,target,kind,created_at,platform,post_id\n"
        "ani,kopisenja,reply,2026-10-01T10:00:00Z,x,1\n"
        "ani,kopisenja,reply,2026-10-01T10:00:00Z,x,1\n"
        "ani,kopisenja,reply,2026-10-02T10:00:00Z,x,2\n",
        encoding="utf-8",
    )
    with pytest.warns(Warning, match="1 duplicate row"):
        ds = load_dataset([tmp_path / "edges.csv"])
    assert len(ds.interactions) == 2
    assert ds.duplicates["dropped_line"].tolist() == [3]
    assert ds.duplicates["kept_line"].tolist() == [2]
