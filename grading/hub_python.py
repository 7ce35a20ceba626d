"""The Python that learners' and trainers' servers run with, reachable by every account.

The hub starts each server as its own user, so that user must be able to run the course's
Python. A course installed in ``/opt`` with the system's Python is fine as it is. A virtual
environment made from a Python in root's home (pyenv in ``/root``, as on many build
machines) is not: ``/root`` is closed to other users. Then the hub makes a small virtual
environment from a Python of the same version that everyone can run (Debian's
``/usr/bin/python3.11``) which uses the course environment's packages; nothing is
installed twice.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import sysconfig
from pathlib import Path

VENV_BIN = Path(sys.executable).parent
SHIM_NAME = "hub-python"
VERSION = f"python{sys.version_info.major}.{sys.version_info.minor}"


class NoServerPython(RuntimeError):
    """No Python that other accounts may run; the message is Dutch, for the trainer."""


def usable_by_everyone(path: Path) -> bool:
    """Can any account run ``path`` (every folder above it open to others, the file too)?"""
    real = Path(os.path.realpath(path))
    for folder in real.parents:
        if not os.stat(folder).st_mode & stat.S_IXOTH:
            return False
    return bool(os.stat(real).st_mode & stat.S_IXOTH)


def _shared_python() -> Path | None:
    """A Python of this version every account can run (``/usr/bin/python3.11`` …)."""
    for folder in ("/usr/bin", "/usr/local/bin", "/opt/python/bin"):
        candidate = Path(folder) / VERSION
        if candidate.exists() and usable_by_everyone(candidate):
            return candidate
    return None


def server_bin(venv_bin: Path = VENV_BIN) -> Path:
    """The ``bin`` folder whose ``python`` the servers run; made once when needed."""
    if usable_by_everyone(venv_bin / "python"):
        return venv_bin
    shim = venv_bin.parent / SHIM_NAME
    if (shim / "bin" / "python").exists() and usable_by_everyone(shim / "bin" / "python"):
        return shim / "bin"
    base = _shared_python()
    if base is None:
        from grading.messages import HubText

        raise NoServerPython(HubText.NO_SERVER_PYTHON.format(python=sys.executable))
    # Every account runs it, whatever umask the trainer command runs under (a private one,
    # see Cohort.make_private); one made unusable before is made again.
    shutil.rmtree(shim, ignore_errors=True)
    previous = os.umask(0o022)
    try:
        _make_shim(base, shim)
    finally:
        os.umask(previous)
    return shim / "bin"


def _make_shim(base: Path, shim: Path) -> None:
    subprocess.run([str(base), "-m", "venv", "--without-pip", str(shim)], check=True)
    site = Path(sysconfig.get_paths()["purelib"])
    target = shim / "lib" / VERSION / "site-packages"
    # An "import" line in a .pth file runs at start-up: the course environment's packages,
    # with their own .pth files (the editable install of the course), become importable.
    (target / "sleutelpersonen-cursus.pth").write_text(
        f"import site; site.addsitedir({str(site)!r})\n", encoding="utf-8"
    )
    for tool in ("jupyter", "alembic"):  # called by name from PATH (nbgrader, kernels)
        script = shim / "bin" / tool
        module = {"jupyter": "jupyter_core.command", "alembic": "alembic.config"}[tool]
        script.write_text(
            f"#!{shim / 'bin' / 'python'}\nimport sys\nfrom {module} import main\n"
            "sys.exit(main())\n",
            encoding="utf-8",
        )
        script.chmod(0o755)
    os.chmod(shim, 0o755)
