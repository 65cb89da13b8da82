"""Reading the YAML files users write (profile, client config, codebook) with errors that say where."""

from __future__ import annotations

from pathlib import Path

import yaml

from .exceptions import SchemaError


#: largest YAML file read (configs, profiles and codebooks are a few KB)
YAML_MAX_BYTES = 1024 * 1024
#: most aliases (``*name``) a YAML file may use
YAML_MAX_ALIASES = 20


def read_yaml(path: str | Path):
    """Parse a YAML file (UTF-8, BOM allowed).

    Raises
    ------
    SchemaError
        When the YAML does not parse (the message names the file, the line and the column), is
        larger than :data:`YAML_MAX_BYTES` or uses more than :data:`YAML_MAX_ALIASES` aliases.

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
    if path.stat().st_size > YAML_MAX_BYTES:
        raise SchemaError(f"{path.name}: the file is larger than {YAML_MAX_BYTES // 1024} KB; a config, profile "
                          "or codebook is far smaller (refused to keep memory safe)")
    try:
        text = path.read_text(encoding="utf-8-sig")
        aliases = sum(isinstance(ev, yaml.AliasEvent) for ev in yaml.parse(text, Loader=yaml.SafeLoader))
        if aliases > YAML_MAX_ALIASES:
            raise SchemaError(f"{path.name}: the YAML uses {aliases} aliases (*name), more than "
                              f"{YAML_MAX_ALIASES}; refused (an alias bomb can exhaust memory)")
        return yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}:" if mark else ""
        raise SchemaError(f"{path.name}:{where} not valid YAML ({getattr(err, 'problem', None) or err})") from err
