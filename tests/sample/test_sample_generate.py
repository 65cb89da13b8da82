"""The sample generator: determinism, sizes, canonical columns and the planted structures."""

import numpy as np
import pandas as pd
import pytest

from smanalysis import schema
from smanalysis.sample import generate, truth


@pytest.fixture(scope="module")
def tables():
    return generate(scale=1.0, seed=2026)


@pytest.fixture(scope="module")
def planted(tables):
    return truth(tables)


def test_same_seed_same_tables():
    a, b = generate(scale=0.1, seed=5), generate(scale=0.1, seed=5)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name])


def test_other_seed_other_tables():
    a, b = generate(scale=0.1, seed=5), generate(scale=0.1, seed=6)
    assert not a["comments"]["text"].equals(b["comments"]["text"])


@pytest.mark.parametrize("scale", [0, -1, "2"])
def test_bad_scale(scale):
    with pytest.raises(ValueError, match="`scale` must be a positive number"):
        generate(scale=scale)


def test_counts_in_range(tables):
    posts = tables["posts"]
    assert 270 <= len(posts) <= 360
    assert set(posts["platform"]) == {"instagram", "facebook", "tiktok", "x"}
    assert 4500 <= len(tables["comments"]) <= 6000
    assert 1000 <= len(tables["mentions"]) <= 1600
    assert 1500 <= len(tables["tweets"]) <= 3600
    assert len(tables["competitor_posts"]) < len(posts)
    assert set(tables["mentions"]["brand"]) == {"Kopi Senja", "Kopi Pagi", "Ruang Seduh"}


def test_counts_scale_linearly():
    small = generate(scale=0.5, seed=3)
    assert 2000 <= len(small["comments"]) <= 3200
    assert 120 <= len(small["posts"]) <= 190


@pytest.mark.parametrize("name,table", [("posts", "posts"), ("competitor_posts", "posts"), ("comments", "comments"),
                                        ("mentions", "mentions"), ("interactions", "interactions"),
                                        ("followers", "followers"), ("content_plan", "content_plan")])
def test_canonical_columns_and_types(tables, name, table):
    df = tables[name]
    schema.validate(df, table)
    assert df.columns[: len(schema.columns(table))].tolist() == schema.columns(table)
    for c in schema.TABLES[table]:
        if c.dtype == "datetime":
            assert str(df[c.name].dtype) == "datetime64[ns, UTC]"
        if c.required:
            assert df[c.name].notna().all(), c.name


def test_ids_unique(tables):
    assert tables["posts"]["post_id"].is_unique
    assert tables["comments"]["comment_id"].is_unique
    assert tables["mentions"]["mention_id"].is_unique
    assert tables["tweets"]["tweet_id"].is_unique
    assert tables["content_plan"]["plan_id"].is_unique


def test_period(tables):
    local = tables["posts"]["created_at"].dt.tz_convert("Asia/Jakarta")
    assert local.min() >= pd.Timestamp("2025-11-01", tz="Asia/Jakarta")
    assert local.max() < pd.Timestamp("2026-11-01", tz="Asia/Jakarta")
    f = tables["followers"]
    assert f.groupby("platform")["date"].nunique().eq(365).all()


def test_reach_realistic(tables):
    ig = tables["posts"][tables["posts"]["platform"] == "instagram"]
    med = ig.groupby("format")["reach"].median()
    assert 300 < med["photo"] < 4000
    assert med["reel"] > med["photo"]
    assert (ig["reach"] > 0).all() and (ig["likes"] <= ig["reach"]).all()
    assert 4000 < ig["followers_at_post"].min() and ig["followers_at_post"].max() < 9000


def test_promo_engages_less(tables):
    p = tables["posts"][tables["posts"]["platform"].isin(["instagram", "facebook"])]
    er = p["likes"] / p["reach"]
    by = er.groupby(p["content_type"]).median()
    assert by["promo"] < by["education"] and by["promo"] < by["entertainment"]


def test_brand_replies_follow_their_comment(tables):
    c = tables["comments"]
    br = c[c["is_brand_reply"]]
    assert len(br) > 500
    parent = c.set_index("comment_id").loc[br["parent_id"]]
    delay = (br["created_at"].to_numpy() - parent["created_at"].to_numpy()) / np.timedelta64(1, "m")
    assert (delay >= 1).all() and (delay <= 36 * 60 * 8 + 1).all()
    assert 5 < np.median(delay) < 240
    assert set(br["author"]) <= {"kopisenja.id", "kopisenja", "kopisenja_id"}
    assert (parent["is_brand_reply"] == False).all()  # noqa: E712


def test_post_comment_counts_match(tables):
    counts = tables["comments"].groupby("post_id").size()
    posts = tables["posts"].set_index("post_id")
    assert (posts["comments"] == counts.reindex(posts.index).fillna(0)).all()


def test_text_is_varied_and_colloquial(tables):
    text = tables["comments"]["text"]
    assert text.nunique() > 0.6 * len(text)
    joined = " ".join(text.str.lower())
    for w in ["gk", "bgt", "yg", "tp", "udh", "blm", "kak", "cek bio", "open reseller", "buka jam brp",
              "delivery ke", "😍", "worth it"]:
        assert w in joined, w
    assert (text.str.findall(r"([aiueo])\1\1").str.len() > 0).sum() > 20  # elongations like mantaaap


def test_planted_care(tables, planted):
    c = tables["comments"].set_index("comment_id")
    care = planted["care"]
    assert len(care["complaint_ids"]) > 200
    assert (c.loc[care["complaint_ids"], "truth_intent"] == "complaint").all()
    unanswered = care["unanswered_question_ids"]
    assert len(unanswered) > 50
    replied = set(tables["comments"].loc[tables["comments"]["is_brand_reply"], "parent_id"])
    assert not set(unanswered) & replied
    assert set(care["storm_complaint_ids"]) == {"2026-06-13", "2026-10-10"}
    assert len(care["storm_complaint_ids"]["2026-10-10"]) >= 40


def test_october_care_worse_than_september(tables):
    c = tables["comments"]
    top = c[c["parent_id"].isna() & c["truth_intent"].isin(["question", "complaint"])]
    month = top["created_at"].dt.tz_convert("Asia/Jakarta").dt.strftime("%Y-%m")
    rate = top["truth_answered"].groupby(month).mean()
    assert rate["2026-10"] < rate["2026-09"]


def test_planted_plan(tables, planted):
    plan = tables["content_plan"]
    ids = set(plan["plan_id"])
    assert set(planted["plan"]["skipped_plan_ids"]) <= ids
    assert len(planted["plan"]["skipped_plan_ids"]) > 20 and len(planted["plan"]["late_plan_ids"]) > 20
    assert set(plan["status"]) >= {"posted", "skipped", "scheduled"}
    posted = set(tables["posts"]["truth_planned"].index[tables["posts"]["truth_planned"]])
    assert len(posted) > 0 and len(planted["plan"]["unplanned_post_ids"]) >= 10
    limits = planted["plan"]["limit_violations"]
    assert sorted(limits.values()) == ["instagram_hashtags_30", "x_caption_280"]
    rows = plan.set_index("plan_id").loc[list(limits)]
    assert (rows["caption"].str.len() > 280).any() and (rows["hashtags"].str.count("#") > 30).any()
    assert not set(limits) & set(tables["posts"]["truth_plan_id"].dropna())
    assert len(planted["plan"]["incomplete_plan_ids"]) > 10
    share = planted["plan"]["promo_share_by_month"]
    assert share["2026-10"] > share["2026-03"]


def test_planted_spikes(tables, planted):
    f = tables["followers"].set_index(["platform", "date"])
    tt = f.loc["tiktok", "new_followers"]
    assert tt[pd.Timestamp("2026-03-14")] > 10 * tt.median()
    ig = f.loc["instagram", "new_followers"]
    assert ig[pd.Timestamp("2026-08-22")] > 10 * ig.median()
    post = tables["posts"].set_index("post_id").loc[planted["viral_post_ids"][0]]
    others = tables["posts"].loc[tables["posts"]["platform"] == "tiktok", "views"]
    assert post["views"] > 20 * others.median()
    assert {s["date"] for s in planted["spikes"]} >= {"2026-03-14", "2026-08-22", "2026-10-10", "2026-10-17"}


def test_planted_network(tables, planted):
    e = tables["interactions"]
    indeg = e.groupby("target").size().sort_values(ascending=False)
    top = set(indeg.head(6).index)
    assert {"jogjafoodhunter", "infokampusjogja"} <= top
    assert ((e["source"] == "selebjogja") | (e["target"] == "selebjogja")).sum() <= 3
    mem = planted["communities"]["membership"]
    assert "2026-06" not in mem["gowes"] and "2026-02" in mem["gowes"]
    assert min(mem["wfc"]) == "2026-05"
    assert min(mem["espresso"]) == "2026-07"
    assert planted["broker"] in mem["kampus"]["2026-01"] and planted["broker"] in mem["kuliner"]["2026-01"]
    # most interactions stay inside a community
    home = {h: c for c, months in mem.items() for m, hs in months.items() for h in hs}
    inside = e[e["source"].isin(home) & e["target"].isin(home)]
    same = (inside["source"].map(home) == inside["target"].map(home)).mean()
    assert same > 0.7


def test_mentions_share_of_voice_story(tables):
    m = tables["mentions"]
    month = m["created_at"].dt.tz_convert("Asia/Jakarta").dt.strftime("%Y-%m")
    share = pd.crosstab(month, m["brand"], normalize="index")
    assert share.loc["2026-06", "Kopi Senja"] > share.loc["2025-12", "Kopi Senja"]
    late = m["created_at"] >= pd.Timestamp("2026-08-01", tz="UTC")
    assert (m.loc[late, "brand"] == "Ruang Seduh").mean() > (m.loc[~late, "brand"] == "Ruang Seduh").mean() + 0.04
    top = m.sort_values("reach", ascending=False).iloc[0]
    assert top["author"] == "jogjafoodhunter"


def test_same_seed_same_text_across_processes():
    import subprocess
    import sys

    code = ("import hashlib; from smanalysis.sample import generate; t = generate(scale=0.3, seed=9); "
            "print(hashlib.sha1('\\n'.join(t['comments']['text'] + t['comments']['comment_id']).encode()).hexdigest())")
    out = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**__import__("os").environ, "PYTHONHASHSEED": h}).stdout for h in ("1", "2")}
    assert len(out) == 1


def test_truth_does_not_mutate(tables):
    before = {k: v.copy() for k, v in tables.items()}
    truth(tables)
    for k, v in tables.items():
        pd.testing.assert_frame_equal(v, before[k])


def test_truth_is_plain_yaml(planted):
    import yaml

    text = yaml.safe_dump(planted)
    assert yaml.safe_load(text) == planted
