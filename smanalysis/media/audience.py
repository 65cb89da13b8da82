"""The measured audience (platform exports' demographics) against the profile's target audience.

Reads the canonical ``audience`` table (platform, account, dimension "age" | "gender" | "city" |
"country", segment, share 0-1, count optional). :func:`audience_vs_target` says which share of each
account's audience is in the target (ages, gender, locations); :func:`measured_age_table` turns the
measured ages into the shape of the shipped platform age table, so that fact finding's platform
fit uses the measured audience where it exists.

Examples
--------
>>> import pandas as pd
>>> aud = pd.DataFrame({"platform": "instagram", "account": "k", "dimension": "age",
...                     "segment": ["18-24", "25-34", "35-44"], "share": [0.5, 0.3, 0.2]})
>>> audience_vs_target(aud, target={"age_min": 18, "age_max": 29}, lang="en")[["dimension", "share_in_target"]]
  dimension  share_in_target
0       age             0.65
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..ratios import divide, share_of_total
from .._checks import check_choice
from ..words import LANGS, text
from ._common import require

__all__ = ["age_bounds", "age_in_target", "audience_vs_target", "measured_age_table"]

_OPEN_TOP = 80  # "65+" is read as 65-80


def age_bounds(segments) -> pd.DataFrame:
    """``age_min``/``age_max`` (inclusive) of age segments such as "18-24", "65+", "13–17", "Usia 25-34".

    >>> age_bounds(["18-24", "65+", "unknown"]).values.tolist()
    [[18.0, 24.0], [65.0, 80.0], [nan, nan]]
    """
    s = pd.Series(list(segments), dtype=object).astype(str)
    rng = s.str.extract(r"(\d{1,3})\s*[-–]\s*(\d{1,3})").astype(float)
    plus = s.str.extract(r"(\d{1,3})\s*\+").astype(float)[0]
    lo = rng[0].fillna(plus)
    hi = rng[1].where(rng[1].notna(), np.where(plus.notna(), float(_OPEN_TOP), np.nan))
    return pd.DataFrame({"age_min": lo.to_numpy(), "age_max": hi.to_numpy()})


def age_in_target(age_min, age_max, lo: float, hi: float, *, func: str = "age_in_target") -> np.ndarray:
    """Share of each age band inside the target ages ``lo``..``hi`` (each year of a band counts the same).

    The one rule behind :func:`audience_vs_target` and fact finding's
    :func:`~smanalysis.factfinding.platform_fit`. NaN for a band with unknown bounds.

    >>> age_in_target([18, 25, 35], [24, 34, 44], 18, 29).tolist()
    [1.0, 0.5, 0.0]
    """
    a_min, a_max = np.asarray(age_min, dtype=float), np.asarray(age_max, dtype=float)
    over = np.clip(np.minimum(a_max, float(hi)) - np.maximum(a_min, float(lo)) + 1, 0, None)
    return np.asarray(divide(over, a_max - a_min + 1, func=func, name="band in target"), dtype=float)


def _target(profile, target):
    if target is not None:
        return dict(target)
    return dict(getattr(profile, "audience", None) or {})


def _norm(v: str) -> str:
    return re.sub(r"[^a-z]", "", str(v).lower())


def audience_vs_target(audience: pd.DataFrame, *, profile=None, target: dict | None = None,
                       fits: float = 0.6, partly: float = 0.3, lang: str = "id") -> pd.DataFrame:
    """Share of each account's measured audience inside the target audience, per dimension.

    Parameters
    ----------
    audience : DataFrame
        Canonical audience table.
    profile : Profile, optional
        Its ``audience`` (``age_min``, ``age_max``, ``gender``, ``locations``) is the target.
    target : dict, optional
        Overrides the profile's target.
    fits, partly : float
        Share in target from which the audience "fits" / "partly fits".
    lang : {"id", "en"}

    Returns
    -------
    DataFrame
        One row per platform, account and dimension with a target: ``platform``, ``account``,
        ``dimension``, ``target`` (text), ``share_in_target`` (age bands partly inside the
        target count in proportion to their years; shares renormalised over the known
        segments), ``top_segment``, ``fit`` (``"fits"``, ``"partly"``, ``"misses"``; words: the catalogue's ``fit.*``) and ``verdict``.
    """
    check_choice("lang", lang, LANGS)
    require(audience, ["platform", "account", "dimension", "segment", "share"], func="audience_vs_target",
            table="audience")
    tg = _target(profile, target)
    a = audience.assign(share=pd.to_numeric(audience["share"], errors="coerce"),
                        dimension=audience["dimension"].astype(str).str.lower())
    a = a[a["share"].notna()]
    a = a.assign(share=share_of_total(a["share"], [a["platform"], a["account"], a["dimension"]],
                                      func="audience_vs_target"))
    rows = []
    for (pl, acc, dim), g in a.groupby(["platform", "account", "dimension"], sort=True):
        share = g["share"].to_numpy()
        if np.isnan(share).all():  # every segment 0: said by the warning above
            continue
        desc, inside = None, None
        if dim == "age" and tg.get("age_min") is not None and tg.get("age_max") is not None:
            lo, hi = float(tg["age_min"]), float(tg["age_max"])
            b = age_bounds(g["segment"])
            known = b["age_min"].notna().to_numpy()
            frac = age_in_target(b["age_min"], b["age_max"], lo, hi, func="audience_vs_target")
            share = share_of_total(np.where(known, share, 0.0), func="audience_vs_target",
                                   name="share of the known age bands")
            inside = float(np.nansum(share * np.where(known, frac, 0.0)))
            desc = f"{int(lo)}-{int(hi)}"
        elif dim == "gender" and str(tg.get("gender", "all")).lower() not in ("", "all", "semua"):
            want = _norm(tg["gender"])
            syn = {"female": {"female", "perempuan", "wanita", "f"}, "male": {"male", "lakilaki", "pria", "m"}}
            names = syn.get(want, {want})
            inside = float(share[g["segment"].map(_norm).isin(names).to_numpy()].sum())
            desc = str(tg["gender"])
        elif dim == "city" and tg.get("locations"):
            locs = {_norm(x) for x in tg["locations"]}
            seg = g["segment"].map(_norm)
            hit = seg.map(lambda s: any(loc and (loc in s or s in loc) for loc in locs)).to_numpy(dtype=bool)
            inside = float(share[hit].sum())
            desc = ", ".join(map(str, tg["locations"]))
        if inside is None:
            continue
        code = "fits" if inside >= fits else "partly" if inside >= partly else "misses"
        rows.append({"platform": pl, "account": acc, "dimension": dim, "target": desc,
                     "share_in_target": round(inside, 4), "top_segment": g["segment"].iloc[int(np.argmax(share))],
                     "fit": code, "verdict": text(f"fit.{code}", lang)})
    cols = ["platform", "account", "dimension", "target", "share_in_target", "top_segment", "fit", "verdict"]
    return pd.DataFrame(rows, columns=cols)


def measured_age_table(audience: pd.DataFrame, *, own=None) -> pd.DataFrame:
    """The measured ages of the own accounts in the shape of the shipped platform age table.

    Returns
    -------
    DataFrame
        ``platform``, ``age_min``, ``age_max``, ``share`` (each platform sums to 1 over the
        known bands; several accounts of a platform are averaged), ``source``
        ("measured: <accounts>") and ``year`` (NaN). Empty without age rows.

    Examples
    --------
    >>> import pandas as pd
    >>> aud = pd.DataFrame({"platform": "tiktok", "account": "k", "dimension": "age",
    ...                     "segment": ["18-24", "25-34", "?"], "share": [0.6, 0.2, 0.2]})
    >>> measured_age_table(aud)[["platform", "age_min", "age_max", "share"]]
      platform  age_min  age_max  share
    0   tiktok     18.0     24.0   0.75
    1   tiktok     25.0     34.0   0.25
    """
    require(audience, ["platform", "account", "dimension", "segment", "share"], func="measured_age_table",
            table="audience")
    a = audience[audience["dimension"].astype(str).str.lower().eq("age")]
    if own is not None:
        handles = {str(h).lower().lstrip("@") for h in ([own] if isinstance(own, str) else own)}
        a = a[a["account"].astype(str).str.lower().str.lstrip("@").isin(handles)]
    cols = ["platform", "age_min", "age_max", "share", "source", "year"]
    if a.empty:
        return pd.DataFrame(columns=cols)
    b = age_bounds(a["segment"])
    a = a.assign(age_min=b["age_min"].to_numpy(), age_max=b["age_max"].to_numpy(),
                 share=pd.to_numeric(a["share"], errors="coerce"))
    a = a[a["age_min"].notna() & a["share"].notna()]
    a = a.assign(share=share_of_total(a["share"], [a["platform"], a["account"]], func="measured_age_table"))
    out = a.groupby(["platform", "age_min", "age_max"], sort=True)["share"].sum().reset_index()
    n_acc = a.groupby("platform")["account"].nunique()
    out["share"] = divide(out["share"], out["platform"].map(n_acc), func="measured_age_table", name="mean share")
    src = a.groupby("platform")["account"].agg(lambda s: "measured: " + ", ".join(sorted(set(map(str, s)))))
    out["source"] = out["platform"].map(src)
    out["year"] = np.nan
    return out[cols]
