"""Workshop forms: YAML files with Indonesian keys that owners fill in, read by the library.

Owners never edit Python: they open ``profil_usaha.yaml``, ``jawaban_fase.yaml`` or ``rencana_saya.yaml`` (the templates
ship with smanalysis; :func:`copy_form` puts a copy where they can edit it), change the answers,
save, and run the notebook again. :func:`read_profile_form`, :func:`read_phase_form` and :func:`read_plan_form` turn
the Indonesian keys into the library's own (the profile of :mod:`smanalysis.profile`, the answers
of :func:`~smanalysis.factfinding.phase_assessment`); a wrong key or value gives an error in plain
Indonesian naming the file, the key and what is allowed.

Examples
--------
>>> form_to_profile({"nama_usaha": "Batik Laras", "model_bisnis": "B2C", "tujuan": "reputasi",
...                  "akun_sendiri": {"instagram": "batiklaras"}})["goal"]
'reputation'
>>> form_to_answers({"paham_pentingnya": "ya", "punya_tim": "tidak"})
{'know_why': 'ya', 'has_team': 'tidak'}
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path
from typing import Any

from .._yaml import read_yaml
from ..exceptions import SchemaError

__all__ = ["FORMS", "form_path", "copy_form", "form_to_profile", "form_to_answers", "form_to_plan",
           "read_profile_form", "read_phase_form", "read_plan_form", "friendly_warnings", "plain_note"]

#: the forms shipped with smanalysis
FORMS = ("profil_usaha", "jawaban_fase", "rencana_saya")

_PROFILE_KEYS = {"nama_usaha": "business_name", "bidang_usaha": "sector", "model_bisnis": "business_model",
                 "tujuan": "goal", "audiens": "audience", "platform": "platforms", "akun_sendiri": "own_accounts",
                 "pesaing": "competitors", "gaya_bahasa": "tone", "target": "kpi_targets", "zona_waktu": "timezone",
                 "situs_web": "website"}
_AUDIENCE_KEYS = {"umur_min": "age_min", "umur_maks": "age_max", "jenis_kelamin": "gender", "lokasi": "locations",
                  "minat": "interests"}
_TONE_KEYS = {"ragam": "register", "sapaan": "address", "emoji": "emoji"}
_TARGET_KEYS = {"sentimen_bersih": "net_sentiment", "tingkat_respons": "response_rate",
                "er_jangkauan": "er_reach", "pertumbuhan_pengikut": "follower_growth_monthly",
                "menit_respons": "median_response_minutes", "share_of_voice": "share_of_voice"}
_VALUES = {"goal": {"reputasi": "reputation", "promosi": "promotion"},
           "gender": {"semua": "all", "perempuan": "female", "laki-laki": "male"},
           "register": {"santai": "casual", "formal": "formal"}}
_PHASE_KEYS = {"paham_pentingnya": "know_why", "bukan_hanya_iklan": "not_only_ads",
               "tahu_langkah_teknis": "has_guideline", "punya_rencana": "has_plan",
               "menjalankan_sendiri": "runs_alone", "kurang_waktu": "lacks_time", "punya_tim": "has_team"}
_PLAN_KEYS = {"tanggal": "date", "platform": "platform", "tema": "theme", "jenis_konten": "content_type",
              "caption": "caption", "aset": "asset", "tagar": "hashtags", "sumber": "source", "jam": "time"}
_CONTENT_TYPES = {"promosi": "promo", "promo": "promo", "edukasi": "education", "hiburan": "entertainment",
                  "ajakan_interaksi": "engagement", "ajakan interaksi": "engagement", "inspirasi": "inspiration",
                  "berita": "news", "info": "news", "lainnya": "other"}
_YES_NO = {"ya": True, "tidak": False, "yes": True, "no": False, True: True, False: False}


def _rename(d: dict, keys: dict, where: str, source: str) -> dict:
    if not isinstance(d, dict):
        raise SchemaError(f"{source}: '{where}' harus berisi daftar isian (kunci: nilai), bukan {d!r}")
    bad = [k for k in d if k not in keys]
    if bad:
        raise SchemaError(f"{source}: kunci {bad} di '{where}' tidak dikenal; yang bisa dipakai: {sorted(keys)}")
    return {keys[k]: v for k, v in d.items()}


def _value(field: str, v, source: str):
    table = _VALUES.get(field)
    if table is None or not isinstance(v, str):
        return v
    if v.strip().lower() in table:
        return table[v.strip().lower()]
    if v in table.values():
        return v
    raise SchemaError(f"{source}: isian '{v}' untuk '{field}' tidak dikenal; pilih salah satu: {sorted(table)}")


def form_to_profile(form: dict[str, Any], *, source: str = "profil_usaha.yaml") -> dict[str, Any]:
    """The profile mapping (English keys of :class:`~smanalysis.profile.Profile`) of a filled
    ``profil_usaha`` form (Indonesian keys and values)."""
    p = _rename(form or {}, _PROFILE_KEYS, "profil", source)
    if "goal" in p:
        p["goal"] = _value("goal", p["goal"], source)
    if "audience" in p:
        a = _rename(p["audience"], _AUDIENCE_KEYS, "audiens", source)
        if "gender" in a:
            a["gender"] = _value("gender", a["gender"], source)
        p["audience"] = a
    if "tone" in p:
        t = _rename(p["tone"], _TONE_KEYS, "gaya_bahasa", source)
        if "register" in t:
            t["register"] = _value("register", t["register"], source)
        if "emoji" in t:
            t["emoji"] = _YES_NO.get(str(t["emoji"]).lower() if not isinstance(t["emoji"], bool) else t["emoji"],
                                     t["emoji"])
        p["tone"] = t
    if "kpi_targets" in p:
        p["kpi_targets"] = _rename(p["kpi_targets"], _TARGET_KEYS, "target", source)
    return p


def form_to_answers(form: dict[str, Any], *, source: str = "jawaban_fase.yaml") -> dict[str, Any]:
    """The answers of :func:`~smanalysis.factfinding.phase_assessment` of a filled ``jawaban_fase`` form."""
    return _rename(form or {}, _PHASE_KEYS, "jawaban", source)


def form_to_plan(form, *, source: str = "rencana_saya.yaml"):
    """The content plan (columns of the ``content_plan`` table) of a filled ``rencana_saya`` form: a
    list of rows with Indonesian keys; ``jenis_konten`` in Indonesian words.

    >>> form_to_plan([{"tanggal": "2026-11-02", "platform": "instagram", "jenis_konten": "edukasi"}]).iloc[0].tolist()
    [Timestamp('2026-11-02 00:00:00'), 'instagram', 'education']
    """
    import pandas as pd

    if not isinstance(form, list) or not all(isinstance(r, dict) for r in form):
        raise SchemaError(f"{source}: isinya harus daftar baris rencana (setiap baris diawali tanda '-'), "
                          f"bukan {type(form).__name__}")
    rows = [_rename(r, _PLAN_KEYS, f"baris {i}", source) for i, r in enumerate(form, start=1)]
    for i, r in enumerate(rows, start=1):
        ct = r.get("content_type")
        if ct is not None and str(ct).strip().lower() not in _CONTENT_TYPES:
            raise SchemaError(f"{source}: baris {i}: jenis_konten '{ct}' tidak dikenal; pilih salah satu: "
                              f"{sorted(_CONTENT_TYPES)}")
        if ct is not None:
            r["content_type"] = _CONTENT_TYPES[str(ct).strip().lower()]
    out = pd.DataFrame(rows)
    if "date" in out:
        dates = pd.to_datetime(out["date"].astype(str), errors="coerce", format="%Y-%m-%d")
        bad = out["date"].notna() & dates.isna()
        if bad.any():
            i = int(bad.to_numpy().argmax()) + 1
            raise SchemaError(f"{source}: baris {i}: tanggal '{out['date'][bad].iloc[0]}' tidak terbaca; "
                              "tulis TTTT-BB-HH, misalnya 2026-11-02")
        out["date"] = dates
    return out


def form_path(name: str) -> Path:
    """Path of a form template shipped with smanalysis (one of :data:`FORMS`)."""
    if name not in FORMS:
        raise ValueError(f"The value for `name` must be one of {list(FORMS)}, but {name!r} was passed.")
    return Path(str(resources.files("smanalysis") / "data" / "workshop" / f"{name}.yaml"))


def copy_form(name: str, folder) -> Path:
    """Copy a form template into ``folder`` for the owner to fill in (an existing copy is kept)."""
    target = Path(folder) / f"{name}.yaml"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(form_path(name), target)
    return target


def read_profile_form(path=None) -> dict[str, Any]:
    """Read a filled ``profil_usaha`` YAML (default: the shipped example) as a profile mapping."""
    path = Path(path) if path else form_path("profil_usaha")
    return form_to_profile(read_yaml(path), source=path.name)


def read_plan_form(path=None):
    """Read a filled ``rencana_saya`` YAML (default: the shipped example) as a content plan table."""
    path = Path(path) if path else form_path("rencana_saya")
    return form_to_plan(read_yaml(path), source=path.name)


def read_phase_form(path=None) -> dict[str, Any]:
    """Read a filled ``jawaban_fase`` YAML (default: the shipped example) as phase answers."""
    path = Path(path) if path else form_path("jawaban_fase")
    return form_to_answers(read_yaml(path), source=path.name)


#: the library's warnings an owner meets in the workshops, in plain words: pattern -> words key
_NOTES = ((r"(\d+) duplicate row", "note.duplicates"), (r"rejected|could not be (?:read|used)", "note.rejects"),
          (r"no comments|no comment data", "note.no_comments"))


def plain_note(message: str, lang: str = "id") -> str:
    """A library warning as one plain sentence for an owner; one the workshops do not expect keeps
    its text after a short lead-in (it is meant for the analyst).

    >>> plain_note("load_dataset: 1 duplicate row(s) resolved; see Dataset.duplicates", "id")
    'Ada 1 baris ganda di data; baris itu dihitung sekali saja.'
    >>> plain_note("something odd", "id")
    'untuk analis: something odd'
    """
    import re

    from ..words import text

    for pattern, key in _NOTES:
        m = re.search(pattern, message, re.I)
        if m:
            return text(key, lang, n=m.group(1) if m.groups() else "")
    return text("note.other", lang, message=message)


def friendly_warnings(lang: str = "id") -> None:
    """Show the library's warnings in a notebook as one short note ("Catatan: ...") instead of a
    red box with a file path and line number."""
    import warnings

    word = "Catatan" if lang == "id" else "Note"

    def _show(message, category, filename, lineno, file=None, line=None):  # noqa: ARG001 - warnings' signature
        print(f"{word}: {plain_note(str(message), lang)}")

    warnings.showwarning = _show
