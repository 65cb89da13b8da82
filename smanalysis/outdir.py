"""Output folders the user names (``smanalysis sample --out DIR``, ``smanalysis notebooks DIR``).

A command that writes many files into a folder the user named never mixes them into a folder that
already holds something else, and never writes through a symbolic link that leads out of it:
:func:`prepare_output_folder` refuses a file, a non-empty folder (unless ``overwrite``, the
``--force`` of the command line) and, when overwriting, any link inside the folder that points
outside it. The report's client folders have their own rule
(:mod:`smanalysis.reporting.folders`).

Examples
--------
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> prepare_output_folder(d / "new") == d / "new"
True
>>> _ = (d / "new" / "mine.txt").write_text("x")
>>> prepare_output_folder(d / "new")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
FileExistsError: .../new is not empty; choose an empty or new folder, or pass --force to write into it
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["prepare_output_folder", "links_leading_out"]


def links_leading_out(folder: str | Path) -> list[Path]:
    """Symbolic links under ``folder`` (not followed) whose target lies outside it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> (d / "x").symlink_to("/etc/hostname")
    >>> [p.name for p in links_leading_out(d)]
    ['x']
    """
    base = Path(folder).resolve()
    found = []
    for root, dirs, files in os.walk(base, followlinks=False):
        for name in [*dirs, *files]:
            p = Path(root) / name
            if p.is_symlink():
                target = p.resolve()
                if target != base and base not in target.parents:
                    found.append(p)
    return sorted(found)


def prepare_output_folder(folder: str | Path, *, overwrite: bool = False) -> Path:
    """Create ``folder`` if needed and check that a command may write its files there.

    Parameters
    ----------
    folder : str or Path
        The folder the user named.
    overwrite : bool, default False
        Also accept a folder that already holds files (``--force``); the command then replaces
        its own files there and leaves the others.

    Returns
    -------
    Path
        ``folder``.

    Raises
    ------
    NotADirectoryError
        When ``folder`` is a file.
    FileExistsError
        When ``folder`` is not empty and ``overwrite`` is False, or when it holds a symbolic
        link that leads outside it (a write through it would land elsewhere).
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(f"{folder} is a file, not a folder")
    if folder.is_dir() and any(folder.iterdir()):
        if not overwrite:
            raise FileExistsError(f"{folder} is not empty; choose an empty or new folder, or pass --force to "
                                  "write into it")
        out = links_leading_out(folder)
        if out:
            raise FileExistsError(f"{folder} holds a link that leads outside it ({out[0].relative_to(folder.resolve())}); "
                                  "refusing to write through it")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
