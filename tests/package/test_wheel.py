"""The wheel carries everything a `pip install` user needs: built from a copy of the source,
installed into a fresh virtual environment, then `smanalysis sample` + `smanalysis report` (and
`smanalysis notebooks`) run from a temporary folder outside the repository.

To stay fast the fresh environment borrows this interpreter's installed dependencies (a ``.pth``
line naming its site-packages, which does not run that folder's own ``.pth`` files, so an
editable install of smanalysis there stays invisible, and ``JUPYTER_PATH`` naming its
nbconvert templates); smanalysis itself comes only from the wheel, and the test checks that. Set ``SMANALYSIS_WHEEL_DEPS=1`` to let pip install the
dependencies too (from PyPI or pip's cache).
"""

import csv
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(cmd, cwd, env, timeout=900):
    res = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert res.returncode == 0, f"{cmd}\n{res.stdout[-3000:]}\n{res.stderr[-3000:]}"
    return res.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"   # a copy: an in-tree build/ folder could leak stale files into the wheel
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(ROOT / "smanalysis", src / "smanalysis",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints"))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"), str(src)], tmp, env)
    wheel = next((tmp / "dist").glob("smanalysis-*.whl"))
    venv = tmp / "venv"
    full = os.environ.get("SMANALYSIS_WHEEL_DEPS") == "1"
    subprocess.run([sys.executable, "-m", "venv", *([] if full else ["--without-pip"]), str(venv)], check=True)
    py = venv / "bin" / "python"
    if not full:
        site = Path(_run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp, env).strip())
        parents = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
        (site / "_borrowed_deps.pth").write_text("".join(f"{p}\n" for p in sorted(parents)), encoding="utf-8")
        env["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")  # nbconvert's templates
    _run([str(py), "-m", "pip", "install", "-q", *([] if full else ["--no-deps", "--no-index"]), str(wheel)], tmp, env)
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    work = tmp / "work"
    work.mkdir()
    return {"wheel": wheel, "venv": venv, "py": py, "env": env, "work": work}


@pytest.mark.slow
def test_wheel_contains_notebooks_and_data(installed):
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    for nb in ("01_fact_finding", "02_plan_review", "03_execution", "04_evaluation"):
        assert f"smanalysis/notebooks/{nb}.ipynb" in names
    assert "smanalysis/notebooks/workshop/03_baca_data_anda.ipynb" in names
    assert "smanalysis/templates/report.html.j2" in names
    assert "smanalysis/data/lexicon_id.tsv" in names


@pytest.mark.slow
def test_installed_package_is_the_wheel(installed):
    where = _run([str(installed["py"]), "-c", "import smanalysis; print(smanalysis.__file__)"],
                 installed["work"], installed["env"]).strip()
    assert Path(where).is_relative_to(installed["venv"]) and not Path(where).is_relative_to(ROOT)


@pytest.mark.slow
def test_report_from_a_folder_outside_the_repository(installed):
    work, env = installed["work"], installed["env"]
    exe = str(installed["venv"] / "bin" / "smanalysis")
    _run([exe, "sample", "--out", "sample"], work, env)
    out = _run([exe, "report", "sample/client.yaml", "--out", "reports"], work, env)
    assert "1/1 ok" in out
    with open(work / "reports" / "summary.csv", encoding="utf-8") as fh:
        assert [r["status"] for r in csv.DictReader(fh)] == ["ok"]
    client = work / "reports" / "kopi-senja"
    assert (client / "report.html").stat().st_size > 50_000
    assert (client / "metrics.json").is_file() and (client / "next_plan.csv").is_file()
    assert str(ROOT) not in (client / "report.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_notebooks_command_from_the_wheel(installed):
    work, env = installed["work"], installed["env"]
    _run([str(installed["venv"] / "bin" / "smanalysis"), "notebooks", "lab", "--no-sample"], work, env)
    assert (work / "lab" / "04_evaluation.ipynb").is_file()
    assert (work / "lab" / "workshop" / "02_rencana_konten.ipynb").is_file()
