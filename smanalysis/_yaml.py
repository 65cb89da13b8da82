"""Reading the YAML files users write (profile, client config, codebook) with errors that say where."""

from __future__ import annotations

from pathlib import Path

import yaml

from .exceptions import SchemaError


def read_yaml(path: str | Path):
    """Parse a YAML file (UTF-8, BOM allowed).

    Raises
    ------
    SchemaError
        When the YAML does not parse: the message names the file, the line and the column.

    Examples
    --------
    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "bad.yaml")
    >>> _ = open(p, "w").write("a: [1, 2")
    >>> read_yaml(p)
    Traceback (most recent call last):
    ...
    smanalysis.exceptions.SchemaError: bad.yaml: line 1, column 9: not valid YAML (expected ',' or ']', but got '<stream end>')
    """
    path = Path(path)
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}:" if mark else ""
        raise SchemaError(f"{path.name}:{where} not valid YAML ({getattr(err, 'problem', None) or err})") from err
