"""The step notebooks (01 fact finding, 02 plan review, 03 execution) and the workshop notebooks,
executed with papermill on the bundled sample and on a sparse client (no comments, no network data),
in Bahasa Indonesia and English."""

import json
import os
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
SAMPLE = ROOT / "data" / "sample" / "client.yaml"
SPARSE = ROOT / "tests" / "fixtures" / "workflow" / "sparse_steps.yaml"
STEPS = ["01_fact_finding", "02_plan_review", "03_execution"]
WORKSHOP = ["01_kenali_usaha_anda", "02_rencana_konten", "03_baca_data_anda"]
PARAMS = ("config", "period_start", "period_end", "previous_start", "previous_end", "lang", "pseudonymise",
          "output_dir")
NO_DATA = {"id": "Tidak ada data untuk bagian ini.", "en": "No data for this section."}
LOADED = {"id": "Data dimuat untuk", "en": "Data loaded for"}


def _all_notebooks():
    return [NOTEBOOKS / f"{n}.ipynb" for n in STEPS] + [NOTEBOOKS / "workshop" / f"{n}.ipynb" for n in WORKSHOP]


@pytest.mark.parametrize("path", _all_notebooks(), ids=lambda p: p.stem)
def test_notebook_shape(path):
    """Title first, one `parameters` cell of literals, no def/loops, committed without outputs."""
    nb = nbformat.read(path, as_version=4)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    names = [line.split(":")[0] for line in tagged[0].source.splitlines() if line.strip()]
    assert names[: len(PARAMS)] == list(PARAMS)
    for c in nb.cells:
        if c.cell_type == "code":
            assert not c.get("outputs") and c.get("execution_count") is None
            assert not re.search(r"^\s*(def|class|for|while|async)\s", c.source, re.M), c.source


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    pm = pytest.importorskip("papermill")
    if not SAMPLE.is_file():
        pytest.skip("the bundled sample (data/sample/client.yaml) is not present")
    cache = tmp_path_factory.mktemp("dataset-cache")
    old = os.environ.get("SMANALYSIS_CACHE_DIR")
    os.environ["SMANALYSIS_CACHE_DIR"] = str(cache)
    os.environ.setdefault("MPLBACKEND", "Agg")

    def _run(path: Path, config: Path, lang: str, **extra):
        out = tmp_path_factory.mktemp(f"{path.stem}-{config.stem}-{lang}")
        params = dict(config=str(config), lang=lang, output_dir=str(out / "tables"), **extra)
        pm.execute_notebook(str(path), str(out / path.name), parameters=params, cwd=str(path.parent),
                            kernel_name="python3", progress_bar=False, log_output=False)
        nb = json.loads((out / path.name).read_text(encoding="utf-8"))
        return nb, out

    yield _run
    if old is None:
        os.environ.pop("SMANALYSIS_CACHE_DIR", None)
    else:
        os.environ["SMANALYSIS_CACHE_DIR"] = old


def _text(nb, *, streams: bool = True) -> str:
    parts = []
    for c in nb["cells"]:
        for o in c.get("outputs", []):
            if streams or o.get("output_type") != "stream":
                parts.append(json.dumps(o.get("data", o.get("text", "")), ensure_ascii=False))
    return "\n".join(parts)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", STEPS)
def test_step_notebook_on_sample(run, name, lang):
    nb, out = run(NOTEBOOKS / f"{name}.ipynb", SAMPLE, lang)
    text = _text(nb)
    assert LOADED[lang] in text
    assert "Traceback" not in text
    assert list((out / "tables").glob(f"{name[:2]}_*.csv"))
    assert str(ROOT) not in _text(nb, streams=False)   # no absolute local paths in the results


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", STEPS)
def test_step_notebook_on_sparse_client(run, name, lang):
    nb, _ = run(NOTEBOOKS / f"{name}.ipynb", SPARSE, lang)
    text = _text(nb)
    assert LOADED[lang] in text
    if name == "03_execution":              # no comments: the care sections say so
        assert text.count(NO_DATA[lang]) >= 2


@pytest.mark.slow
@pytest.mark.parametrize("name", WORKSHOP)
def test_workshop_notebook_on_sample(run, name):
    extra = {}
    if name.startswith("03"):
        extra["export_file"] = str(ROOT / "data" / "sample" / "exports" / "instagram_posts_2026-05_2026-10.csv")
    nb, out = run(NOTEBOOKS / "workshop" / f"{name}.ipynb", SAMPLE, "id", **extra)
    text = _text(nb)
    assert "Traceback" not in text
    if name.startswith("01"):
        assert "Fase 1: paham" in text     # the example answers: no written plan yet -> phase 1
    if name.startswith("02"):
        assert (out / "tables" / "lokakarya_rencana_saya.csv").is_file()
