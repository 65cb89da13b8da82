"""The command line parses what README and the issues promise."""

import pytest

from smanalysis.cli import build_parser


def test_help_lists_the_three_commands(capsys):
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for cmd in ("load", "sample", "report"):
        assert cmd in out


def test_report_options():
    args = build_parser().parse_args(
        ["report", "a.yaml", "b.yaml", "--out", "o", "--jobs", "2", "--lang", "en", "--period", "2026-10",
         "--notebooks", "all"])
    assert args.configs == ["a.yaml", "b.yaml"]
    assert (args.out, args.jobs, args.lang, args.period, args.notebooks) == ("o", 2, "en", "2026-10", "all")


def test_report_rejects_unknown_language(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["report", "a.yaml", "--lang", "fr"])
    assert "invalid choice" in capsys.readouterr().err


def test_the_command_leaves_after_its_threads_exit_handlers_and_output(tmp_path):
    """cli.run ends the process without the interpreter's teardown, but only after what an exit
    must do: a thread that is not a daemon finished, the atexit handlers run, stdout flushed."""
    import subprocess
    import sys

    f = tmp_path / "followers.csv"
    f.write_text("date,platform,account,followers\n2026-10-01,instagram,kopisenja.id,1200\n", encoding="utf-8")
    code = ("import atexit, sys, threading, time\n"
            "from smanalysis import cli\n"
            "atexit.register(print, 'exit handler ran')\n"
            "def store():\n"
            "    time.sleep(0.5)\n"
            "    open(sys.argv[1], 'w').write('stored')\n"
            "threading.Thread(target=store).start()\n"
            "cli.run(['load', sys.argv[2]])\n"
            "print('not reached')\n")
    res = subprocess.run([sys.executable, "-c", code, str(tmp_path / "mark"), str(f)], capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    # the load report first (a pipe: block-buffered until flushed), then the exit handler's line
    assert "format: canonical_followers -> tabel followers" in res.stdout
    assert res.stdout.rstrip().endswith("exit handler ran") and "not reached" not in res.stdout
    assert (tmp_path / "mark").read_text() == "stored"


def test_python_m_smanalysis_gives_main_s_exit_status(tmp_path):
    import subprocess
    import sys

    res = subprocess.run([sys.executable, "-m", "smanalysis", "load", str(tmp_path / "nope.csv")],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 1 and "no such file" in res.stderr
