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
