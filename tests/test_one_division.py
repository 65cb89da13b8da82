"""Issue 10, "nothing else divides": every reported rate, share, relative change and overlap goes
through the metric registry or :mod:`smanalysis.ratios`, so a zero denominator gives NaN and the
same warning everywhere.

The scan reads every module with ``ast`` and lists each ``/`` whose divisor is not a constant (a
unit conversion such as ``/ 60`` or ``/ pd.Timedelta(days=1)``, a path join such as ``/ "x.csv"``).
Each such division must stand in a place listed in :data:`ALLOWED` with its reason; everything else
is a new division of data that should call the registry or ``smanalysis.ratios``."""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from smanalysis.exceptions import SMAnalysisWarning
from smanalysis.ratios import divide, jaccard, relative_change, share_of_total

PKG = Path(__file__).resolve().parents[1] / "smanalysis"

_PATHS = "path join (pathlib), not a number"
_STATS = "statistical formula (variance / n, Welch degrees of freedom, bootstrap means of groups of >= 1)"
#: "module" (a folder ends in "/") or "module::function" -> why it may divide by itself
ALLOWED = {
    "ratios.py": "the one place that divides",
    "plotting/": "plot geometry (sizes, positions, font fits), not figures",
    "sample/": "the sample generator's own arithmetic, not reported figures",
    "io/": "readers and export replicas: parsing numbers, filling a column the export states in another "
           "form, writing the platforms' own columns",
    "network/engine.py": "graph algorithm internals (PageRank, HITS normalisation, betweenness scale)",
    "workspace.py": _PATHS,
    "reporting/folders.py": _PATHS,
    "reporting/runner.py": _PATHS,
    "reporting/config.py": _PATHS,
    "media/stats.py::boot_means": _STATS,
    "media/paid.py": _STATS + " (Welch interval of the boost)",
    "media/paid_growth.py": _STATS + " (Welch interval of follower growth by day type)",
    "media/verdicts.py": _STATS + " (delta-method interval of a ratio of totals)",
    "conversation/drivers.py": "log-odds with an informative Dirichlet prior (Monroe et al. 2008): smoothed, never 0",
    "conversation/sentiment_scoring.py": "lexicon scoring internals (VADER normalisation, intensifier weights)",
    "conversation/langid.py": "language-id scoring internals",
    "conversation/factorise.py": "TF-IDF / NMF numerical internals (L2 row norms, NNDSVD start, coordinate-descent "
                                 "step), scikit-learn's arithmetic, not reported figures",
    "conversation/codebook.py::quotes": "unit-length centroid (norm 0 replaced by 1): a direction, not a figure",
    "plan/draft.py::draft_next_plan": "every k-th slot a promotion, k = ceil(1 / ceiling), a parameter checked > 0",
}


def _constant(node: ast.AST) -> bool:
    """A divisor that is no data: a number, a string/f-string (path join), a CONSTANT, a Timedelta,
    or arithmetic of those."""
    if isinstance(node, ast.Constant) or isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.UnaryOp):
        return _constant(node.operand)
    if isinstance(node, ast.BinOp):
        return _constant(node.left) and _constant(node.right)
    if isinstance(node, ast.Name):
        return node.id.lstrip("_").isupper()
    if isinstance(node, ast.Attribute):
        return node.attr.lstrip("_").isupper()
    if isinstance(node, ast.Call):
        f = node.func
        return (isinstance(f, ast.Attribute) and f.attr == "Timedelta") or (isinstance(f, ast.Name) and f.id == "Timedelta")
    return False


#: calls that divide: NumPy's and pandas' division functions and methods
_DIVIDING_CALLS = {"divide", "true_divide", "div", "truediv", "rdiv", "rtruediv"}


def _path(node: ast.AST) -> bool:
    """``Path(...) / x`` and ``x / y / z`` whose leftmost part is one: a path join."""
    while isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        node = node.left
    return isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in ("Path", "files")


def divisions(src: str) -> list[tuple[int, str, str]]:
    """(line, enclosing function, source) of each ``/`` of ``src`` whose divisor is not a constant."""
    tree = ast.parse(src)
    out = []

    def visit(node, func):
        for child in ast.iter_child_nodes(node):
            name = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else func
            if isinstance(child, (ast.BinOp, ast.AugAssign)) and isinstance(child.op, ast.Div):
                right = child.right if isinstance(child, ast.BinOp) else child.value
                if not _constant(right) and not _path(child.left if isinstance(child, ast.BinOp) else child.target):
                    out.append((child.lineno, func, (ast.get_source_segment(src, child) or "")[:80]))
            elif isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute) and \
                    child.func.attr in _DIVIDING_CALLS:  # np.divide(a, b), frame.div(other)
                out.append((child.lineno, func, (ast.get_source_segment(src, child) or "")[:80]))
            visit(child, name)

    visit(tree, "<module>")
    return out


def _allowed(rel: str, func: str) -> str | None:
    for key in (f"{rel}::{func}", rel, *[p + "/" for p in _prefixes(rel)]):
        if key in ALLOWED:
            return key
    return None


def _prefixes(rel: str) -> list[str]:
    parts = rel.split("/")[:-1]
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def _scan():
    found, used = [], set()
    for p in sorted(PKG.rglob("*.py")):
        rel = p.relative_to(PKG).as_posix()
        for line, func, seg in divisions(p.read_text(encoding="utf-8")):
            key = _allowed(rel, func)
            if key is None:
                found.append(f"{rel}:{line} in {func}(): {seg}")
            else:
                used.add(key)
    return found, used


def test_nothing_else_divides():
    """A reported rate or share divides in the registry or smanalysis.ratios, nowhere else."""
    found, _ = _scan()
    assert found == [], "divide through smanalysis.ratios (or a registry Metric):\n" + "\n".join(found)


def test_every_allowed_place_still_divides():
    """The list stays honest: a place that no longer divides leaves it."""
    _, used = _scan()
    assert set(ALLOWED) - used == set()


def test_scan_finds_a_planted_division_and_passes_constants():
    src = ("def f(df):\n    a = df['x'] / df['y']\n    b = df['x'] / 100\n    c = root / 'file.csv'\n"
           "    d = t / pd.Timedelta(days=1)\n    e = v / _NS_MIN\n    df['z'] /= df['y'].sum()\n"
           "    g = np.divide(a, b, where=b > 0)\n    h = df.div(df.sum(axis=1), axis=0)\n")
    assert [(line, func) for line, func, _ in divisions(src)] == [(2, "f"), (7, "f"), (8, "f"), (9, "f")]


# ---------------------------------------------------------------- the helpers, worked by hand


def test_divide_warns_once_naming_function_figure_and_rows():
    with pytest.warns(SMAnalysisWarning, match=r"^mix: zero or missing denominators, set to NaN: share 2 of 3\.$"):
        out = divide(pd.Series([1.0, 2.0, 3.0], index=[7, 8, 9]), pd.Series([4.0, 0.0, np.nan]), func="mix",
                     name="share")
    assert out.index.tolist() == [7, 8, 9]
    assert out.iloc[0] == 0.25 and out.iloc[1:].isna().all()


def test_divide_is_silent_when_defined_or_quiet_and_skips_unknown_numerators():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert divide(3.0, 4.0, func="f", name="x") == 0.75
        assert np.isnan(divide(1.0, 0.0, func="f", name="x", quiet=True))
        assert np.isnan(divide(np.nan, 0.0, func="f", name="x"))  # nothing was lost: the numerator is unknown


def test_divide_signed_and_scale():
    assert divide(np.array([1.0]), np.array([-4.0]), func="f", name="x", signed=True).tolist() == [-0.25]
    with pytest.warns(SMAnalysisWarning, match="x 1 of 1"):
        assert np.isnan(divide(np.array([1.0]), np.array([-4.0]), func="f", name="x")[0])
    assert divide(np.array([3.0]), np.array([21.0]), func="f", name="x", scale=7.0).tolist() == [1.0]


def test_share_of_total_by_group_sums_to_one():
    s = share_of_total(pd.Series([1, 3, 5, 2]), [pd.Series(["a", "a", "b", "c"])], func="f")
    assert s.tolist() == [0.25, 0.75, 1.0, 1.0]
    with pytest.warns(SMAnalysisWarning, match="share 1 of 1"):
        assert np.isnan(share_of_total(pd.Series([0.0]), func="f").iloc[0])


def test_relative_change_uses_size_of_previous():
    # 10 -> 12 is +20 %; -0.2 -> -0.1 went up by half of its size: +50 %, not -50 %
    out = relative_change(pd.Series([12.0, -0.1]), pd.Series([10.0, -0.2]), func="f")
    assert out.round(6).tolist() == [0.2, 0.5]
    with pytest.warns(SMAnalysisWarning, match="change_pct 1 of 1"):
        relative_change(np.array([5.0]), np.array([0.0]), func="f")


def test_jaccard_by_hand():
    # {a,b,c} and {b,c,d,e}: 2 shared of 5 distinct
    assert jaccard([2], [3], [4], func="f").tolist() == [0.4]
