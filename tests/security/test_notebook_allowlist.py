"""Issue 13 item 4: a config can name only the bundled notebooks, by name."""

import nbformat
import pytest

from smanalysis.reporting.runner import ALL_NOTEBOOKS, resolve_notebooks, run_client

from _clients import client


def _evil(path, marker):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(f"open({str(marker)!r}, 'w').write('pwned')")]
    nbformat.write(nb, str(path))
    return path


@pytest.mark.parametrize("where", ["absolute", "relative"])
def test_config_naming_a_notebook_file_is_refused(tmp_path, where):
    marker = tmp_path / "pwned"
    data = tmp_path / "configs" / "exports"
    data.mkdir(parents=True)
    evil = _evil(data / "evil.ipynb", marker)
    name = str(evil) if where == "absolute" else "exports/evil.ipynb"
    cfg = client(tmp_path, "kopi", f"notebooks: [{name!r}]\n")
    with pytest.raises(ValueError, match=r"not a bundled notebook.*--allow-custom-notebooks"):
        run_client(cfg, out=tmp_path / "r")
    assert not marker.exists()


@pytest.mark.parametrize("name", ["../notebooks/04_evaluation", "04_evaluation.ipynb/..", "*", "0*", "",
                                  "04_evaluation; rm"])
def test_only_plain_bundled_names(name):
    with pytest.raises((ValueError, FileNotFoundError)):
        resolve_notebooks([name])


def test_bundled_names_and_all_resolve():
    paths = resolve_notebooks("all")
    assert [p.stem for p in paths] == list(ALL_NOTEBOOKS)
    assert resolve_notebooks(["04_evaluation"])[0].name == "04_evaluation.ipynb"
    assert resolve_notebooks(["04"])[0].name == "04_evaluation.ipynb"


def test_custom_notebooks_need_the_explicit_switch(tmp_path):
    marker = tmp_path / "ran"
    nb = _evil(tmp_path / "mine.ipynb", marker)
    with pytest.raises(ValueError, match="not a bundled notebook"):
        resolve_notebooks([str(nb)])
    assert resolve_notebooks([str(nb)], allow_custom=True) == [nb]
    # relative custom paths in a config are relative to the config, never the working directory
    assert resolve_notebooks(["mine.ipynb"], allow_custom=True, base=tmp_path) == [nb]
