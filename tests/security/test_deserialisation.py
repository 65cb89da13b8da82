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
