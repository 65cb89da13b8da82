"""Comments on the own posts (with brand replies) and listening mentions of the sample.

Comment intents depend on the post's content type; texts come from the word banks through
the vectorised fragment assembly of :mod:`._text`. The brand answers after realistic
delays (fast in business hours, next morning off-hours, slow while the admin is on leave
in October 2026), and leaves some questions and complaints unanswered.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import _banks_comments as bc
from . import _banks_posts as bp
from ._posts import ADMIN_LEAVE, OWN, TZ
from ._text import SPAMMERS, build_pool, decorate, fill_slots, handles, links, pick

INTENTS = np.array(["praise", "question", "complaint", "neutral", "tag", "giveaway", "suggest", "insult", "spam",
                    "emoji"], dtype=object)
_P = {  # content type -> intent probabilities (order of INTENTS)
    "default": [0.31, 0.17, 0.08, 0.14, 0.09, 0.0, 0.04, 0.025, 0.065, 0.08],
    "promo": [0.2, 0.27, 0.1, 0.1, 0.1, 0.0, 0.04, 0.03, 0.1, 0.06],
    "engagement": [0.12, 0.07, 0.03, 0.08, 0.28, 0.32, 0.02, 0.01, 0.05, 0.02],
    "news": [0.18, 0.3, 0.12, 0.14, 0.05, 0.0, 0.06, 0.03, 0.06, 0.06],
}
_P_REPLY = {"question": 0.8, "complaint": 0.76, "praise": 0.55, "insult": 0.45, "neutral": 0.3, "tag": 0.08,
            "giveaway": 0.12, "suggest": 0.6, "emoji": 0.2, "spam": 0.02}
_TYPE_COMMENTS = {"promo": 0.8, "education": 1.0, "entertainment": 1.3, "engagement": 3.0, "inspiration": 0.9,
                  "news": 1.0, "other": 1.0}
_PLAT_COMMENTS = {"instagram": 1.0, "tiktok": 0.45, "facebook": 0.9, "x": 0.8}
STORMS = [("2026-06-13", "2026-06-15", ["lama", "salah", "dingin", "respon"], 45),
          ("2026-10-10", "2026-10-12", ["harga"], 60)]
_VALUES = {"menu": bc.MENU, "area": bc.AREA, "n": ["2", "3", "4", "5", "10", "15", "20", "30", "45"],
           "jam": ["7", "8", "9", "10"], "kali": ["2x", "3x", "4x", "5x", "berkali-kali"], "brand": ["Kopi Senja"], "link": ["{link}"]}


def _pools(rng):
    return {
        "question": build_pool(bc.QUESTIONS + bc.QUESTIONS_EN, rng=rng, values=_VALUES, k=6),
        "complaint": build_pool(bc.COMPLAINTS + bc.COMPLAINTS_EN, rng=rng, values=_VALUES, k=6),
        "praise": build_pool(bc.PRAISE + bc.PRAISE_EN, rng=rng, values=_VALUES, k=6),
        "neutral": build_pool(bc.NEUTRAL, rng=rng, values=_VALUES, k=5),
        "suggest": build_pool(bc.SUGGEST, rng=rng, values=_VALUES, k=5),
        "insult": build_pool(bc.INSULTS, rng=rng, values=_VALUES, k=1, variants=1),
        "spam": build_pool(bc.SPAM, rng=rng, values=_VALUES, k=1, variants=0),
    }


def _texts(intent: np.ndarray, pools, people: np.ndarray, rng) -> tuple[np.ndarray, np.ndarray]:
    n = len(intent)
    text = np.full(n, "", dtype=object)
    topic = np.full(n, "", dtype=object)
    for name in ("question", "complaint", "praise", "neutral", "suggest", "insult", "spam"):
        m = intent == name
        k = int(m.sum())
        if not k:
            continue
        texts, topics = pools[name]
        i = rng.integers(0, len(texts), k)
        core = texts[i]
        topic[m] = topics[i]
        if name == "complaint":
            text[m] = decorate(core, rng, closers=bc.CLOSERS_NEG, p_upper=0.06)
        elif name == "insult":
            text[m] = decorate(core, rng, closers=bc.CLOSERS_INSULT, p_upper=0.1)
        elif name == "question":
            text[m] = decorate(core, rng, closers=bc.CLOSERS_Q)
        elif name == "spam":
            text[m] = fill_slots(core, "link", links(k, rng))
        else:
            text[m] = decorate(core, rng)
    m = intent == "tag"
    k = int(m.sum())
    if k:
        second = np.where(rng.random(k) < 0.3, " @" + pick(people, k, rng), "")
        text[m] = "@" + pick(people, k, rng) + second + " " + pick(bc.TAG, k, rng) + pick(bc.TAG_CLOSERS, k, rng)
    m = intent == "giveaway"
    k = int(m.sum())
    if k:
        tags = "@" + pick(people, k, rng) + " @" + pick(people, k, rng) + " @" + pick(people, k, rng)
        text[m] = decorate(pick(bc.GIVEAWAY, k, rng), rng, openers=[""], closers=bc.GIVEAWAY_CLOSERS) + " " + tags
    m = intent == "emoji"
    text[m] = pick(bc.EMOJI_ONLY, int(m.sum()), rng)
    return text, topic


def _intents(ctype: np.ndarray, rng) -> np.ndarray:
    rows = np.array([_P.get(c, _P["default"]) for c in ("default", "promo", "engagement", "news")], float)
    rows = rows / rows.sum(axis=1, keepdims=True)
    which = pd.Series(ctype).map({"promo": 1, "engagement": 2, "news": 3}).fillna(0).astype(int).to_numpy()
    cum = np.cumsum(rows[which], axis=1)
    u = rng.random(len(ctype))[:, None]
    return INTENTS[np.minimum((u > cum).sum(axis=1), len(INTENTS) - 1)]


def _local(ts) -> pd.Series:
    return pd.Series(ts).dt.tz_convert(TZ)


def comments(posts: pd.DataFrame, scale: float, rng) -> pd.DataFrame:
    """User comments, user-to-user replies and brand replies on the own posts."""
    pools = _pools(rng)
    people = handles(max(60, int(1700 * scale)), rng)
    zipf = 1.0 / np.arange(1, len(people) + 1) ** 0.85
    spammers = np.concatenate([np.array(SPAMMERS, dtype=object),
                               "olshop_" + handles(max(5, int(10 * scale)), rng)])
    w = (posts["reach"].fillna(posts["views"] * 0.5).fillna(posts["impressions"] * 0.7).fillna(100).to_numpy()
         * posts["content_type"].map(_TYPE_COMMENTS).fillna(1.0).to_numpy()
         * posts["platform"].map(_PLAT_COMMENTS).fillna(1.0).to_numpy()) ** 0.8
    n_top = int(round(3400 * scale))
    pi = rng.choice(len(posts), size=n_top, p=w / w.sum())
    ctype = posts["content_type"].to_numpy(dtype=object)[pi]
    intent = _intents(ctype, rng)
    storm = np.full(n_top, "", dtype=object)
    # planted complaint storms and the giveaway rush
    day = posts["created_at"].dt.tz_convert(TZ).dt.tz_localize(None).dt.normalize()
    extra_pi, extra_int, extra_storm, extra_topic = [], [], [], []
    for a, b, topics, k in STORMS:
        cand = np.flatnonzero(day.between(pd.Timestamp(a) - pd.Timedelta(days=1), b).to_numpy()
                              & posts["platform"].isin(["instagram", "facebook"]).to_numpy())
        if not len(cand):
            continue
        k = int(round(k * scale))
        extra_pi.append(cand[rng.integers(0, len(cand), k)])
        extra_int.append(np.full(k, "complaint", dtype=object))
        extra_storm.append(np.full(k, a, dtype=object))
        extra_topic.append(pick(topics, k, rng))
    gw = np.flatnonzero((day == pd.Timestamp("2026-10-17")).to_numpy() & (posts["theme"] == "kuis").to_numpy())
    if len(gw):
        k = int(round(160 * scale))
        extra_pi.append(gw[rng.integers(0, len(gw), k)])
        extra_int.append(pick(["giveaway", "giveaway", "tag", "spam"], k, rng))
        extra_storm.append(np.full(k, "2026-10-17", dtype=object))
        extra_topic.append(np.full(k, "", dtype=object))
    pi = np.concatenate([pi, *extra_pi])
    intent = np.concatenate([intent, *extra_int])
    storm = np.concatenate([storm, *extra_storm])
    n = len(pi)
    text, topic = _texts(intent, pools, people, rng)
    if extra_topic:  # storm complaints: take texts of the storm's topics
        ex = np.flatnonzero(storm != "")
        ex = ex[intent[ex] == "complaint"]
        want = np.concatenate(extra_topic)[: len(ex)] if len(ex) else []
        texts, topics = pools["complaint"]
        for t in sorted(set(want)):
            rows = ex[np.asarray(want) == t]
            cand = np.flatnonzero(topics == t)
            i = cand[rng.integers(0, len(cand), len(rows))]
            text[rows] = decorate(texts[i], rng, closers=bc.CLOSERS_NEG, p_upper=0.08)
            topic[rows] = t
    post_t = posts["created_at"].to_numpy()[pi]
    delay = np.minimum(rng.lognormal(np.log(4 * 3600), 1.5, n), 20 * 86400)
    delay = np.where(storm != "", rng.uniform(600, 2 * 86400, n), delay)
    created = pd.to_datetime(post_t, utc=True) + pd.to_timedelta(delay, unit="s")
    author = people[np.minimum(rng.choice(len(people), size=n, p=zipf / zipf.sum()), len(people) - 1)]
    author = np.where(intent == "spam", pick(spammers, n, rng), author)
    top = pd.DataFrame({"post_id": posts["post_id"].to_numpy()[pi], "platform": posts["platform"].to_numpy()[pi],
                        "account": posts["account"].to_numpy()[pi], "author": author, "text": text,
                        "created_at": created, "parent_id": None, "is_brand_reply": False,
                        "likes": rng.poisson(np.where(intent == "praise", 1.2, 0.4)).astype(float),
                        "truth_intent": intent, "truth_topic": topic, "truth_storm": storm})
    top = top.sort_values("created_at", kind="stable").reset_index(drop=True)
    top["comment_id"] = _ids(top["platform"].to_numpy(), top["post_id"].to_numpy(), 0, rng)
    # user-to-user replies
    k = int(round(180 * scale))
    cand = np.flatnonzero(~top["truth_intent"].isin(["spam", "emoji", "giveaway"]).to_numpy())
    par = top.iloc[cand[rng.integers(0, len(cand), k)]]
    ur_text = "@" + par["author"].to_numpy(dtype=object) + " " + pick(
        ["setuju bgt", "iya kak sama", "coba yg " + "{menu}", "buka jam 8 kak, aku kemarin kesana", "wkwk bener",
         "gk semua kok, aku fine2 aja", "sama aku jg ngalamin", "bisa kak lewat gofood", "ayo bareng"], k, rng)
    ur_text = fill_slots(ur_text, "menu", pick(bc.MENU, k, rng))
    ur = pd.DataFrame({"post_id": par["post_id"].to_numpy(), "platform": par["platform"].to_numpy(),
                       "account": par["account"].to_numpy(), "author": pick(people[:400], k, rng), "text": ur_text,
                       "created_at": par["created_at"] + pd.to_timedelta(rng.lognormal(np.log(7200), 1.2, k), unit="s"),
                       "parent_id": par["comment_id"].to_numpy(), "is_brand_reply": False,
                       "likes": rng.poisson(0.3, k).astype(float), "truth_intent": "user_reply", "truth_topic": "",
                       "truth_storm": ""})
    ur["comment_id"] = _ids(ur["platform"].to_numpy(), ur["post_id"].to_numpy(), 1, rng)
    br = _brand_replies(top, rng)
    out = pd.concat([top, ur, br], ignore_index=True)
    end = pd.Timestamp("2026-11-01", tz=TZ)
    out = out[out["created_at"] < end]
    out = out[out["parent_id"].isna() | out["parent_id"].isin(out["comment_id"])]
    out["truth_answered"] = out["comment_id"].isin(br["parent_id"])
    cols = ["comment_id", "post_id", "platform", "author", "text", "created_at", "parent_id", "is_brand_reply",
            "account", "likes"]
    return out[cols + [c for c in out.columns if c.startswith("truth_")]].sort_values(
        "created_at", kind="stable").reset_index(drop=True)


def _ids(platform: np.ndarray, post_id: np.ndarray, salt: int, rng) -> np.ndarray:
    n = len(platform)
    seq = np.arange(n, dtype=np.int64) * 7 + salt * 3_000_000_000 + rng.integers(0, 7, n)
    ig = (18_000_000_000_000_000 + seq * 13).astype(str).astype(object)
    fb = post_id.astype(object) + "_" + (900_000_000_000_000 + seq).astype(str).astype(object)
    tt = (7_310_000_000_000_000_000 + seq * 11).astype(str).astype(object)
    xx = (1_870_000_000_000_000_000 + seq * 997).astype(str).astype(object)
    return np.select([platform == "instagram", platform == "facebook", platform == "tiktok"], [ig, fb, tt], xx)


def _brand_replies(top: pd.DataFrame, rng) -> pd.DataFrame:
    n = len(top)
    intent = top["truth_intent"].to_numpy(dtype=object)
    p = pd.Series(intent).map(_P_REPLY).fillna(0.2).to_numpy()
    local = _local(top["created_at"])
    naive = local.dt.tz_localize(None)
    leave = naive.between(pd.Timestamp(ADMIN_LEAVE[0]), pd.Timestamp(ADMIN_LEAVE[1]) + pd.Timedelta(days=1)).to_numpy()
    october = (naive >= pd.Timestamp("2026-10-01")).to_numpy()
    storm = (top["truth_storm"] != "").to_numpy()
    p = p * np.where(leave, 0.25, 1.0) * np.where(october, 0.85, 1.0) * np.where(storm, 0.6, 1.0)
    yes = rng.random(n) < p
    hour = local.dt.hour.to_numpy()
    business = (hour >= 8) & (hour < 22)
    median = np.where(october, 55.0, 30.0)
    d_in = rng.lognormal(np.log(median * 60), 1.0, n)
    next_morning = (naive.dt.normalize() + pd.to_timedelta(np.where(hour >= 22, 1, 0), unit="D")
                    + pd.Timedelta(hours=8)).dt.tz_localize(TZ)
    wait = (next_morning - local).dt.total_seconds().to_numpy()
    d_off = np.maximum(wait, 0) + rng.lognormal(np.log(45 * 60), 0.8, n)
    delay = np.where(business, d_in, d_off) * np.where(leave, 8.0, 1.0) * np.where(storm, 3.0, 1.0)
    delay = np.minimum(np.maximum(delay, 60), 36 * 3600)
    sel = top[yes]
    k = len(sel)
    it = intent[yes]
    topic = sel["truth_topic"].to_numpy(dtype=object)
    txt = pick(bc.REPLY_OTHER, k, rng)
    txt = np.where(it == "praise", pick(bc.REPLY_PRAISE, k, rng), txt)
    txt = np.where((it == "complaint") | (it == "suggest"), pick(bc.REPLY_COMPLAINT, k, rng), txt)
    txt = np.where(it == "insult", pick(bc.REPLY_INSULT, k, rng), txt)
    for t, bank in bc.REPLY_QUESTION.items():
        m = (it == "question") & (topic == t)
        if m.any():
            txt[m] = pick(bank, int(m.sum()), rng)
    m = (it == "question") & ~np.isin(topic, list(bc.REPLY_QUESTION))
    txt[m] = "Halo kak, info lengkapnya bisa DM kami ya 😊"
    at = rng.random(k) < 0.5
    txt = np.where(at, "@" + sel["author"].to_numpy(dtype=object) + " " + txt, txt)
    plat = sel["platform"].to_numpy(dtype=object)
    br = pd.DataFrame({"post_id": sel["post_id"].to_numpy(), "platform": plat,
                       "account": sel["account"].to_numpy(), "author": pd.Series(plat).map(OWN).to_numpy(),
                       "text": txt, "created_at": pd.DatetimeIndex(sel["created_at"]) + pd.to_timedelta(delay[yes], unit="s"),
                       "parent_id": sel["comment_id"].to_numpy(), "is_brand_reply": True,
                       "likes": rng.poisson(0.3, k).astype(float), "truth_intent": "brand_reply",
                       "truth_topic": "", "truth_storm": ""})
    br["created_at"] = pd.to_datetime(br["created_at"], utc=True)
    br["comment_id"] = _ids(plat, br["post_id"].to_numpy(), 2, rng)
    return br


_BRAND_IG = {"Kopi Senja": "@kopisenja.id", "Kopi Pagi": "@kopipagi.jogja", "Ruang Seduh": "@ruangseduh"}


def mentions(scale: float, rng, community_handles: np.ndarray) -> pd.DataFrame:
    """Listening mentions (Instagram, TikTok, Facebook) of the brand and both competitors."""
    n = int(round(1100 * scale))
    months = pd.period_range("2025-11", "2026-10", freq="M")
    m = rng.integers(0, 12, n)
    p_senja = np.where(m >= 4, 0.48, 0.38)
    p_seduh = np.where(m >= 9, 0.38, 0.18)
    u = rng.random(n)
    brand = np.where(u < p_senja, "Kopi Senja", np.where(u < p_senja + p_seduh, "Ruang Seduh", "Kopi Pagi"))
    start = months[m].start_time
    local = start + pd.to_timedelta(rng.random(n) * months[m].days_in_month * 86400, unit="s")
    tone = rng.choice(3, size=n, p=[0.55, 0.3, 0.15])
    planted = np.full(n, "", dtype=object)
    # spikes: blogger review, June storm, October price complaints
    spikes = [("2026-08-22", 3, "Kopi Senja", 0, 45), ("2026-06-13", 2, "Kopi Senja", 2, 30),
              ("2026-10-10", 3, "Kopi Senja", 2, 40)]
    add = []
    for day, span, b, t, k in spikes:
        k = int(round(k * scale))
        add.append(pd.DataFrame({"local": pd.Timestamp(day) + pd.to_timedelta(rng.random(k) * span * 86400, unit="s"),
                                 "brand": b, "tone": t, "planted": day}))
    base = pd.DataFrame({"local": local, "brand": brand, "tone": tone, "planted": planted})
    f = pd.concat([base, *add], ignore_index=True)
    n = len(f)
    body = np.empty(n, dtype=object)
    tone = f["tone"].to_numpy()
    for k, bank in enumerate([bp.MENTION_POS, bp.MENTION_NEU, bp.MENTION_NEG]):
        sel = tone == k
        body[sel] = pick(bank, int(sel.sum()), rng)
    en = rng.random(n) < 0.04
    body[en] = pick(bp.MENTION_EN, int(en.sum()), rng)
    price = (f["planted"] == "2026-10-10").to_numpy()
    body[price] = pick(["harga {brand} naik lagi? kemahalan sih", "{brand} sekarang mahal, porsinya makin dikit",
                        "baru tau {brand} naik harga, es kopi susunya jadi 28rb 😭"], int(price.sum()), rng)
    b = f["brand"].to_numpy(dtype=object)
    name = np.where(rng.random(n) < 0.3, pd.Series(b).map(_BRAND_IG).to_numpy(dtype=object), b)
    body = fill_slots(body, "brand", name)
    body = fill_slots(body, "other", np.where(b == "Kopi Senja", "Kopi Pagi", "Kopi Senja"))
    body = fill_slots(body, "menu", pick(bc.MENU, n, rng))
    text = decorate(body, rng, p_lower=0.6, openers=["", "", "", "", "jujur ", "guys ", "btw ", "asli ", "fix ", "eh "],
                    closers=["", "", "", " wkwk", " 😍", " ☕", " 🙏", " 😭", " hehe"])
    plat = pick(["instagram", "tiktok", "facebook"], n, rng, p=[0.5, 0.3, 0.2])
    ch = pd.Series(community_handles, dtype=object).str.replace("_", ".", regex=False).to_numpy(dtype=object)
    author = np.where(rng.random(n) < 0.4, pick(ch, n, rng), pick(handles(max(50, int(700 * scale)), rng), n, rng))
    fol = np.round(rng.lognormal(np.log(600), 1.1, n))
    truth = np.array(["positive", "neutral", "negative"], dtype=object)[tone]
    noisy = rng.random(n) < 0.2
    label = np.where(noisy, pick(["positive", "neutral", "negative"], n, rng), truth)
    out = pd.DataFrame({
        "platform": plat, "brand": b, "author": author, "text": text,
        "created_at": pd.DatetimeIndex(f["local"]).tz_localize(TZ).tz_convert("UTC"),
        "author_followers": fol, "reach": np.round(fol * rng.uniform(0.15, 0.9, n)),
        "likes": np.round(fol * rng.uniform(0.01, 0.08, n)), "comments": np.round(fol * rng.uniform(0, 0.01, n)),
        "shares": np.round(fol * rng.uniform(0, 0.005, n)), "sentiment": label,
        "truth_sentiment": truth, "truth_planted": f["planted"].to_numpy()})
    review = pd.DataFrame({
        "platform": "instagram", "brand": "Kopi Senja", "author": "jogjafoodhunter",
        "text": "Review jujur @kopisenja.id: es kopi susu gula arennya juara, tempatnya cozy buat nugas, "
                "harga masih ramah mahasiswa. Worth it! 8.5/10 ☕✨ #jogjakuliner #kopijogja",
        "created_at": pd.to_datetime(["2026-08-22 12:30"], utc=True), "author_followers": 48_200.0, "reach": 61_000.0,
        "likes": 3_900.0, "comments": 212.0, "shares": 480.0, "sentiment": "positive",
        "truth_sentiment": "positive", "truth_planted": "2026-08-22"})
    out = pd.concat([out, review], ignore_index=True).sort_values("created_at", kind="stable").reset_index(drop=True)
    out["mention_id"] = (4_100_000_000 + np.arange(len(out), dtype=np.int64) * 37).astype(str)
    dom = out["platform"].map({"instagram": "https://www.instagram.com/p/", "tiktok": "https://www.tiktok.com/@",
                               "facebook": "https://www.facebook.com/"})
    out["url"] = dom + out["mention_id"]
    first = ["mention_id", "platform", "brand", "author", "text", "created_at", "author_followers", "reach", "likes",
             "comments", "shares", "url", "sentiment"]
    return out[first + [c for c in out.columns if c not in first]]
