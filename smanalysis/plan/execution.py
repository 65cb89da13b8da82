"""Step 3 of the four public-relations steps: the plan against what was posted.

Which plan rows were posted on time, late or not at all (:func:`match_plan`,
:func:`execution_summary`, :func:`plot_execution`), themes for posts
(:func:`assign_themes`) and the care queue (:func:`care_queue`, :func:`plot_care`).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from ..ratios import divide, jaccard
from .._checks import check_choice
from ..factfinding import as_profile
from ..words import LANGS, text
from ..profile import Profile
from ..schema import DEFAULT_TIMEZONE, validate
from ..factfinding.keywords import CONTENT_KEYWORDS, keyword_hits
from .tables import is_blank, check_plan_index, column_or_none, local_days, as_text
from .pairs import scored_pairs

_TOKEN = re.compile(r"#?\w{2,}")


# ----------------------------------------------------------------- execution
def _tokens(s: pd.Series) -> pd.Series:
    """The words (hashtags included) of each text, lower case, as lists."""
    return s.fillna("").astype(str).str.lower().str.findall(_TOKEN)


MATCH_STATUSES = ("on_time", "late", "skipped", "upcoming", "no_data", "unplanned")


def match_plan(plan: pd.DataFrame, posts: pd.DataFrame, *, tolerance_days: int = 5, min_similarity: float = 0.4,
               timezone: str = DEFAULT_TIMEZONE, as_of: Any = None) -> pd.DataFrame:
    """Plan versus actual: which plan rows were posted on time, late or not at all, and which posts were unplanned.

    A plan row and a post are candidates when they are on the same platform and the
    post's local day is within ``tolerance_days`` of the planned day (before or after).
    Their similarity is the Jaccard index of the caption word sets (hashtags included);
    for a plan row without caption, the share of its theme and hashtag words found in the
    post. Pairs below ``min_similarity`` are dropped; the rest are matched one to one,
    most similar first (ties: closest day first).

    Parameters
    ----------
    plan : DataFrame
        Canonical content plan; its index must be unique.
    posts : DataFrame
        Canonical posts of the own accounts (filter with :func:`own_posts` first).
    tolerance_days : int
        Largest distance in days between planned and actual day (default 5: on the
        bundled sample every planted late post, up to 4 days late, is found).
    min_similarity : float
        Smallest caption similarity (0..1) for a match. On the bundled sample true pairs
        score 0.64 to 0.93 and a skipped row's best wrong candidate 0.2 to 0.5 (the brand
        hashtags every caption shares); 0.4 keeps room for captions edited before posting.
    timezone : str
        Timezone of the posts' local day.
    as_of : date-like, optional
        "Today": unmatched plan rows after it are ``upcoming``, not ``skipped``. Default:
        the latest post's day, or the latest planned day when there are no posts.
        Unmatched rows of a platform without a single post in ``posts`` are ``no_data``
        (that platform's export is probably missing), not ``skipped``.

    Returns
    -------
    DataFrame
        One row per plan row and per unplanned post: ``status`` (on_time: posted on or
        before the planned day; late: 1..``tolerance_days`` days after; skipped; upcoming;
        no_data; unplanned), ``platform``, ``plan_row`` (plan index label), ``plan_id``,
        ``planned_date``, ``theme``, ``content_type``, ``post_row`` (posts index label),
        ``post_id``, ``posted_date``, ``delay_days`` (posted minus planned day),
        ``similarity``, ``caption`` (the post's, else the planned one).

    Examples
    --------
    >>> plan = pd.DataFrame({"date": ["2026-10-01", "2026-10-02", "2026-10-03"], "platform": "instagram",
    ...     "theme": ["menu", "tips", "promo"], "content_type": ["news", "education", "promo"],
    ...     "caption": ["Menu baru es kopi gula aren", "Tips menyeduh kopi di rumah", "Diskon 20% hari ini"]})
    >>> posts = pd.DataFrame({"post_id": ["a", "b", "c"], "platform": "instagram", "account": "k",
    ...     "created_at": pd.to_datetime(["2026-10-01 02:00", "2026-10-04 02:00", "2026-10-04 05:00"], utc=True),
    ...     "caption": ["Menu baru: es kopi gula aren!", "Tips menyeduh kopi di rumah ala barista", "Selamat pagi"]})
    >>> match_plan(plan, posts, tolerance_days=3)[["status", "plan_row", "post_id", "delay_days"]].values.tolist()
    [['on_time', 0, 'a', 0.0], ['late', 1, 'b', 2.0], ['skipped', 2, nan, nan], ['unplanned', nan, 'c', nan]]
    """
    validate(plan, "content_plan", func="match_plan")
    validate(posts, "posts", func="match_plan")
    check_plan_index(plan)
    if tolerance_days < 0:
        raise ValueError(f"The value for `tolerance_days` must be >= 0, but {tolerance_days!r} was passed.")
    if not 0 <= min_similarity <= 1:
        raise ValueError(f"The value for `min_similarity` must be between 0 and 1, but {min_similarity!r} was passed.")
    pl = pd.DataFrame({"plan_row": plan.index.astype(object), "platform": plan["platform"].astype(str).str.lower().to_numpy(),
                       "planned_date": local_days(plan).to_numpy(), "plan_id": column_or_none(plan, "plan_id").to_numpy(),
                       "theme": plan["theme"].to_numpy(), "content_type": plan["content_type"].to_numpy(),
                       "plan_caption": column_or_none(plan, "caption").to_numpy()})
    cap = column_or_none(plan, "caption")
    has_cap = ~is_blank(cap)
    fallback = as_text(plan["theme"]) + " " + as_text(column_or_none(plan, "hashtags"))
    tok_plan = _tokens(cap.where(has_cap, fallback))
    po = pd.DataFrame({"post_row": posts.index.astype(object), "platform": posts["platform"].astype(str).str.lower().to_numpy(),
                       "post_id": posts["post_id"].to_numpy(), "posted_date": local_days(posts, timezone).to_numpy(),
                       "post_caption": column_or_none(posts, "caption").to_numpy()})
    tok_post = _tokens(as_text(column_or_none(posts, "caption")) + " " + as_text(column_or_none(posts, "hashtags")))
    # only pairs that can reach min_similarity are scored (a prefix filter over shared words)
    pairs = scored_pairs(tok_plan, has_cap.to_numpy(bool), pl["platform"].to_numpy(), pl["planned_date"],
                         tok_post, po["platform"].to_numpy(), po["posted_date"],
                         tolerance_days=tolerance_days, min_similarity=min_similarity)
    inter, size_p = pairs["inter"].to_numpy(float), pairs["size_plan"].to_numpy(float)
    # two empty captions share nothing: similarity 0, not a figure to warn about
    jac = np.nan_to_num(jaccard(inter, size_p, pairs["size_post"].to_numpy(float), func="match_plan", quiet=True),
                        nan=0.0)
    # a caption that has no word shares none: containment 0, a matching score rather than a figure
    contain = np.nan_to_num(divide(inter, size_p, func="match_plan", name="containment", quiet=True), nan=0.0)
    ip, iq = pairs["plan_pos"].to_numpy(), pairs["post_pos"].to_numpy()
    cand = pd.DataFrame({"plan_row": pl["plan_row"].to_numpy()[ip], "post_row": po["post_row"].to_numpy()[iq],
                         "similarity": np.where(has_cap.to_numpy(bool)[ip], jac, contain).round(4),
                         "delay_days": pairs["delay_days"].to_numpy(float)})
    cand = cand[cand["similarity"] >= min_similarity].assign(_abs=lambda d: d["delay_days"].abs())
    cand = cand.sort_values(["similarity", "_abs", "delay_days"], ascending=[False, True, True], kind="stable")
    chosen = []
    while len(cand):  # a few rounds: each keeps the best remaining pair of every plan row and post
        best = cand.drop_duplicates("plan_row").drop_duplicates("post_row")
        chosen.append(best)
        cand = cand[~cand["plan_row"].isin(best["plan_row"]) & ~cand["post_row"].isin(best["post_row"])]
    m = pd.concat(chosen) if chosen else cand
    m = m[["plan_row", "post_row", "delay_days", "similarity"]]
    res = pl.merge(m, on="plan_row", how="left")
    res = res.merge(po[["post_row", "post_id", "posted_date", "post_caption"]], on="post_row", how="left")
    if as_of is None:
        as_of = po["posted_date"].max() if len(po) else pl["planned_date"].max()
    as_of = pd.Timestamp(as_of)
    res["status"] = np.select([res["post_row"].notna() & (res["delay_days"] <= 0), res["post_row"].notna(),
                               res["planned_date"] > as_of, ~res["platform"].isin(set(po["platform"]))],
                              ["on_time", "late", "upcoming", "no_data"], "skipped")
    extra = po[~po["post_row"].isin(m["post_row"])].assign(status="unplanned")
    out = pd.concat([res, extra], ignore_index=True)
    out["caption"] = out["post_caption"].where(out["post_caption"].notna(), out["plan_caption"])
    cols = ["status", "platform", "plan_row", "plan_id", "planned_date", "theme", "content_type", "post_row",
            "post_id", "posted_date", "delay_days", "similarity", "caption"]
    out = out.reindex(columns=cols)
    out["_d"] = out["planned_date"].fillna(out["posted_date"])
    return out.sort_values(["_d", "platform"], kind="stable").drop(columns="_d").reset_index(drop=True)


def execution_summary(matches: pd.DataFrame, *, lang: str = "id") -> pd.DataFrame:
    """Counts of :func:`match_plan` statuses per platform and overall, with execution rates.

    Returns
    -------
    DataFrame
        ``platform`` (``"all"`` first), ``planned`` (plan rows), the counts ``on_time``,
        ``late``, ``skipped``, ``upcoming``, ``unplanned``, ``execution_rate`` = (on_time +
        late) / (planned - upcoming) and ``on_time_rate`` = on_time / (planned - upcoming)
        (NaN when nothing was due), ``note`` (in ``lang``). Empty when ``matches`` is.

    Examples
    --------
    >>> m = pd.DataFrame({"status": ["on_time", "late", "skipped", "unplanned"], "platform": "x"})
    >>> execution_summary(m)[["planned", "execution_rate", "on_time_rate"]].to_dict("records")[0]
    {'planned': 3, 'execution_rate': 0.6667, 'on_time_rate': 0.3333}
    """
    check_choice("lang", lang, LANGS)
    if matches.empty:
        return pd.DataFrame(columns=["platform", "planned", *MATCH_STATUSES, "execution_rate", "on_time_rate", "note"])
    both = pd.concat([matches.assign(platform="all"), matches], ignore_index=True)
    t = pd.crosstab(both["platform"], both["status"]).reindex(columns=list(MATCH_STATUSES), fill_value=0)
    t = t.reindex(["all", *sorted(set(matches["platform"].astype(str)))]).fillna(0).astype("int64")
    out = t.reset_index().rename(columns={"index": "platform"})
    out.columns.name = None
    planned = t[["on_time", "late", "skipped", "upcoming", "no_data"]].sum(axis=1)
    out.insert(1, "planned", planned.to_numpy())
    due = (planned - t["upcoming"] - t["no_data"]).to_numpy(float)
    out["execution_rate"] = np.round(divide((t["on_time"] + t["late"]).to_numpy(), due, func="execution_summary",
                                            name="execution_rate"), 4)
    out["on_time_rate"] = np.round(divide(t["on_time"].to_numpy(), due, func="execution_summary",
                                          name="on_time_rate"), 4)
    out["note"] = [text("exec.none", lang) if np.isnan(r) else
                   text("exec.note", lang, pct=f"{r * 100:.0f}", ontime=f"{o * 100:.0f}", skipped=s, unplanned=u)
                   for r, o, s, u in zip(out["execution_rate"], out["on_time_rate"], out["skipped"], out["unplanned"])]
    return out


def plan_vs_posts(plan: pd.DataFrame, posts: pd.DataFrame, profile: Profile | dict, *,
                  lang: str = "id") -> pd.DataFrame:
    """How much of a content plan an export's posts carried out, on the export's own days and
    platforms: :func:`match_plan` of the plan rows between the first and last post and on the
    platforms the export covers, summed by :func:`execution_summary` (the workshop's question
    "did I post what I planned?").

    Examples
    --------
    >>> plan = pd.DataFrame({"date": pd.to_datetime(["2026-10-02", "2026-10-09"]), "platform": "instagram",
    ...                      "theme": ["kopi", "promo"], "caption": ["kopi susu", "diskon"],
    ...                      "content_type": ["education", "promo"]})
    >>> posts = pd.DataFrame({"created_at": pd.to_datetime(["2026-10-02 05:00", "2026-10-10 05:00"], utc=True),
    ...                       "platform": "instagram", "account": "kopisenja.id", "caption": ["kopi susu baru", "x"],
    ...                       "post_id": ["p1", "p2"]})
    >>> prof = {"business_name": "K", "business_model": "B2C", "goal": "promotion",
    ...         "own_accounts": {"instagram": "kopisenja.id"}}
    >>> int(plan_vs_posts(plan, posts, prof, lang="en")["planned"].iloc[0])
    2
    """
    from .tables import own_posts, select_period

    prof = as_profile(profile)
    rows = select_period(plan, posts["created_at"].min(), posts["created_at"].max())
    rows = rows[rows["platform"].isin(posts["platform"].unique())].reset_index(drop=True)
    matches = match_plan(rows, own_posts(posts, prof), timezone=prof.timezone)
    return execution_summary(matches, lang=lang)


def plot_execution(matches: pd.DataFrame, *, ax=None, lang: str = "id"):
    """Stacked bars of plan-versus-actual statuses per platform. Returns the Axes.

    Examples
    --------
    >>> m = pd.DataFrame({"status": ["on_time", "late", "unplanned"], "platform": ["x", "x", "instagram"]})
    >>> plot_execution(m, lang="en").get_title()
    'Plan versus actual'
    """
    import matplotlib.pyplot as plt

    check_choice("lang", lang, LANGS)
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3))
    t = pd.crosstab(matches["platform"], matches["status"]).reindex(columns=list(MATCH_STATUSES), fill_value=0)
    colors = ["#2e7d32", "#f9a825", "#c62828", "#90a4ae", "#e0e0e0", "#5c6bc0"]
    left = np.zeros(len(t))
    for status, color in zip(MATCH_STATUSES, colors):  # six statuses
        ax.barh(t.index.astype(str), t[status].to_numpy(), left=left, color=color, label=text(f"status.{status}", lang))
        left += t[status].to_numpy()
    ax.set_xlabel(text("plot.exec_x", lang))
    ax.set_title(text("plot.exec_title", lang))
    ax.legend(fontsize=7, loc="lower right")
    from ..formatting import axis_format

    axis_format(ax, "count", lang, axis="x")  # whole posts only, never 2.5
    return ax


def assign_themes(posts: pd.DataFrame, *, plan: pd.DataFrame | None = None, keywords: dict[str, Any] | None = None,
                  matches: pd.DataFrame | None = None, timezone: str = DEFAULT_TIMEZONE, **match_options) -> pd.DataFrame:
    """Give posts a ``theme`` and ``content_type``: from the post, else the matched plan row, else keyword rules.

    Parameters
    ----------
    posts : DataFrame
        Canonical posts.
    plan : DataFrame, optional
        Content plan; posts matched to a plan row (:func:`match_plan`) take its theme and
        content type. Without ``keywords``, the plan's themes with their hashtags and words
        (4+ letters) become keyword rules for the other posts.
    keywords : dict, optional
        Theme -> list of words/phrases found in the caption (first theme that matches wins).
    matches : DataFrame, optional
        A ready :func:`match_plan` result (saves recomputing it).
    **match_options
        Passed to :func:`match_plan` (``tolerance_days``, ``min_similarity``).

    Returns
    -------
    DataFrame
        A copy of ``posts`` with ``theme``, ``content_type`` filled where possible and
        ``theme_source`` (post|plan|keywords; NaN when none applied). Content types not
        given by the post or the plan come from :data:`CONTENT_KEYWORDS`.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": ["a", "b"], "platform": "x", "account": "k",
    ...     "created_at": pd.Timestamp("2026-10-01", tz="UTC"),
    ...     "caption": ["Tips seduh V60 di rumah", "Diskon 20% es kopi susu"]})
    >>> out = assign_themes(posts, keywords={"seduh": ["v60", "seduh"], "menu": ["es kopi"]})
    >>> out[["theme", "content_type", "theme_source"]].values.tolist()
    [['seduh', 'education', 'keywords'], ['menu', 'promo', 'keywords']]
    """
    validate(posts, "posts", func="assign_themes")
    out = posts.copy()
    theme = column_or_none(out, "theme").astype(object)
    ctype = column_or_none(out, "content_type").astype(object)
    source = pd.Series(np.where(~is_blank(theme), "post", None), index=out.index, dtype=object)
    theme = theme.where(~is_blank(theme), None)
    ctype = ctype.where(~is_blank(ctype), None)
    if plan is not None and len(plan) and len(out):
        m = matches if matches is not None else match_plan(plan, out, timezone=timezone, **match_options)
        m = m[m["post_row"].notna() & m["plan_row"].notna()]
        by_post = m.set_index("post_row")
        from_plan = pd.Series(by_post["theme"].to_numpy(), index=by_post.index).reindex(out.index)
        ct_plan = pd.Series(by_post["content_type"].to_numpy(), index=by_post.index).reindex(out.index)
        fill = theme.isna() & from_plan.notna()
        theme = theme.where(~fill, from_plan)
        source = source.where(~fill, "plan")
        ctype = ctype.where(ctype.notna() | ~fill, ct_plan)
        if keywords is None:
            words = (plan["theme"].fillna("").astype(str) + " " + column_or_none(plan, "hashtags").fillna("").astype(str))
            tok = words.str.lower().str.findall(r"#?\w{4,}")
            found: dict = {}  # theme -> its words, themes in order of their first row with a word
            for th, ws in zip(plan["theme"], tok):
                if isinstance(ws, list) and ws and not pd.isna(th):
                    found.setdefault(th, set()).update(ws)
            keywords = {th: sorted(ws) for th, ws in found.items()}
    if keywords:
        hit = keyword_hits(column_or_none(out, "caption"), keywords)
        fill = theme.isna() & hit.notna()
        theme = theme.where(~fill, hit)
        source = source.where(~fill, "keywords")
        # posts given a theme here and no content type take their theme's usual one in the plan
        need = fill & ctype.isna()
        if plan is not None and len(plan) and need.any():
            rows = plan[plan["theme"].isin(theme[need].unique())]  # only the themes asked for
            main_ct = rows.groupby("theme")["content_type"].agg(lambda s: s.mode().iloc[0] if s.notna().any() else None)
            ctype = ctype.where(~need, theme.map(main_ct))
    ctype = ctype.where(ctype.notna(), keyword_hits(column_or_none(out, "caption"), CONTENT_KEYWORDS))
    out["theme"] = theme
    out["content_type"] = ctype
    out["theme_source"] = source
    return out


def care_queue(comments: pd.DataFrame | None, *, profile: Profile | dict, as_of: Any = None,
               intents: tuple[str, ...] = ("question", "complaint")) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The execution step's care check: response statistics and the unanswered queue.

    Calls :func:`smanalysis.conversation.response_stats` (by platform and intent) and
    :func:`smanalysis.conversation.unanswered` with the profile's own handles and
    timezone. Without customer comments both tables are empty (the notebook then says
    "no data for this section").

    Returns
    -------
    (DataFrame, DataFrame)
        ``stats`` (see ``response_stats``) and ``queue`` (see ``unanswered``, oldest first).

    Examples
    --------
    >>> p = {"business_name": "K", "business_model": "B2C", "goal": "promotion", "own_accounts": {"instagram": "k"}}
    >>> stats, queue = care_queue(None, profile=p)
    >>> stats.empty, queue.empty
    (True, True)
    """
    from ..conversation import replies
    from ..exceptions import EmptyDataError

    p = as_profile(profile)
    if comments is None or len(comments) == 0:
        return pd.DataFrame(), pd.DataFrame()
    try:
        stats = replies.response_stats(comments, brand_accounts=p.brand_handles, timezone=p.timezone)
    except EmptyDataError:
        stats = pd.DataFrame()
    queue = replies.unanswered(comments, brand_accounts=p.brand_handles, intents=intents, as_of=as_of, timezone=p.timezone)
    return stats, queue


def plot_care(comments: pd.DataFrame | None, *, profile: Profile | dict, ax=None, lang: str = "id"):
    """Response time and response rate per platform (the care check as a chart). Returns the Axes.

    Draws :func:`smanalysis.plotting.plot_response_time` of
    :func:`smanalysis.conversation.response_stats` by platform; without customer
    comments, an empty chart that says "no data for this section".

    Examples
    --------
    >>> p = {"business_name": "K", "business_model": "B2C", "goal": "promotion", "own_accounts": {"instagram": "k"}}
    >>> plot_care(None, profile=p, lang="en").texts[0].get_text()
    'No data for this section.'
    """
    import matplotlib.pyplot as plt

    from ..conversation import replies
    from ..exceptions import EmptyDataError
    from ..plotting.conversation import plot_response_time

    check_choice("lang", lang, LANGS)
    p = as_profile(profile)
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3))
    stats = pd.DataFrame()
    if comments is not None and len(comments):
        try:
            stats = replies.response_stats(comments, brand_accounts=p.brand_handles, by="platform", timezone=p.timezone)
        except EmptyDataError:
            stats = pd.DataFrame()
    if stats.empty:
        ax.text(0.5, 0.5, text("nb.no_data", lang), ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    return plot_response_time(stats, by="platform", ax=ax, lang=lang)
