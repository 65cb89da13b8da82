"""The sample written in real export formats reads back through smanalysis.io with zero rejects."""

from pathlib import Path

import pandas as pd
import pytest
import yaml

from smanalysis.exceptions import SMAnalysisWarning
from smanalysis.profile import load_profile
from smanalysis.sample import data_dictionary_markdown, generate, truth, write_sample
from smanalysis.schema import TABLES

io = pytest.importorskip("smanalysis.io")

FORMATS = {
    "instagram_posts_2025-11_2026-04.csv": "meta_posts_instagram",
    "instagram_posts_2026-05_2026-10.csv": "meta_posts_instagram",
    "facebook_posts.csv": "meta_posts_facebook",
    "facebook_followers.csv": "meta_daily",
    "instagram_followers.csv": "meta_daily",
    "x_tweet_activity_2025-11_2026-04.csv": "x_activity",
    "x_tweet_activity_2026-05_2026-10.csv": "x_activity",
    "tiktok_content.xlsx": "tiktok_content",
    "tiktok_followers_2026-10-31.csv": "tiktok_followers",
    "x_mentions.jsonl": "twarc_jsonl",
    "comments_instagram.csv": "comments_export",
    "comments_facebook.csv": "comments_export",
    "comments_tiktok.csv": "comments_export",
    "comments_x.csv": "comments_export",
    "listening_mentions.csv": "listening_export",
    "competitor_posts.csv": "apify_instagram",
}


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    files = write_sample(out, scale=0.1, seed=11)
    return out, files, generate(scale=0.1, seed=11)


def test_write_sample_lists_every_file(small):
    out, files, _ = small
    names = {p.name for p in files}
    assert set(FORMATS) <= names
    assert {"content_plan.csv", "profile.yaml", "client.yaml", "codebook.yaml", "truth.yaml", "README.md"} <= names
    assert all(p.exists() for p in files)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_each_export_reads_back_without_rejects(small, name):
    out, _, _ = small
    r = io.read(out / "exports" / name)
    assert r.format == FORMATS[name]
    assert len(r.rejects) == 0
    assert len(r.data) > 0


def test_rows_read_back_match_generated(small):
    out, _, t = small
    prof = load_profile(out / "profile.yaml")
    with pytest.warns(SMAnalysisWarning, match="1 duplicate row"):
        ds = io.load_dataset([out / "exports", out / "content_plan.csv"], profile=prof)
    assert len(ds.rejects) == 0
    own = t["posts"]
    got = ds.posts[ds.posts["account"].isin(prof.brand_handles)]
    assert set(got["post_id"]) == set(own["post_id"])
    assert set(ds.comments["comment_id"]) == set(t["comments"]["comment_id"])
    assert int(ds.comments["is_brand_reply"].sum()) == int(t["comments"]["is_brand_reply"].sum())
    assert set(t["mentions"]["mention_id"]) <= set(ds.mentions["mention_id"])
    assert len(ds.interactions) == len(t["interactions"])
    assert len(ds.content_plan) == len(t["content_plan"])
    assert set(ds.followers["platform"]) == {"instagram", "facebook", "tiktok"}
    # the Instagram post in both exports is resolved to one row, the later (larger) one
    m = ds.posts.set_index("post_id")
    mine = own.set_index("post_id")
    dup = yaml.safe_load((out / "truth.yaml").read_text(encoding="utf-8"))["files"]["duplicate_post_id"]
    assert m.loc[dup, "likes"] == mine.loc[dup, "likes"]
    assert dup in set(ds.duplicates["key"].str.split("|").str[-1])


def test_committed_sample_reads_back_cleanly(sample_dir):
    if not (sample_dir / "exports").exists():
        pytest.skip("data/sample not written yet")
    text, ok = io.load_report([str(p) for p in sorted((sample_dir / "exports").iterdir())]
                              + [str(sample_dir / "content_plan.csv")])
    assert ok, text
    with pytest.warns(SMAnalysisWarning, match="1 duplicate row"):
        ds = io.load_dataset([sample_dir / "exports", sample_dir / "content_plan.csv"],
                             profile=sample_dir / "profile.yaml")
    assert len(ds.rejects) == 0
    assert len(ds.follower_activity) == 7 * 24  # FollowerActivity: 24 October 00:00 to 30 October 23:00 UTC
    assert 4500 <= len(ds.comments) <= 6000
    own = ds.posts[ds.posts["account"].isin(["kopisenja.id", "kopisenja", "kopisenja_id"])]
    assert 270 <= len(own) <= 360


def test_committed_sample_matches_generator(sample_dir):
    path = sample_dir / "truth.yaml"
    if not path.exists():
        pytest.skip("data/sample not written yet")
    committed = yaml.safe_load(path.read_text(encoding="utf-8"))
    fresh = truth(generate(scale=committed["generator"]["scale"], seed=committed["generator"]["seed"]))
    assert fresh["care"]["complaint_ids"] == committed["care"]["complaint_ids"]
    assert fresh["plan"]["skipped_plan_ids"] == committed["plan"]["skipped_plan_ids"]
    assert fresh["communities"]["membership"] == committed["communities"]["membership"]


def test_committed_yaml_files_load(sample_dir):
    if not (sample_dir / "profile.yaml").exists():
        pytest.skip("data/sample not written yet")
    prof = load_profile(sample_dir / "profile.yaml")
    assert prof.business_name == "Kopi Senja" and prof.tone["address"] == "kak"
    assert prof.competitor_handles["kopipagi.jogja"] == "Kopi Pagi"
    client = yaml.safe_load((sample_dir / "client.yaml").read_text(encoding="utf-8"))
    assert client["period"] == {"start": "2026-10-01", "end": "2026-10-31"}
    for rel in [client["profile"], client["codebook"], *client["data"]]:
        assert (sample_dir / rel).exists(), rel
    book = yaml.safe_load((sample_dir / "codebook.yaml").read_text(encoding="utf-8"))["codes"]
    assert {"rasa", "harga", "pelayanan", "tempat_suasana", "pengiriman", "promo", "wifi_nugas"} <= set(book)


def test_codebook_finds_themes_in_comments():
    ethno = pytest.importorskip("smanalysis.conversation.codebook")
    from smanalysis.sample._write import CODEBOOK

    t = generate(scale=0.2, seed=3)
    book = ethno.load_codebook(CODEBOOK)
    text = t["comments"]["text"].str.lower()
    hits = {c: text.str.contains(spec["pattern"], regex=True).sum() for c, spec in book.items()}
    assert all(v > 0 for v in hits.values()), hits


def test_data_dictionary_covers_every_table():
    md = data_dictionary_markdown()
    for name, cols in TABLES.items():
        assert f"### `{name}`" in md
        assert all(f"| `{c.name}` |" in md for c in cols)


def test_readme_written(small):
    out, _, _ = small
    text = (out / "README.md").read_text(encoding="utf-8")
    assert "Kopi Senja" in text and "### `comments`" in text and "exports/x_mentions.jsonl" in text


def test_cli_sample(tmp_path):
    from smanalysis.cli import main

    assert main(["sample", "--out", str(tmp_path), "--scale", "0.05", "--seed", "2"]) == 0
    assert (tmp_path / "exports" / "comments_instagram.csv").exists()
    assert Path(tmp_path / "truth.yaml").exists()
