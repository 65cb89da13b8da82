"""Sections built ahead in a forked child (smanalysis.reporting.ahead): the same report, or the
kernel builds them itself.

Each case builds the evaluation's sections on the bundled sample twice, with the child and without
(``SMANALYSIS_AHEAD=1``/``0``), and compares what the notebook shows (every block as displayed),
the metric names in definition order, the problems and ``metrics.json``: the child's work must
be indistinguishable from the kernel's. Then the child is made to die, stall or fail, and the
context is changed after the fork: the kernel builds the sections itself, with the same output.
"""

import logging
import os
import sys

import numpy as np
import pandas as pd
import pytest

from smanalysis.reporting import ahead

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not (hasattr(os, "fork") and sys.platform.startswith("linux")), reason="Linux only")]

ORDER = ("story", "overview", "profile", "kpis", "media", "execution", "analysis", "conversation", "network",
         "recommendations", "next_plan", "definitions")


def _report(sample_dir, tmp_path, monkeypatch, flag: str, *, change=None):
    """Every section in notebook order; (shown blocks per section, metrics_used, problems, metrics.json, ctx)."""
    from smanalysis import reporting as rp

    monkeypatch.setenv(ahead.ENV, flag)
    ctx = rp.evaluation_context(sample_dir / "client.yaml", output_dir=tmp_path / flag)
    shown = []
    for key in ORDER:
        sec = getattr(rp, f"{'kpi' if key == 'kpis' else key}_section")(ctx)
        shown.append((sec.title, sec.rendered()))
        if change is not None and key == "story":
            change(ctx)
    path = rp.write_key_metrics(ctx)
    return shown, list(ctx.metrics_used), list(ctx.problems), path.read_text(encoding="utf-8"), ctx


@pytest.fixture(scope="module")
def without(tmp_path_factory):
    from pathlib import Path

    with pytest.MonkeyPatch.context() as mp:
        return _report(Path(__file__).resolve().parents[2] / "data" / "sample", tmp_path_factory.mktemp("without"), mp, "0")


def _same(a, b):
    assert [t for t, _ in a[0]] == [t for t, _ in b[0]]
    for (title, x), (_, y) in zip(a[0], b[0]):
        assert x == y, title
    assert a[1] == b[1]  # the definitions section's order
    assert a[2] == b[2]
    assert a[3] == b[3]


def test_sections_built_ahead_are_the_same(sample_dir, tmp_path, monkeypatch, without, caplog):
    caplog.set_level(logging.INFO, logger=ahead.__name__)
    with_ = _report(sample_dir, tmp_path, monkeypatch, "1")
    _same(with_, without)
    run = ahead._runs[id(with_[4])]
    assert run.keys == () and not caplog.records  # both replayed, none built in the kernel
    kinds = {k for _, blocks in with_[0][ORDER.index("conversation"):ORDER.index("network") + 1] for k, _ in blocks}
    assert {"md", "html", "svg"} <= kinds  # text, tables and charts came through the pipe
    run.done.acquire()
    try:
        assert run.done.wait_for(lambda: run.finished, 30) and run.reaped  # the child is reaped
    finally:
        run.done.release()
    with pytest.raises(ChildProcessError):
        os.waitpid(run.pid, os.WNOHANG)


def _child_exits(*_args, **_kwargs):
    os._exit(3)


def _child_hangs(*_args, **_kwargs):
    import time

    while True:
        time.sleep(60)


@pytest.mark.parametrize("broken", [_child_exits, _child_hangs], ids=["dies", "stalls"])
def test_a_child_that_dies_or_stalls_leaves_the_work_to_the_kernel(sample_dir, tmp_path, monkeypatch, without,
                                                                   caplog, broken):
    caplog.set_level(logging.INFO, logger=ahead.__name__)
    monkeypatch.setattr(ahead, "_message", broken)  # what the child runs after the fork
    monkeypatch.setattr(ahead, "STALL_S", 0.5)
    with_ = _report(sample_dir, tmp_path, monkeypatch, "1")
    _same(with_, without)
    assert [r.getMessage() for r in caplog.records] == [
        "section conversation built in the kernel: no answer", "section network built in the kernel: no answer"]


def test_a_failure_in_the_child_gives_the_kernel_notice(sample_dir, tmp_path, monkeypatch):
    from smanalysis.reporting import eval_network

    def broken(*_args, **_kwargs):
        raise RuntimeError("graf rusak")

    monkeypatch.setattr(eval_network, "top_influencers", broken)
    a = _report(sample_dir, tmp_path, monkeypatch, "0")
    b = _report(sample_dir, tmp_path, monkeypatch, "1")
    _same(a, b)
    assert any(p["section"] == "network.influencers" and "graf rusak" in p["error"] for p in b[2])


def _english(ctx):
    ctx.lang = "en"


def _fewer_mentions(ctx):
    ctx.data.mentions = ctx.data.mentions.iloc[::2]  # a table replaced: the child's sections are stale


@pytest.mark.parametrize("change", [_english, _fewer_mentions])
def test_a_context_changed_after_the_fork_is_built_in_the_kernel(sample_dir, tmp_path, monkeypatch, caplog, change):
    caplog.set_level(logging.INFO, logger=ahead.__name__)
    a = _report(sample_dir, tmp_path, monkeypatch, "0", change=change)
    b = _report(sample_dir, tmp_path, monkeypatch, "1", change=change)
    _same(a, b)
    assert "section conversation built in the kernel: the context changed" in caplog.text


@pytest.mark.parametrize("value, expected", [("0", False), ("off", False), ("1", True), ("auto", False)])
def test_switch(value, expected):
    assert ahead.enabled({ahead.ENV: value}) is expected  # auto: on only in an IPython kernel


@pytest.mark.parametrize("cores, expected", [({0, 1}, True), ({0, 1, 2, 3}, True), ({0}, False)])
def test_auto_only_in_a_kernel_with_two_cores(monkeypatch, cores, expected):
    class Shell:
        kernel = object()

    class FakeIPython:
        @staticmethod
        def get_ipython():
            return Shell()

    monkeypatch.setitem(sys.modules, "IPython", FakeIPython)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: cores)
    monkeypatch.setattr(os, "getloadavg", lambda: (9.0, 9.0, 9.0))  # the passing load does not decide
    assert ahead.enabled({}) is expected
    monkeypatch.setattr(Shell, "kernel", None)  # an IPython terminal, not a kernel
    assert ahead.enabled({}) is False


@pytest.mark.parametrize("user, expected", [(None, "0"), ("1", "1")])
def test_batch_workers_switch_it_off_unless_the_user_chose(monkeypatch, user, expected):
    from smanalysis.reporting import batch

    seen = {}
    monkeypatch.setattr(batch, "_safe_run", lambda *a: seen.setdefault("env", os.environ.get(ahead.ENV)))
    for run in (batch._worker_run, batch._cluster_run):
        seen.clear()
        if user is None:
            monkeypatch.delenv(ahead.ENV, raising=False)
        else:
            monkeypatch.setenv(ahead.ENV, user)
        run("client.yaml")
        assert seen["env"] == expected


def test_switch_on_in_a_report_kernel(tmp_path):
    import nbformat

    from smanalysis.reporting.kernel import import_jupyter, kernel_options

    _, papermill = import_jupyter()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "from smanalysis.reporting import ahead\nprint(ahead.enabled())")])
    nbformat.write(nb, tmp_path / "in.ipynb")
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(ahead.ENV, raising=False)  # the default: on in a kernel
        out = papermill.execute_notebook(str(tmp_path / "in.ipynb"), str(tmp_path / "out.ipynb"), progress_bar=False,
                                         kernel_name="python3", **kernel_options())
    assert out.cells[0].outputs[0]["text"].strip() == "True"


def test_values_travel_exactly():
    frame = pd.DataFrame({"n": [1, 2], "x": [0.5, np.nan], "s": ["a", None],
                          "t": pd.to_datetime(["2026-10-01 07:00", "2026-10-02 00:00"]).tz_localize("Asia/Jakarta"),
                          "c": pd.Categorical(["reel", "foto"])})
    frame.attrs = {"units": {"x": "ratio"}}
    value = {"figures": {"er": np.float64(0.25), "n": np.int64(2), "ok": np.bool_(True)}, "pair": (1, "a"),
             "top": frame, "s": frame["n"].rename(None), "when": pd.Timestamp("2026-10-01", tz="Asia/Jakarta"),
             "nan": float("nan")}
    back = ahead.decode(ahead.encode(value, exact=True))
    pd.testing.assert_frame_equal(back.pop("top"), frame, check_exact=True, check_index_type=True)
    pd.testing.assert_series_equal(back.pop("s"), frame["n"].rename(None), check_exact=True)
    assert back.pop("figures") == {"er": 0.25, "n": 2, "ok": True}
    assert type(ahead.decode(ahead.encode(np.int64(2)))) is np.int64
    assert back.pop("pair") == (1, "a") and back.pop("when") == value["when"] and np.isnan(back.pop("nan"))
    assert back == {}


@pytest.mark.parametrize("value, match", [
    (pd.DataFrame({"members": [["a", "b"], ["c"]]}), "changes on the way"),  # lists come back as arrays
    (pd.DataFrame({"mixed": [1, "a"]}), "Conversion failed for column mixed"),
    ({1: "a"}, "keys"),
    ({"f": lambda: 1}, "function"),
    (pd.DataFrame({"n": range(ahead.MAX_ROWS + 1)}), "rows"),
])
def test_values_that_cannot_travel(value, match):
    with pytest.raises(ahead.CannotTravel, match=match):
        ahead.encode(value, exact=True, small=True)


def test_the_child_runs_openmp_after_the_kernel_did(monkeypatch, caplog):
    """igraph's PageRank runs on libgomp threads; the kernel's pool does not survive the fork, and
    libgomp in the child would wait for it forever (found at scale 10: the network section)."""
    import igraph

    from smanalysis import reporting as rp
    from smanalysis.reporting.sections import SECTIONS, EvaluationContext, Section

    caplog.set_level(logging.INFO, logger=ahead.__name__)
    graph = igraph.Graph.Erdos_Renyi(n=1000, m=3000, directed=True)
    graph.pagerank()  # in the kernel, before the fork

    def built_with_pagerank(ctx):
        return Section("x").text(f"{sum(graph.pagerank()):.3f}")

    for key in ahead.AHEAD:
        monkeypatch.setattr(rp, f"{key}_section", built_with_pagerank, raising=False)
    monkeypatch.setenv(ahead.ENV, "1")
    monkeypatch.setattr(ahead, "STALL_S", 3.0)
    ctx = EvaluationContext(profile=None, data=None, settings={})
    assert ahead.start(ctx, SECTIONS[0], SECTIONS)
    assert [ahead.section(ctx, key) for key in ahead.AHEAD] == [[("md", "1.000")]] * len(ahead.AHEAD)
    assert not caplog.records
