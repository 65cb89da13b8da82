import atexit
import os
import shutil
import tempfile
from pathlib import Path

import matplotlib
import pytest

os.environ.setdefault("MPLBACKEND", "Agg")
# parsed exports are cached per test process in a fresh private folder, never in the user's cache
_PARSE_CACHE = tempfile.mkdtemp(prefix="smanalysis-parse-cache-")
os.environ["SMANALYSIS_PARSE_CACHE"] = _PARSE_CACHE
atexit.register(shutil.rmtree, _PARSE_CACHE, True)
matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def sample_dir():
    return SAMPLE


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
