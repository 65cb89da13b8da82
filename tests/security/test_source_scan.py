"""Issue 13 items 3 and 5, for the whole package: no code path can turn data into code
(pickle, marshal, shelve, eval/exec, unsafe YAML, pickled NumPy/pandas files), and every CSV/XLSX
goes through the one people-facing writer (smanalysis.spreadsheet.write_table).

The scan reads the source (every module and the code cells of every shipped notebook) with
``ast``, so new code on any branch is held to the same rule."""

import ast
import json
from pathlib import Path

import pytest

import smanalysis

PKG = Path(smanalysis.__file__).resolve().parent

#: modules that (de)serialise Python objects: loading their files runs code
UNSAFE_MODULES = {"pickle", "_pickle", "cPickle", "marshal", "shelve", "dill", "cloudpickle", "joblib", "copyreg"}
#: builtins that run text as code
UNSAFE_BUILTINS = {"eval", "exec", "compile", "__import__"}
#: methods that read or write pickles, or load YAML with arbitrary Python tags
UNSAFE_METHODS = {"read_pickle", "to_pickle", "unsafe_load", "full_load", "unsafe_load_all", "full_load_all"}
#: writers of spreadsheet files; only smanalysis.spreadsheet may call them (io/writers*.py write
#: byte-exact replicas of platform exports for the sample and the reader tests, not files for people)
SHEET_METHODS = {"to_csv", "to_excel", "ExcelWriter", "writer", "DictWriter", "Workbook"}
SHEET_ALLOWED = {"spreadsheet.py"}


def _sources():
    for p in sorted(PKG.rglob("*.py")):
        yield p, p.read_text(encoding="utf-8")
    for p in sorted(PKG.rglob("*.ipynb")):
        nb = json.loads(p.read_text(encoding="utf-8"))
        code = []
        for cell in nb.get("cells", []):
            if cell.get("cell_type") == "code":
                src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                code.append("\n".join(line for line in src.splitlines() if not line.lstrip().startswith(("%", "!"))))
        yield p, "\n".join(code)


def _name(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def unsafe_uses(tree: ast.AST) -> list[str]:
    """Where ``tree`` imports or calls something that turns data into code."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if a.name.split(".")[0] in UNSAFE_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in UNSAFE_MODULES:
            found.append(f"from {node.module} import")
        elif isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name) and f.id in UNSAFE_BUILTINS:
                found.append(f"{f.id}()")
            elif isinstance(f, ast.Attribute) and f.attr in UNSAFE_METHODS:
                found.append(f".{f.attr}()")
            elif isinstance(f, ast.Attribute) and f.attr in ("load", "load_all") and _name(f.value) == "yaml":
                loader = next((k.value for k in node.keywords if k.arg == "Loader"), None)
                if loader is None or "Safe" not in (_name(loader) or ""):
                    found.append("yaml.load() without a SafeLoader")
            for k in node.keywords:
                if k.arg == "allow_pickle" and not (isinstance(k.value, ast.Constant) and k.value.value is False):
                    found.append("allow_pickle=")
    return found


def sheet_writes(tree: ast.AST) -> list[str]:
    """Calls that write a CSV/XLSX file directly instead of through write_table."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in SHEET_METHODS:
            f = node.func
            if _name(f) in ("writer", "DictWriter") and not (isinstance(f, ast.Attribute) and _name(f.value) == "csv"):
                continue  # some other .writer()
            if _name(f) == "to_csv" and not node.args and not any(k.arg == "path_or_buf" for k in node.keywords):
                continue  # to_csv() with no target returns a string
            found.append(f".{_name(f)}() line {node.lineno}")
    return found


@pytest.mark.parametrize("snippet, hit", [
    ("import pickle\npickle.load(open('x', 'rb'))", "import pickle"),
    ("from marshal import loads", "from marshal import"),
    ("import shelve", "import shelve"),
    ("x = eval(text)", "eval()"),
    ("exec(code)", "exec()"),
    ("df = pd.read_pickle(p)", ".read_pickle()"),
    ("yaml.load(fh)", "yaml.load() without a SafeLoader"),
    ("yaml.load(fh, Loader=yaml.Loader)", "yaml.load() without a SafeLoader"),
    ("np.load(p, allow_pickle=True)", "allow_pickle="),
])
def test_the_scan_finds_each_unsafe_use(snippet, hit):
    assert hit in unsafe_uses(ast.parse(snippet))


def test_the_scan_lets_safe_code_pass():
    ok = "yaml.load(fh, Loader=yaml.SafeLoader)\nyaml.safe_load(fh)\nre.compile('x')\nnp.load(p)\njson.loads(t)"
    assert unsafe_uses(ast.parse(ok)) == []
    assert sheet_writes(ast.parse("df.to_csv(p, index=False)\ncsv.writer(fh)")) != []
    assert sheet_writes(ast.parse("s = df.to_csv(index=False)")) == []


def test_no_code_from_data_anywhere_in_the_package():
    bad = {}
    for path, src in _sources():
        hits = unsafe_uses(ast.parse(src, filename=str(path)))
        if hits:
            bad[str(path.relative_to(PKG))] = hits
    assert bad == {}


def test_every_spreadsheet_file_goes_through_the_one_writer():
    bad = {}
    for path, src in _sources():
        rel = path.relative_to(PKG)
        if rel.name in SHEET_ALLOWED or (rel.parts[0] == "io" and rel.name.startswith("writers")):
            continue
        hits = sheet_writes(ast.parse(src, filename=str(path)))
        if hits:
            bad[str(rel)] = hits
    assert bad == {}
