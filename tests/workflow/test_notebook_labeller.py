"""The sentiment labeller notebook (05) runs under papermill on the sample, with no widget interaction."""

import json
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
NB = ROOT / "smanalysis" / "notebooks" / "05_sentiment_labeller.ipynb"


def test_labeller_notebook_shape():
    nb = nbformat.read(NB, as_version=4)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    for c in nb.cells:
        if c.cell_type == "code":
            assert not c.get("outputs") and c.get("execution_count") is None
            assert not re.search(r"^\s*(def|class|for|while|async)\s", c.source, re.M), c.source


@pytest.mark.slow
def test_labeller_notebook_runs_on_sample(tmp_path, monkeypatch):
    pm = pytest.importorskip("papermill")
    monkeypatch.setenv("SMANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    out = tmp_path / "05.ipynb"
    pm.execute_notebook(str(NB), str(out), parameters={"output_dir": str(tmp_path / "s"), "n_label": 10, "folds": 3,
                                                       "n_boot": 50, "model_out": str(tmp_path / "s" / "m.smmodel")},
                        cwd=str(NB.parent), kernel_name="python3", progress_bar=False, log_output=False)
    assert (tmp_path / "s" / "label_sheet.csv").is_file() and (tmp_path / "s" / "m.smmodel").is_file()
    text = json.dumps(json.loads(out.read_text(encoding="utf-8")))
    assert "trained - default" in text and "sentiment_model:" in text
