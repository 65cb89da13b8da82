"""The notebooks shipped inside the package, and a working folder for JupyterLab.

The analyst notebooks (01 fact finding, 02 plan review, 03 execution, 04 evaluation) and the
workshop notebooks live in ``smanalysis/notebooks/`` and are installed with the package (a wheel
carries them), so ``smanalysis report`` works from any folder after ``pip install smanalysis``.
They are found with :mod:`importlib.resources`, never relative to a clone of the repository.

Command line::

    smanalysis notebooks my-analysis        # notebooks + the sample, wired together
    cd my-analysis && jupyter lab           # open 04_evaluation.ipynb and run all

Examples
--------
>>> [p.name for p in notebook_files()][:2]
['01_fact_finding.ipynb', '02_plan_review.ipynb']
>>> import tempfile
>>> written = copy_notebooks(tempfile.mkdtemp(), sample=False)
>>> [p.name for p in written][:1]
['01_fact_finding.ipynb']
"""

from __future__ import annotations

import json
import os
import re
from importlib.resources import files
from pathlib import Path

from .outdir import prepare_output_folder

__all__ = ["notebooks_dir", "notebook_files", "copy_notebooks"]

#: the marker in the shipped notebooks' parameter defaults that points at the sample data
_SAMPLE_MARK = "data/sample/"
#: the default output folder of 04_evaluation in the repository, relative to the notebook
_REPORT_MARK = "reports/kopi-senja"


def notebooks_dir() -> Path:
    """The folder of the notebooks installed with the package (``smanalysis/notebooks``).

    Returns
    -------
    Path
        A real folder: the package is installed as files (wheel or editable), not zipped.

    Examples
    --------
    >>> (notebooks_dir() / "04_evaluation.ipynb").is_file()
    True
    """
    return Path(str(files("smanalysis").joinpath("notebooks")))


def notebook_files() -> list[Path]:
    """Every shipped notebook: the numbered analyst notebooks, then ``workshop/``.

    Returns
    -------
    list of Path

    Examples
    --------
    >>> [p.parent.name for p in notebook_files()][-1]
    'workshop'
    """
    base = notebooks_dir()
    return sorted(base.glob("*.ipynb")) + sorted((base / "workshop").glob("*.ipynb"))


def _rewire(nb: dict, sample_rel: str | None, report_rel: str) -> dict:
    """Point the ``parameters`` cell's sample paths at ``sample_rel`` (a POSIX path relative to
    the notebook) and 04_evaluation's output folder at ``report_rel``."""
    for cell in nb.get("cells", []):
        if "parameters" not in cell.get("metadata", {}).get("tags", []):
            continue
        src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if sample_rel is not None:
            src = re.sub(r'"(?:\.\./)*' + re.escape(_SAMPLE_MARK), lambda m: f'"{sample_rel}/', src)
        src = re.sub(r'"(?:\.\./)*' + re.escape(_REPORT_MARK) + '"', lambda m: f'"{report_rel}"', src)
        cell["source"] = src
    return nb


def copy_notebooks(dest, *, sample: bool = True, overwrite: bool = False) -> list[Path]:
    """Copy the shipped notebooks into ``dest`` for JupyterLab, with the sample wired in.

    ``dest`` gets ``01_fact_finding.ipynb`` .. ``04_evaluation.ipynb``, ``workshop/`` and, with
    ``sample=True``, the sample dataset in ``dest/sample/`` (:func:`smanalysis.sample.write_sample`);
    the notebooks' ``config`` parameter then points at ``sample/client.yaml`` and the evaluation
    notebook writes to ``dest/reports/kopi-senja``. Change ``config`` to your own client's YAML.

    Parameters
    ----------
    dest : str or Path
        Working folder (created if needed).
    sample : bool
        Also write the sample dataset and point the notebooks at it.
    overwrite : bool
        Write into a folder that already holds files, replacing the notebooks (and sample files)
        there (``--force``); by default ``dest`` must be new or empty, so your edits are never
        overwritten silently (:func:`smanalysis.outdir.prepare_output_folder`).

    Returns
    -------
    list of Path
        The notebooks written, then the sample files.

    Raises
    ------
    FileExistsError
        When ``dest`` is not empty and ``overwrite`` is False, or holds a link leading outside it
        (nothing is written).

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = copy_notebooks(d, sample=False)
    >>> copy_notebooks(d, sample=False)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    FileExistsError: ... is not empty; choose an empty or new folder, or pass --force to write into it
    """
    dest = prepare_output_folder(dest, overwrite=overwrite)
    base = notebooks_dir()
    plan = [(src, dest / src.relative_to(base)) for src in notebook_files()]
    written = []
    for src, target in plan:
        target.parent.mkdir(parents=True, exist_ok=True)
        up = os.path.relpath(dest, target.parent).replace(os.sep, "/")
        up = "" if up == "." else up + "/"
        nb = json.loads(src.read_text(encoding="utf-8"))
        nb = _rewire(nb, f"{up}sample" if sample else None, f"{up}{_REPORT_MARK}")
        target.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(target)
    if sample:
        from .sample import write_sample

        written += write_sample(dest / "sample", overwrite=overwrite)
    return written
