"""The duplicates rule of :func:`smanalysis.io.load_dataset`: one rule per table, every row dropped
or merged reported (:data:`DUP_COLUMNS`).

Duplicates rule (one per table, always reported in ``Dataset.duplicates``):

* ``posts``: a post exported twice (monthly re-exports carry LIFETIME totals)
  keeps ONE row per (platform, post_id): the one with the largest lifetime
  total (views + impressions + reach + likes + comments + shares + saves +
  clicks), since lifetime totals only grow, so the largest is the latest
  snapshot; on a tie, the file loaded last. Rows of a daily-breakdown export
  (``metrics_date`` set) are first summed per post and file (reach: the maximum,
  as unique reach cannot be added).
* ``comments``, ``mentions``: one row per (platform, id), the first loaded.
* ``followers``: one row per (platform, account, date); rows are merged, each
  column taking the first non-missing value in load order.
* ``account_daily``: one row per (platform, account, metric, date), the first loaded.
* ``audience``: one row per (platform, account, dimension, segment), the LAST loaded (the newer export).
* ``video``: one row per (platform, post_id), the one with the most views (lifetime totals only grow).
* ``follower_activity``: one row per (platform, account, hour), the most active one (an export written
  later in the day completes the hours an earlier one had not reached).
* ``interactions``, ``content_plan``: exact duplicate rows are dropped.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"platform": ["x", "x"], "comment_id": ["1", "1"], "source_file": ["a.csv", "b.csv"],
...                    "source_line": [2, 2], "_order": [0, 1]})
>>> kept, dropped = dedupe("comments", df)
>>> kept["source_file"].tolist(), dropped[["kept_file", "dropped_file", "rule"]].values.tolist()
(['a.csv'], [['a.csv', 'b.csv', 'first loaded kept']])
"""

from __future__ import annotations

import pandas as pd

__all__ = ["dedupe", "DUP_COLUMNS"]

#: lifetime counts summed into a post's total (the largest total is the latest snapshot)
_COUNTS = ["views", "impressions", "reach", "likes", "comments", "shares", "saves", "clicks"]
#: columns of :attr:`smanalysis.io.Dataset.duplicates`
DUP_COLUMNS = ["table", "key", "kept_file", "kept_line", "dropped_file", "dropped_line", "rule"]


def _join_key(df: pd.DataFrame, cols) -> pd.Series:
    """One readable key string a row: the columns' values joined by '|' (missing -> '')."""
    return df[list(cols)].astype("string").fillna("").agg("|".join, axis=1)


def _dup_records(table, dropped: pd.DataFrame, kept: pd.DataFrame, key_cols, rule):
    key = _join_key(dropped, key_cols) if len(dropped) else pd.Series([], dtype=object)
    kept_idx = kept.set_index(_join_key(kept, key_cols)) if len(kept) else kept
    kept_idx = kept_idx[~kept_idx.index.duplicated(keep="first")]
    kf = key.map(kept_idx["source_file"]) if len(kept) else key
    kl = key.map(kept_idx["source_line"]) if len(kept) else key
    return pd.DataFrame({"table": table, "key": key.to_numpy(), "kept_file": kf.to_numpy(), "kept_line": kl.to_numpy(),
                         "dropped_file": dropped["source_file"].to_numpy(),
                         "dropped_line": dropped["source_line"].to_numpy(), "rule": rule})


def dedupe(table: str, df: pd.DataFrame):
    """Apply the rule of ``table`` (see the module docstring) to ``df``, the table's rows of every
    file in load order (column ``_order``: the file's place in the load).

    Returns
    -------
    (DataFrame, DataFrame or None)
        The rows kept (``_order`` still there) and the rows dropped or merged (:data:`DUP_COLUMNS`),
        None when there were none.
    """
    if table == "posts":
        recs = []
        if "metrics_date" in df.columns and df["metrics_date"].notna().any():
            daily = df["metrics_date"].notna()
            d = df[daily]
            keys = ["platform", "post_id", "source_file"]
            agg = {c: "sum" for c in _COUNTS if c in d.columns and c != "reach"}
            agg.update({c: "first" for c in d.columns if c not in agg and c not in keys})
            if "reach" in d.columns:
                agg["reach"] = "max"
            summed = d.groupby(keys, sort=False, dropna=False).agg(agg).reset_index()
            for c in agg:
                if agg[c] == "sum":
                    summed[c] = d.groupby(keys, sort=False, dropna=False)[c].sum(min_count=1).to_numpy()
            first = d.drop_duplicates(keys)
            dropped = d[d.duplicated(keys)]
            if len(dropped):
                recs.append(_dup_records("posts", dropped, first, ["platform", "post_id"], "daily rows summed"))
            df = pd.concat([df[~daily], summed[df.columns]], ignore_index=True)
        key = ["platform", "post_id"]
        total = df[[c for c in _COUNTS if c in df.columns]].sum(axis=1, min_count=0)
        order = df.assign(_total=total).sort_values(key + ["_total", "_order"], kind="stable")
        keep = ~order.duplicated(key, keep="last")
        kept, dropped = order[keep], order[~keep]
        if len(dropped):
            recs.append(_dup_records("posts", dropped, kept, key, "largest lifetime total kept"))
        return kept.drop(columns="_total").sort_index(), (pd.concat(recs, ignore_index=True) if recs else None)
    if table in ("account_daily", "audience", "video", "follower_activity"):
        key = {"account_daily": ["platform", "account", "metric", "date"],
               "audience": ["platform", "account", "dimension", "segment"], "video": ["platform", "post_id"],
               "follower_activity": ["platform", "account", "hour"]}[table]
        rule = {"account_daily": "first loaded kept", "audience": "last loaded kept (newer export)",
                "video": "most views kept", "follower_activity": "most active kept"}[table]
        order = df
        if table in ("video", "follower_activity"):
            col = "views" if table == "video" else "active_followers"
            order = df.assign(_v=df[col].fillna(-1)).sort_values(["_v", "_order"], kind="stable").drop(columns="_v")
        keep = ~order.duplicated(key, keep="first" if table == "account_daily" else "last")
        if keep.all():
            return df, None
        return order[keep].sort_index(), _dup_records(table, order[~keep], order[keep], key, rule)
    if table in ("comments", "mentions"):
        key = ["platform", "comment_id" if table == "comments" else "mention_id"]
        dup = df.duplicated(key, keep="first")
        return df[~dup], (_dup_records(table, df[dup], df[~dup], key, "first loaded kept") if dup.any() else None)
    if table == "followers":
        key = ["platform", "account", "date"]
        dup = df.duplicated(key, keep="first")
        if not dup.any():
            return df, None
        rec = _dup_records(table, df[dup], df[~dup], key, "merged: first non-missing value per column")
        merged = df.groupby(key, sort=False, dropna=False).first().reset_index()[df.columns]
        return merged, rec
    cols = [c for c in df.columns if c not in ("source_file", "source_line", "_order")]
    dup = df.astype({c: object for c in cols}).duplicated(cols, keep="first")
    if not dup.any():
        return df, None
    return df[~dup], _dup_records(table, df[dup], df[~dup], cols, "exact duplicate dropped")
