"""Write the sample in the platforms' real export formats (through :mod:`smanalysis.io.writers`)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from ..io import writers as W
from ..outdir import prepare_output_folder
from . import _docs
from ._extra import boosted, write_extra
from ._generate import generate, truth
from ._posts import OWN, TZ

__all__ = ["write_sample", "data_dictionary_markdown", "PROFILE", "CLIENT", "CODEBOOK"]

data_dictionary_markdown = _docs.data_dictionary_markdown

PROFILE = {
    "business_name": "Kopi Senja",
    "sector": "kuliner (kedai kopi)",
    "business_model": "B2C",
    "goal": "promotion",
    "timezone": TZ,
    "website": "https://kopisenja.example",
    "audience": {"age_min": 18, "age_max": 30, "gender": "all", "locations": ["Yogyakarta", "Sleman"],
                 "interests": ["kopi", "nongkrong", "nugas", "kuliner", "musik akustik"]},
    "platforms": ["instagram", "tiktok", "facebook", "x"],
    "own_accounts": dict(OWN),
    "competitors": [
        {"name": "Kopi Pagi", "accounts": {"instagram": "kopipagi.jogja", "x": "kopipagi_jogja"}},
        {"name": "Ruang Seduh", "accounts": {"instagram": "ruangseduh", "x": "ruangseduh"}},
    ],
    "tone": {"register": "casual", "address": "kak", "emoji": True},
    "kpi_targets": {"er_reach": 0.05, "follower_growth_monthly": 0.03, "response_rate": 0.9,
                    "median_response_minutes": 60, "net_sentiment": 0.3, "share_of_voice": 0.4},
}

CLIENT = {
    "client": "Kopi Senja",
    "slug": "kopi-senja",
    "profile": "profile.yaml",
    "data": ["exports/", "content_plan.csv"],
    "codebook": "codebook.yaml",
    "period": {"start": "2026-10-01", "end": "2026-10-31"},
    "previous": {"start": "2026-09-01", "end": "2026-09-30"},
    "lang": "id",
    "pseudonymise": True,
}

CODEBOOK = {"codes": {
    "rasa": {"label": "Rasa", "keywords": ["enak", "enaak*", "rasa*", "pahit", "manis", "kemanisan", "hambar", "asem",
                                          "nagih", "strong", "juara", "mantap", "mantul"]},
    "harga": {"label": "Harga", "keywords": ["harga*", "mahal", "kemahalan", "murah", "worth it", "pricelist",
                                            "diskon", "ramah di kantong", "naik harga", "35rb"]},
    "pelayanan": {"label": "Pelayanan", "keywords": ["pelayanan*", "ramah", "jutek", "ketus", "barista*", "kasir*",
                                                    "admin", "dibales", "senyum*", "sabar"]},
    "tempat_suasana": {"label": "Tempat & suasana", "keywords": ["tempat*", "cozy", "aesthetic", "suasana*", "adem",
                                                                "parkir*", "musik*", "ac", "toilet*", "outdoor"]},
    "pengiriman": {"label": "Pengiriman & pesanan", "keywords": ["delivery", "gofood", "grabfood", "shopeefood",
                                                                "ongkir", "dianter", "kirim", "pesanan*", "order*",
                                                                "dingin", "anyep", "lama", "salah", "ketuker"]},
    "promo": {"label": "Promo & giveaway", "keywords": ["promo*", "giveaway", "voucher", "diskon", "gratis",
                                                       "happy hour", "bukber"]},
    "wifi_nugas": {"label": "Wifi & nugas", "keywords": ["wifi", "nugas", "colokan*", "laptop", "zoom", "wfc",
                                                        "kerja"]},
    "kebersihan": {"label": "Kebersihan", "keywords": ["kotor", "bersih*", "rambut", "bau", "lengket"]},
    "jam_lokasi": {"label": "Jam buka & lokasi", "keywords": ["buka", "tutup*", "jam brp", "lokasi*", "share loc",
                                                             "deket", "cabang"]},
}}


_JSONL_MAX = 4_000  # tweets in one JSONL file before splitting by days
_JSONL_CHUNK = 1_500  # tweets a file when split (the twarc writer's cost grows with the square of a file's size)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _yaml(obj, path: Path, header: str = "") -> Path:
    text = yaml.dump(obj, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=120)
    path.write_text(header + text, encoding="utf-8")
    return path


def _bold(text: pd.Series) -> pd.Series:
    """Captions starting with 'PROMO!' written in math-bold letters, as some admins paste them."""
    bold = {c: chr(0x1D5D4 + i) for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}
    return text.str.replace("PROMO!", "".join(bold[c] for c in "PROMO") + "!", regex=False)


def write_sample(out, *, scale: float = 1.0, seed: int = 2026, overwrite: bool = False) -> list[Path]:
    """Write the sample dataset (exports in real formats, profile, plan, docs, truth) to ``out``.

    Parameters
    ----------
    out : str or Path
        Folder to write to (created if needed); exports go to ``out/exports/``.
    scale : float
        Size multiplier (1 = the bundled sample: ~300 posts, ~5,000 comments).
    seed : int
        Random seed.
    overwrite : bool, default False
        Write into a folder that already holds files (``--force``); by default ``out`` must be
        new or empty (:func:`smanalysis.outdir.prepare_output_folder`).

    Returns
    -------
    list of Path
        The files written, exports first. Above 4,000 tweets (``scale`` > ~1.3) the X
        search results are split into ``x_mentions_<first day>.jsonl`` files of about
        1,500 tweets each (one search every few days), instead of one ``x_mentions.jsonl``.

    Raises
    ------
    ValueError
        When ``scale`` is not positive.
    FileExistsError
        When ``out`` is not empty and ``overwrite`` is False, or holds a link leading outside it
        (nothing is written).

    Examples
    --------
    >>> import tempfile
    >>> files = write_sample(tempfile.mkdtemp(), scale=0.05, seed=1)
    >>> sorted(p.name for p in files if p.suffix == ".yaml")
    ['client.yaml', 'codebook.yaml', 'profile.yaml', 'truth.yaml']
    """
    if not scale > 0:
        raise ValueError(f"write_sample: `scale` must be a positive number, but {scale!r} was passed.")
    out = prepare_output_folder(out, overwrite=overwrite)
    t = generate(scale, seed)
    ex = out / "exports"
    ex.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def w(fn, frame, name, **kw):
        p = ex / name
        fn(frame, p, **kw)
        written.append(p)

    t["posts"] = t["posts"].assign(paid=boosted(t["posts"], seed))
    posts = t["posts"]
    local = posts["created_at"].dt.tz_convert(TZ)
    ig = posts[posts["platform"] == "instagram"].copy()
    ig["caption"] = _bold(ig["caption"])
    ig_local = local[ig.index]
    first = ig[ig_local < pd.Timestamp("2026-05-01", tz=TZ)]
    second = ig[ig_local >= pd.Timestamp("2026-05-01", tz=TZ)]
    # the last April post is in both exports; the earlier export has smaller lifetime totals
    overlap = first.tail(1).copy()
    dup_id = str(overlap["post_id"].iloc[0]) if len(overlap) else None
    early = first.copy()
    cnt = ["reach", "impressions", "views", "likes", "comments", "shares", "saves"]
    if dup_id is not None:
        m = early["post_id"] == dup_id
        early.loc[m, cnt] = (early.loc[m, cnt] * 0.9).round()
        second = pd.concat([overlap, second])
    w(W.write_meta_posts, _plain(early), "instagram_posts_2025-11_2026-04.csv", platform="instagram",
      variant="impressions", lang="id")
    w(W.write_meta_posts, _plain(second), "instagram_posts_2026-05_2026-10.csv", platform="instagram",
      variant="views", lang="en")
    w(W.write_meta_posts, _plain(posts[posts["platform"] == "facebook"]), "facebook_posts.csv", platform="facebook",
      variant="views", lang="en")
    x = posts[posts["platform"] == "x"]
    x_local = local[x.index]
    w(W.write_x_activity, _plain(x[x_local < pd.Timestamp("2026-05-01", tz=TZ)]),
      "x_tweet_activity_2025-11_2026-04.csv", columns=22)
    w(W.write_x_activity, _plain(x[x_local >= pd.Timestamp("2026-05-01", tz=TZ)]),
      "x_tweet_activity_2026-05_2026-10.csv", columns=40)
    w(W.write_tiktok_content, _plain(posts[posts["platform"] == "tiktok"]), "tiktok_content.xlsx", excel=True,
      export_date="2026-10-31")
    fol = t["followers"]
    w(W.write_meta_daily, _plain(fol[fol["platform"] == "facebook"]), "facebook_followers.csv",
      metric="Facebook followers")
    w(W.write_meta_daily, _plain(fol[fol["platform"] == "instagram"]), "instagram_followers.csv",
      metric="Instagram followers")
    w(W.write_tiktok_followers, _plain(fol[fol["platform"] == "tiktok"]), "tiktok_followers_2026-10-31.csv")
    tw = t["tweets"][["tweet_id", "author", "author_followers", "created_at", "text", "reply_to_user",
                      "reply_to_tweet", "quoted_tweet", "retweeted_tweet", "likes", "retweets", "replies", "quotes",
                      "impressions"]].assign(
        quoted_user=t["tweets"]["ref_author"].where(t["tweets"]["kind"] == "quote"),
        retweeted_user=t["tweets"]["ref_author"].where(t["tweets"]["kind"] == "retweet"))
    if len(tw) <= _JSONL_MAX:
        w(W.write_twarc_jsonl, tw, "x_mentions.jsonl")
    else:  # large datasets: one search every few days (about _JSONL_CHUNK tweets a file)
        day = tw["created_at"].dt.tz_convert(TZ).dt.tz_localize(None).dt.normalize()
        span = max(1, int(365 * _JSONL_CHUNK / len(tw)))
        first = day.min()
        chunk = (day - first).dt.days // span
        for k in sorted(chunk.unique()):
            start = (first + pd.Timedelta(days=int(k) * span)).strftime("%Y-%m-%d")
            w(W.write_twarc_jsonl, tw[(chunk == k).to_numpy()], f"x_mentions_{start}.jsonl")
    c = t["comments"]
    for platform in ("instagram", "facebook", "tiktok", "x"):
        w(W.write_comments_export, _plain(c[c["platform"] == platform]), f"comments_{platform}.csv")
    w(W.write_listening_export, _plain(t["mentions"]), "listening_mentions.csv")
    write_extra(t, ex, seed, w)
    w(W.write_competitor_posts, _plain(t["competitor_posts"]), "competitor_posts.csv")
    plan_path = out / "content_plan.csv"
    W.write_content_plan(_plain(t["content_plan"]), plan_path, lang="id")
    written.append(plan_path)
    written.append(_yaml(PROFILE, out / "profile.yaml", "# Fact-finding profile of the sample business (fictional).\n"))
    written.append(_yaml(CLIENT, out / "client.yaml", "# Client config for `smanalysis report` (paths relative to this file).\n"))
    written.append(_yaml(CODEBOOK, out / "codebook.yaml",
                         "# Codebook for qualitative coding of comments and mentions (keywords; * = any ending).\n"))
    tr = truth(t)
    tr["generator"] = {"scale": scale, "seed": seed}
    tr["files"] = {"duplicate_post_id": dup_id,
                   "duplicate_rule": "the Instagram post in both exports has larger lifetime totals in the later one"}
    written.append(_yaml(tr, out / "truth.yaml",
                         "# Ground truth planted by smanalysis.sample (for tests of the analysis layers).\n"))
    readme = out / "README.md"
    readme.write_text(_docs.readme(t, scale=scale, seed=seed), encoding="utf-8")
    written.append(readme)
    return written


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Drop the ``truth_*`` columns (what real exports would not carry)."""
    return df[[c for c in df.columns if not c.startswith("truth_")]].reset_index(drop=True)
