"""Measure one learner on a real hub: login to start page, and the memory of their server.

Run as root (it makes a temporary system account and removes it afterwards):

    sudo .venv/bin/python benchmarks/hub_benchmark.py

A cohort with one learner and one trainer, the hub of ``trainer hub start`` on loopback,
Debian's Chromium. It prints: the time from pressing *Inloggen* to a ready start page (the
first login starts the learner's server), the memory of everything that runs as the learner
(the server and its page kernels; PSS, so shared libraries are counted once per process
share) with the start page open and idle, and again with a lesson open as well (each app
page has its own kernel). The README's "Van één laptop naar een organisatie" quotes these.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from course.launch import free_port  # noqa: E402
from grading.cohort import Cohort, write_config  # noqa: E402
from grading.hub import create_accounts, remove_accounts, write_hub_config  # noqa: E402
from grading.hub_server import start_hub, stop_hub  # noqa: E402
from learner_server import chromium  # noqa: E402

LESSON = "module-1-bureaucratie/01-kaart-van-instanties.ipynb"


def memory_mib(user: str) -> tuple[float, float, int]:
    """(PSS MiB, RSS MiB, processes) of every process that runs as ``user``."""
    uid = pwd.getpwnam(user).pw_uid
    pss = rss = 0
    count = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid != uid:
                continue
            rollup = (entry / "smaps_rollup").read_text()
        except OSError:
            continue
        fields = {line.split()[0]: int(line.split()[1]) for line in rollup.splitlines()[1:]}
        pss += fields.get("Pss:", 0)
        rss += fields.get("Rss:", 0)
        count += 1
    return pss / 1024, rss / 1024, count


def main() -> None:
    suffix = secrets.token_hex(2)
    learner, trainer, course = f"spb{suffix}leerling", f"spb{suffix}trainer", f"bench{suffix}"
    password = secrets.token_urlsafe(12)
    base = Path(tempfile.mkdtemp(prefix="sp-hub-bench-", dir="/tmp"))
    base.chmod(0o755)
    cohort = base / "cohort"
    write_config(cohort, exchange=base / "uitwisseling", course_id=course)
    from nbgrader.api import Gradebook

    with Gradebook(Cohort(cohort).gradebook_url, course) as gradebook:
        gradebook.update_or_create_student(learner)
    port = free_port(18_800)
    settings = write_hub_config(cohort, base / "hub", [trainer], port=port)
    process = None
    try:
        create_accounts(settings, {learner: password, trainer: secrets.token_urlsafe(12)})
        process = start_hub(base / "hub")
        url = f"http://127.0.0.1:{port}"
        with chromium() as browser:
            context = browser.new_context(viewport={"width": 1100, "height": 900})
            page = context.new_page()
            page.set_default_timeout(240_000)
            page.goto(f"{url}/hub/login")
            page.locator("#username_input").fill(learner)
            page.locator("#password_input").fill(password)
            started = time.monotonic()
            page.locator("#login_submit").click()
            page.wait_for_url("**/voila/render/00-start-hier.ipynb", wait_until="commit")
            page.get_by_role("heading", name="Een opdracht inleveren").wait_for()
            login = time.monotonic() - started
            time.sleep(10)
            idle = memory_mib(learner)
            lesson_page = context.new_page()
            lesson_page.set_default_timeout(240_000)
            started = time.monotonic()
            lesson_page.goto(f"{url}/user/{learner}/voila/render/{LESSON}", wait_until="commit")
            lesson_page.locator("#rendered_cells").wait_for()
            lesson_page.get_by_role("button", name="Controleer").first.wait_for()
            lesson_time = time.monotonic() - started
            time.sleep(10)
            with_lesson = memory_mib(learner)
        print(f"Inloggen tot startpagina klaar (eerste keer, server start): {login:.1f} s")
        print(f"Les openen tot klaar: {lesson_time:.1f} s")
        for label, (pss, rss, count) in (
            ("startpagina open, rust", idle),
            ("startpagina + les open", with_lesson),
        ):
            print(f"Geheugen {label}: PSS {pss:.0f} MiB, RSS {rss:.0f} MiB, {count} processen")
        print(f"Machine: {os.cpu_count()} kernen")
    finally:
        if process is not None:
            stop_hub(process)
        remove_accounts([learner, trainer], course)
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
