"""Content plan, own posts, follower series and competitor posts of the sample.

The plan comes first (dates, platforms, themes, captions); each plan row is executed on
time, late, or skipped; unplanned posts are added. Reach and engagement follow a simple
multiplicative model: followers x format x day x hour x content type x log-normal noise,
so that reels travel further, evenings and weekends do better, and promotion engages
less than useful or entertaining posts (real but noisy differences).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import _banks_comments as bc
from . import _banks_posts as bp
from ._text import fill_slots, pick

TZ = "Asia/Jakarta"
DAY0 = pd.Timestamp("2025-11-01")
DAY1 = pd.Timestamp("2026-10-31")
DAYS = pd.date_range(DAY0, DAY1, freq="D")
OWN = {"instagram": "kopisenja.id", "tiktok": "kopisenja.id", "facebook": "kopisenja", "x": "kopisenja_id"}
COMPETITORS = {"Kopi Pagi": "kopipagi.jogja", "Ruang Seduh": "ruangseduh"}

# platform -> plan rows per year at scale 1, theme weights, formats and weights
PLATFORM_PLAN = {
    "instagram": (128, {"menu baru": 10, "promo": 12, "di balik bar": 10, "tips seduh": 10, "suasana": 14,
                        "cerita pelanggan": 8, "kuis": 8, "humor": 8, "event": 9, "info": 6},
                  (["photo", "carousel", "reel"], [0.35, 0.3, 0.35])),
    "tiktok": (74, {"humor": 30, "di balik bar": 20, "tips seduh": 15, "menu baru": 10, "promo": 10, "suasana": 10,
                    "kuis": 5}, (["video"], [1.0])),
    "facebook": (62, {"promo": 18, "event": 20, "info": 15, "menu baru": 12, "suasana": 10, "cerita pelanggan": 15},
                 (["photo", "video", "link"], [0.6, 0.2, 0.2])),
    "x": (62, {"info": 20, "promo": 14, "kuis": 20, "humor": 20, "event": 20}, (["text", "photo"], [0.7, 0.3])),
}
START_FOLLOWERS = {"instagram": 4300, "tiktok": 1900, "facebook": 1750, "x": 860}
DAILY_FOLLOWS = {"instagram": (5.0, 3.0), "tiktok": (2.5, 1.5), "facebook": (1.5, 1.0), "x": (1.2, 0.7)}
_BOOST = {"instagram": 0.003, "tiktok": 0.0012, "facebook": 0.002, "x": 0.002}  # follows per account reached
SLOTS = np.array(["07:30", "12:00", "16:00", "19:00", "20:30"], dtype=object)
SLOT_W = np.array([0.15, 0.25, 0.15, 0.3, 0.15])

# planted spikes (local dates): extra follows per platform and a reach multiplier for posts that day
SPIKES = [
    {"date": "2026-03-14", "platform": "tiktok", "what": "viral TikTok video (POV barista), views x60",
     "follows": {"tiktok": [1400, 520, 210], "instagram": [180, 60]}},
    {"date": "2026-06-13", "platform": "all", "what": "delivery outage: late and wrong orders, complaint storm",
     "follows": {"instagram": [0]}, "unfollows": {"instagram": [25, 10]}},
    {"date": "2026-08-22", "platform": "instagram", "what": "food blogger jogjafoodhunter reviews Kopi Senja",
     "follows": {"instagram": [350, 140, 60]}},
    {"date": "2026-10-10", "platform": "all", "what": "price increase announced: complaints about harga",
     "follows": {"instagram": [0]}, "unfollows": {"instagram": [45, 20, 10]}},
    {"date": "2026-10-17", "platform": "instagram", "what": "3rd anniversary giveaway: comment and follow spike, "
     "giveaway hunters unfollow the week after", "follows": {"instagram": [220, 90], "tiktok": [40]},
     "unfollows": {"instagram": [0, 0, 0, 30, 30, 25, 20, 15]}},
]
ADMIN_LEAVE = ("2026-10-12", "2026-10-18")  # the admin is away: replies are rare and slow


def _weighted(d: dict, n: int, rng) -> np.ndarray:
    k = np.array(list(d), dtype=object)
    w = np.array(list(d.values()), float)
    return k[rng.choice(len(k), size=n, p=w / w.sum())]


def _captions(themes: np.ndarray, rng) -> np.ndarray:
    n = len(themes)
    body = np.empty(n, dtype=object)
    for t, (_, bodies) in bp.THEMES.items():
        m = themes == t
        if m.any():
            body[m] = pick(bodies, int(m.sum()), rng)
    body = fill_slots(body, "menu", pick(bc.MENU, n, rng))
    body = fill_slots(body, "day", pick(bp.DAYS, n, rng))
    body = fill_slots(body, "pct", pick(["10", "15", "20", "25", "30"], n, rng))
    body = fill_slots(body, "brand", np.full(n, "Kopi Senja", dtype=object))
    op = pick(bp.CAPTION_OPENERS, n, rng)
    low = pd.Series(op, dtype=object).str.endswith(", ").to_numpy()
    b = pd.Series(body, dtype=object)
    body = np.where(low, (b.str.slice(0, 1).str.lower() + b.str.slice(1)).to_numpy(dtype=object), body)
    cta = pick(bp.CAPTION_CTA, n, rng)
    ends = pd.Series(body, dtype=object).str[-1].isin(list("?!.")).to_numpy()
    sep = np.where(cta == "", "", np.where(ends, "", "."))
    return op + body + sep + cta


def _hashtags(themes: np.ndarray, rng) -> np.ndarray:
    n = len(themes)
    base = pick(bp.HASHTAGS_BASE[1:], n, rng)
    th = np.empty(n, dtype=object)
    for t, tags in bp.HASHTAGS_THEME.items():
        m = themes == t
        if m.any():
            th[m] = pick(tags, int(m.sum()), rng)
    return "#kopisenja " + base + " " + th


def content_plan(scale: float, rng) -> pd.DataFrame:
    """The written content plan with the planted execution outcome in ``truth_outcome``."""
    frames = []
    for platform, (per_year, themes, (fmts, fw)) in PLATFORM_PLAN.items():
        n = max(4, int(round(per_year * scale)))
        # weekday preference: more on Fri-Sun
        dw = np.where(DAYS.day_of_week >= 4, 1.4, 1.0)
        d = np.sort(rng.choice(len(DAYS), size=n, p=dw / dw.sum()))
        th = _weighted(themes, n, rng)
        dates = DAYS[d]
        # promotion creeps up in September and October (the plan review should see it)
        late_year = np.asarray(dates >= pd.Timestamp("2026-09-01")) & (rng.random(n) < 0.3)
        th = np.where(late_year, "promo", th)
        frames.append(pd.DataFrame({"date": dates, "platform": platform, "theme": th,
                                    "format": pick(fmts, n, rng, p=fw), "time": pick(SLOTS, n, rng, p=SLOT_W)}))
    plan = pd.concat(frames, ignore_index=True)
    planted = pd.DataFrame({
        "date": pd.to_datetime(["2026-03-14", "2026-02-20", "2026-03-18", "2026-03-18", "2026-10-10", "2026-10-10",
                                "2026-10-10", "2026-10-17", "2026-10-17", "2026-10-17"]),
        "platform": ["tiktok", "instagram", "instagram", "facebook", "instagram", "facebook", "x", "instagram",
                     "tiktok", "x"],
        "theme": ["humor", "promo", "info", "info", "info", "info", "info", "kuis", "kuis", "kuis"],
        "format": ["video", "carousel", "photo", "photo", "photo", "photo", "text", "reel", "video", "text"],
        "time": ["19:00", "16:00", "12:00", "12:00", "12:00", "12:00", "12:00", "19:00", "19:00", "19:00"],
    })
    plan = pd.concat([plan, planted], ignore_index=True)
    n = len(plan)
    th = plan["theme"].to_numpy(dtype=object)
    plan["content_type"] = pd.Series(th).map({t: v[0] for t, v in bp.THEMES.items()}).to_numpy()
    plan["caption"] = _captions(th, rng)
    special = {0: "POV: kamu bilang cuma mampir sebentar, ternyata closing 😭☕ #povbarista",
               1: "Paket bukber Ramadan: 4 kopi + 4 takjil cuma 99rb. Reservasi lewat WA di bio ya",
               2: "Info libur lebaran: kami tutup 19-21 Maret, buka lagi 22 Maret. Mohon maaf lahir dan batin",
               3: "Info libur lebaran: kami tutup 19-21 Maret, buka lagi 22 Maret. Mohon maaf lahir dan batin",
               4: "Pengumuman: mulai 10 Oktober ada penyesuaian harga beberapa menu karena harga biji kopi naik. "
                  "Terima kasih sudah terus mendukung",
               7: "Kopi Senja ulang tahun ke-3! Giveaway 3 voucher 100rb: follow, like, tag 3 teman. "
                  "Pemenang diumumkan 24 Oktober",
               }
    special[5] = special[6] = special[4]
    special[8] = special[9] = special[7]
    base = n - len(planted)
    for k, v in special.items():
        plan.loc[base + k, "caption"] = v
    plan["hashtags"] = _hashtags(th, rng)
    plan["asset"] = _assets(plan, rng)
    plan["source"] = pick(bp.PLAN_SOURCES, n, rng)
    plan["account"] = plan["platform"].map(OWN)
    plan = plan.sort_values(["date", "time", "platform"], kind="stable").reset_index(drop=True)
    n = len(plan)
    is_planted = plan["caption"].isin(list(special.values())).to_numpy()
    u = rng.random(n)
    outcome = np.where(u < 0.12, "skipped", np.where(u < 0.25, "late", "on_time"))
    outcome = np.where(is_planted, "on_time", outcome)
    # the admin's leave week: most plan rows are skipped
    leave = plan["date"].between(*ADMIN_LEAVE).to_numpy() & ~is_planted & (rng.random(n) < 0.7)
    outcome = np.where(leave, "skipped", outcome)
    plan["truth_outcome"] = outcome
    late = np.where(outcome == "late", rng.integers(1, 5, n), 0)
    room = (DAY1 - plan["date"]).dt.days.to_numpy()
    late = np.minimum(late, room)
    outcome = np.where((outcome == "late") & (late == 0), "on_time", outcome)
    plan["truth_outcome"] = outcome
    plan["truth_late_days"] = late
    status = np.where(outcome == "skipped", np.where(rng.random(n) < 0.6, "skipped", "scheduled"), "posted")
    plan["status"] = status
    plan["plan_id"] = ["KS-" + d.strftime("%y%m") + f"-{i:04d}" for i, d in enumerate(plan["date"], 1)] if n < 5000 \
        else ("KS-" + plan["date"].dt.strftime("%y%m") + "-" + pd.Series(np.arange(1, n + 1)).astype(str).str.zfill(6))
    # a hurried plan: some optional fields left blank (the admin adds hashtags when posting)
    plan["truth_post_hashtags"] = plan["hashtags"]
    for col, share in (("asset", 0.06), ("hashtags", 0.05), ("source", 0.1)):
        blank = rng.random(n) < share
        plan[col] = plan[col].where(~blank, None)
    # two rows break platform limits and never went out
    too_long = np.flatnonzero((plan["platform"] == "x").to_numpy() & ~is_planted & (plan["date"] >= "2026-10-01").to_numpy())
    many_tags = np.flatnonzero((plan["platform"] == "instagram").to_numpy() & ~is_planted
                               & (plan["date"] >= "2026-10-01").to_numpy())
    plan["truth_limit"] = ""
    if len(too_long):
        i = plan.index[too_long[0]]
        plan.loc[i, "caption"] = (plan.loc[i, "caption"] + " Cerita lengkapnya: kopi kita datang dari petani Gayo, "
                                  "disangrai tiap Senin pagi, diseduh barista yang sudah latihan berbulan-bulan, dan "
                                  "disajikan di gelas yang kita cuci dengan tangan. Terima kasih sudah jadi bagian "
                                  "dari perjalanan Kopi Senja sejak hari pertama!")
        plan.loc[i, ["truth_outcome", "status", "truth_late_days", "truth_limit"]] = ["skipped", "scheduled", 0, "x_caption_280"]
    if len(many_tags):
        i = plan.index[many_tags[-1]]
        tags = " ".join(f"#{t}" for t in ["kopisenja", "kopijogja", "ngopidijogja", "coffeeshopjogja", "cafejogja",
                                            "jogjakuliner", "kulinerjogja", "kopisusu", "esKopiSusu", "kopinusantara",
                                            "baristalife", "latteart", "manualbrew", "v60", "tempatnugasjogja",
                                            "nugasjogja", "wfcjogja", "senja", "sunsetjogja", "jogjaistimewa",
                                            "explorejogja", "infojogja", "promojogja", "giveawayjogja",
                                            "mahasiswajogja", "ugm", "uny", "sleman", "kaliurang", "temansenja",
                                            "coffeetime", "coffeelover"])
        plan.loc[i, ["hashtags", "truth_post_hashtags"]] = [tags, tags]
        plan.loc[i, ["truth_outcome", "status", "truth_late_days", "truth_limit"]] = ["skipped", "scheduled", 0, "instagram_hashtags_30"]
    # next month's rows: ideas and drafts, not yet due
    nxt = pd.DataFrame({"date": pd.to_datetime(["2026-11-02", "2026-11-04", "2026-11-06", "2026-11-07"]),
                        "platform": ["instagram", "tiktok", "instagram", "facebook"],
                        "theme": ["tips seduh", "humor", "menu baru", "event"], "format": ["carousel", "video", "reel", "photo"],
                        "time": ["19:00", "19:00", "12:00", "16:00"], "status": ["planned", "draft", "idea", "planned"],
                        "truth_outcome": "future", "truth_late_days": 0})
    nxt["content_type"] = nxt["theme"].map({t: v[0] for t, v in bp.THEMES.items()})
    nxt["caption"] = _captions(nxt["theme"].to_numpy(dtype=object), rng)
    nxt["hashtags"] = _hashtags(nxt["theme"].to_numpy(dtype=object), rng)
    nxt["asset"] = _assets(nxt, rng)
    nxt["source"] = "ide tim"
    nxt["account"] = nxt["platform"].map(OWN)
    nxt["plan_id"] = [f"KS-2611-{9001 + i}" for i in range(len(nxt))]
    nxt["truth_post_hashtags"] = nxt["hashtags"]
    nxt["truth_limit"] = ""
    nxt.loc[nxt.index[-2:], ["asset", "source"]] = None  # ideas are still sketchy
    return pd.concat([plan, nxt], ignore_index=True)


def _assets(plan: pd.DataFrame, rng) -> np.ndarray:
    n = len(plan)
    stem = plan["theme"].str.replace(" ", "_").to_numpy(dtype=object)
    day = plan["date"].dt.strftime("%Y%m%d").to_numpy(dtype=object)
    ext = plan["format"].map({"photo": ".jpg", "carousel": "_slides.pdf", "reel": ".mp4", "video": ".mp4",
                              "text": "", "link": ".jpg"}).fillna(".jpg").to_numpy(dtype=object)
    asset = "KS_" + day + "_" + stem + ext
    asset = np.where(ext == "", "(teks saja)", asset)
    canva = rng.random(n) < 0.15
    return np.where(canva, "Canva: template " + plan["theme"].to_numpy(dtype=object), asset)


def posts_from_plan(plan: pd.DataFrame, scale: float, rng) -> pd.DataFrame:
    """Own posts: executed plan rows (on time or late) plus unplanned posts."""
    done = plan[plan["truth_outcome"].isin(["on_time", "late"])]
    n = len(done)
    hm = done["time"].str.split(":", expand=True).astype(int)
    jitter = rng.integers(-40, 50, n)
    local = (done["date"] + pd.to_timedelta(done["truth_late_days"], unit="D")
             + pd.to_timedelta(hm[0] * 60 + hm[1] + jitter, unit="m"))
    p = pd.DataFrame({"platform": done["platform"].to_numpy(), "account": done["account"].to_numpy(),
                      "local": local.to_numpy(), "format": done["format"].to_numpy(),
                      "theme": done["theme"].to_numpy(), "content_type": done["content_type"].to_numpy(),
                      "caption": done["caption"].to_numpy(), "hashtags": done["truth_post_hashtags"].to_numpy(),
                      "plan_id": done["plan_id"].to_numpy()})
    # small edits at posting time: an emoji, sometimes a reworded ending
    edit = rng.random(n)
    p["caption"] = np.where(edit < 0.3, p["caption"] + " " + pick(["☕", "✨", "🙌", "😍", "🔥"], n, rng), p["caption"])
    shout = (p["platform"] == "instagram").to_numpy() & (p["content_type"] == "promo").to_numpy() & (rng.random(n) < 0.3)
    p["caption"] = np.where(shout, "PROMO! " + p["caption"], p["caption"])
    # unplanned posts (about 8%)
    m = max(2, int(round(24 * scale)))
    plat = pick(list(PLATFORM_PLAN), m, rng, p=[0.45, 0.3, 0.15, 0.1])
    th = pick(["suasana", "humor", "cerita pelanggan", "promo", "info"], m, rng)
    fmt = np.where(plat == "tiktok", "video", np.where(plat == "x", "text", pick(["photo", "reel"], m, rng)))
    un = pd.DataFrame({"platform": plat, "account": pd.Series(plat).map(OWN).to_numpy(),
                       "local": DAYS[rng.integers(0, len(DAYS), m)] + pd.to_timedelta(rng.integers(8 * 60, 22 * 60, m), unit="m"),
                       "format": fmt, "theme": th, "content_type": pd.Series(th).map({t: v[0] for t, v in bp.THEMES.items()}).to_numpy(),
                       "caption": _captions(th, rng), "hashtags": _hashtags(th, rng), "plan_id": None})
    p = pd.concat([p, un], ignore_index=True)
    p["created_at"] = pd.DatetimeIndex(p["local"]).tz_localize(TZ).tz_convert("UTC")
    p["caption"] = p["caption"] + "\n\n" + p["hashtags"]
    p = p.drop(columns="local").sort_values("created_at", kind="stable").reset_index(drop=True)
    p["truth_planned"] = p["plan_id"].notna()
    p["truth_plan_id"] = p["plan_id"]
    return p


def followers(posts: pd.DataFrame, scale: float, rng) -> pd.DataFrame:
    """Daily follower series per own account (local days), driven by reach and the planted spikes."""
    frames = []
    local_day = posts["created_at"].dt.tz_convert(TZ).dt.tz_localize(None).dt.normalize()
    for platform, (fol, unf) in DAILY_FOLLOWS.items():
        nd = len(DAYS)
        season = 1 + 0.25 * np.sin(np.arange(nd) / nd * 2 * np.pi * 2)  # two humps over the year
        new = rng.poisson(fol * season * max(scale, 1) ** 0.5)
        lost = rng.poisson(unf * np.ones(nd) * max(scale, 1) ** 0.5)
        mine = posts["platform"] == platform
        boost = (posts.loc[mine, "reach"].fillna(posts.loc[mine, "views"]).fillna(0) * _BOOST[platform]).groupby(local_day[mine]).sum()
        new = new + rng.poisson(boost.reindex(DAYS, fill_value=0).to_numpy())
        for s in SPIKES:
            i = DAYS.get_loc(pd.Timestamp(s["date"]))
            for k, v in enumerate(s.get("follows", {}).get(platform, [])):
                new[i + k] += v
            for k, v in enumerate(s.get("unfollows", {}).get(platform, [])):
                lost[i + k] += v
        start = START_FOLLOWERS[platform] * max(scale, 1) ** 0.5
        series = np.round(start + np.cumsum(new - lost))
        frames.append(pd.DataFrame({"date": DAYS, "platform": platform, "account": OWN[platform],
                                    "followers": series.astype(float), "new_followers": new.astype(float),
                                    "unfollows": lost.astype(float)}))
    return pd.concat(frames, ignore_index=True)


_TYPE_REACH = {"promo": 0.85, "education": 1.1, "entertainment": 1.25, "engagement": 1.1, "inspiration": 1.0,
               "news": 0.95, "other": 1.0}
_TYPE_ER = {"promo": 0.6, "education": 1.1, "entertainment": 1.3, "engagement": 1.25, "inspiration": 1.0,
            "news": 0.8, "other": 1.0}
_FMT_REACH = {"photo": 0.26, "carousel": 0.33, "reel": 0.7, "video": 0.5, "text": 0.45, "link": 0.18}


def metrics(posts: pd.DataFrame, fol: pd.DataFrame, rng) -> pd.DataFrame:
    """Reach, views and engagement of the own posts (lifetime), before comment counts."""
    p = posts.copy()
    n = len(p)
    local = p["created_at"].dt.tz_convert(TZ)
    day = local.dt.tz_localize(None).dt.normalize()
    f = fol.set_index(["platform", "date"])["followers"]
    p["followers_at_post"] = f.reindex(pd.MultiIndex.from_arrays([p["platform"], day])).to_numpy()
    hour = local.dt.hour.to_numpy()
    hmult = np.select([(hour >= 19) & (hour <= 21), (hour >= 11) & (hour <= 13), hour < 9], [1.2, 1.05, 0.95], 0.88)
    dmult = np.select([local.dt.day_of_week.to_numpy() >= 5, local.dt.day_of_week.to_numpy() == 4], [1.15, 1.05], 1.0)
    tr = p["content_type"].map(_TYPE_REACH).fillna(1.0).to_numpy()
    fr = p["format"].map(_FMT_REACH).fillna(0.3).to_numpy()
    sigma = np.where(np.isin(p["format"], ["reel", "video"]), 0.75, 0.4)
    noise = rng.lognormal(0, sigma)
    reach = p["followers_at_post"].to_numpy() * fr * hmult * dmult * tr * noise
    viral = (day == pd.Timestamp("2026-03-14")).to_numpy() & (p["platform"] == "tiktok").to_numpy()
    reach = np.where(viral, reach * 60, reach)
    blog = day.between("2026-08-22", "2026-08-25").to_numpy() & (p["platform"] == "instagram").to_numpy()
    reach = np.where(blog, reach * 1.8, reach)
    er = 0.045 * p["content_type"].map(_TYPE_ER).fillna(1.0).to_numpy() * rng.lognormal(0, 0.35, n)
    plat = p["platform"].to_numpy()
    er = er * np.select([plat == "tiktok", plat == "facebook", plat == "x"], [1.4, 0.7, 0.35], 1.0)
    p["reach"] = np.round(reach)
    p["views"] = np.round(reach * rng.uniform(1.2, 1.8, n))
    p["impressions"] = np.round(reach * rng.uniform(1.1, 1.5, n))
    p["likes"] = np.round(reach * er)
    edu = (p["content_type"] == "education").to_numpy()
    p["saves"] = np.round(reach * np.where(edu, 0.014, 0.003) * rng.lognormal(0, 0.4, n))
    ent = (p["content_type"] == "entertainment").to_numpy()
    p["shares"] = np.round(reach * np.where(ent, 0.012, 0.003) * rng.lognormal(0, 0.5, n))
    p["clicks"] = np.round(reach * rng.uniform(0.002, 0.02, n))
    p.loc[p["platform"] == "tiktok", ["reach", "impressions", "clicks"]] = np.nan
    p.loc[p["platform"] == "instagram", ["clicks"]] = np.nan
    p.loc[p["platform"] == "x", ["reach", "saves"]] = np.nan
    p.loc[p["platform"].isin(["facebook", "x"]), "saves"] = np.nan
    return p


def competitor_posts(scale: float, rng) -> pd.DataFrame:
    """Instagram posts of the two competitors, as a scraper sees them (no reach)."""
    frames = []
    for name, handle, per_year, fol0, fol1, reel_share in [("Kopi Pagi", "kopipagi.jogja", 150, 9400, 11200, 0.55),
                                                           ("Ruang Seduh", "ruangseduh", 95, 3100, 5600, 0.35)]:
        n = max(3, int(round(per_year * scale)))
        d = np.sort(rng.integers(0, len(DAYS), n))
        local = DAYS[d] + pd.to_timedelta(rng.integers(7 * 60, 22 * 60, n), unit="m")
        fmt = np.where(rng.random(n) < reel_share, "reel", pick(["photo", "carousel"], n, rng))
        body = fill_slots(pick(bp.COMPETITOR_BODIES, n, rng), "menu", pick(bc.MENU, n, rng))
        body = fill_slots(body, "pct", pick(["10", "20", "25"], n, rng))
        tag = "#" + handle.replace(".", "")
        fol = fol0 + (fol1 - fol0) * d / len(DAYS)
        reach = fol * np.where(fmt == "reel", 0.8, 0.3) * rng.lognormal(0, 0.5, n)
        code = _shortcodes(n, rng)
        frames.append(pd.DataFrame({
            "post_id": (3_300_000_000_000_000_000 + rng.integers(0, 10**15, n)).astype(str),
            "platform": "instagram", "account": handle,
            "created_at": pd.DatetimeIndex(local).tz_localize(TZ).tz_convert("UTC"), "format": fmt,
            "caption": body + " " + tag + " #kopijogja", "permalink": "https://www.instagram.com/p/" + code + "/",
            "likes": np.round(reach * 0.05), "comments": np.round(reach * 0.004),
            "views": np.where(fmt == "reel", np.round(reach * 1.5), np.nan), "followers_at_post": np.round(fol),
            "truth_brand": name}))
    return pd.concat(frames, ignore_index=True).sort_values("created_at", kind="stable").reset_index(drop=True)


def _shortcodes(n: int, rng) -> np.ndarray:
    alpha = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"))
    return alpha[rng.integers(0, len(alpha), (n, 11))].view("<U11").ravel().astype(object)


def assign_ids(posts: pd.DataFrame, rng) -> pd.DataFrame:
    """Platform-looking post ids and permalinks."""
    p = posts.copy()
    n = len(p)
    plat = p["platform"].to_numpy()
    seq = np.arange(n, dtype=np.int64) * 104729 + rng.integers(0, 100000, n)
    ig = (17_900_000_000_000_000 + seq).astype(str).astype(object)
    fb = "108234567890123_" + (700_000_000_000_000 + seq).astype(str).astype(object)
    tt = (7_300_000_000_000_000_000 + seq).astype(str).astype(object)
    xx = (1_860_000_000_000_000_000 + seq * 1000).astype(str).astype(object)
    p["post_id"] = np.select([plat == "instagram", plat == "facebook", plat == "tiktok"], [ig, fb, tt], xx)
    code = _shortcodes(n, rng)
    kind = np.where(p["format"] == "reel", "reel", "p")
    p["permalink"] = np.select(
        [plat == "instagram", plat == "facebook", plat == "tiktok"],
        ["https://www.instagram.com/" + kind + "/" + code + "/",
         "https://www.facebook.com/kopisenja/posts/" + pd.Series(p["post_id"]).str.split("_").str[1].fillna("").to_numpy(dtype=object),
         "https://www.tiktok.com/@kopisenja.id/video/" + p["post_id"].astype(object)],
        "https://twitter.com/kopisenja_id/status/" + p["post_id"].astype(object))
    return p
