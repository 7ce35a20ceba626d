"""Backup and restore of everything the keurmerk needs: registry, status lists, audit trail,
public register, keys and configuration, in one tar.gz file.

The backup holds the PRIVATE signing keys: it is written with mode 0600; keep it encrypted
and offline. A restore goes into an empty database (SQLite or PostgreSQL) and gives the same
verification result for every certificate.
"""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import tarfile
import tempfile
import tomllib
from datetime import datetime
from pathlib import Path

from sqlalchemy import select, text

from keurmerk.identity import SECRET_NAME
from keurmerk.models import (
    AuditPerson,
    AuditPersonal,
    AuditRecord,
    AuditSignature,
    Certificate,
    RegisterConsent,
    RegisterEntry,
    StatusList,
)
from keurmerk.registry import Registry, default_url
from keurmerk.service import CONFIG_NAME, Config, write_config

TABLES = (
    Certificate,
    StatusList,
    AuditRecord,
    AuditSignature,
    AuditPerson,
    AuditPersonal,
    RegisterEntry,
    RegisterConsent,
)
FORMAT = 1


class RestoreError(RuntimeError):
    """The backup cannot be restored here (target not empty, file damaged, …)."""


def _row(obj) -> dict:
    row = {}
    for column in obj.__table__.columns:
        value = getattr(obj, column.key)
        if isinstance(value, datetime):
            value = {"datetime": value.isoformat()}
        elif isinstance(value, bytes):
            value = {"bytes": base64.b64encode(value).decode("ascii")}
        row[column.key] = value
    return row


def _value(value):
    if isinstance(value, dict) and "datetime" in value:
        return datetime.fromisoformat(value["datetime"])
    if isinstance(value, dict) and "bytes" in value:
        return base64.b64decode(value["bytes"])
    return value


def dump_registry(registry: Registry) -> dict:
    """All rows of all tables, as JSON-ready data."""
    with registry.reads() as session:
        return {
            "format": FORMAT,
            "tables": {
                model.__tablename__: [_row(obj) for obj in session.scalars(select(model))]
                for model in TABLES
            },
        }


def create_backup(config: Config, target: Path) -> Path:
    """Write the backup file (mode 0600); refuse to overwrite an existing file."""
    registry = Registry(config.database_url)
    data = json.dumps(dump_registry(registry), ensure_ascii=False).encode("utf-8")
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle, tarfile.open(fileobj=handle, mode="w:gz") as archive:
        info = tarfile.TarInfo("registry.json")
        info.size = len(data)
        info.mode = 0o600
        archive.addfile(info, io.BytesIO(data))
        archive.add(config.home / CONFIG_NAME, arcname=CONFIG_NAME)
        archive.add(config.home / "keys" / "keys.json", arcname="keys/keys.json")
        for key in sorted((config.home / "keys" / "private").glob("*.pem")):
            archive.add(key, arcname=f"keys/private/{key.name}")
        binding = config.home / "keys" / SECRET_NAME  # e-mail bindings need it after a restore
        if binding.exists():
            archive.add(binding, arcname=f"keys/{SECRET_NAME}")
    return target


def restore_backup(source: Path, home: Path, database_url: str | None = None) -> Config:
    """Restore into ``home`` (must not hold a keurmerk yet) and an empty database."""
    if (home / CONFIG_NAME).exists():
        raise RestoreError(f"{home} bevat al een keurmerk")
    try:
        with tarfile.open(source, "r:gz") as archive, tempfile.TemporaryDirectory() as tmp:
            archive.extractall(tmp, filter="data")
            staged = Path(tmp)
            dump = json.loads((staged / "registry.json").read_text(encoding="utf-8"))
            settings = tomllib.loads((staged / CONFIG_NAME).read_text(encoding="utf-8"))
            keys_index = (staged / "keys" / "keys.json").read_bytes()
            private = {p.name: p.read_bytes() for p in (staged / "keys" / "private").glob("*.pem")}
            binding = staged / "keys" / SECRET_NAME
            secret = binding.read_bytes() if binding.exists() else None
    except (tarfile.TarError, OSError, KeyError, ValueError) as error:
        raise RestoreError(f"de backup is beschadigd: {error}") from error
    if dump.get("format") != FORMAT:
        raise RestoreError("onbekend backupformaat")
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    registry = Registry(database_url or default_url(home))
    with registry.reads() as session:
        if any(session.scalar(select(model).limit(1)) is not None for model in TABLES):
            raise RestoreError("de database is niet leeg")
    settings["database_url"] = database_url or ""
    try:
        write_config(home, settings)
        (home / "keys" / "private").mkdir(parents=True, exist_ok=True, mode=0o700)
        (home / "keys" / "keys.json").write_bytes(keys_index)
        for name, content in private.items():
            path = home / "keys" / "private" / name
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
        if secret is not None:
            fd = os.open(home / "keys" / SECRET_NAME, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(secret)
        with registry.sessions.begin() as session:
            for model in TABLES:
                for row in dump["tables"].get(model.__tablename__, []):
                    session.add(model(**{key: _value(value) for key, value in row.items()}))
            session.flush()
            if registry.engine.dialect.name == "postgresql":
                # Rows came with their ids: move each id sequence past the highest one.
                for model in TABLES:
                    if "id" not in model.__table__.columns:
                        continue
                    table = model.__tablename__
                    session.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                            f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                        )
                    )
    except Exception:
        (home / CONFIG_NAME).unlink(missing_ok=True)
        shutil.rmtree(home / "keys", ignore_errors=True)
        raise
    config = Config.load(home)
    return config
