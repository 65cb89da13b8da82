"""notebooks/04_evaluation.ipynb executed with papermill (through the report runner) on the
bundled sample and on a sparse client (posts and plan only), in Bahasa Indonesia and English.

The sample run in Bahasa Indonesia also carries a planted comment whose text and author hold
HTML/script: it must show as text in the report, never as markup. Each case runs one client, so
that ``pytest -n 2`` spreads them over the workers.
"""

import json
from pathlib import Path

import pandas as pd
import pytest
import yaml

from smanalysis.formatting import date_range
from smanalysis.io import read
from smanalysis.reporting.sections import SECTIONS
from smanalysis.words import text
from smanalysis.reporting.runner import run_client

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"
SPARSE = Path(__file__).resolve().parents[1] / "fixtures" / "workflow" / "sparse_client.yaml"
PLANTED = "<script>alert('xss')</script> kopinya kok pahit banget, kecewa?"

pytestmark = pytest.mark.slow


def _sample_dir(tmp: Path) -> Path:
    """The bundled sample, or one generated the same way when the checkout does not have it yet."""
    if (SAMPLE / "client.yaml").is_file():
        return SAMPLE
    from smanalysis.sample import write_sample

    write_sample(tmp / "sample")
    return tmp / "sample"


def _planted_comments(sample: Path, path: Path):
    """One unanswered complaint on an own October post, with HTML in its text and author."""
    from smanalysis.io import read
    from smanalysis.io.writers import write_comments_export

    posts = read(sample / "exports" / "instagram_posts_2026-05_2026-10.csv").data
    own = posts[(posts["account"] == "kopisenja.id") & (posts["created_at"] >= pd.Timestamp("2026-10-01", tz="UTC"))]
    c = pd.DataFrame({"comment_id": ["planted-1"], "post_id": [own["post_id"].iloc[0]], "platform": ["instagram"],
                      "author": ["<b>peretas</b>"], "text": [PLANTED],
                      "created_at": pd.to_datetime(["2026-09-30 17:01"], utc=True), "is_brand_reply": [False]})
    write_comments_export(c, path)


@pytest.fixture(scope="module")
def configs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("eval")
    sample = _sample_dir(tmp)
    cfgs = tmp / "configs"
    cfgs.mkdir()
    _planted_comments(sample, cfgs / "planted_comments.csv")
    base = yaml.safe_load((sample / "client.yaml").read_text(encoding="utf-8"))
    root = Path(sample).resolve()

    def absolute(cfg):
        cfg = dict(cfg)
        for key in ("profile", "codebook"):
            if cfg.get(key):
                cfg[key] = str(root / cfg[key])
        cfg["data"] = [str(root / d) if isinstance(d, str) else {**d, "path": str(root / d["path"])}
                       for d in cfg["data"]]
        return cfg

    def write(name, cfg):
        (cfgs / f"{name}.yaml").write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")

    planted = absolute(base)
    planted["data"] = planted["data"] + ["planted_comments.csv"]
    write("sample_id", {**planted, "slug": "sample-id", "lang": "id"})
    write("sample_en", {**absolute(base), "slug": "sample-en", "lang": "en"})
    sparse = yaml.safe_load(SPARSE.read_text(encoding="utf-8"))
    sparse["profile"] = str(root / "profile.yaml")
    sparse["data"] = [str(root / Path(d).relative_to("../../../data/sample")) for d in sparse["data"]]
    write("sparse_id", {**sparse, "slug": "sparse-id", "lang": "id"})
    write("sparse_en", {**sparse, "slug": "sparse-en", "lang": "en"})
    return cfgs


@pytest.fixture
def report(configs, tmp_path):
    """Run one client through the report runner; returns its output folder and result row."""

    def run(slug):
        res = run_client(configs / f"{slug.replace('-', '_')}.yaml", out=tmp_path / "reports")
        return tmp_path / "reports" / slug, res

    return run


CASES = [("sample-id", "id"), ("sample-en", "en"), ("sparse-id", "id"), ("sparse-en", "en")]


@pytest.mark.parametrize("slug, lang", CASES)
def test_notebook_04(report, slug, lang):
    folder, res = report(slug)
    assert res["status"] == "ok", res["reason"]
    html = (folder / "report.html").read_text(encoding="utf-8")
    # every section heading, in the body and in the table of contents
    toc = html.split('class="toc"')[1].split("</nav>")[0]
    for key in SECTIONS:
        title = text(f"section.{key}", lang)
        assert f">{title}</h1>" in html.replace("&amp;", "&"), f"section {key!r} missing"
        assert title in toc
    assert "<script" not in html.lower()
    assert "/work/" not in html and str(Path.home()) + "/" not in html
    assert date_range("2026-10-01", "2026-10-31", lang) in html  # "1–31 Okt 2026", CLDR through Babel
    nb_text = (folder / "notebooks" / "04_evaluation.ipynb").read_text(encoding="utf-8")
    assert "/work/" not in nb_text and str(Path.home()) + "/" not in nb_text
    plan = pd.read_csv(folder / "next_plan.csv")
    assert len(plan) > 0 and plan["date"].min() >= "2026-11-01" and plan["date"].max() <= "2026-11-30"
    back = read(folder / "next_plan.csv")  # the draft feeds the next cycle: it reads as a content plan
    assert back.table == "content_plan" and back.rejects.empty and len(back.data) == len(plan)

    m = json.loads((folder / "metrics.json").read_text(encoding="utf-8"))
    assert m["period"] == {"start": "2026-10-01", "end": "2026-10-31"} and m["lang"] == lang
    assert m["problems"] == [], m["problems"]
    assert m["figures"]["current"]["n_posts"] > 0
    assert {k["kpi"] for k in m["kpis"]} >= {"er_reach", "response_rate"}
    assert m["pseudonymised"] is True
    if slug.startswith("sample"):
        assert m["figures"]["current"]["reply_rate_questions"] is not None and m["network"]["nodes"] > 0
        assert m["recommendations"] and m["unanswered"] > 0
        assert "pengguna_" in html or "user_" in html  # people's handles pseudonymised
        assert "kopisenja.id" in html  # the brand's own handle stays
    else:  # the sparse client: the sections say there is no data instead of failing
        assert m["figures"]["current"]["reply_rate_questions"] is None and m["network"] is None
        assert text("report.no_source", lang, what=text("report.w_network", lang)) in html
        what = text("report.w_comments", lang) + " / " + text("report.w_mentions", lang)
        assert text("report.no_source", lang, what=what) in html
    if slug == "sample-id":  # the planted comment shows as text
        assert "&lt;script&gt;alert('xss')&lt;/script&gt; kopinya kok pahit" in html
        assert "<b>peretas</b>" not in html  # a handle with markup is pseudonymised, never rendered


def test_readme_main_job_command(tmp_path, monkeypatch):
    """README: `smanalysis report data/sample/client.yaml --out reports` writes reports/kopi-senja/."""
    if not (SAMPLE / "client.yaml").is_file():
        pytest.skip("the bundled sample (data/sample/client.yaml) is not in this checkout")
    from smanalysis.cli import main

    monkeypatch.chdir(ROOT)
    out = tmp_path / "reports"
    assert main(["report", "data/sample/client.yaml", "--out", str(out)]) == 0
    folder = out / "kopi-senja"
    assert {"report.html", "metrics.json", "next_plan.csv", "notebooks"} <= {p.name for p in folder.iterdir()}
    assert (out / "summary.csv").is_file()


def test_all_four_notebooks_stitched(configs, tmp_path):
    """`notebooks: all` runs 01-04 for one client and stitches them into one report."""
    cfg = yaml.safe_load((configs / "sample_en.yaml").read_text(encoding="utf-8"))
    (configs / "sample_all.yaml").write_text(yaml.safe_dump({**cfg, "slug": "sample-all", "notebooks": "all"}),
                                             encoding="utf-8")
    res = run_client(configs / "sample_all.yaml", out=tmp_path)
    assert res["status"] == "ok", res["reason"]
    folder = tmp_path / "sample-all"
    assert sorted(p.name for p in (folder / "notebooks").iterdir()) == [
        "01_fact_finding.ipynb", "02_plan_review.ipynb", "03_execution.ipynb", "04_evaluation.ipynb"]
    html = (folder / "report.html").read_text(encoding="utf-8")
    toc = html.split('class="toc"')[1].split("</nav>")[0]
    assert toc.count('class="l1"') == 4 and "04 Evaluation" in toc  # one entry per notebook
    assert text("section.kpis", "en") in toc
    assert "<script" not in html.lower() and "/work/" not in html
    assert not (folder / ".cache").exists()
