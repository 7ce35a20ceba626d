"""A cohort: an nbgrader course root outside the repository, and the one reader of its settings.

A cohort folder holds ``nbgrader_config.py`` (nbgrader's settings: gradebook, exchange,
course id), ``cohort.toml`` (the course year its assignments are filled in for, see
:mod:`grading.source`) and nbgrader's own folders (``source/``, ``release/``,
``submitted/``, …). Only :class:`Cohort` reads those two files; every other module asks it.

The config names the cohort's own folder relative to itself, so a cohort folder can be
moved or copied as a whole; an older config with an absolute root is rewritten when the
cohort is opened from another place.
"""

from __future__ import annotations

import ast
import json
import os
import re
import stat
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from grading import NBGRADER_CONFIG
from grading.errors import TrainerError
from grading.messages import CohortText as T

CONFIG_NAME = "nbgrader_config.py"
COHORT_FILE = "cohort.toml"
SOURCE_DIR = "source"
DEFAULT_COURSE_ID = "sleutelpersonen"
# Lower case, digits, - and _: a folder in the exchange, a hub group name, no "+" (nbgrader).
COURSE_ID = re.compile(r"[a-z][a-z0-9_-]{0,22}")
SECURITY = ("starttls", "ssl", "geen")
MAIL_TABLE = "e-mail"


class NotACohort(TrainerError):
    """The folder is not a cohort (it has no ``nbgrader_config.py``)."""

    def __init__(self, root: Path):
        super().__init__(T.NOT_A_COHORT.format(root=root, config=CONFIG_NAME))
        self.root = root


class NoExchange(TrainerError):
    """The cohort has no nbgrader exchange folder (it works without a hub)."""

    def __init__(self):
        super().__init__(T.NO_EXCHANGE)


class CohortInRepository(TrainerError):
    """A cohort holds names and e-mail addresses: never inside a git checkout."""

    def __init__(self, root: Path, checkout: Path):
        super().__init__(T.IN_REPOSITORY.format(root=root, checkout=checkout))


class BadMailSettings(TrainerError):
    """The e-mail settings given for the cohort cannot work."""


@dataclass(frozen=True)
class MailSettings:
    """How the cohort's feedback is e-mailed (``[e-mail]`` in ``cohort.toml``).

    The password is never stored: it comes from ``$SLEUTELPERSONEN_SMTP_WACHTWOORD``.
    """

    server: str
    port: int = 587
    sender: str = ""
    user: str = ""
    security: str = "starttls"  # "starttls", "ssl" or "geen"

    def check(self) -> MailSettings:
        """The settings themselves; :class:`BadMailSettings` (Dutch) when they cannot work."""
        if not self.server.strip():
            raise BadMailSettings(T.MAIL_NO_SERVER)
        if not 0 < int(self.port) < 65536:
            raise BadMailSettings(T.MAIL_BAD_PORT.format(port=self.port))
        if "@" not in self.sender:
            raise BadMailSettings(T.MAIL_BAD_SENDER.format(sender=self.sender))
        if self.security not in SECURITY:
            raise BadMailSettings(T.MAIL_BAD_SECURITY.format(value=self.security))
        return self


class BadCourseId(TrainerError):
    """A course id nbgrader, the exchange and a Linux group name can all use."""

    def __init__(self, course_id: str):
        super().__init__(T.BAD_COURSE_ID.format(course_id=course_id))


class CourseIdInUse(TrainerError):
    """The gradebook already holds assignments under the cohort's course id."""

    def __init__(self, course_id: str):
        super().__init__(T.COURSE_ID_IN_USE.format(course_id=course_id))


class CohortExists(TrainerError):
    """``trainer nieuw`` on a folder that is a cohort already."""

    def __init__(self, root: Path):
        super().__init__(T.EXISTS.format(path=root))


def _settings(path: Path) -> dict[str, object]:
    """``c.Section.name = <literal>`` lines of a config file (other lines are ignored)."""
    settings: dict[str, object] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
            continue
        name = ast.unparse(node.targets[0])
        try:
            settings[name] = ast.literal_eval(node.value)
        except ValueError:
            continue  # an expression such as the folder of the config file itself
    return settings


def _config_text(
    db_url: str | None, exchange: Path | None, course_id: str, shared: Path = NBGRADER_CONFIG
) -> str:
    lines = [
        "import os",
        "",
        "c = get_config()",
        f"load_subconfig({str(shared)!r})",
        "# The cohort is the folder of this file, wherever it is moved to.",
        "c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))",
        f"c.CourseDirectory.source_directory = {SOURCE_DIR!r}",
        f"c.CourseDirectory.course_id = {course_id!r}",
    ]
    if db_url:
        lines.append(f"c.CourseDirectory.db_url = {db_url!r}")
    if exchange is not None:
        lines.append(f"c.Exchange.root = {str(Path(exchange).expanduser().resolve())!r}")
        # A cohort with an exchange runs on a hub, where its trainers share it through a
        # group: nbgrader then makes what it writes (and the exchange's inbox) group-usable.
        lines.append("c.CourseDirectory.groupshared = True")
        lines.append("c.BaseConverter.permissions = 660  # read as octal: the group, not others")
    return "\n".join(lines) + "\n"


def _private_mode(mode: int, is_dir: bool, shared: bool) -> int:
    """The private mode of a cohort entry: never others; the group only when shared."""
    if shared:
        return mode & ~0o007 | (0o2770 if is_dir else 0o660)
    if is_dir:
        return 0o700
    return (mode & 0o100) | 0o600


def _git_checkout(folder: Path) -> Path | None:
    for parent in (folder, *folder.parents):
        if (parent / ".git").exists():
            return parent
    return None


class Cohort:
    """One cohort folder; raises :class:`NotACohort` when ``root`` is not one."""

    def __init__(self, root: Path | str):
        self.root = Path(root).expanduser().resolve()
        if not self.config_path.is_file():
            raise NotACohort(self.root)
        self._follow_move()

    @classmethod
    def create(
        cls,
        root: Path | str,
        db_url: str | None = None,
        exchange: Path | None = None,
        course_id: str = DEFAULT_COURSE_ID,
        year: int | None = None,
    ) -> Cohort:
        """Create (or rewrite) the cohort's settings in ``root``; return the cohort.

        ``db_url`` selects the gradebook (default: SQLite ``gradebook.db`` in the folder; a
        ``postgresql+psycopg://…`` URL for several trainers). ``exchange`` is nbgrader's
        exchange folder shared with learners on one machine or a JupyterHub. ``year`` is the
        cohort's course year (default: the course year now); a cohort keeps its first year.
        """
        root = Path(root).expanduser().resolve()
        root.mkdir(parents=True, exist_ok=True)
        (root / CONFIG_NAME).write_text(_config_text(db_url, exchange, course_id), encoding="utf-8")
        cohort = cls(root)
        cohort._write_year(year)
        cohort.protect()
        return cohort

    @classmethod
    def new(
        cls,
        root: Path | str,
        db_url: str | None = None,
        exchange: Path | None = None,
        course_id: str = DEFAULT_COURSE_ID,
    ) -> Cohort:
        """``trainer nieuw``: a new cohort, refused inside a git checkout or over a cohort."""
        root = Path(root).expanduser().resolve()
        if (root / CONFIG_NAME).exists():
            raise CohortExists(root)
        checkout = _git_checkout(root)
        if checkout is not None:
            raise CohortInRepository(root, checkout)
        if not COURSE_ID.fullmatch(course_id):
            raise BadCourseId(course_id)
        return cls.create(root, db_url=db_url, exchange=exchange, course_id=course_id)

    # ----------------------------------------------------------------- settings
    @property
    def config_path(self) -> Path:
        """The cohort's ``nbgrader_config.py``."""
        return self.root / CONFIG_NAME

    @cached_property
    def settings(self) -> dict[str, object]:
        """The literal settings of the cohort's config, by name (``c.Exchange.root`` …)."""
        return _settings(self.config_path)

    @property
    def course_id(self) -> str:
        """nbgrader's course id (the JupyterHub service name of the cohort)."""
        return str(self.settings.get("c.CourseDirectory.course_id") or DEFAULT_COURSE_ID)

    @property
    def gradebook_url(self) -> str:
        """The gradebook's SQLAlchemy URL (the SQLite file in the folder unless set)."""
        url = self.settings.get("c.CourseDirectory.db_url")
        return str(url) if url else f"sqlite:///{self.root / 'gradebook.db'}"

    @property
    def has_gradebook(self) -> bool:
        """Is there a gradebook yet (always true for a database server)?"""
        url = self.gradebook_url
        return not url.startswith("sqlite:///") or Path(url.removeprefix("sqlite:///")).is_file()

    @property
    def exchange(self) -> Path | None:
        """The nbgrader exchange folder, or ``None`` for a cohort without a hub."""
        value = self.settings.get("c.Exchange.root")
        return Path(str(value)) if value else None

    def require_exchange(self) -> Path:
        """The exchange folder; :class:`NoExchange` when the cohort has none."""
        if self.exchange is None:
            raise NoExchange()
        return self.exchange

    @property
    def source_dir(self) -> Path:
        """The cohort's own, filled-in copy of the assignments."""
        value = self.settings.get("c.CourseDirectory.source_directory") or SOURCE_DIR
        return self.root / str(value)  # an absolute value stays absolute

    def folder(self, kind: str, learner: str, assignment: str) -> Path:
        """nbgrader's folder ``kind`` (submitted, autograded, feedback) of one learner."""
        return self.root / kind / learner / assignment

    # ----------------------------------------------------------------- the year
    @property
    def has_year(self) -> bool:
        """Does the cohort record its course year (cohorts made before that did not)?"""
        return (self.root / COHORT_FILE).is_file()

    def _cohort_file(self) -> dict:
        path = self.root / COHORT_FILE
        if not path.is_file():
            return {}
        with path.open("rb") as handle:
            return tomllib.load(handle)

    @property
    def year(self) -> int:
        """The course year the cohort was made with (the current course year for old ones)."""
        if not self.has_year:
            from course.facts import course_year

            return course_year()
        return int(self._cohort_file()["cursusjaar"])

    @property
    def mail(self) -> MailSettings | None:
        """How feedback is e-mailed, or ``None`` when the cohort has no e-mail settings."""
        table = self._cohort_file().get(MAIL_TABLE)
        if not isinstance(table, dict) or not table.get("server"):
            return None
        return MailSettings(
            server=str(table["server"]),
            port=int(table.get("poort", 587)),
            sender=str(table.get("afzender", "")),
            user=str(table.get("gebruiker", "")),
            security=str(table.get("beveiliging", "starttls")),
        )

    def set_mail(self, settings: MailSettings) -> None:
        """Record the e-mail settings in ``cohort.toml`` (the course year stays as it is)."""
        settings.check()
        year = self.year
        values = {
            "server": settings.server,
            "poort": int(settings.port),
            "afzender": settings.sender,
            "gebruiker": settings.user,
            "beveiliging": settings.security,
        }
        lines = [f"# {T.COHORT_FILE_COMMENT}", f"cursusjaar = {year}", "", f"[{MAIL_TABLE}]"]
        lines.append(f"# {T.MAIL_COMMENT}")
        lines += [f"{key} = {json.dumps(value)}" for key, value in values.items()]
        (self.root / COHORT_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")

    def _write_year(self, year: int | None) -> int:
        if self.has_year:
            return self.year
        if year is None:
            from course.facts import course_year

            year = course_year()
        text = f"# {T.COHORT_FILE_COMMENT}\ncursusjaar = {int(year)}\n"
        (self.root / COHORT_FILE).write_text(text, encoding="utf-8")
        return int(year)

    # ----------------------------------------------------------------- hub settings
    def change(self, exchange: Path | None = None, course_id: str | None = None) -> None:
        """Give the cohort an exchange and/or another course id (``trainer instellen``).

        A course id cannot change once the gradebook holds assignments under the old one.
        """
        if course_id is not None and course_id != self.course_id:
            if not COURSE_ID.fullmatch(course_id):
                raise BadCourseId(course_id)
            if self._assignments_in_gradebook():
                raise CourseIdInUse(self.course_id)
        source = self.settings.get("c.CourseDirectory.source_directory")
        text = _config_text(
            self.settings.get("c.CourseDirectory.db_url"),
            exchange if exchange is not None else self.exchange,
            course_id or self.course_id,
        )
        if isinstance(source, str) and Path(source).is_absolute():
            text += f"c.CourseDirectory.source_directory = {source!r}\n"
        self.config_path.write_text(text, encoding="utf-8")
        del self.settings

    def _assignments_in_gradebook(self) -> bool:
        if not self.has_gradebook:
            return False
        from nbgrader.api import Gradebook

        with Gradebook(self.gradebook_url, self.course_id) as gradebook:
            return bool(gradebook.assignments)

    # ----------------------------------------------------------------- privacy
    @property
    def shared_with_group(self) -> bool:
        """Is the folder shared with a trainer group (a hub: setgid, see ``share_with_group``)?"""
        return bool(self.root.stat().st_mode & stat.S_ISGID)

    def protect(self) -> int:
        """Make the cohort private; return how many modes changed.

        The cohort holds names, e-mail addresses, answers and grades, so nobody else on the
        machine may read it: folders 0700 and files 0600 (0770/0660 when the folder is shared
        with a trainer group on a hub), whatever the umask was when they were made.
        """
        shared = self.shared_with_group
        changed = 0
        for current, _dirs, files in os.walk(self.root):
            entries = [(current, True)] + [(os.path.join(current, f), False) for f in files]
            for path, is_dir in entries:
                if os.path.islink(path):
                    continue
                mode = stat.S_IMODE(os.lstat(path).st_mode)
                wanted = _private_mode(mode, is_dir, shared)
                if wanted != mode:
                    try:
                        os.chmod(path, wanted)
                    except PermissionError:  # another trainer's file: their next command
                        continue
                    changed += 1
        return changed

    def make_private(self) -> None:
        """``protect()`` now, and a umask for this process (and the nbgrader commands it
        starts) so every file written from here on is private too."""
        os.umask(0o007 if self.shared_with_group else 0o077)
        self.protect()

    # ----------------------------------------------------------------- moving
    def _follow_move(self) -> None:
        """Rewrite an old config whose absolute root names another folder."""
        root = self.settings.get("c.CourseDirectory.root")
        if not isinstance(root, str) or Path(root) == self.root:
            return
        source = self.settings.get("c.CourseDirectory.source_directory")
        exchange = self.exchange
        text = _config_text(self.settings.get("c.CourseDirectory.db_url"), exchange, self.course_id)
        if isinstance(source, str) and not Path(source).is_relative_to(root):
            text += f"c.CourseDirectory.source_directory = {source!r}\n"
        self.config_path.write_text(text, encoding="utf-8")
        del self.settings


def write_config(
    root: Path,
    db_url: str | None = None,
    exchange: Path | None = None,
    course_id: str = DEFAULT_COURSE_ID,
    year: int | None = None,
) -> Path:
    """Create (or rewrite) a cohort's settings; return its ``nbgrader_config.py``.

    Short for :meth:`Cohort.create` (used by tests, the demo and self-study).
    """
    return Cohort.create(root, db_url, exchange, course_id, year).config_path


def gradebook_url(root: Path) -> str:
    """The gradebook URL of the cohort in ``root`` (short for ``Cohort(root).gradebook_url``)."""
    return Cohort(root).gradebook_url


def new_cohort_line(
    root: Path,
    db_url: str | None = None,
    exchange: Path | None = None,
    course_id: str = DEFAULT_COURSE_ID,
) -> str:
    """``trainer nieuw``: make the cohort; the Dutch line that says where and what next."""
    cohort = Cohort.new(root, db_url=db_url, exchange=exchange, course_id=course_id)
    return T.CREATED.format(path=cohort.root)


def mail_settings_line(
    root: Path, server: str, port: int, sender: str, user: str, security: str
) -> str:
    """``trainer e-mail-instellen``: record the cohort's e-mail settings; a Dutch line."""
    cohort = Cohort(root)
    cohort.set_mail(MailSettings(server, port, sender, user, security))
    return T.MAIL_SAVED.format(server=server, port=port, sender=sender)


def change_line(root: Path, exchange: Path | None = None, course_id: str | None = None) -> str:
    """``trainer instellen``: change the cohort's exchange or course id; say what it is now."""
    cohort = Cohort(root)
    cohort.change(exchange, course_id)
    return T.CHANGED.format(course_id=cohort.course_id, exchange=cohort.exchange or T.NONE)
