"""The metric registry: every figure smanalysis reports, with the computation itself.

Each :class:`Metric` in :data:`METRICS` holds its numerator and denominator as callables over
the rows of a canonical table (posts, a period's follower growth, care rows, scored texts), its
unit, direction, format and its label and definition in Bahasa Indonesia and English.
:func:`~smanalysis.media.post_metrics`, :func:`~smanalysis.media.summary`, :func:`~smanalysis.media.compare_periods`,
the KPI checks, the report's key figures, ``metrics.json`` and the definitions section all read
this registry, and one private helper divides (NaN and an :class:`SMAnalysisWarning` on a zero
or missing denominator, the scikit-learn ``_prf_divide`` pattern). Adding a rate is one entry.

Examples
--------
>>> METRICS["er_reach"].denominator_text
'reach'
>>> metric_label("er_reach", lang="en")
'Engagement rate (reach)'
>>> import pandas as pd
>>> METRICS["er_reach"].value(pd.DataFrame({"engagements": [5.0, 15.0], "reach": [100.0, 100.0]}))
0.1
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .engagement import ENGAGEMENT_DEFINITIONS, engagement_components
from .metric import Columns, Metric, stat_column

__all__ = [
    "Metric", "METRICS", "Columns", "ALIASES", "ENGAGEMENT_DEFINITIONS", "RATE_METRICS", "REPORT_RATES", "COUNT_METRICS",
    "metric_label", "engagement_components", "resolve_metric", "column_metric", "period_columns", "metric_value",
]


def _get(col):
    return lambda c: c[col]


def _exposure(c):
    """Impressions, else views where the export has Views and no Impressions."""
    imp = c["impressions"]
    return np.where(np.isnan(imp), c["views"], imp)


def _virality_base(c):
    """Reach, else impressions, else views."""
    reach, imp = c["reach"], c["impressions"]
    return np.where(~np.isnan(reach), reach, np.where(~np.isnan(imp), imp, c["views"]))


def _per_post(c):
    return c.ones()


_F = "followers_at_publish"
_QC = ("question", "complaint")


def _count(name, lid, len_, did, den, source=""):
    return Metric(name, lid, len_, did, den, numerator=_get(name), numerator_text=name, source=source)


def _rate(name, lid, len_, did, den, numer, denom, ntext, dtext, *, unit="ratio", fmt="percent", scale=1.0,
          table="posts", stats=("ratio_of_totals",), report=False, higher=True, source=""):
    return Metric(name, lid, len_, did, den, numer, denom, ntext, dtext, unit, "rate", higher, fmt, scale, table,
                  stats, report, source)


_KAUSHIK = "Avinash Kaushik (2011)"
_KAUSHIK_1K = "Avinash Kaushik, normalised by audience size"

METRICS: dict[str, Metric] = {m.name: m for m in (
    # ---- counts of posts
    Metric("n_posts", "Jumlah unggahan", "Number of posts", "unggahan yang dihitung", "posts counted",
           numerator=_per_post, numerator_text="posts", stats=("total",), report=True),
    Metric("engagements", "Interaksi", "Engagements",
           "jumlah suka/reaksi, komentar, bagikan, simpan dan klik, sesuai yang dihitung tiap platform",
           "likes/reactions, comments, shares, saves and clicks added up, as each platform counts them",
           numerator=_get("engagements"), numerator_text="engagement actions", stats=("total", "median"),
           report=True, source="smanalysis ENGAGEMENT_DEFINITIONS"),
    _count("likes", "Suka / reaksi", "Likes / reactions", "suka (Facebook: semua reaksi)",
           "likes (Facebook: all reactions)"),
    _count("comments", "Komentar", "Comments", "komentar", "comments"),
    _count("shares", "Bagikan", "Shares", "dibagikan, repost, retweet", "shares, reposts, retweets"),
    _count("saves", "Simpan", "Saves", "disimpan / bookmark", "saves / bookmarks"),
    _count("clicks", "Klik", "Clicks", "klik tautan dan lainnya", "link and other clicks"),
    Metric("reach", "Jangkauan", "Reach", "akun unik yang dijangkau", "unique accounts reached",
           numerator=_get("reach"), numerator_text="reach", report=True),
    Metric("impressions", "Tayangan (impresi)", "Impressions", "berapa kali ditampilkan", "times shown",
           numerator=_get("impressions"), numerator_text="impressions", report=True),
    Metric("views", "Tayangan (views)", "Views", "berapa kali ditampilkan atau diputar", "times shown or played",
           numerator=_get("views"), numerator_text="views", report=True),
    Metric(_F, "Pengikut saat unggah", "Followers at publish",
           "pengikut di akhir hari lokal sebelum unggahan (deret harian), selain itu seperti diekspor",
           "followers at the end of the local day before the post (daily series), else as exported with the post",
           numerator=_get(_F), numerator_text="followers", stats=("median",)),
    # ---- rates of posts
    _rate("er_reach", "ER (jangkauan)", "Engagement rate (reach)", "interaksi / jangkauan", "engagements / reach",
          _get("engagements"), _get("reach"), "engagements", "reach", stats=("ratio_of_totals", "mean_of_posts"),
          report=True, source="engagement per account reached; common in Meta and Sprout Social reports"),
    _rate("er_impressions", "ER (tayangan)", "Engagement rate (impressions)",
          "interaksi / impresi (views bila ekspor hanya punya Views)",
          "engagements / impressions (views where the export has Views and no Impressions)",
          _get("engagements"), _exposure, "engagements", "impressions or views", report=True,
          source="X analytics and Hootsuite; Meta replaced Impressions with Views in 2025"),
    _rate("er_followers", "ER (pengikut)", "Engagement rate (followers)", "interaksi / pengikut saat unggah",
          "engagements / followers at publish", _get("engagements"), _get(_F), "engagements", _F, report=True,
          source="the only rate computable for competitors' public posts"),
    _rate("reach_rate", "Rasio jangkauan", "Reach rate", "jangkauan / pengikut saat unggah",
          "reach / followers at publish", _get("reach"), _get(_F), "reach", _F),
    _rate("virality_rate", "Rasio viralitas", "Virality rate",
          "dibagikan / jangkauan (impresi, lalu views, bila jangkauan tidak ada)",
          "shares / reach (shares / impressions, then views, when reach is missing)",
          _get("shares"), _virality_base, "shares", "reach", report=True, source="Facebook Insights 'virality'"),
    _rate("click_rate", "Rasio klik", "Click-through rate", "klik / impresi (views bila tanpa impresi)",
          "clicks / impressions (views where no impressions)", _get("clicks"), _exposure, "clicks",
          "impressions or views"),
    _rate("saves_per_reach", "Simpan per jangkauan", "Saves per reach", "simpan / jangkauan", "saves / reach",
          _get("saves"), _get("reach"), "saves", "reach",
          source="a save is a reader keeping the post for later; Instagram and TikTok export saves"),
    _rate("conversation_rate", "Percakapan per unggahan", "Conversation rate (per post)", "komentar per unggahan",
          "comments per post", _get("comments"), _per_post, "comments", "posts", unit="per post", fmt="decimal",
          stats=("mean_of_posts",), report=True, source=_KAUSHIK),
    _rate("amplification_rate", "Amplifikasi per unggahan", "Amplification rate (per post)",
          "dibagikan per unggahan", "shares per post", _get("shares"), _per_post, "shares", "posts",
          unit="per post", fmt="decimal", stats=("mean_of_posts",), report=True, source=_KAUSHIK),
    _rate("applause_rate", "Apresiasi per unggahan", "Applause rate (per post)", "suka per unggahan",
          "likes per post", _get("likes"), _per_post, "likes", "posts", unit="per post", fmt="decimal",
          stats=("mean_of_posts",), report=True, source=_KAUSHIK),
    _rate("conversation_rate_per_1k", "Percakapan per 1.000 pengikut", "Conversation rate (per 1,000 followers)",
          "komentar / pengikut saat unggah x 1.000", "comments / followers at publish x 1,000", _get("comments"),
          _get(_F), "comments", _F, unit="per 1,000 followers", fmt="decimal", scale=1000.0, source=_KAUSHIK_1K),
    _rate("amplification_rate_per_1k", "Amplifikasi per 1.000 pengikut", "Amplification rate (per 1,000 followers)",
          "dibagikan / pengikut saat unggah x 1.000", "shares / followers at publish x 1,000", _get("shares"),
          _get(_F), "shares", _F, unit="per 1,000 followers", fmt="decimal", scale=1000.0, source=_KAUSHIK_1K),
    _rate("applause_rate_per_1k", "Apresiasi per 1.000 pengikut", "Applause rate (per 1,000 followers)",
          "suka / pengikut saat unggah x 1.000", "likes / followers at publish x 1,000", _get("likes"), _get(_F),
          "likes", _F, unit="per 1,000 followers", fmt="decimal", scale=1000.0, source=_KAUSHIK_1K),
    _rate("posts_per_week", "Unggahan per minggu", "Posts per week", "unggahan / hari dalam periode x 7",
          "posts / days in the period x 7", _get("n_posts"), _get("days"), "posts x 7", "days in the period",
          unit="per week", fmt="decimal", scale=7.0, table="period", stats=("value",)),
    # ---- follower growth over a period (rows of period_growth: one a series, with the period's days)
    Metric("followers_end", "Pengikut akhir periode", "Followers at period end",
           "pengikut pada hitungan terakhir periode", "followers at the period's last count",
           numerator=_get("followers_end"), numerator_text="followers", table="growth", stats=("value",),
           report=True),
    Metric("net_new_followers", "Pengikut baru bersih", "Net new followers",
           "pengikut akhir periode - pengikut awal periode", "followers at period end - followers at period start",
           numerator=_get("net_new_followers"), numerator_text="followers", table="growth", stats=("value",),
           report=True),
    _rate("follower_growth", "Pertumbuhan pengikut", "Follower growth",
          "pengikut baru bersih / pengikut awal periode", "net new followers / followers at period start",
          _get("net_new_followers"), _get("followers_start"), "net new followers", "followers at period start",
          table="growth", stats=("value",), report=True),
    _rate("follower_growth_monthly", "Pertumbuhan pengikut per bulan", "Monthly follower growth",
          "pengikut baru bersih / pengikut awal periode x 30 / hari dalam periode",
          "net new followers / followers at period start x 30 / days in the period",
          _get("net_new_followers"), lambda c: c["followers_start"] * c["days"], "net new followers x 30",
          "followers at period start x days", scale=30.0, table="growth", stats=("value",), report=True),
    # ---- customer care (rows of conversation.response_times: one a customer top-level comment)
    _rate("reply_rate_questions", "Tingkat balasan pertanyaan & keluhan", "Reply rate to questions and complaints",
          "pertanyaan dan keluhan pelanggan yang dibalas merek / semua pertanyaan dan keluhan pelanggan",
          "customers' questions and complaints the brand answered / all customers' questions and complaints",
          lambda c: c["answered"] * c.eq("intent", *_QC), lambda c: c.eq("intent", *_QC),
          "answered questions and complaints", "questions and complaints", table="care", stats=("value",),
          source="top-level comments by customers on the brand's posts"),
    _rate("reply_rate_all", "Tingkat balasan semua komentar", "Reply rate to all comments",
          "komentar pelanggan yang dibalas merek / semua komentar pelanggan (tanpa spam)",
          "customers' comments the brand answered / all customers' comments (spam left out)",
          lambda c: c["answered"] * (1.0 - c.eq("intent", "spam")), lambda c: 1.0 - c.eq("intent", "spam"),
          "answered comments", "customer comments", table="care", stats=("value",),
          source="top-level comments by customers on the brand's posts"),
    Metric("median_response_minutes", "Median waktu respons (menit)", "Median response time (minutes)",
           "median menit dari komentar ke balasan pertama merek (komentar yang dibalas, tanpa spam)",
           "median minutes from a comment to the brand's first reply (answered comments, spam left out)",
           numerator=lambda c: np.where(c.eq("intent", "spam") > 0, np.nan, c["response_minutes"]),
           numerator_text="minutes to the first reply", unit="minutes", kind="median", higher_is_better=False,
           fmt="integer", table="care", stats=("value",)),
    # ---- what people say (texts scored with a sentiment label; share of voice with an own flag)
    _rate("net_sentiment", "Sentimen bersih", "Net sentiment",
          "(positif - negatif) / (positif + negatif), netral tidak dihitung; antara -1 dan 1",
          "(positive - negative) / (positive + negative), neutral left out; in [-1, 1]",
          lambda c: c.eq("label", "positive") - c.eq("label", "negative"),
          lambda c: c.eq("label", "positive", "negative"), "positive - negative", "positive + negative",
          unit="score", fmt="signed", table="voices", stats=("value",),
          source="comments and mentions of the brand"),
    _rate("net_sentiment_all", "Sentimen bersih (semua)", "Net sentiment (all)",
          "(positif - negatif) / semua teks; antara -1 dan 1", "(positive - negative) / all texts; in [-1, 1]",
          lambda c: c.eq("label", "positive") - c.eq("label", "negative"), lambda c: c.ones(),
          "positive - negative", "all texts", unit="score", fmt="signed", table="voices", stats=("value",),
          source="comments and mentions of the brand"),
    _rate("share_of_voice", "Share of voice", "Share of voice",
          "sebutan merek / sebutan semua merek dalam panel", "brand mentions / mentions of all brands in the panel",
          lambda c: c["volume"] * c.eq("own", True), _get("volume"), "brand mentions", "mentions of the panel",
          table="voice", stats=("value",), source="the panel is the brand and the competitors in the profile"),
    # ---- deeper analysis (rows of the tables named: video, hashtags, boost, care_targets)
    _rate("avg_view_duration_s", "Rata-rata durasi tonton (detik)", "Average view duration (seconds)",
          "total waktu tonton / total views (video yang punya keduanya)",
          "total watch time / total views (videos with both)",
          lambda c: np.where(np.isnan(c["views"]), np.nan, c["watch_time_s"]),
          lambda c: np.where(np.isnan(c["watch_time_s"]), np.nan, c["views"]), "watch time (s)", "views",
          unit="seconds", fmt="decimal", table="video", stats=("value",),
          source="YouTube Studio, Meta and TikTok video exports"),
    _rate("views_3s_rate", "Views 3 detik per views", "3-second views per view", "views 3 detik / views",
          "3-second views / views", _get("views_3s"),
          lambda c: np.where(np.isnan(c["views_3s"]), np.nan, c["views"]), "3-second views", "views",
          table="video", stats=("value",), source="Meta video exports"),
    _rate("vs_all", "Dibanding semua unggahan", "Against all posts", "rata-rata unggahan bertagar / rata-rata "
          "semua unggahan", "mean of the posts with the hashtag / mean of all posts", _get("mean"),
          _get("overall"), "mean with the hashtag", "mean of all posts", unit="times", fmt="decimal",
          table="hashtags", stats=("value",)),
    _rate("relative_extra", "Tambahan relatif", "Relative extra", "(rata-rata boost - rata-rata organik) / "
          "rata-rata organik", "(boosted mean - organic mean) / organic mean",
          lambda c: c["boosted_mean"] - c["organic_mean"], _get("organic_mean"), "boosted - organic mean",
          "organic mean", unit="ratio", table="boost", stats=("value",),
          source="boosted posts against organic posts of the same platform and format"),
    _rate("within_target_rate", "Dibalas dalam target", "Answered within target",
          "komentar yang dibalas dalam target (menit kerja) / komentar", "comments answered within the target "
          "(business minutes) / comments", _get("within_target"), _get("comments"), "answered within target",
          "comments", table="care_targets", stats=("value",), source="the profile's business hours and targets"),
    # ---- the network (computed by smanalysis.network)
    Metric("pagerank", "Skor pengaruh", "Influence score",
           "seberapa sering akun disapa oleh akun yang juga banyak disapa (PageRank berbobot di jaringan "
           "interaksi; damping 0,85)",
           "how often the account is addressed by accounts that are themselves much addressed (weighted PageRank "
           "in the interaction network; damping 0.85)", unit="share", fmt="decimal",
           table="network", source="smanalysis.network.influencers"),
    Metric("k_core", "Kedalaman jaringan", "Network depth",
           "lapisan terdalam tempat akun masih saling terhubung dengan banyak akun lain (k-core / k-shell, "
           "Kitsak dkk. 2010; jaringan tak berarah)",
           "the deepest layer in which the account is still linked with many other accounts (k-core / k-shell, "
           "Kitsak et al. 2010; undirected network)", table="network",
           source="smanalysis.network.influencers"),
    Metric("modularity", "Keterpisahan kelompok", "Group separation",
           "seberapa jelas akun terbagi menjadi kelompok-kelompok (0 = tidak ada kelompok, mendekati 1 = kelompok "
           "sangat terpisah; metode Louvain)",
           "how clearly the accounts split into groups (0 = no groups, close to 1 = sharply separate groups; "
           "Louvain method)", unit="score", fmt="decimal", table="network",
           source="smanalysis.network.communities"),
)}

#: Other names of registry metrics accepted in KPI targets and period tables.
ALIASES = {"posts": "n_posts", "response_rate": "reply_rate_questions",
           "median_minutes": "median_response_minutes", "net_sentiment_excl_neutral": "net_sentiment"}



class _Names(Sequence):
    """Names of the registry entries that pass ``keep``, read from :data:`METRICS` at each use
    (an entry added to the registry is in every list at once)."""

    def __init__(self, keep):
        self._keep = keep

    def _names(self):
        return tuple(n for n, m in METRICS.items() if self._keep(n, m))

    def __getitem__(self, i):
        return self._names()[i]

    def __len__(self):
        return len(self._names())

    # one read of the registry per loop or membership test (Sequence's own read it once per item)
    def __iter__(self):
        return iter(self._names())

    def __contains__(self, name):
        return name in self._names()

    def __repr__(self):
        return repr(self._names())


#: Names of the rate metrics that :func:`post_metrics` adds, in registry order.
RATE_METRICS = _Names(lambda n, m: m.table == "posts" and m.kind == "rate")
#: The posts rates the report compares (``report=True``); the default rates of :func:`~smanalysis.media.benchmark`.
REPORT_RATES = _Names(lambda n, m: m.table == "posts" and m.kind == "rate" and m.report)
#: Count columns summarised by :func:`smanalysis.media.summary` (totals, means, medians).
COUNT_METRICS = _Names(lambda n, m: m.table == "posts" and m.kind == "count" and m.stats[0] == "total"
                       and n != "n_posts")


def resolve_metric(name: str) -> Metric | None:
    """The registry entry of ``name`` or of its alias (None when unknown).

    >>> resolve_metric("response_rate").name
    'reply_rate_questions'
    """
    return METRICS.get(ALIASES.get(name, name))


def period_columns(table: str | None = "posts", *, report_only: bool = True) -> list[str]:
    """Summary columns that describe a period (``er_reach_ratio_of_totals``...), registry order.

    >>> period_columns()[:3]
    ['n_posts', 'engagements_total', 'engagements_median']
    """
    out = []
    for n, m in METRICS.items():
        if (table is None or m.table == table) and (m.report or not report_only):
            out += [stat_column(n, s) for s in m.stats]
    return out


def column_metric(column: str) -> Metric | None:
    """The registry entry a summary column stands for (``er_reach_ratio_of_totals`` -> er_reach).

    >>> column_metric("er_reach_mean_of_posts").name, column_metric("posts").name
    ('er_reach', 'n_posts')
    """
    m = resolve_metric(column)
    if m is not None:
        return m
    for n, m in METRICS.items():
        if column.startswith(n + "_") and column[len(n) + 1:] in _SUFFIX:
            return m
    return None


def metric_value(name: str, frame: pd.DataFrame) -> float:
    """:meth:`Metric.value` of the registry entry ``name`` (or alias) over ``frame``.

    >>> metric_value("response_rate", pd.DataFrame({"answered": [1.0, 0.0, 0.0],
    ...                                             "intent": ["question", "complaint", "praise"]}))
    0.5
    """
    m = resolve_metric(name)
    if m is None:
        raise ValueError(f"The value for `name` must be one of {list(METRICS)}, but {name!r} was passed.")
    return m.value(frame)


_SUFFIX = {
    "mean_of_posts": ("rata-rata per unggahan", "mean of posts"),
    "ratio_of_totals": ("rasio total", "ratio of totals"),
    "median": ("median", "median"),
    "mean": ("rata-rata", "mean"),
    "total": ("total", "total"),
    "ci_low": ("batas bawah 95%", "95% lower bound"),
    "ci_high": ("batas atas 95%", "95% upper bound"),
    "n_posts": ("jumlah unggahan", "posts"),
}


def metric_label(column: str, lang: str = "id") -> str:
    """Human label of a metric or of a summary column such as ``er_reach_mean_of_posts``.

    Examples
    --------
    >>> metric_label("er_reach_mean_of_posts", lang="en")
    'Engagement rate (reach), mean of posts'
    >>> metric_label("engagements_total")
    'Interaksi, total'
    """
    m = resolve_metric(column)
    if m is not None:
        return m.label(lang)
    for suffix, (sid, sen) in _SUFFIX.items():
        base = column[: -len(suffix) - 1]
        if column.endswith("_" + suffix) and base in METRICS:
            return f"{METRICS[base].label(lang)}, {sen if lang == 'en' else sid}"
    return column
