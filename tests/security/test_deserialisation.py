"""Issue 13 item 5: loading a model file or a run cache never runs code from the file."""

import json
import os
import pickle
import zipfile

import pytest

from smanalysis.conversation.model import SentimentModel
from smanalysis.exceptions import SMAnalysisWarning

TEXTS = ["enak banget", "mantap kak", "suka sekali", "kecewa berat", "zonk", "lama banget",
         "jam buka kapan?", "alamatnya di mana?", "ada menu baru?"]
LABELS = ["positive"] * 3 + ["negative"] * 3 + ["neutral"] * 3


@pytest.fixture(scope="module")
def model():
    return SentimentModel().fit(TEXTS, LABELS)


class _Evil:
    """A pickle payload: unpickling it creates a marker file (stands in for os.system)."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_planted_pickle_is_refused_without_running(tmp_path):
    marker = tmp_path / "pwned"
    planted = tmp_path / "model.skops"
    planted.write_bytes(pickle.dumps({"format": 1, "kind": "SentimentModel", "model": _Evil(marker)}))
    with pytest.raises(ValueError, match="not a saved SentimentModel"):
        SentimentModel.load(planted)
    assert not marker.exists(), "loading a model file ran code from it"


def _container(tmp_path, payload: bytes, meta: dict, name="m.smmodel"):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("smanalysis-model.json", json.dumps(meta))
        z.writestr("model.skops", payload)
    return path


def test_untrusted_types_inside_a_model_file_are_refused(tmp_path, model):
    import skops.io as sio

    payload = sio.dumps({"model": model, "hook": os.system})
    meta = {"kind": "SentimentModel", "format": 2, "smanalysis": "0"}
    path = _container(tmp_path, payload, meta)
    with pytest.raises(ValueError, match=r"untrusted types.*(posix|os)\.system"):
        SentimentModel.load(path)


def test_wrong_kind_and_newer_format_are_checked_before_loading(tmp_path, model):
    wrong = _container(tmp_path, b"", {"kind": "Something", "format": 2}, "w.smmodel")
    with pytest.raises(ValueError, match="not a saved SentimentModel"):
        SentimentModel.load(wrong)
    newer = _container(tmp_path, b"", {"kind": "SentimentModel", "format": 99, "smanalysis": "9"}, "n.smmodel")
    with pytest.raises(ValueError, match="has format 99, newer than this smanalysis reads"):
        SentimentModel.load(newer)


def test_a_file_holding_another_object_is_refused(tmp_path):
    import skops.io as sio

    path = _container(tmp_path, sio.dumps({"a": 1}), {"kind": "SentimentModel", "format": 2, "smanalysis": "0"})
    with pytest.raises(ValueError, match="holds a dict, not a SentimentModel"):
        SentimentModel.load(path)


def test_round_trip_and_version_warning(tmp_path, model):
    path = model.save(tmp_path / "m.smmodel")
    with zipfile.ZipFile(path) as z:
        assert "model.skops" in z.namelist()
        meta = json.loads(z.read("smanalysis-model.json"))
    assert meta["kind"] == "SentimentModel" and meta["format"] == 2
    loaded = SentimentModel.load(path)
    assert loaded.predict(["enak, mantap", "kecewa, zonk"]).tolist() == ["positive", "negative"]
    # the same file claiming another smanalysis version loads with a warning
    with zipfile.ZipFile(path) as z:
        payload = z.read("model.skops")
    old = _container(tmp_path, payload, {**meta, "smanalysis": "0.0.1"}, "old.smmodel")
    with pytest.warns(SMAnalysisWarning, match="saved by smanalysis 0.0.1"):
        SentimentModel.load(old)


def test_run_folder_is_a_fresh_private_temp_folder(tmp_path, monkeypatch):
    """Each run's scratch folder is new, mode 700 and outside --out; a pickle planted in
    <out>/<slug>/.cache is never looked at."""
    from _clients import TINY, client, fake_papermill

    from smanalysis.reporting import folders
    from smanalysis.reporting.runner import run_client

    made = []
    real = folders.tempfile.mkdtemp

    def spy(*a, **k):
        made.append(real(*a, **k))
        return made[-1]

    monkeypatch.setattr(folders.tempfile, "mkdtemp", spy)
    out = tmp_path / "r"
    (out / "kopi" / ".cache").mkdir(parents=True)
    (out / "kopi" / "report.html").write_text("an earlier report", encoding="utf-8")
    (out / "kopi" / ".cache" / "dataset-planted.pkl").write_bytes(pickle.dumps(_Evil(tmp_path / "pwned")))
    modes = []
    fake_papermill(monkeypatch, lambda cwd: modes.append([os.stat(m).st_mode & 0o777 for m in made
                                                       if "smanalysis-run-" in m and os.path.exists(m)]))
    run_client(client(tmp_path, "kopi"), out=out, notebooks=[TINY, TINY], allow_custom_notebooks=True)
    scratch = [m for m in made if "smanalysis-run-" in m]
    assert len(scratch) == 1 and str(out.resolve()) not in os.path.realpath(scratch[0])
    assert modes and all(m == [0o700] for m in modes[:2]) and not os.path.exists(scratch[0])  # private, removed after
    run_client(client(tmp_path, "kopi"), out=out, notebooks=[TINY, TINY], allow_custom_notebooks=True)
    assert len([m for m in made if "smanalysis-run-" in m]) == 2  # a fresh one per run
    assert not (tmp_path / "pwned").exists()


def test_loading_a_client_twice_never_unpickles(tmp_path, monkeypatch):
    """The notebooks of a run share parsed exports through the Parquet parse cache (data only):
    loading a client, cold and warm, calls no unpickler at all."""
    import pickle as pk
    import shutil
    from pathlib import Path

    from smanalysis.reporting.client import load_client

    def boom(*a, **k):
        raise AssertionError("an unpickler was called")

    for name in ("load", "loads", "Unpickler"):
        monkeypatch.setattr(pk, name, boom)
    monkeypatch.setenv("SMANALYSIS_PARSE_CACHE", str(tmp_path / "parse-cache"))
    sample = Path(__file__).resolve().parents[2] / "data" / "sample"
    for f in ("client.yaml", "profile.yaml", "codebook.yaml"):
        shutil.copy(sample / f, tmp_path / f)
    shutil.copytree(sample / "exports", tmp_path / "exports")
    shutil.copy(sample / "content_plan.csv", tmp_path / "content_plan.csv")
    first = load_client(tmp_path / "client.yaml")[1]
    again = load_client(tmp_path / "client.yaml")[1]
    assert len(first.posts) == len(again.posts) > 100
    assert any((tmp_path / "parse-cache").rglob("*.parquet"))
