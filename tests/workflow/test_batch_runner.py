"""The papermill runner and the batch (smanalysis.reporting.runner), on a tiny test notebook.

The tiny notebook (tests/fixtures/workflow/tiny_report.ipynb) reads only its config, shows a
table with a planted <script> comment, a figure and a warning naming an absolute path, and
writes metrics.json; a config with ``fail:`` makes it raise.
"""

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from smanalysis.cli import main
from smanalysis.reporting.batch import format_summary, run_batch
from smanalysis.reporting.runner import notebook_parameters

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "workflow"
TINY = str(FIX / "tiny_report.ipynb")

pytestmark = pytest.mark.slow


def _client(tmp_path, slug, extra=""):
    d = tmp_path / "configs"
    d.mkdir(exist_ok=True)
    shutil.copy(FIX / "tiny_profile.yaml", d / "tiny_profile.yaml")
    p = d / f"{slug}.yaml"
    p.write_text(f"client: Toko {slug}\nslug: {slug}\nprofile: tiny_profile.yaml\ndata: [tiny_profile.yaml]\n"
                 f"period: {{start: 2026-10-01, end: 2026-10-31}}\n{extra}", encoding="utf-8")
    return p


def test_batch_one_broken_others_finish(tmp_path, capsys):
    good1 = _client(tmp_path, "satu")
    broken = _client(tmp_path, "dua", "fail: stok habis\n")
    missing = tmp_path / "configs" / "tiga_missing.yaml"
    good2 = _client(tmp_path, "empat", "lang: en\n")
    out = tmp_path / "reports"
    summary = run_batch([good1, broken, missing, good2], out=out, jobs=2, notebooks=[TINY], allow_custom_notebooks=True, heartbeat=0.5)
    assert summary["client"].tolist() == ["Toko satu", "Toko dua", "tiga_missing", "Toko empat"]
    assert summary["status"].tolist() == ["ok", "failed", "failed", "ok"]
    assert "RuntimeError: planted failure: stok habis" in summary["reason"].iloc[1]
    assert "tiga_missing.yaml" in summary["reason"].iloc[2] and "not found" in summary["reason"].iloc[2]
    assert (summary["seconds"] >= 0).all() and summary["seconds"].iloc[0] > 0
    printed = capsys.readouterr().out
    assert "[4/4]" in printed and "stok habis" in printed and "2/4 ok" in printed
    assert "to go (running: " in printed  # progress while the kernels run
    for slug in ("satu", "empat"):
        d = out / slug
        assert (d / "report.html").is_file() and (d / "metrics.json").is_file()
        assert (d / "notebooks" / "tiny_report.ipynb").is_file()
        assert f"{slug}/report.html" in summary.loc[summary["client"] == f"Toko {slug}", "outputs"].iloc[0]
    assert json.loads((out / "empat" / "metrics.json").read_text())["lang"] == "en"
    assert (out / "summary.csv").read_text(encoding="utf-8-sig").startswith("client,status,seconds,reason")
    # the failed client's partial notebook is kept (scrubbed) for debugging, without a report
    assert (out / "dua" / "notebooks" / "tiny_report.ipynb").is_file() and not (out / "dua" / "report.html").exists()


def test_report_is_safe_and_scrubbed(tmp_path):
    cfg = _client(tmp_path, "aman")
    out = tmp_path / "reports"
    summary = run_batch([cfg], out=out, notebooks=[TINY], allow_custom_notebooks=True, verbose=False)
    assert summary["status"].tolist() == ["ok"], summary["reason"].tolist()
    html = (out / "aman" / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert('x')&lt;/script&gt; enak" in html
    assert "data:image/png;base64," in html
    assert "Ringkasan" in html and "Komentar" in html
    assert "hidden from the client" not in html  # notes cell left out
    for text in (html, (out / "aman" / "notebooks" / "tiny_report.ipynb").read_text(encoding="utf-8"),
                 (out / "aman" / "metrics.json").read_text(encoding="utf-8")):
        assert str(tmp_path) not in text and "/work/" not in text and str(Path.home()) + "/" not in text
    nb = nbformat.read(out / "aman" / "notebooks" / "tiny_report.ipynb", as_version=4)
    assert nb.metadata["papermill"]["parameters"]["config"] == "../../configs/aman.yaml"
    assert nb.metadata["papermill"]["input_path"] == "tiny_report.ipynb"
    assert not (out / "aman" / ".cache").exists()


def test_duplicate_slug_fails_without_running(tmp_path):
    a = _client(tmp_path, "sama")
    b = tmp_path / "configs" / "copy.yaml"
    b.write_text(a.read_text(encoding="utf-8"), encoding="utf-8")
    summary = run_batch([a, b], out=tmp_path / "r", notebooks=[TINY], allow_custom_notebooks=True, verbose=False, jobs=2)
    assert summary["status"].tolist() == ["ok", "failed"]
    assert summary["reason"].iloc[1] == "slug 'sama' is already used by sama.yaml"


def test_sections_not_computed_make_a_partial_report(tmp_path):
    cfg = _client(tmp_path, "sebagian", "problems: [{section: network.shortlist, error: 'TypeError: x'}]\n")
    summary = run_batch([cfg], out=tmp_path / "r", notebooks=[TINY], allow_custom_notebooks=True, verbose=False)
    assert summary["status"].tolist() == ["partial"]
    assert summary["reason"].iloc[0] == "sections not computed: network.shortlist (TypeError: x)"
    assert (tmp_path / "r" / "sebagian" / "report.html").is_file()


def test_cli_report_exit_code_and_period(tmp_path, monkeypatch, capsys):
    import smanalysis.reporting.runner as runner

    monkeypatch.setattr(runner, "DEFAULT_NOTEBOOKS", (TINY,))
    cfg = _client(tmp_path, "cli")
    rc = main(["report", str(cfg), "--out", str(tmp_path / "r"), "--lang", "en", "--period", "2026-08",
               "--allow-custom-notebooks"])
    assert rc == 0
    m = json.loads((tmp_path / "r" / "cli" / "metrics.json").read_text())
    assert m["period"] == ["2026-08-01", "2026-08-31"] and m["lang"] == "en"
    bad = _client(tmp_path, "bad", "fail: yes\n")
    assert main(["report", str(bad), "--out", str(tmp_path / "r"), "--allow-custom-notebooks"]) == 1


@pytest.mark.parametrize("kwargs, match", [
    ({"jobs": 0}, "`jobs` must be a whole number of at least 1, but 0"),
    ({"lang": "fr"}, r"`lang` must be one of \['id', 'en'\], but 'fr'"),
    ({"period": "oktober"}, "`period` must be 'YYYY-MM' or 'START:END'"),
])
def test_run_batch_bad_options(tmp_path, kwargs, match):
    with pytest.raises(ValueError, match=match):
        run_batch([tmp_path / "x.yaml"], out=tmp_path, **kwargs)


def test_format_summary_and_parameters():
    import pandas as pd

    s = pd.DataFrame({"client": ["Kopi Senja", "B"], "status": ["ok", "failed"], "seconds": [12.34, 0.5],
                      "reason": ["", "FileNotFoundError: x"]})
    assert format_summary(s).splitlines() == [
        "client      status  time (s)  reason",
        "Kopi Senja  ok          12.3",
        "B           failed       0.5  FileNotFoundError: x",
    ]
    p = notebook_parameters("../c.yaml", period=(pd.Timestamp("2026-10-01"), pd.Timestamp("2026-10-31")),
                            previous=(pd.Timestamp("2026-09-01"), pd.Timestamp("2026-09-30")), lang="id",
                            pseudonymise=False)
    assert p == {"config": "../c.yaml", "period_start": "2026-10-01", "period_end": "2026-10-31",
                 "previous_start": "2026-09-01", "previous_end": "2026-09-30", "lang": "id",
                 "pseudonymise": False, "output_dir": "."}


def test_unknown_notebook_is_a_failed_client(tmp_path):
    cfg = _client(tmp_path, "tanpa")
    summary = run_batch([cfg], out=tmp_path / "r", notebooks=["99_tidak_ada"], verbose=False)
    assert summary["status"].tolist() == ["failed"]
    assert summary["reason"].iloc[0] == "FileNotFoundError: notebook '99_tidak_ada' not found in the notebooks folder"


def test_unreadable_data_files_make_a_partial_report(tmp_path):
    # metrics.json data.failed (written by the report from Dataset.failed) -> batch status partial
    cfg = _client(tmp_path, "rusak", "failed: [{file: posts_rusak.csv, reason: 'unknown format'}]\n")
    summary = run_batch([cfg], out=tmp_path / "r", notebooks=[TINY], allow_custom_notebooks=True, verbose=False)
    assert summary["status"].tolist() == ["partial"]
    assert summary["reason"].iloc[0] == "files not read: posts_rusak.csv (unknown format)"
