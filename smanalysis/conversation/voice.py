"""Share of voice, net sentiment and sentiment drivers.

Share of voice is the part of the conversation about a market that names one
brand: the brand's mentions divided by the mentions of every brand in the
*panel* (the business and the one or two competitors of its profile).
Net sentiment comes in the two variants in common use, always named:

* ``net_sentiment_excl_neutral`` = (positive - negative) / (positive + negative)
* ``net_sentiment_all`` = (positive - negative) / (positive + neutral + negative)

Examples
--------
>>> import pandas as pd
>>> m = pd.DataFrame({"brand": ["Kopi Senja", "Kopi Senja", "Kopi Pagi"],
...                   "created_at": pd.to_datetime(["2026-10-01", "2026-10-02", "2026-10-03"], utc=True)})
>>> share_of_voice(m)[["brand", "mentions", "share_of_voice"]]
        brand  mentions  share_of_voice
0  Kopi Senja         2        0.666667
1   Kopi Pagi         1        0.333333
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..ratios import share_of_total
from .._checks import as_list, check_choice
from ..exceptions import EmptyDataError, SMAnalysisWarning
from ..schema import resolve_timezone
from ._common import local_period, norm_labels, require

__all__ = ["detect_brands", "share_of_voice", "SENTIMENT_LABELS"]

SENTIMENT_LABELS = ("positive", "neutral", "negative")
_WEIGHTS = ("mentions", "engagement", "reach")
_ENGAGEMENT = ("likes", "comments", "shares")


# --------------------------------------------------------------------------- helpers
def _panel(profile) -> list[str]:
    names = [profile.business_name] + [c["name"] for c in profile.competitors]
    return list(dict.fromkeys(n for n in names if n))


def _brand_to_panel(brand: pd.Series, profile) -> pd.Series:
    """Map brand names or handles (any case, with or without '@') onto the profile's panel names."""
    lookup = {}
    for name in _panel(profile):
        lookup[name.casefold()] = name
    for h in profile.brand_handles:
        lookup[h.casefold()] = profile.business_name
    for h, name in profile.competitor_handles.items():
        lookup[h.casefold()] = name
    key = brand.astype("string").str.strip().str.lstrip("@").str.casefold()
    return key.map(lookup)


def detect_brands(texts, profile) -> pd.Series:
    """Panel brands (the business and its competitors) each text names.

    A brand is named by its name (spaces optional: "Kopi Senja", "kopisenja"),
    one of its handles ("@kopipagi.jogja") or a hashtag of its name, in any case.

    Parameters
    ----------
    texts : Series or sequence of str
    profile : Profile

    Returns
    -------
    Series
        Aligned to ``texts``: a list of brand names (panel order) per text, empty when none.

    Examples
    --------
    >>> from smanalysis.profile import Profile
    >>> p = Profile.from_dict({"business_name": "Kopi Senja", "business_model": "B2C", "goal": "promotion",
    ...     "own_accounts": {"instagram": "kopisenja.id"},
    ...     "competitors": [{"name": "Kopi Pagi", "accounts": {"instagram": "kopipagi.jogja"}}]})
    >>> detect_brands(["ngopi di #KopiSenja", "@kopipagi.jogja vs kopi senja", "kopi susu"], p).tolist()
    [['Kopi Senja'], ['Kopi Senja', 'Kopi Pagi'], []]
    """
    s = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
    low = s.astype(object).where(s.notna(), "").astype(str).str.lower()
    handles: dict[str, list[str]] = {}
    for h in profile.brand_handles:
        handles.setdefault(profile.business_name, []).append(h)
    for h, name in profile.competitor_handles.items():
        handles.setdefault(name, []).append(h)
    hits = {}
    for name in _panel(profile):
        words = [re.escape(w) for w in name.lower().split()]
        alts = [r"\s?".join(words)] + [re.escape(h.lower()) for h in handles.get(name, [])]
        pat = r"(?<![\w.])(?:" + "|".join(alts) + r")(?![\w])"
        hits[name] = low.str.contains(pat, regex=True).to_numpy(bool)
    mat = pd.DataFrame(hits, index=s.index)
    names = np.array(list(hits), dtype=object)
    return pd.Series([list(names[row]) for row in mat.to_numpy()], index=s.index, dtype=object)


# --------------------------------------------------------------------------- share of voice
def share_of_voice(
    mentions: pd.DataFrame,
    *,
    by: str | Sequence[str] = "brand",
    weight: str = "mentions",
    freq: str | None = None,
    profile=None,
    sentiment: str | pd.Series | pd.DataFrame | None = None,
    timezone: str | None = None,
) -> pd.DataFrame:
    """Share of voice of each brand, overall or by period.

    Parameters
    ----------
    mentions : DataFrame
        Canonical ``mentions`` table (``brand``, ``created_at``; ``likes``,
        ``comments``, ``shares`` for ``weight="engagement"``; ``reach`` for
        ``weight="reach"``).
    by : str or list of str, default "brand"
        Column whose values share the voice (usually ``brand``; ``platform`` or
        ``["brand", "platform"]`` work too; shares are computed within each
        period over all groups).
    weight : {"mentions", "engagement", "reach"}
        What a mention counts for: 1, its likes + comments + shares (missing
        counts as 0), or its ``reach`` (missing counts as 0, with a warning).
    freq : str, optional
        Period alias ('D', 'W', 'M', ...); periods are calendar periods in the
        profile's timezone (default Asia/Jakarta). ``None``: one overall row a group.
    profile : Profile, optional
        Fixes the competitor *panel*: the business and its competitors. Brand
        values may be names or handles of the profile; mentions of brands
        outside the panel are dropped (with a warning) and panel brands without
        mentions get 0. A mention without a brand (X conversation exports)
        counts for each panel brand its ``text`` names (:func:`detect_brands`). A warning is raised when a brand only starts or stops
        being mentioned inside the series (the panel changes, so shares before
        and after are not comparable).
    sentiment : str, Series or DataFrame, optional
        Sentiment labels (positive/neutral/negative) to compute the *positive
        share of voice*: a column name of ``mentions``, a Series aligned to it,
        the output of :func:`smanalysis.conversation.sentiment` (its ``label``
        column), or ``"score"``: the listening tool's ``sentiment`` where there
        is one, the default scorer on ``text`` for the rest. When ``None`` the ``sentiment`` column is used if it
        holds any label; otherwise the sentiment columns are left out.
    timezone : str, optional
        Overrides the profile's timezone for the periods.

    Returns
    -------
    DataFrame
        One row per (period,) group: ``period`` (only with ``freq``), the
        ``by`` columns, ``mentions`` (rows), ``volume`` (the weighted volume),
        ``share_of_voice`` = volume / volume of all groups in the period.
        With sentiment: ``positive``, ``negative`` (weighted volumes),
        ``positive_share_of_voice`` = positive volume / positive volume of all
        groups in the period, and ``negative_share_of_voice`` likewise.
        A share is NaN (with a warning) when the period's total volume is 0.

    Raises
    ------
    SchemaError
        When a required column is missing.
    EmptyDataError
        When ``mentions`` has no rows.
    ValueError
        For an unknown ``weight`` or ``freq``.

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"brand": ["A", "A", "B", "B"], "likes": [10, 0, 0, 10],
    ...                   "created_at": pd.to_datetime(["2026-09-30", "2026-10-02", "2026-09-29", "2026-10-03"], utc=True)})
    >>> sov = share_of_voice(m, weight="engagement", freq="M")
    >>> sov[["period", "brand", "volume", "share_of_voice"]]
        period brand  volume  share_of_voice
    0  2026-09     A    10.0             1.0
    1  2026-09     B     0.0             0.0
    2  2026-10     A     0.0             0.0
    3  2026-10     B    10.0             1.0
    """
    func = "share_of_voice"
    check_choice("weight", weight, _WEIGHTS)
    by_cols = as_list(by)
    if not by_cols:
        raise ValueError("The value for `by` must name at least one column, but an empty value was passed.")
    if not isinstance(mentions, pd.DataFrame):
        raise TypeError(f"{func}: expected a pandas DataFrame for the mentions table, got {type(mentions).__name__}")
    need = list(by_cols)
    if freq is not None:
        need.append("created_at")
    if weight == "reach":
        need.append("reach")
    elif weight == "engagement":
        if not any(c in mentions.columns for c in _ENGAGEMENT):
            need.append("likes")
    require(mentions, dict.fromkeys(need), func, "mentions")
    if len(mentions) == 0:
        raise EmptyDataError(f"{func}: the mentions table has no rows")

    df = mentions[[c for c in dict.fromkeys(need)]].copy()
    if weight == "mentions":
        df["_w"] = 1.0
    elif weight == "engagement":
        parts = [pd.to_numeric(mentions[c], errors="coerce") for c in _ENGAGEMENT if c in mentions.columns]
        df["_w"] = pd.concat(parts, axis=1).fillna(0).sum(axis=1).astype(float)
    else:
        reach = pd.to_numeric(mentions["reach"], errors="coerce")
        if reach.isna().any():
            warnings.warn(f"{func}: {int(reach.isna().sum())} of {len(reach)} mentions have no reach; "
                          "they count as 0", SMAnalysisWarning, stacklevel=2)
        df["_w"] = reach.fillna(0).astype(float)

    labels = _sentiment_labels(mentions, sentiment, func)
    if labels is not None:
        df["_pos"] = np.where(labels == "positive", df["_w"], 0.0)
        df["_neg"] = np.where(labels == "negative", df["_w"], 0.0)  # missing labels count for neither

    panel = None
    if profile is not None and "brand" in by_cols:
        mapped = _brand_to_panel(df["brand"], profile)
        blank = df["brand"].isna() | df["brand"].astype("string").str.strip().eq("").fillna(True)
        if blank.any() and "text" in mentions.columns:
            # mentions without a brand (e.g. X conversation exports): the panel brands their text names
            named = detect_brands(mentions.loc[blank, "text"], profile)
            found = named.explode().dropna()
            extra = df.loc[found.index].assign(brand=found.to_numpy(dtype=object))
            df = pd.concat([df[~blank], extra])
            mapped = pd.concat([mapped[~blank], extra["brand"]])
            blank_left = int(blank.sum() - named.str.len().gt(0).sum())
        else:
            blank_left = int(blank.sum())
        outside = mapped.isna().to_numpy()
        if blank_left:
            warnings.warn(f"{func}: {blank_left} mentions name no brand of the profile's panel and were left out",
                          SMAnalysisWarning, stacklevel=2)
        other = outside & ~df["brand"].isna().to_numpy()
        if other.any():
            others = sorted(df.loc[other, "brand"].astype(str).unique())[:5]
            warnings.warn(f"{func}: {int(other.sum())} mentions of brands outside the profile's panel "
                          f"were dropped (e.g. {others})", SMAnalysisWarning, stacklevel=2)
        df["brand"] = mapped.astype(object).to_numpy()
        df = df[~outside]
        panel = _panel(profile)
    elif df[by_cols].isna().any(axis=1).any():
        miss = df[by_cols].isna().any(axis=1)
        warnings.warn(f"{func}: {int(miss.sum())} mentions have no {'/'.join(by_cols)} and were left out",
                      SMAnalysisWarning, stacklevel=2)
        df = df[~miss]

    keys = by_cols
    if freq is not None:
        df["period"] = local_period(df["created_at"], freq, resolve_timezone(timezone, profile))
        df = df[df["period"].notna()]
        keys = ["period", *by_cols]
    # one sum over the weight columns and the group sizes (pandas' named aggregation costs ~3x more)
    sums = {"_w": "volume", **({"_pos": "positive", "_neg": "negative"} if labels is not None else {})}
    grouped = df.groupby(keys, sort=False, dropna=False, observed=True)
    out = grouped[list(sums)].sum().rename(columns=sums)
    out.insert(0, "mentions", grouped.size())
    out = out.reset_index()

    # complete the grid: every group of the panel (or seen) in every period
    groups = out[by_cols].drop_duplicates()
    if panel is not None:
        extra = pd.DataFrame({"brand": panel})
        if len(by_cols) == 1:
            groups = pd.concat([extra, groups[~groups["brand"].isin(panel)]], ignore_index=True)
        else:
            others = groups.drop(columns="brand").drop_duplicates()
            groups = extra.merge(others, how="cross")[by_cols] if len(others) else extra
        groups = groups[groups["brand"].isin(panel)] if len(by_cols) == 1 else groups
    if freq is not None:
        periods = out[["period"]].drop_duplicates()
        if len(periods):
            full = pd.period_range(periods["period"].min(), periods["period"].max(), freq=periods["period"].iloc[0].freq)
            periods = pd.DataFrame({"period": full})
        grid = periods.merge(groups, how="cross")
    else:
        grid = groups
    out = grid.merge(out, on=keys, how="left")
    fill = [c for c in ("mentions", "volume", "positive", "negative") if c in out.columns]
    out[fill] = out[fill].fillna(0)
    out["mentions"] = out["mentions"].astype("int64")
    if panel is not None and len(by_cols) == 1:
        order = {b: i for i, b in enumerate(panel)}
        out["_o"] = out["brand"].map(order)
        out = out.sort_values([*(["period"] if freq else []), "_o"], kind="stable").drop(columns="_o")
    elif freq is not None:
        out = out.sort_values("period", kind="stable")
    out = out.reset_index(drop=True)

    out["share_of_voice"] = _share(out, "volume", freq, func)
    if labels is not None:
        out["positive_share_of_voice"] = _share(out, "positive", freq, func)
        out["negative_share_of_voice"] = _share(out, "negative", freq, func)
    if freq is not None and "brand" in by_cols:
        _warn_panel_change(out, func)
    return out


def _sentiment_labels(mentions, sentiment, func):
    if sentiment is None:
        if "sentiment" in mentions.columns and mentions["sentiment"].notna().any():
            return norm_labels(mentions["sentiment"]).fillna("").to_numpy(dtype=object)
        return None
    if isinstance(sentiment, str) and sentiment == "score":
        import importlib

        require(mentions, ["text"], func, "mentions")
        scorer = importlib.import_module("smanalysis.conversation.sentiment").sentiment
        have = (norm_labels(mentions["sentiment"]).isin(SENTIMENT_LABELS).fillna(False).to_numpy(bool)
                if "sentiment" in mentions.columns else np.zeros(len(mentions), dtype=bool))
        s = pd.Series(np.asarray(mentions["sentiment"], dtype=object) if "sentiment" in mentions.columns
                      else np.full(len(mentions), None, dtype=object), index=mentions.index)
        if (~have).any():
            s[~have] = scorer(mentions.loc[~have, "text"])["label"].to_numpy(dtype=object)
    elif isinstance(sentiment, str):
        require(mentions, [sentiment], func, "mentions")
        s = mentions[sentiment]
    elif isinstance(sentiment, pd.DataFrame):
        require(sentiment, ["label"], func, "sentiment")
        s = sentiment["label"]
    else:
        s = pd.Series(sentiment)
    if len(s) != len(mentions):
        raise ValueError(f"{func}: `sentiment` has {len(s)} labels but mentions has {len(mentions)} rows")
    if isinstance(s, pd.Series) and s.index.equals(mentions.index) is False and len(s.index.intersection(mentions.index)) == len(s):
        s = s.reindex(mentions.index)
    return norm_labels(pd.Series(np.asarray(s, dtype=object), index=mentions.index)).fillna("").to_numpy(dtype=object)


def _share(out: pd.DataFrame, col: str, freq, func) -> pd.Series:
    return share_of_total(out[col].astype(float), out["period"] if freq is not None else None, func=func,
                          name=f"share of {col}")


def _warn_panel_change(out: pd.DataFrame, func: str) -> None:
    seen = out[out["mentions"] > 0]
    if seen.empty:
        return
    first, last = seen["period"].min(), seen["period"].max()
    span = seen.groupby("brand")["period"].agg(["min", "max"])
    changed = span[(span["min"] > first) | (span["max"] < last)]
    never = sorted(set(out["brand"].dropna()) - set(span.index))
    if len(changed) or never:
        parts = [f"{b!r} mentioned only {r['min']}..{r['max']}" for b, r in changed.iterrows()]
        parts += [f"{b!r} never mentioned" for b in never]
        warnings.warn(
            f"{func}: the panel of brands changes inside the series ({'; '.join(parts)}; series {first}..{last}); "
            "shares before and after the change are not comparable",
            SMAnalysisWarning, stacklevel=3)
