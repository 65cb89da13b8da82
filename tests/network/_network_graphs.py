"""Small hand-drawn networks shared by the network tests (edge tables and interactions)."""

import pandas as pd


def edges(pairs, weight=1.0):
    """Edge table from (source, target) pairs."""
    s, t = zip(*pairs)
    return pd.DataFrame({"source": list(s), "target": list(t), "weight": float(weight)})


def both_ways(pairs):
    return [*pairs, *((b, a) for a, b in pairs)]


def star():
    """Four leaves all pointing at the hub h."""
    return edges([(leaf, "h") for leaf in ["l1", "l2", "l3", "l4"]])


def chain():
    """a -> b -> c -> d."""
    return edges([("a", "b"), ("b", "c"), ("c", "d")])


def cliques():
    """Two reciprocal 4-cliques A and B joined through the bridge node x (a1 <-> x <-> b1)."""
    pairs = []
    for side in "ab":
        members = [f"{side}{i}" for i in range(1, 5)]
        pairs += [(u, v) for i, u in enumerate(members) for v in members[i + 1:]]
    pairs += [("a1", "x"), ("x", "b1")]
    return edges(both_ways(pairs))


def interactions(rows):
    """Canonical interactions from (source, target, kind, 'YYYY-MM-DD[ HH:MM]') tuples."""
    s, t, k, ts = zip(*rows)
    return pd.DataFrame({"source": list(s), "target": list(t), "kind": list(k),
                         "created_at": pd.to_datetime(list(ts), utc=True, format="ISO8601"), "platform": "instagram",
                         "post_id": "p1", "text": None})
