"""The notebooks ship inside the package and `smanalysis notebooks DIR` gives a working folder
whose notebooks run as they are (the sample wired in)."""

import json
import re
from pathlib import Path

import pytest

from smanalysis.cli import main
from smanalysis.workspace import copy_notebooks, notebook_files, notebooks_dir

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["01_fact_finding", "02_plan_review", "03_execution", "04_evaluation", "05_sentiment_labeller",
         "01_kenali_usaha_anda", "02_rencana_konten", "03_baca_data_anda"]


def _params(path: Path) -> dict:
    nb = json.loads(path.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", []))
    src = "".join(cell["source"])
    return dict(re.findall(r'^(\w+): str = "([^"]*)"', src, re.M))


def test_notebooks_are_inside_the_package():
    assert notebooks_dir() == ROOT / "smanalysis" / "notebooks"
    assert [p.stem for p in notebook_files()] == NAMES
    # the repository keeps its top-level notebooks/ entry, pointing at the same files
    assert (ROOT / "notebooks" / "04_evaluation.ipynb").resolve() == notebooks_dir() / "04_evaluation.ipynb"


def test_shipped_defaults_point_at_the_repository_sample():
    """Opened from a clone, the notebooks' default config is the bundled sample."""
    for path in notebook_files():
        p = _params(path)
        assert (path.parent / p["config"]).resolve() == (ROOT / "data" / "sample" / "client.yaml").resolve()


def test_notebooks_command_wires_the_sample(tmp_path, capsys):
    dest = tmp_path / "kerja"
    assert main(["notebooks", str(dest)]) == 0
    printed = capsys.readouterr().out.split()
    assert str(dest / "04_evaluation.ipynb") in printed and str(dest / "sample" / "client.yaml") in printed
    for name in NAMES:
        path = next(dest.rglob(f"{name}.ipynb"))
        p = _params(path)
        assert (path.parent / p["config"]).resolve() == (dest / "sample" / "client.yaml").resolve(), name
        if "export_file" in p:
            assert (path.parent / p["export_file"]).resolve().is_file()
    assert _params(dest / "04_evaluation.ipynb")["output_dir"] == "reports/kopi-senja"
    assert _params(dest / "workshop" / "01_kenali_usaha_anda.ipynb")["config"] == "../sample/client.yaml"


def test_notebooks_command_never_overwrites_edits(tmp_path, capsys):
    copy_notebooks(tmp_path, sample=False)
    mine = tmp_path / "02_plan_review.ipynb"
    mine.write_text("{}", encoding="utf-8")
    assert main(["notebooks", str(tmp_path), "--no-sample"]) == 2
    assert "02_plan_review.ipynb" not in capsys.readouterr().err or mine.read_text(encoding="utf-8") == "{}"
    assert mine.read_text(encoding="utf-8") == "{}"
    assert main(["notebooks", str(tmp_path), "--no-sample", "--force"]) == 0
    assert mine.read_text(encoding="utf-8") != "{}"
    assert not (tmp_path / "sample").exists()


def test_sample_command_writes_anywhere(tmp_path, capsys):
    assert main(["sample", "--out", str(tmp_path / "s"), "--scale", "0.05"]) == 0
    assert (tmp_path / "s" / "client.yaml").is_file() and list((tmp_path / "s" / "exports").iterdir())


@pytest.mark.slow
def test_copied_notebook_runs_with_its_defaults(tmp_path):
    """No parameters passed: the copied notebook finds the sample next to it."""
    pm = pytest.importorskip("papermill")
    copy_notebooks(tmp_path)
    nb = pm.execute_notebook(str(tmp_path / "01_fact_finding.ipynb"), str(tmp_path / "out.ipynb"),
                             cwd=str(tmp_path), kernel_name="python3", progress_bar=False)
    text = json.dumps([c.get("outputs", []) for c in nb["cells"]], ensure_ascii=False)
    assert "Data dimuat untuk" in text and "Traceback" not in text
