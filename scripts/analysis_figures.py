"""Print the deeper-analysis figures of a client (default: the bundled sample) for the closing note.

Paid vs organic split, boost effect with its interval, follower growth by paid days, top
hashtags, measured audience against the target, video watch time, topics, and the stable
community events against ``truth.yaml`` when the data folder has one (the sample does).

Usage::

    python scripts/analysis_figures.py                      # the bundled sample, period 2026-10
    python scripts/analysis_figures.py path/to/client.yaml --lang id
"""

from __future__ import annotations

import argparse
import warnings
from pathlib import Path

import pandas as pd


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parents[1] / "data" / "sample"
    ap.add_argument("config", nargs="?", default=str(root / "client.yaml"))
    ap.add_argument("--lang", default="en", choices=["id", "en"])
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.max_colwidth", 40)
    from smanalysis import reporting as rp

    ctx = rp.evaluation_context(args.config, lang=args.lang, pseudonymise=False)
    fig = rp.analysis_figures(ctx)
    print(f"client {ctx.settings.get('client')}, period {ctx.period[0]:%Y-%m-%d}..{ctx.period[1]:%Y-%m-%d}")
    for name, val in fig.items():
        print(f"\n== {name}")
        if isinstance(val, list):
            print(pd.DataFrame(val).round(4).to_string(index=False) if val else "(none)")
        else:
            print(val)
    truth = Path(args.config).parent / "truth.yaml"
    if truth.is_file():
        import yaml

        planted = yaml.safe_load(truth.read_text(encoding="utf-8"))["communities"]["events"]
        kinds = pd.Series([e["event"] for e in planted]).value_counts().sort_index().to_dict()
        found = fig.get("community_events") or {}
        print(f"\n== community events: found {sum(found.values())} non-continuation events {found}; "
              f"planted in truth.yaml {len(planted)} {kinds}; others at most "
              f"{sum(found.values()) - len(planted)}")
    if ctx.problems:
        print("\nproblems:", ctx.problems)


if __name__ == "__main__":
    main()
