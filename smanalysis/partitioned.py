"""Conversation and network counts on mentions larger than memory, per Parquet partition with Dask.

A national campaign brings millions of mentions: more than one report process should hold. The
counts here are **additive**: each partition of a :mod:`dask.dataframe` of mentions (Parquet files,
any size) is scored and counted on its own, with the library's own functions, and the per-partition
counts are summed (first/last times by min/max), so the result equals the in-memory one exactly:

* ``sentiment``: mentions per ``brand`` and sentiment ``label``
  (:func:`smanalysis.conversation.sentiment`, lexicon and rules);
* ``intents``: mentions per ``brand`` and ``intent`` (:func:`smanalysis.conversation.intents`);
* ``net_sentiment`` (by :func:`finish`): per ``brand``, ``net_sentiment`` (positive - negative over
  positive + negative) and ``net_sentiment_all`` (over all mentions), the registry's two definitions;
* ``voice``: mentions per ``period`` (local week start) and ``brand``, and the ``share`` of each
  brand in its period (share of voice);
* ``terms``: term counts, stopwords removed (:func:`smanalysis.conversation.text.tokenize`);
* ``edges``: the author -> brand mention network as an edge table: ``source``, ``target``,
  ``platform``, ``weight`` (mentions), ``first``, ``last``.

Examples
--------
>>> import pandas as pd
>>> m = pd.DataFrame({"brand": ["Kopi Senja", "Kopi Senja", "Kopi Pagi"], "author": ["ani", "ani", "budi"],
...                   "text": ["enak banget", "kecewa, lama", "harga berapa kak?"], "platform": ["x", "x", "x"],
...                   "created_at": pd.to_datetime(["2026-10-01", "2026-10-02", "2026-10-09"], utc=True)})
>>> c = combine([mention_counts(m.iloc[:2]), mention_counts(m.iloc[2:])])
>>> c["sentiment"].values.tolist()
[['Kopi Pagi', 'neutral', 1], ['Kopi Senja', 'negative', 1], ['Kopi Senja', 'positive', 1]]
>>> c["edges"][["source", "target", "n"]].values.tolist()
[['ani', 'Kopi Senja', 2], ['budi', 'Kopi Pagi', 1]]
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .ratios import share_of_total
from .conversation.care import intents
from .media.metrics import METRICS
from .conversation.memo import clear_memos
from .conversation.sentiment import sentiment
from .conversation.text import tokenize
from .schema import DEFAULT_TIMEZONE

__all__ = ["mention_counts", "combine", "finish", "partitioned_counts", "write_partitions", "COUNT_KEYS"]

#: the tables :func:`mention_counts` returns: their key columns and how they combine
COUNT_KEYS = {
    "sentiment": (["brand", "label"], {"n": "sum"}),
    "intents": (["brand", "intent"], {"n": "sum"}),
    "voice": (["period", "brand"], {"n": "sum"}),
    "terms": (["term"], {"n": "sum"}),
    "edges": (["source", "target", "platform"], {"n": "sum", "first": "min", "last": "max"}),
}


def _text(df: pd.DataFrame) -> pd.Series:
    return df["text"].astype(object).where(df["text"].notna(), "")


def mention_counts(mentions: pd.DataFrame, *, timezone: str = DEFAULT_TIMEZONE, freq: str = "W-SUN") -> dict:
    """The additive counts of one partition (or of all mentions at once).

    Parameters
    ----------
    mentions : DataFrame
        Rows of the canonical ``mentions`` table (``brand``, ``author``, ``text``, ``platform``,
        ``created_at`` in UTC).
    timezone : str
        Local time for the ``voice`` periods.
    freq : str
        Period of the ``voice`` table (pandas period alias; default weeks Monday to Sunday).

    Returns
    -------
    dict of DataFrame
        One frame per :data:`COUNT_KEYS` entry, keys then ``n`` (``edges`` also ``first``/``last``).
    """
    df = mentions.reset_index(drop=True)
    text = _text(df)
    # keys as pandas ``str`` (Arrow-backed) columns: a third of the memory of Python string objects
    # and faster to group, which matters when the edge table of many partitions is combined
    brand = df["brand"].astype("str").where(df["brand"].notna(), "")
    n = np.ones(len(df), dtype=np.int64)
    lab = sentiment(text, evidence=False)["label"].to_numpy(dtype=object) if len(df) else np.array([], dtype=object)
    lab = pd.array(lab, dtype="str")
    it = pd.array(intents(text)["intent"].to_numpy(dtype=object), dtype="str")
    local = pd.to_datetime(df["created_at"], utc=True).dt.tz_convert(timezone).dt.tz_localize(None)
    period = local.dt.to_period(freq).dt.start_time
    toks = tokenize(text, stopwords=True) if len(df) else []
    lens = np.fromiter((len(t) for t in toks), dtype=np.int64, count=len(toks))
    terms = pd.Series([w for t in toks for w in t], dtype="str") if lens.sum() else pd.Series([], dtype="str")
    frames = {
        "sentiment": pd.DataFrame({"brand": brand, "label": lab, "n": n}),
        "intents": pd.DataFrame({"brand": brand, "intent": it, "n": n}),
        "voice": pd.DataFrame({"period": period, "brand": brand, "n": n}),
        "terms": pd.DataFrame({"term": terms, "n": np.ones(len(terms), dtype=np.int64)}),
        "edges": pd.DataFrame({"source": df["author"].astype("str"), "target": brand,
                               "platform": df["platform"].astype("str"), "n": n,
                               "first": pd.to_datetime(df["created_at"], utc=True),
                               "last": pd.to_datetime(df["created_at"], utc=True)}),
    }
    # a partition's texts are remembered for its own sections only: partitions of distinct texts
    # would otherwise grow the memos of a long-lived worker with every partition it scores
    clear_memos()
    return {k: _aggregate(k, f) for k, f in frames.items()}


def _aggregate(key: str, frame: pd.DataFrame) -> pd.DataFrame:
    cols, how = COUNT_KEYS[key]
    out = frame.dropna(subset=cols).groupby(cols, sort=True, observed=True).agg(how).reset_index()
    return out.astype({"n": "int64"})


def combine(parts: list[dict]) -> dict:
    """Sum the counts of several partitions (first/last times by min/max).

    Parameters
    ----------
    parts : list of dict
        Results of :func:`mention_counts` (or of earlier :func:`combine` calls).

    Returns
    -------
    dict of DataFrame
        Same layout, each table sorted by its keys.
    """
    return {k: _aggregate(k, pd.concat([p[k] for p in parts], ignore_index=True)) for k in COUNT_KEYS}


def finish(counts: dict) -> dict:
    """Add the derived columns: ``share`` of voice per period, net sentiment per brand, the edge
    ``weight``; sort terms by count.

    Examples
    --------
    >>> v = {"voice": pd.DataFrame({"period": ["w1", "w1"], "brand": ["A", "B"], "n": [3, 1]}),
    ...      "sentiment": pd.DataFrame({"brand": ["A", "A"], "label": ["positive", "negative"], "n": [3, 1]}),
    ...      "terms": pd.DataFrame({"term": ["a", "b"], "n": [1, 2]}), "intents": pd.DataFrame(),
    ...      "edges": pd.DataFrame({"source": ["x"], "target": ["A"], "platform": ["x"], "n": [2]})}
    >>> f = finish(v)
    >>> f["voice"]["share"].tolist(), f["net_sentiment"]["net_sentiment"].tolist(), f["terms"]["term"].tolist()
    ([0.75, 0.25], [0.5], ['b', 'a'])
    """
    out = dict(counts)
    voice = counts["voice"]
    out["voice"] = voice.assign(share=share_of_total(voice["n"], voice["period"], func="finish", name="share of voice"))
    s = counts["sentiment"].pivot_table(index="brand", columns="label", values="n", aggfunc="sum", fill_value=0)
    s = s.reindex(columns=["positive", "neutral", "negative"], fill_value=0)
    tot = s.sum(axis=1)
    diff = (s["positive"] - s["negative"]).to_numpy(float)
    # the registry's two definitions, each under its own name (as conversation.net_sentiment)
    out["net_sentiment"] = pd.DataFrame({"brand": s.index, "mentions": tot.to_numpy(),
                                         "net_sentiment": METRICS["net_sentiment"].ratio(
                                             diff, (s["positive"] + s["negative"]).to_numpy(float)),
                                         "net_sentiment_all": METRICS["net_sentiment_all"].ratio(diff, tot.to_numpy(float))})
    out["terms"] = counts["terms"].sort_values(["n", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)
    out["edges"] = counts["edges"].assign(weight=counts["edges"]["n"].astype(float))
    return out


def write_partitions(mentions: pd.DataFrame, folder, *, rows: int = 1_000_000) -> list[Path]:
    """Write mentions as Parquet partitions of ``rows`` rows (``part-00000.parquet``...).

    Examples
    --------
    >>> import tempfile
    >>> m = pd.DataFrame({"text": ["a", "b", "c"]})
    >>> [p.name for p in write_partitions(m, tempfile.mkdtemp(), rows=2)]
    ['part-00000.parquet', 'part-00001.parquet']
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, start in enumerate(range(0, max(len(mentions), 1), rows)):
        p = folder / f"part-{i:05d}.parquet"
        mentions.iloc[start:start + rows].to_parquet(p, engine="pyarrow", index=False)
        paths.append(p)
    return paths


def partitioned_counts(source, *, timezone: str = DEFAULT_TIMEZONE, freq: str = "W-SUN", split_every: int = 8,
                       scheduler=None) -> dict:
    """:func:`mention_counts` of every partition of a Dask dataframe of mentions, combined.

    Parameters
    ----------
    source : dask DataFrame, or a folder / glob of Parquet files
        The mentions (only ``brand``, ``author``, ``text``, ``platform``, ``created_at`` are read).
    timezone, freq
        As in :func:`mention_counts`.
    split_every : int
        Partitions combined at a time (a tree: memory stays that of a few partitions' counts).
    scheduler : optional
        Passed to :func:`dask.compute` (``"processes"``, ``"threads"``, or a distributed Client
        is used when one is active).

    Returns
    -------
    dict of DataFrame
        :func:`finish` of the combined counts: equal to ``finish(mention_counts(all_mentions))``.
    """
    import dask
    import dask.dataframe as dd

    cols = ["brand", "author", "text", "platform", "created_at"]
    ddf = source if hasattr(source, "to_delayed") else dd.read_parquet(str(source), columns=cols)
    count = dask.delayed(mention_counts, pure=True)
    join = dask.delayed(combine, pure=True)
    level = [count(part[cols], timezone=timezone, freq=freq) for part in ddf.to_delayed()]
    while len(level) > 1:
        level = [join(level[i:i + split_every]) for i in range(0, len(level), split_every)]
    (result,) = dask.compute(join(level), scheduler=scheduler)
    return finish(result)
