"""Community ids by size, ties by the alphabetically first member (network.engine's relabelling)."""

from __future__ import annotations

import numpy as np

from smanalysis.network.engine import _relabel


def _reference(membership, names):
    """The rule written out: sort the communities by (-size, first member name)."""
    groups = {}
    for c, name in zip(membership, names):
        groups.setdefault(c, []).append(name)
    order = sorted(groups, key=lambda c: (-len(groups[c]), min(groups[c])))
    new = {c: i for i, c in enumerate(order)}
    return np.array([new[c] for c in membership])


def test_hand_worked():
    # community 7: {dina, ani} (2, first "ani"); 3: {budi, cici} (2, first "budi"); 0: {eko, fajar, gita} (3)
    m = [7, 3, 3, 7, 0, 0, 0]
    names = ["dina", "budi", "cici", "ani", "eko", "fajar", "gita"]
    assert _relabel(m, names).tolist() == [1, 2, 2, 1, 0, 0, 0]


def test_empty_and_gaps():
    assert _relabel([], []).tolist() == []
    assert _relabel([5, 5, 2], ["b", "a", "c"]).tolist() == [0, 0, 1]


def test_matches_the_rule_on_random_partitions():
    rng = np.random.default_rng(1)
    for _ in range(200):
        n = int(rng.integers(1, 80))
        m = rng.integers(0, int(rng.integers(1, 20)), n)
        names = [("U" if rng.random() < 0.3 else "u") + format(int(x), "x") for x in rng.permutation(10_000)[:n]]
        assert _relabel(m, names).tolist() == _reference(m.tolist(), names).tolist()
