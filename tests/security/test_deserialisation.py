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


def test_run_cache_is_a_fresh_private_temp_folder(tmp_path, monkeypatch):
    """The notebooks share a dataset cache in a new mode-700 temporary folder, never under --out;
    a pickle planted in <out>/<slug>/.cache is never looked at."""
    from _clients import TINY, client, fake_papermill

    from smanalysis.reporting.client import CACHE_ENV
    from smanalysis.reporting.runner import run_client

    out = tmp_path / "r"
    (out / "kopi" / ".cache").mkdir(parents=True)
    (out / "kopi" / ".cache" / "dataset-planted.pkl").write_bytes(pickle.dumps(_Evil(tmp_path / "pwned")))
    seen = []
    fake_papermill(monkeypatch, lambda cwd: seen.append(os.environ.get(CACHE_ENV)))
    run_client(client(tmp_path, "kopi"), out=out, notebooks=[TINY, TINY], allow_custom_notebooks=True)
    assert len(seen) == 2 and seen[0] == seen[1] and seen[0]
    cache = seen[0]
    assert str(out.resolve()) not in os.path.realpath(cache)
    assert not os.path.exists(cache)  # removed after the run
    seen2 = []
    fake_papermill(monkeypatch, lambda cwd: seen2.append((os.environ.get(CACHE_ENV), os.stat(os.environ[CACHE_ENV]))))
    run_client(client(tmp_path, "kopi"), out=out, notebooks=[TINY, TINY], allow_custom_notebooks=True)
    assert seen2[0][0] != cache and seen2[0][1].st_mode & 0o077 == 0
    assert not (tmp_path / "pwned").exists()


def test_dataset_cache_in_a_folder_others_can_write_is_ignored(tmp_path, monkeypatch):
    import smanalysis.io
    from smanalysis.reporting import client as client_mod

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setattr(client_mod, "_cache_key", lambda sources, settings: "k")
    (shared / "dataset-k.pkl").write_bytes(pickle.dumps(_Evil(tmp_path / "pwned")))
    monkeypatch.setenv(client_mod.CACHE_ENV, str(shared))
    monkeypatch.setattr(smanalysis.io, "load_dataset", lambda srcs, profile=None: "fresh")
    got = client_mod._load_dataset([], None, {"pseudonymise": False, "salt": "s", "config": "c"})
    assert got == "fresh" and not (tmp_path / "pwned").exists()
