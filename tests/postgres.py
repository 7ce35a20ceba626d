"""A real, throw-away PostgreSQL server for tests (Debian's postgresql package, no mocks)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path


class PostgresServer:
    """initdb + pg_ctl on a free loopback port; as root it runs as the 'postgres' user."""

    def __init__(self, port: int):
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not found:
            raise RuntimeError(
                "PostgreSQL ontbreekt: installeer het Debian-pakket 'postgresql' "
                "(make test doet dat als root)."
            )
        self.bin = Path(found[-1]).parent
        self.port = port
        self.dir = Path(tempfile.mkdtemp(prefix="sleutel-pg-"))
        self.user = "postgres" if os.geteuid() == 0 else None

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)

    def start(self) -> str:
        """Start the server; return a SQLAlchemy URL of a fresh database."""
        data = self.dir / "data"
        if self.user:
            record = pwd.getpwnam(self.user)
            os.chown(self.dir, record.pw_uid, record.pw_gid)
        self._run("initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            "pg_ctl", "-D", str(data), "-o", options, "-l", str(self.dir / "log"), "-w", "start"
        )
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "keurmerk")
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/keurmerk"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.dir / "data"), "-m", "immediate", "-w", "stop")
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            time.sleep(0.5)
        shutil.rmtree(self.dir, ignore_errors=True)


def fresh_database(postgres_url: str, name: str) -> str:
    """A new, empty database on the test server (the session database is shared)."""
    from sqlalchemy import create_engine, text

    server = postgres_url.rsplit("/", 1)[0]
    with create_engine(server + "/postgres", isolation_level="AUTOCOMMIT").connect() as db:
        db.execute(text(f"create database {name}"))
    return f"{server}/{name}"
