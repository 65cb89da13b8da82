"""Layer 1 of the evaluation: reach, engagement, virality, timing and growth.

Every rate has a declared numerator and denominator (:data:`METRICS`), group
rates come with bootstrap intervals and post counts, and comparisons say in
plain words when there are not enough posts to tell.

Modules: :mod:`~smanalysis.media.metrics` (the metric registry METRICS),
:mod:`~smanalysis.media.metric` (what a metric is: Metric, Columns, the one place that divides),
:mod:`~smanalysis.media.posts` (post_metrics),
:mod:`~smanalysis.media.engagement` (engagement definitions, followers at publish),
:mod:`~smanalysis.media.aggregate` (summary, top_posts),
:mod:`~smanalysis.media.periods` (compare_periods, with intervals and verdicts),
:mod:`~smanalysis.media.verdicts` (the one verdict rule: enough posts, on target, up/down),
:mod:`~smanalysis.media.benchmark` (benchmark, mix),
:mod:`~smanalysis.media.timing` (best_times, spikes),
:mod:`~smanalysis.media.growth` (growth, period_growth),
:mod:`~smanalysis.media.stats` (bootstrap_interval, compare_groups),
:mod:`~smanalysis.media.kpi` (kpi_table, kpi_check: the one KPI check),
:mod:`~smanalysis.media.paid` (paid_split, boost_effect: paid vs organic),
:mod:`~smanalysis.media.hashtags` (hashtag_performance, hashtag_pairs, competitor_hashtags),
:mod:`~smanalysis.media.audience` (audience_vs_target, measured_age_table),
:mod:`~smanalysis.media.video` (video_summary: watch time, view duration, retention).

Typical use (``ds`` from :func:`smanalysis.io.load_dataset`, ``profile`` from
:func:`smanalysis.load_profile`)::

    pm = media.post_metrics(ds.posts, followers=ds.followers, profile=profile)
    own = pm[pm["account"].isin(profile.brand_handles)]
    media.summary(own, by="format", profile=profile)          # rates with 95% intervals
    media.compare_groups(own, by="format", lang="id")          # "belum cukup data untuk menyimpulkan"
    media.best_times(own, profile=profile, min_posts=3)
    media.compare_periods(own, current=period, previous=previous, followers=ds.followers, profile=profile)
    media.benchmark(pm, profile=profile, followers=ds.followers, period=period)
    media.growth(ds.followers, freq="month"); media.spikes(ds.followers, metric="new_followers", by="platform")
"""

from .aggregate import summary, top_posts
from .hashtags import competitor_hashtags, hashtag_pairs, hashtag_performance, post_hashtags
from .paid import MIN_BOOSTED, boost_effect, paid_split, paid_status
from .paid_growth import DAY_TYPES, follower_days, follower_growth_by_paid
from .periods import compare_periods
from .audience import age_bounds, audience_vs_target, measured_age_table
from .benchmark import benchmark, mix
from .growth import FREQS, growth, period_growth
from .kpi import MEDIA_KPIS, kpi_check, kpi_status, kpi_table
from .metrics import (
    ALIASES,
    COUNT_METRICS,
    ENGAGEMENT_DEFINITIONS,
    METRICS,
    RATE_METRICS,
    REPORT_RATES,
    Columns,
    Metric,
    column_metric,
    engagement_components,
    metric_label,
    metric_value,
    period_columns,
    resolve_metric,
)
from .posts import post_metrics
from .stats import VERDICTS, bootstrap_interval, compare_groups
from .video import video_summary
from .verdicts import MIN_POSTS, change_verdict, posts_verdict, target_verdict, verdict_text
from .timing import best_times, date_only, spikes

__all__ = [
    "Metric",
    "METRICS",
    "ENGAGEMENT_DEFINITIONS",
    "RATE_METRICS",
    "REPORT_RATES",
    "COUNT_METRICS",
    "FREQS",
    "VERDICTS",
    "metric_label",
    "engagement_components",
    "post_metrics",
    "summary",
    "top_posts",
    "compare_periods",
    "benchmark",
    "mix",
    "growth",
    "period_growth",
    "best_times",
    "spikes",
    "bootstrap_interval",
    "compare_groups",
    "kpi_check",
    "kpi_table",
    "kpi_status",
    "MEDIA_KPIS",
    "MIN_POSTS",
    "posts_verdict",
    "target_verdict",
    "change_verdict",
    "verdict_text",
    "paid_status",
    "paid_split",
    "boost_effect",
    "MIN_BOOSTED",
    "DAY_TYPES",
    "follower_days",
    "follower_growth_by_paid",
    "date_only",
    "post_hashtags",
    "hashtag_performance",
    "hashtag_pairs",
    "competitor_hashtags",
    "audience_vs_target",
    "measured_age_table",
    "age_bounds",
    "video_summary",
    "ALIASES",
    "Columns",
    "metric_value",
    "period_columns",
    "resolve_metric",
    "column_metric",
]
