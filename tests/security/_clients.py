"""Small client configs for the security tests (the tiny test notebook reads only its config)."""

import shutil
from pathlib import Path

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "workflow"
TINY = str(FIX / "tiny_report.ipynb")


def client(tmp_path, slug, extra="", *, name=None):
    d = tmp_path / "configs"
    d.mkdir(exist_ok=True)
    shutil.copy(FIX / "tiny_profile.yaml", d / "tiny_profile.yaml")
    p = d / f"{name or slug.replace('/', '_').replace('.', '_') or 'empty'}.yaml"
    slug_line = f"slug: {slug!r}\n" if slug is not None else ""
    p.write_text(f"client: Toko X\n{slug_line}profile: tiny_profile.yaml\ndata: [tiny_profile.yaml]\n"
                 f"period: {{start: 2026-10-01, end: 2026-10-31}}\n{extra}", encoding="utf-8")
    return p


def fake_papermill(monkeypatch, action=None):
    """Replace papermill's execute_notebook by a quick fake: it runs ``action(cwd)`` (which may
    write files or raise) and writes an empty executed notebook."""
    import nbformat
    import papermill

    calls = []

    def fake(input_path, output_path, *, parameters=None, cwd=None, **kw):
        calls.append({"cwd": cwd, "parameters": parameters})
        if action is not None:
            action(Path(cwd))
        nb = nbformat.v4.new_notebook()
        nb.metadata["papermill"] = {"parameters": parameters or {}, "input_path": input_path}
        nbformat.write(nb, output_path)
        return nb

    monkeypatch.setattr(papermill, "execute_notebook", fake)
    return calls
