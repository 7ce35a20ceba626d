"""Benchmark: how fast a learner's app pages are usable, against plain Voilà on one cell.

Starts the learner's server with the real start command (`python -m course.launch`, through
tests/learner_server.py) on a temporary workspace and opens, in headless Debian Chromium,
each round in a fresh browser context:

- start: the printed link, until the first practice question is answerable (its Controleer
  button visible and enabled);
- lesson: a lesson page, until the cells are shown and its first practice button is enabled;
- assignment: an assignment page, until the cells are shown and its first answer widget is
  enabled;
- baseline: the same Voilà server rendering a one-cell notebook (`print("x")`) written into
  the workspace, until its output is shown: the plain tool.

Prints every time, and per page the median, min and max, the ratio to the baseline median
and whether the 5 s goal is met. One warm-up round (first kernel starts, cold caches) runs
first and is not counted. The machine is noisy: read medians and ratios, not single times.

    .venv/bin/python benchmarks/learner_pages.py [--rounds 5]
        [--lesson module-1-bureaucratie/01-kaart-van-instanties.ipynb]
        [--assignment opdrachten/module-1/opdracht-module-1.ipynb]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

from learner_server import CHROMIUM, LearnerServer, chromium_args  # noqa: E402

GOAL = 5.0  # seconds until a page is usable
LIMIT_MS = 120_000
BASELINE = "_leeg.ipynb"
# A page is usable when Voilà shows its cells and the first control of `selector` is there,
# has a size and is enabled.
USABLE = """selector => {
    const cells = document.querySelector('#rendered_cells');
    if (!cells || getComputedStyle(cells).display === 'none') return false;
    const control = document.querySelector(selector);
    return !!control && !control.disabled && control.offsetWidth > 0 && control.offsetHeight > 0;
}"""
BASELINE_READY = """() => {
    const cells = document.querySelector('#rendered_cells');
    return !!cells && getComputedStyle(cells).display !== 'none'
        && cells.innerText.trim() === 'x';
}"""


def baseline_notebook(workspace: Path) -> str:
    """Write the one-cell notebook the plain tool renders; return its workspace path."""
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "id": "leeg",
                "metadata": {},
                "outputs": [],
                "source": 'print("x")',
            }
        ],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (workspace / BASELINE).write_text(json.dumps(notebook), encoding="utf-8")
    return BASELINE


def measure(browser, url: str, ready: str, argument: str | None = None) -> float:
    """Seconds from page.goto(url) until the ``ready`` function is true, in a fresh context."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    try:
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_function(ready, arg=argument, timeout=LIMIT_MS, polling="raf")
        return time.perf_counter() - start
    finally:
        context.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="measured rounds (plus a warm-up)")
    parser.add_argument("--lesson", default="module-1-bureaucratie/01-kaart-van-instanties.ipynb")
    parser.add_argument("--assignment", default="opdrachten/module-1/opdracht-module-1.ipynb")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print("Debian package 'chromium' is missing: sudo apt-get install chromium")
        return 2
    with tempfile.TemporaryDirectory(prefix="learner-pages-benchmark-") as tmp:
        server = LearnerServer(Path(tmp))
        try:
            link = server.start()
            pages = {
                "start": (link, USABLE, ".sp-practice button"),
                "lesson": (server.page_url(args.lesson), USABLE, ".sp-practice button"),
                "assignment": (server.page_url(args.assignment), USABLE, ".sp-answer input"),
                "baseline": (
                    server.page_url(baseline_notebook(server.workspace)),
                    BASELINE_READY,
                    None,
                ),
            }
            times = run(pages, args.rounds)
        finally:
            server.stop()
    return report(times, args)


def run(pages: dict, rounds: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in pages}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=chromium_args())
        try:
            for number in range(rounds + 1):
                # Alternate the order so no page always follows the same one.
                order = list(pages) if number % 2 == 0 else list(reversed(pages))
                seconds = {name: measure(browser, *pages[name]) for name in order}
                label = "warm-up (not counted)" if number == 0 else f"round {number}"
                print(
                    f"{label:>22}: "
                    + "   ".join(f"{name} {seconds[name]:5.2f} s" for name in pages),
                    flush=True,
                )
                if number:
                    for name, value in seconds.items():
                        times[name].append(value)
        finally:
            browser.close()
    return times


def report(times: dict[str, list[float]], args) -> int:
    base = statistics.median(times["baseline"])
    rounds = len(times["baseline"])
    print(
        f"\nmedian of {rounds} measured rounds (warm-up round excluded), "
        f"time from page.goto(link) to usable:"
    )
    described = {
        "start": "start page, first Controleer usable",
        "lesson": f"lesson {args.lesson}",
        "assignment": f"assignment {args.assignment}",
        "baseline": 'plain Voilà, one cell print("x")',
    }
    met = True
    for name, values in times.items():
        median = statistics.median(values)
        line = (
            f"  {name:<10} median {median:5.2f} s  min {min(values):5.2f}  max {max(values):5.2f}"
            f"  ratio to baseline {median / base:4.2f}x"
        )
        if name != "baseline":
            ok = median <= GOAL
            met &= ok
            line += f"  5 s goal: {'met' if ok else 'NOT met'}"
        print(f"{line}   ({described[name]})")
    print(f"5 s goal {'met by every page' if met else 'NOT met by every page'} (medians)")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
