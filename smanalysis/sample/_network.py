"""The planted network of the sample: communities on X that change over the year.

Every month each active community (a *group*) writes tweets among its members: originals
that mention a brand and often @mention a member, replies to earlier tweets of the group,
quotes and retweets (mostly of the hub). A small share of targets crosses to another group.
Authors and targets are drawn with a bias to the first members of the roster, so the hub
(index 0) and the broker (index 2 in two rosters) stand out. Everything is vectorised over
tweets; loops run over the dozen months and half-dozen communities only.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import _banks_comments as bc
from . import _banks_posts as bp
from ._text import fill_slots, handles, pick

START = pd.Timestamp("2025-11-01", tz="Asia/Jakarta")
MONTHS = pd.period_range("2025-11", "2026-10", freq="M")
BRANDS = {"Kopi Senja": "kopisenja_id", "Kopi Pagi": "kopipagi_jogja", "Ruang Seduh": "ruangseduh"}

INFLUENCERS = {
    "jogjafoodhunter": {"role": "food blogger, hub of the kuliner community", "followers": 48_200},
    "infokampusjogja": {"role": "campus community account, hub of the kampus community", "followers": 22_500},
    "dinda_ngopi": {"role": "micro-influencer and broker between kampus and kuliner", "followers": 1_850},
}
FOLLOWER_FALLACY = {"selebjogja": 310_000}  # many followers, almost no interactions

# community -> hub, base roster size, size multiplier per month (12 months from 2025-11)
COMMUNITIES = {
    "kampus": ("infokampusjogja", 24, [1, 1, 1, 1, 1, 1, 1, 0.6, 0.5, 1.3, 1.5, 1.5]),
    "kuliner": ("jogjafoodhunter", 22, [1] * 12),
    "gowes": ("gowespagi_jogja", 18, [1, 1, 1, 1, 0.5, 0.4, 0.3, 0, 0, 0, 0, 0]),
    "kopi_manual": ("seduhmanual", 26, [1] * 12),
    "wfc": ("wfc_jogja", 20, [0, 0, 0, 0, 0, 0, 0.5, 0.8, 1, 1.2, 1.3, 1.4]),
}
SPLIT_MONTH = 8  # 2026-07: kopi_manual splits into kopi_manual (V60) and espresso
SPLIT_HUB = "espresso_jogja"
BROKER = "dinda_ngopi"
EVENTS = [
    {"event": "death", "community": "gowes", "month": "2026-06", "note": "cycling group fades from March, gone by June"},
    {"event": "contraction", "community": "gowes", "month": "2026-03", "note": "rides stop in the rainy season"},
    {"event": "birth", "community": "wfc", "month": "2026-05", "note": "remote workers start a work-from-cafe group"},
    {"event": "split", "community": "kopi_manual", "month": "2026-07",
     "into": ["kopi_manual", "espresso"], "note": "home brewers split into a V60 and an espresso camp"},
    {"event": "growth", "community": "kampus", "month": "2026-08",
     "note": "new academic year (after a smaller group in the June-July semester break)"},
]
TWEETS_PER_MEMBER = 2.4


def rosters(scale: float, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Member handles per community, hub first; the broker sits at index 1 of kampus and kuliner."""
    sizes = {c: max(int(np.ceil(base * max(mult) * scale)), 4) + 3 for c, (_, base, mult) in COMMUNITIES.items()}
    pool = handles(sum(sizes.values()) + 10, rng)
    pool = np.array([h.replace(".", "_") for h in pool], dtype=object) if len(pool) < 5000 else \
        pd.Series(pool, dtype=object).str.replace(".", "_", regex=False).to_numpy(dtype=object)
    taken = {"infokampusjogja", "jogjafoodhunter", BROKER, SPLIT_HUB, *FOLLOWER_FALLACY,
             *(h for h, _, _ in COMMUNITIES.values())}
    pool = pool[~np.isin(pool, list(taken)) & (pd.Series(pool, dtype=object).str.len() <= 15).to_numpy()]
    out, i = {}, 0
    for c, (hub, _, _) in COMMUNITIES.items():
        r = pool[i : i + sizes[c]].copy()
        i += sizes[c]
        r[0] = hub
        if c in ("kampus", "kuliner"):
            r[1] = BROKER
        if c == "kopi_manual":
            r[1] = SPLIT_HUB
        out[c] = r
    return out


def groups(roster: dict[str, np.ndarray], scale: float) -> list[tuple[str, int, np.ndarray]]:
    """(community, month index, active members) for every active group."""
    res = []
    for c, (_, base, mult) in COMMUNITIES.items():
        for m, k in enumerate(mult):
            if k <= 0:
                continue
            size = max(4, int(round(base * k * scale)))
            members = roster[c][:size]
            if c == "kopi_manual" and m >= SPLIT_MONTH:
                res.append(("kopi_manual", m, members[0::2]))
                res.append(("espresso", m, members[1::2]))
            else:
                res.append((c, m, members))
    return res


def _times(month: int, n: int, rng: np.random.Generator) -> np.ndarray:
    p = MONTHS[month]
    start = p.start_time.tz_localize("Asia/Jakarta")
    days = p.days_in_month
    hour_w = np.array([1, 1, 0.5, 0.3, 0.3, 0.5, 1, 2, 3, 3, 3, 3, 4, 4, 3, 3, 4, 5, 6, 7, 8, 7, 5, 3], float)
    d = rng.integers(0, days, n)
    h = rng.choice(24, size=n, p=hour_w / hour_w.sum())
    s = rng.integers(0, 3600, n)
    t = start + pd.to_timedelta(d * 86400 + h * 3600 + s, unit="s")
    return np.sort(t.tz_convert("UTC").to_numpy())


def tweets(scale: float, rng: np.random.Generator) -> tuple[pd.DataFrame, dict]:
    """The X conversation (tweets frame of ``write_twarc_jsonl``) and the planted membership."""
    roster = rosters(scale, rng)
    frames, membership = [], {}
    for c, m, members in groups(roster, scale):
        n = max(3, int(round(len(members) * TWEETS_PER_MEMBER * 1.0)))
        bias = 2.2 if c in ("kampus", "kuliner") else 1.6  # the two influencers' groups lean on their hub
        a_idx = np.minimum((len(members) * rng.random(n) ** bias).astype(int), len(members) - 1)
        f = pd.DataFrame({"community": c, "month": m, "created_at": _times(m, n, rng), "author": members[a_idx]})
        f["pos"] = np.arange(n)
        kind = rng.choice(["original", "reply", "retweet", "quote"], size=n, p=[0.36, 0.36, 0.18, 0.10])
        back = f["pos"].to_numpy() - (rng.geometric(0.35, n))
        kind = np.where(back < 0, "original", kind)
        ref = np.clip(back, 0, None)
        is_hub = (f["author"] == members[0]).to_numpy()
        last_hub = pd.Series(np.where(is_hub, f["pos"], np.nan)).shift(1).ffill().to_numpy()
        use_hub = (kind == "retweet") & ~np.isnan(last_hub) & (rng.random(n) < 0.7)
        ref = np.where(use_hub, np.nan_to_num(last_hub).astype(int), ref)
        kind = np.where(members[a_idx] == members[a_idx][ref], "original", kind)  # no self-replies
        f["kind"] = kind
        f["ref_author"] = f["author"].to_numpy()[ref]
        f["ref_pos"] = ref
        t_idx = np.minimum((len(members) * rng.random(n) ** (bias + 0.8)).astype(int), len(members) - 1)
        f["at"] = np.where((kind == "original") & (rng.random(n) < 0.7), members[t_idx], None)
        f["group"] = f"{c}:{m}"
        frames.append(f)
        seen = set(f["author"]) | set(f.loc[f["kind"] != "original", "ref_author"]) | set(f["at"].dropna())
        membership.setdefault(c, {})[str(MONTHS[m])] = members[np.isin(members, list(seen))]
    tw = pd.concat(frames, ignore_index=True)
    n = len(tw)
    # cross-community noise: some targets point to a member of another group of the same month
    cross = (rng.random(n) < 0.04) & tw["at"].notna().to_numpy()
    tw = tw.sort_values("month", kind="stable").reset_index(drop=True)
    cnt = tw["month"].value_counts().sort_index()
    off = np.concatenate([[0], np.cumsum(cnt.to_numpy())[:-1]])
    mi = tw["month"].map(pd.Series(np.arange(len(cnt)), index=cnt.index)).to_numpy()
    j = off[mi] + (rng.random(n) * cnt.to_numpy()[mi]).astype(int)
    tw.loc[cross, "at"] = tw["author"].to_numpy()[j][cross]
    # non-community voices: random people who mention a brand, and the celebrity
    n_rand = int(round(260 * scale))
    rnd_h = pd.Series(handles(max(n_rand, 6), rng), dtype=object).str.replace(".", "_", regex=False)
    rnd_h = rnd_h[rnd_h.str.len() <= 15].to_numpy(dtype=object)
    mo = rng.integers(0, 12, n_rand)
    extra = pd.DataFrame({
        "community": None, "month": mo,
        "created_at": np.concatenate([_times(int(k), int((mo == k).sum()), rng) for k in range(12)]) if n_rand else [],
        "author": pick(rnd_h, n_rand, rng), "pos": 0, "kind": "original", "ref_author": None, "ref_pos": -1,
        "at": None, "group": "none"})
    extra["month"] = np.sort(mo)
    celeb = pd.DataFrame({"community": None, "month": [3, 9], "author": "selebjogja", "pos": 0, "kind": "original",
                          "ref_author": None, "ref_pos": -1, "at": None, "group": "none",
                          "created_at": pd.to_datetime(["2026-02-14 12:05", "2026-08-23 19:40"]).tz_localize("UTC")})
    tw = pd.concat([tw, extra, celeb], ignore_index=True)
    tw = tw.sort_values("created_at", kind="stable").reset_index(drop=True)
    tw = _texts(tw, rng)
    celeb = (tw["author"] == "selebjogja").to_numpy()
    tw.loc[celeb, "text"] = ["mampir ke @kopisenja_id abis syuting, kopinya enak juga ☕",
                             "sore2 ngopi di @ruangseduh, tempatnya cozy"][: int(celeb.sum())]
    tw.loc[celeb, "brand"] = ["Kopi Senja", "Ruang Seduh"][: int(celeb.sum())]
    return tw, {"roster": roster, "membership": membership}


def _texts(tw: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    n = len(tw)
    base = 1_650_000_000_000_000_000
    tw["tweet_id"] = (base + np.arange(n, dtype=np.int64) * 7919 + rng.integers(0, 7000, n)).astype(str)
    brand = pick(list(BRANDS), n, rng, p=[0.5, 0.3, 0.2])
    # the wfc crowd prefers Ruang Seduh, the espresso camp Kopi Pagi
    brand = np.where((tw["community"] == "wfc").to_numpy() & (rng.random(n) < 0.5), "Ruang Seduh", brand)
    brand = np.where((tw["community"] == "espresso").to_numpy() & (rng.random(n) < 0.5), "Kopi Pagi", brand)
    other = np.where(brand == "Kopi Senja", "Kopi Pagi", "Kopi Senja")
    tone = rng.choice(3, size=n, p=[0.55, 0.3, 0.15])
    body = np.empty(n, dtype=object)
    for k, bank in enumerate([bp.MENTION_POS, bp.MENTION_NEU, bp.MENTION_NEG]):
        m = tone == k
        body[m] = pick(bank, int(m.sum()), rng)
    body = fill_slots(body, "menu", pick(bc.MENU, n, rng))
    # community members tag the brand's own handle; outsiders tag the competitors' handles too
    outsider = tw["community"].isna().to_numpy()
    as_handle = (rng.random(n) < 0.35) & ((brand == "Kopi Senja") | outsider)
    handle = "@" + pd.Series(brand, dtype=object).map(BRANDS).to_numpy(dtype=object)
    body = fill_slots(body, "brand", np.where(as_handle, handle, brand))
    body = fill_slots(body, "other", other)
    chat = pick(bp.X_CHATTER, n, rng)
    kind = tw["kind"].to_numpy()
    with_brand = rng.random(n) < 0.6
    joint = np.where(pd.Series(chat, dtype=object).str[-1].isin(["?", "!"]).to_numpy(), " ", ", ")
    reply_txt = np.where(with_brand, chat + joint + body, chat)
    text = np.where(kind == "reply", "@" + tw["ref_author"].fillna("").astype(object) + " " + reply_txt, body)
    text = np.where(kind == "quote", chat + " " + body, text)
    at = tw["at"].to_numpy()
    has_at = pd.notna(at) & (at != tw["author"].to_numpy()) & ~((kind == "reply") & (at == tw["ref_author"].to_numpy()))
    tw["at"] = np.where(has_at, at, None)
    text = np.where(has_at, text + " @" + np.where(has_at, at, "").astype(object), text)
    tw["text"] = text
    tw["brand"] = brand
    tw["sentiment"] = np.array(["positive", "neutral", "negative"], dtype=object)[tone]
    ids = tw["tweet_id"].to_numpy()
    tw["tweet_ref"] = None
    ref_ok = kind != "original"
    # map ref_pos within group to tweet ids
    key = tw["group"] + "#" + tw["pos"].astype(str)
    lut = pd.Series(ids, index=key.to_numpy())
    lut = lut[~lut.index.duplicated()]
    rk = tw["group"] + "#" + tw["ref_pos"].astype(int).astype(str)
    tw.loc[ref_ok, "tweet_ref"] = lut.reindex(rk[ref_ok].to_numpy()).to_numpy()
    tw["reply_to_user"] = np.where(kind == "reply", tw["ref_author"], None)
    tw["reply_to_tweet"] = np.where(kind == "reply", tw["tweet_ref"], None)
    tw["quoted_tweet"] = np.where(kind == "quote", tw["tweet_ref"], None)
    tw["retweeted_tweet"] = np.where(kind == "retweet", tw["tweet_ref"], None)
    rt = kind == "retweet"
    orig_text = pd.Series(tw["text"].to_numpy(), index=ids).reindex(tw["tweet_ref"].fillna("").to_numpy()).to_numpy()
    tw.loc[rt, "text"] = ("RT @" + tw.loc[rt, "ref_author"].astype(object) + ": " + pd.Series(orig_text[rt], dtype=object).fillna("").to_numpy())
    fol = np.round(rng.lognormal(np.log(420), 0.9, n))
    special = {**{h: v["followers"] for h, v in INFLUENCERS.items()}, **FOLLOWER_FALLACY,
               "gowespagi_jogja": 6_400, "seduhmanual": 9_100, SPLIT_HUB: 3_900, "wfc_jogja": 5_300}
    # followers are a property of the author: take the first draw per author
    fol = pd.Series(fol).groupby(tw["author"].to_numpy()).transform("first").to_numpy()
    sp = tw["author"].map(special)
    tw["author_followers"] = np.where(sp.notna(), sp, fol)
    imp = tw["author_followers"].to_numpy() * rng.uniform(0.05, 0.4, n)
    tw["impressions"] = np.round(imp)
    tw["likes"] = np.round(imp * rng.uniform(0.005, 0.05, n))
    tw["retweets"] = np.round(imp * rng.uniform(0, 0.004, n))
    tw["replies"] = np.round(imp * rng.uniform(0, 0.006, n))
    tw["quotes"] = np.round(imp * rng.uniform(0, 0.002, n))
    tw.loc[rt, ["likes", "retweets", "replies", "quotes"]] = 0.0
    return tw


def interactions(tw: pd.DataFrame) -> pd.DataFrame:
    """Canonical interactions implied by the tweets (reply, quote, share, mention)."""
    kind_map = {"reply": "reply", "quote": "quote", "retweet": "share"}
    k = tw["kind"].map(kind_map)
    a = tw[k.notna()]
    e1 = pd.DataFrame({"source": a["author"], "target": a["ref_author"], "kind": k[k.notna()],
                       "created_at": a["created_at"], "platform": "x", "post_id": a["tweet_id"], "text": a["text"]})
    # every other @handle in the text is a mention (as in the tweet's entities)
    found = tw["text"].str.findall(r"(?<![\w@])@([A-Za-z0-9_]{1,15})")
    ex = tw[["author", "created_at", "tweet_id", "text"]].assign(target=found).explode("target")
    ref = tw["ref_author"].reindex(ex.index).to_numpy()
    same = tw["kind"].reindex(ex.index).isin(["reply", "retweet"]).to_numpy() & (ex["target"].to_numpy() == ref)
    ex = ex[ex["target"].notna().to_numpy() & ~same]  # the replied-to / retweeted author is not a mention too
    e2 = pd.DataFrame({"source": ex["author"], "target": ex["target"], "kind": "mention",
                       "created_at": ex["created_at"], "platform": "x", "post_id": ex["tweet_id"], "text": ex["text"]})
    out = pd.concat([e1, e2], ignore_index=True)
    return out[out["source"] != out["target"]].sort_values("created_at", kind="stable").reset_index(drop=True)
