"""The package's structure: no import circles, no private names across modules, small modules."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "smanalysis"
ROOT = PKG.parent
#: modules allowed over MAX_LINES while their owner splits them (none left: every module is short)
TEMPORARY_LONG: set[str] = set()
MAX_LINES = 500


def _modules() -> dict[str, Path]:
    out = {}
    for p in sorted(PKG.rglob("*.py")):
        parts = list(p.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = p
    return out


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _resolve(module: str, node: ast.ImportFrom) -> str:
    """The absolute module an ``from ... import`` names."""
    if node.level == 0:
        return node.module or ""
    base = module.split(".") if _is_package(module) else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(module: str) -> list[tuple[str, str | None, int]]:
    """(imported module, imported name or None, line) for every import of smanalysis in ``module``,
    including imports inside functions."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, None, node.lineno) for a in node.names if a.name.split(".")[0] == "smanalysis"]
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, node)
            if target.split(".")[0] != "smanalysis":
                continue
            for a in node.names:
                sub = f"{target}.{a.name}"
                out.append((sub, None, node.lineno) if sub in MODULES else (target, a.name, node.lineno))
    return out


def _graph(top_level_only: bool) -> dict[str, set[str]]:
    """Module -> the smanalysis modules it imports (a package's ``__init__`` counts as the package)."""
    graph = {}
    for m in MODULES:
        if top_level_only:
            tree = ast.parse(MODULES[m].read_text(encoding="utf-8"))
            nodes = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
            deps = set()
            for node in nodes:
                if isinstance(node, ast.Import):
                    deps |= {a.name for a in node.names if a.name in MODULES}
                else:
                    target = _resolve(m, node)
                    for a in node.names:
                        sub = f"{target}.{a.name}"
                        deps.add(sub if sub in MODULES else target)
        else:
            deps = {t for t, _, _ in _imports(m)}
        # importing a.b.c runs a and a.b first (but m's own packages are already being imported)
        deps = {d for d in deps if d in MODULES}
        own = set(_parents(m))
        graph[m] = (deps | {p for d in deps for p in _parents(d) if p not in own}) - {m}
    return graph


def _parents(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(2, len(parts) + 1)]


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10_000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _package_graph() -> dict[str, set[str]]:
    """Between subpackages/modules of smanalysis (``smanalysis.media``, ``smanalysis.words`` ...):
    an edge for every import, at import time or inside a function."""
    def top(name):
        parts = name.split(".")
        return ".".join(parts[:2])

    g: dict[str, set[str]] = {}
    for m, deps in _graph(top_level_only=False).items():
        g.setdefault(top(m), set()).update(top(d) for d in deps if top(d) != top(m) and d != "smanalysis")
    return g


def test_no_import_cycle_between_modules():
    assert _cycles(_graph(top_level_only=False)) == []


def test_no_import_cycle_between_subpackages():
    """Layers import downward only, also from inside functions (io -> layers -> plotting ->
    workflow -> reporting -> cli)."""
    assert _cycles(_package_graph()) == []


def test_ground_floor_imports_nothing_above_it():
    g = _package_graph()
    assert g["smanalysis.words"] <= {"smanalysis._checks"}
    assert g["smanalysis._checks"] == set()


def test_tarjan_finds_a_planted_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


_IMPORT_EACH = """
import importlib, sys, traceback
failed = []
for name in sys.argv[1:]:
    for m in [m for m in sys.modules if m == "smanalysis" or m.startswith("smanalysis.")]:
        del sys.modules[m]
    try:
        importlib.import_module(name)
    except Exception:
        failed.append(name + ": " + traceback.format_exc(limit=-3))
print("\\n".join(failed))
"""


def test_each_module_imports_alone():
    """Each module imported first, in a fresh set of smanalysis modules: no hidden dependence on
    import order (third-party libraries stay loaded, for speed)."""
    names = sorted(m for m in MODULES if m != "smanalysis.__main__")
    res = subprocess.run([sys.executable, "-c", _IMPORT_EACH, *names], capture_output=True, text=True, cwd=ROOT,
                         env={"PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg", "PATH": ""}, timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    assert res.stdout.strip() == "", res.stdout[-4000:]


def test_no_private_name_imported_across_modules():
    """``from .x import _name`` means the code wants a shared module of its own (STYLE)."""
    bad = [f"{m}:{line} imports {name} from {target}" for m in MODULES for target, name, line in _imports(m)
           if name is not None and name.startswith("_") and not name.startswith("__") and target != m]
    assert bad == []


def test_no_module_over_500_lines():
    long = {m: n for m, p in MODULES.items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert {m for m in long if m not in TEMPORARY_LONG} == set(), long
    assert set(TEMPORARY_LONG) <= set(long), "a listed module is short now: remove it from TEMPORARY_LONG"
