"""System accounts for the hub: learners and trainers as real users of the machine.

Plain ``useradd``/``chpasswd``/``userdel`` (Debian and Ubuntu, run as root). The hub logs
people in with these accounts through PAM, so a password set here is the password of the
hub; the trainer hands it out and the learner may change it with ``passwd`` in a terminal.
"""

from __future__ import annotations

import grp
import os
import pwd
import subprocess
from pathlib import Path

from grading.errors import TrainerError
from grading.messages import HubText as T

# An account name that works as a Linux user name and as an nbgrader student id.
NAME_CHARACTERS = set("abcdefghijklmnopqrstuvwxyz0123456789_-")


class AccountError(TrainerError):
    """An account cannot be made; the message is Dutch, for the trainer."""


def exists(name: str) -> bool:
    """Is there a system user ``name``?"""
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _run(command: list[str], stdin: str | None = None) -> None:
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise AccountError(T.ACCOUNT_FAILED.format(command=command[0], output=done.stderr.strip()))


def check_name(name: str) -> None:
    """Refuse names Linux or nbgrader cannot use (capitals, spaces, a leading digit …)."""
    if not name or len(name) > 32 or name[0] in "-0123456789" or set(name) - NAME_CHARACTERS:
        raise AccountError(T.BAD_NAME.format(name=name))


def add_group(group: str) -> None:
    """Create the system group ``group`` unless it exists."""
    try:
        grp.getgrnam(group)
    except KeyError:
        _run(["groupadd", group])


def create_account(name: str, password: str, groups: list[str]) -> bool:
    """Create user ``name`` with a home and ``password``; False when it existed already.

    An existing account keeps its password; it is added to ``groups``.
    """
    check_name(name)
    made = not exists(name)
    if made:
        _run(["useradd", "--create-home", "--shell", "/bin/bash", name])
        _run(["chpasswd"], stdin=f"{name}:{password}\n")
    for group in groups:
        _run(["usermod", "--append", "--groups", group, name])
    return made


def private_home(name: str) -> Path:
    """Make the home of ``name`` readable by nobody else (Debian's default is 0755)."""
    home = Path(pwd.getpwnam(name).pw_dir)
    home.chmod(0o700)
    return home


def remove_account(name: str) -> None:
    """Remove user ``name`` with their home (nothing when there is no such user)."""
    if exists(name):
        _run(["userdel", "--remove", name])


def chown_tree(folder: Path, name: str) -> None:
    """Give ``folder`` and everything in it to user ``name`` (symlinks are not followed)."""
    account = pwd.getpwnam(name)
    for current, dirs, files in os.walk(folder):
        for entry in [current, *(os.path.join(current, item) for item in dirs + files)]:
            os.lchown(entry, account.pw_uid, account.pw_gid)


def share_with_group(folder: Path, group: str) -> None:
    """Give ``folder`` to ``group``: read and write for its members, new files inherit it."""
    gid = grp.getgrnam(group).gr_gid
    for current, _dirs, files in os.walk(folder):
        os.lchown(current, -1, gid)
        os.chmod(current, (os.stat(current).st_mode | 0o2770) & ~0o007)
        for item in files:
            path = os.path.join(current, item)
            if not os.path.islink(path):
                os.lchown(path, -1, gid)
                os.chmod(path, (os.stat(path).st_mode | 0o660) & ~0o007)
