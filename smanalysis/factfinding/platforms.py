"""The profile at a glance and which platforms its audience uses.

:func:`profile_summary` lists the fact-finding answers; :func:`platform_fit` compares the
target audience's ages with the editable table ``data/platform_age_id.csv``
(:func:`platform_age_table`) and :func:`plot_platform_fit` draws the result.
"""

from __future__ import annotations

import warnings
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from ..exceptions import SMAnalysisWarning
from ..formatting import yes_no
from ..profile import Profile
from .._checks import check_choice
from ..words import LANGS, code_label, text


def as_profile(profile: Profile | dict) -> Profile:
    """A :class:`~smanalysis.profile.Profile` from a profile or a plain mapping."""
    if isinstance(profile, Profile):
        return profile
    if isinstance(profile, dict):
        return Profile.from_dict(profile)
    raise TypeError(f"expected a Profile or a mapping for `profile`, got {type(profile).__name__}")


# ------------------------------------------------------------------------ profile
def _target_text(name: str, target, lang: str, label=None) -> str:
    """A KPI target in words and locale numbers ("ER (jangkauan) 5%"); ``label(name, lang)`` names
    the KPI (default: the metric dictionary's label, else the name in words)."""
    from ..formatting import value
    from ..media import resolve_metric

    m = resolve_metric(name)
    label = label(name, lang) if label else (m.label(lang) if m is not None else name.replace("_", " "))
    unit = "ratio" if (m is not None and m.unit == "ratio") or "rate" in name or "growth" in name \
        or "share" in name else ("signed" if "sentiment" in name else "number")
    return f"{label} {value(target, unit, lang, digits=0 if unit == 'ratio' else None)}"


def _tone_text(key, value, lang: str) -> str:
    """One setting of the profile's tone in words ("bahasa santai", "sapaan “kak”", "dengan emoji")."""
    if key == "emoji" and isinstance(value, bool):
        return text("tone.emoji.yes" if value else "tone.emoji.no", lang)
    if key in ("register", "address"):
        return text(f"tone.{key}", lang, v=code_label("value", str(value), lang))
    return f"{key}: {yes_no(value, lang) if isinstance(value, bool) else value}"


def tone_words(tone: dict, lang: str = "id") -> str:
    """The profile's tone settings in words, joined ("bahasa santai, sapaan “kak”, dengan emoji");
    "-" when none is set.

    >>> tone_words({"register": "casual", "address": "kak", "emoji": True}, "en")
    'casual register, addressed as “kak”, with emoji'
    >>> tone_words({}, "id")
    '-'
    """
    check_choice("lang", lang, LANGS)
    return ", ".join(_tone_text(k, v, lang) for k, v in (tone or {}).items()) or "-"


def profile_summary(profile: Profile | dict, *, lang: str = "id", kpi_label=None) -> pd.DataFrame:
    """The fact-finding answers of the profile as a two-column table.

    ``kpi_label(name, lang)``, when given, names the KPI targets (the report passes its own).

    Returns
    -------
    DataFrame
        ``field`` (label in ``lang``) and ``value`` (text); one row per answer.

    Examples
    --------
    >>> p = {"business_name": "Kopi Senja", "business_model": "B2C", "goal": "promotion",
    ...      "own_accounts": {"instagram": "kopisenja.id"}, "audience": {"age_min": 18, "age_max": 34}}
    >>> profile_summary(p, lang="id").iloc[[0, 2, 3]].to_dict("list")["value"]
    ['Kopi Senja', 'B2C', 'promosi']
    """
    check_choice("lang", lang, LANGS)
    p = as_profile(profile)
    aud = p.audience
    ages = f"{aud.get('age_min', '?')}-{aud.get('age_max', '?')}" if aud else ""
    gender = str(aud.get("gender", "") or "")
    gender = "" if gender.lower() in ("all", "semua") else str(code_label("value", gender, lang))  # "all" says nothing
    audience = ", ".join(x for x in [ages, gender, ", ".join(aud.get("locations", []) or []),
                                     ", ".join(aud.get("interests", []) or [])] if x)
    rows = [
        ("business_name", p.business_name),
        ("sector", p.sector),
        ("business_model", p.business_model),
        ("goal", code_label("value", p.goal, lang) if p.goal else p.goal),
        ("audience", audience),
        ("platforms", ", ".join(p.platforms)),
        ("own_accounts", ", ".join(f"{k}: @{v}" for k, v in p.own_accounts.items())),
        ("competitors", ", ".join(c["name"] for c in p.competitors)),
        ("tone", tone_words(p.tone, lang) if p.tone else ""),
        ("kpi_targets", ", ".join(_target_text(k, v, lang, kpi_label) for k, v in p.kpi_targets.items())),
        ("website", p.website),
    ]
    return pd.DataFrame({"field": [text(f"field.{k}", lang) for k, _ in rows], "value": [str(v) for _, v in rows]})


# -------------------------------------------------------------------- platform fit
def platform_age_table(path: str | Path | None = None) -> pd.DataFrame:
    """The Indonesian platform-user age table (approximate, editable).

    Parameters
    ----------
    path : str or Path, optional
        Your own CSV with the same columns; default: the table shipped in
        ``smanalysis/data/platform_age_id.csv`` (its header names source and year).

    Returns
    -------
    DataFrame
        ``platform``, ``age_min``, ``age_max`` (inclusive years), ``share``
        (of the platform's users, sums to 1 per platform), ``source``, ``year``.

    Examples
    --------
    >>> t = platform_age_table()
    >>> sorted(t["platform"].unique())[:2]
    ['facebook', 'instagram']
    >>> round(float(t.loc[t.platform == "instagram", "share"].sum()), 2)
    1.0
    """
    if path is None:
        with resources.files("smanalysis").joinpath("data/platform_age_id.csv").open("r", encoding="utf-8") as fh:
            return pd.read_csv(fh, comment="#")
    return pd.read_csv(path, comment="#")


def platform_fit(profile: Profile | dict, *, table: pd.DataFrame | None = None, lang: str = "id",
                 strong: float = 0.5, moderate: float = 0.3, audience: pd.DataFrame | None = None) -> pd.DataFrame:
    """How much of each platform's Indonesian users fall in the target audience's ages.

    A band that only partly overlaps the audience's ``age_min``..``age_max`` counts
    in proportion to the years it shares (ages spread evenly inside a band).

    Parameters
    ----------
    profile : Profile or dict
        Uses ``audience.age_min``, ``audience.age_max`` and ``platforms``.
    table : DataFrame, optional
        Age table as returned by :func:`platform_age_table` (default: the shipped one).
    lang : {"id", "en"}
        Language of ``verdict``.
    strong, moderate : float
        ``audience_share`` from which the fit is called strong / moderate.
    audience : DataFrame, optional
        The canonical ``audience`` table (measured demographics of the exports). Platforms
        with measured ages of the own accounts use them
        (:func:`smanalysis.media.audience.measured_age_table`); the others keep the shipped
        table, labelled as the fallback in ``basis``.

    Returns
    -------
    DataFrame
        One row per platform, best first: ``platform``, ``audience_share`` (share of the
        platform's users whose age is in the audience range), ``rank``, ``in_profile``
        (the platform is among the profile's platforms), ``fit`` (strong|moderate|weak),
        ``verdict`` (sentence in ``lang``; it adds a word of caution for a weak platform the
        business uses and a suggestion for a strong one it does not), ``source``, ``basis``
        ("measured" or "fallback": the shipped age table of all Indonesian users).

    Warns
    -----
    SMAnalysisWarning
        When the profile gives no audience ages; ``audience_share`` is then NaN.

    Examples
    --------
    >>> t = pd.DataFrame({"platform": ["a", "a", "b"], "age_min": [18, 25, 18],
    ...                   "age_max": [24, 34, 34], "share": [0.5, 0.5, 1.0], "source": "x", "year": 2024})
    >>> p = {"business_name": "K", "business_model": "B2C", "goal": "promotion",
    ...      "own_accounts": {"instagram": "k"}, "audience": {"age_min": 18, "age_max": 29}}
    >>> platform_fit(p, table=t)[["platform", "audience_share"]].to_dict("list")
    {'platform': ['a', 'b'], 'audience_share': [0.75, 0.7059]}
    """
    check_choice("lang", lang, LANGS)
    p = as_profile(profile)
    t = platform_age_table() if table is None else table
    missing = [c for c in ("platform", "age_min", "age_max", "share") if c not in t.columns]
    if missing:
        from ..exceptions import SchemaError

        raise SchemaError(f"platform_fit: the age table lacks columns {missing}; columns present: {list(t.columns)}")
    basis = pd.Series("fallback", index=t["platform"].unique())
    if audience is not None and len(audience):
        from ..media.audience import measured_age_table

        measured = measured_age_table(audience, own=p.brand_handles)
        if len(measured):
            t = pd.concat([t[~t["platform"].isin(measured["platform"])], measured], ignore_index=True)
            basis = pd.Series("fallback", index=t["platform"].unique())
            basis[measured["platform"].unique()] = "measured"
    lo, hi = p.audience.get("age_min"), p.audience.get("age_max")
    if lo is None or hi is None:
        warnings.warn("platform_fit: the profile gives no audience.age_min/age_max; audience_share is NaN",
                      SMAnalysisWarning, stacklevel=2)
        lo, hi = np.nan, np.nan
    from ..media.audience import age_in_target

    part = t["share"].to_numpy(float) * age_in_target(t["age_min"], t["age_max"], lo, hi, func="platform_fit")
    src = t["source"] if "source" in t.columns else pd.Series("", index=t.index)
    # a measured row's source is the account itself; ``basis`` already says "measured"
    src = src.astype(str).str.replace(r"^measured:\s*", "@", regex=True)
    out = (pd.DataFrame({"platform": t["platform"].to_numpy(), "audience_share": part, "source": src.astype(str).to_numpy()})
           .groupby("platform", sort=True).agg(audience_share=("audience_share", lambda s: s.sum(min_count=1)),
                                                source=("source", "first"))
           .reset_index())
    out["audience_share"] = out["audience_share"].round(4)
    out = out.sort_values(["audience_share", "platform"], ascending=[False, True], kind="stable").reset_index(drop=True)
    out["rank"] = np.arange(1, len(out) + 1)
    out["in_profile"] = out["platform"].isin(p.platforms)
    share = out["audience_share"]
    out["fit"] = np.select([share >= strong, share >= moderate], ["strong", "moderate"], "weak")
    out.loc[share.isna(), "fit"] = "unknown"
    pct = (share * 100).round(0)
    extra = np.select([out["in_profile"] & (out["fit"] == "weak"), ~out["in_profile"] & (out["fit"] == "strong")],
                      [" " + text("fit.drop", lang), " " + text("fit.try", lang)], "")
    out["verdict"] = [text(f"fit.{f}", lang, platform=pl, pct="?" if np.isnan(v) else f"{v:.0f}") + x
                      for f, pl, v, x in zip(out["fit"], out["platform"], pct, extra)]
    out["basis"] = out["platform"].map(basis).fillna("fallback").to_numpy()
    return out[["platform", "audience_share", "rank", "in_profile", "fit", "verdict", "source", "basis"]]


def plot_platform_fit(fit: pd.DataFrame, *, ax=None, lang: str = "id"):
    """Bar chart of :func:`platform_fit`: share of each platform's users in the audience's ages.

    Bars of the profile's own platforms are dark, others light. Returns the Axes.

    Examples
    --------
    >>> fit = pd.DataFrame({"platform": ["instagram", "x"], "audience_share": [0.6, 0.3],
    ...                     "in_profile": [True, False]})
    >>> plot_platform_fit(fit, lang="en").get_title()
    'Share of platform users in the target ages'
    """
    import matplotlib.pyplot as plt

    check_choice("lang", lang, LANGS)
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3))
    colors = np.where(fit["in_profile"].to_numpy(bool), "#8c4a2f", "#d9b8a3")
    ax.barh(fit["platform"].astype(str), fit["audience_share"].to_numpy(float) * 100, color=colors)
    ax.invert_yaxis()
    ax.set_xlabel(text("plot.fit_x", lang))
    ax.set_title(text("plot.fit_title", lang))
    return ax
