"""notebooks/04_evaluation.ipynb executed with papermill (through the report runner) on the
bundled sample and on a sparse client (posts and plan only), in Bahasa Indonesia and English.

The sample run also carries a planted comment whose text and author hold HTML/script: it must
show as text in the report, never as markup. All four clients run as one batch (jobs=2).
"""

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from smanalysis.reporting.i18n import SECTION_TITLES, t
from smanalysis.reporting.runner import run_batch

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
def batch(tmp_path_factory):
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
    out = tmp / "reports"
    names = ["sample_id", "sample_en", "sparse_id", "sparse_en"]
    summary = run_batch([cfgs / f"{n}.yaml" for n in names], out=out, jobs=2, verbose=False)
    return out, summary.set_axis([n.replace("_", "-") for n in names])


CASES = [("sample-id", "id"), ("sample-en", "en"), ("sparse-id", "id"), ("sparse-en", "en")]


@pytest.mark.parametrize("slug, lang", CASES)
def test_notebook_runs_and_report_has_every_section(batch, slug, lang):
    out, summary = batch
    row = summary.loc[slug]
    assert row["status"] == "ok", row["reason"]
    html = (out / slug / "report.html").read_text(encoding="utf-8")
    for key, titles in SECTION_TITLES.items():
        assert f">{titles[lang]}</h1>" in html.replace("&amp;", "&"), f"section {key!r} missing"
        assert titles[lang] in html.split('class="toc"')[1].split("</nav>")[0]  # and in the contents
    assert "<script" not in html.lower()
    assert "/work/" not in html and str(Path.home()) + "/" not in html
    assert "2026-10-01 – 2026-10-31" in html
    assert (out / slug / "notebooks" / "04_evaluation.ipynb").is_file()
    plan = pd.read_csv(out / slug / "next_plan.csv")
    assert len(plan) > 0 and plan["date"].min() >= "2026-11-01" and plan["date"].max() <= "2026-11-30"


@pytest.mark.parametrize("slug, lang", CASES)
def test_metrics_json(batch, slug, lang):
    out, _ = batch
    m = json.loads((out / slug / "metrics.json").read_text(encoding="utf-8"))
    assert m["period"] == {"start": "2026-10-01", "end": "2026-10-31"} and m["lang"] == lang
    assert m["problems"] == [], m["problems"]
    assert m["figures"]["current"]["posts"] > 0
    assert {k["kpi"] for k in m["kpis"]} >= {"er_reach", "response_rate"}
    assert m["pseudonymised"] is True
    if slug.startswith("sample"):
        assert m["figures"]["current"]["response_rate"] is not None and m["network"]["nodes"] > 0
        assert m["recommendations"]
    else:
        assert m["figures"]["current"]["response_rate"] is None and m["network"] is None


def test_planted_script_comment_shows_as_text(batch):
    out, _ = batch
    html = (out / "sample-id" / "report.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert('xss')&lt;/script&gt; kopinya kok pahit" in html
    assert "<b>peretas</b>" not in html  # a handle with markup is pseudonymised, never rendered


def test_sparse_sections_say_no_data(batch):
    out, _ = batch
    for slug, lang in (("sparse-id", "id"), ("sparse-en", "en")):
        html = (out / slug / "report.html").read_text(encoding="utf-8")
        assert t("no_source", lang, what=t("w_network", lang)) in html
        assert t("no_source", lang, what=t("w_comments", lang) + " / " + t("w_mentions", lang)) in html


def test_handles_pseudonymised(batch):
    out, _ = batch
    html = (out / "sample-en" / "report.html").read_text(encoding="utf-8")
    assert "pengguna_" in html or "user_" in html
    assert "kopisenja.id" in html  # the brand's own handle stays


def test_executed_notebook_is_clean(batch):
    out, _ = batch
    text = (out / "sample-id" / "notebooks" / "04_evaluation.ipynb").read_text(encoding="utf-8")
    assert "/work/" not in text and str(Path.home()) + "/" not in text
    shutil.rmtree(out / "sample-id" / "notebooks")  # the folder is the client's to delete
