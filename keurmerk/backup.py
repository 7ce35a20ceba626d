"""Backup and restore of everything the keurmerk needs: registry, status lists, audit trail,
public register, the active signing key and configuration, in one archive (backup_archive.py).

The backup holds the ACTIVE private signing key (retired keys are never copied: their public
parts in ``keys.json`` are enough to verify old credentials): it is written with mode 0600;
give a passphrase to encrypt it, and keep it offline. A restore checks the archive (complete,
signed list of contents, every file's hash), then restores into an empty folder and an empty
database (SQLite or PostgreSQL) in one transaction, checks the restored audit trail and every
certificate row against it before committing, and logs itself in the audit trail. Anything
wrong is one Dutch sentence (``RestoreError``) and leaves nothing behind.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import tomllib
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from keurmerk import audit, audit_check
from keurmerk import messages as msg
from keurmerk.backup_archive import (
    BackupError,
    decrypt,
    encrypt,
    is_encrypted,
    pack,
    unpack,
    verify_manifest,
)
from keurmerk.identity import SECRET_NAME
from keurmerk.models import Base
from keurmerk.multikey import decode_public_key
from keurmerk.registry import Registry
from keurmerk.service import CONFIG_NAME, Config, Keurmerkbeheer, write_config

# Every table of the registry (a table added later is backed up without a change here).
TABLES = tuple(sorted((m.class_ for m in Base.registry.mappers), key=lambda c: c.__tablename__))
FORMAT = 2
REGISTRY_FILE = "registry.json"
KEY_FILES = ("keys/keys.json", f"keys/{SECRET_NAME}")


class RestoreError(RuntimeError):
    """The backup cannot be restored here (target not empty, file damaged, …); Dutch text."""


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


def create_backup(
    config: Config, target: Path, actor: str = "systeem", passphrase: str | None = None
) -> Path:
    """Write the backup file (mode 0600); refuse to overwrite an existing file.

    The backup is logged in the audit trail first, so the backup holds its own record."""
    beheer = Keurmerkbeheer(config)
    info, key = beheer.keys.active()
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        beheer.registry.log(actor, "backup", details={"encrypted": bool(passphrase)})
        files = {
            REGISTRY_FILE: json.dumps(dump_registry(beheer.registry), ensure_ascii=False).encode(),
            CONFIG_NAME: (config.home / CONFIG_NAME).read_bytes(),
            f"keys/private/{info.file_name}": (
                beheer.keys.home / "private" / info.file_name
            ).read_bytes(),
        }
        for name in KEY_FILES:
            if (config.home / name).exists():
                files[name] = (config.home / name).read_bytes()
        manifest = {
            "format": FORMAT,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "checkpoint": beheer.audit_checkpoint(),
        }
        data = pack(files, manifest, key, info.method)
        with os.fdopen(fd, "wb") as handle:
            handle.write(encrypt(data, passphrase) if passphrase else data)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def read_backup(source: Path, passphrase: str | None = None) -> dict[str, bytes]:
    """The files of a backup, checked: complete, decrypted, signed contents list, hashes."""
    try:
        data = source.read_bytes()
    except OSError as error:
        raise RestoreError(msg.BACKUP_CANNOT_READ.format(path=source)) from error
    try:
        if is_encrypted(data):
            data = decrypt(data, passphrase)
        files = unpack(data)
        if "manifest.json" in files:
            keys_index = json.loads(files["keys/keys.json"])
            verify_manifest(files, keys_index)
        elif json.loads(files[REGISTRY_FILE]).get("format") != 1:  # before manifests
            raise BackupError(msg.BACKUP_NO_MANIFEST)
    except BackupError as error:
        raise RestoreError(str(error)) from error
    except (KeyError, ValueError) as error:
        raise RestoreError(msg.BACKUP_DAMAGED) from error
    return files


def _check_target(home: Path) -> bool:
    """Refuse a folder that is not empty; True when the folder is new (made by the restore)."""
    if (home / CONFIG_NAME).exists():
        raise RestoreError(msg.RESTORE_HAS_KEURMERK.format(path=home))
    if home.exists() and not home.is_dir():
        raise RestoreError(msg.RESTORE_NOT_A_FOLDER.format(path=home))
    if home.exists() and any(home.iterdir()):
        raise RestoreError(msg.RESTORE_FOLDER_NOT_EMPTY.format(path=home))
    return not home.exists()


def _write_private(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)


def _write_files(home: Path, files: dict[str, bytes], database_url: str | None) -> None:
    settings = tomllib.loads(files[CONFIG_NAME].decode("utf-8"))
    settings["database_url"] = database_url or ""
    write_config(home, settings)
    signing = {  # only the signing key: older backups also held retired private keys
        f"keys/private/{item['public_key']}.pem"
        for item in json.loads(files["keys/keys.json"])
        if not item.get("retired") and not item.get("revoked")
    }
    for name, content in files.items():
        if name.startswith("keys/") and (not name.startswith("keys/private/") or name in signing):
            _write_private(home / name, content)


def _insert(session: Session, dump: dict, postgres: bool) -> None:
    for model in TABLES:
        for row in dump["tables"].get(model.__tablename__, []):
            session.add(model(**{key: _value(value) for key, value in row.items()}))
    session.flush()
    if postgres:
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


def _content_problems(session: Session, beheer: Keurmerkbeheer, files: dict) -> list[str]:
    """The restored trail and every certificate row against it, before the commit."""
    keys = {k.method: decode_public_key(k.public_key) for k in beheer.keys.keys()}  # noqa: SIM118
    report = audit_check.check_trail(session, keys, beheer.key_ends())
    problems = report.problems + audit_check.certificate_problems(session, keys)
    manifest = json.loads(files.get("manifest.json", b"{}")).get("manifest", {})
    if manifest.get("checkpoint"):
        problems += audit_check.compare_checkpoint(session, manifest["checkpoint"], keys)
    return problems


def restore_backup(
    source: Path,
    home: Path,
    database_url: str | None = None,
    passphrase: str | None = None,
    actor: str = "systeem",
) -> Config:
    """Restore into ``home`` (a new or empty folder) and an empty database, all or nothing."""
    files = read_backup(source, passphrase)
    made_home = _check_target(home)
    try:
        dump = json.loads(files[REGISTRY_FILE])
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        _write_files(home, files, database_url)
        beheer = Keurmerkbeheer(Config.load(home))
        registry = beheer.registry
        with registry.reads() as session:
            if any(session.scalar(select(model).limit(1)) is not None for model in TABLES):
                raise RestoreError(msg.RESTORE_DATABASE_NOT_EMPTY)
        with registry.sessions.begin() as session:
            session.info[audit.SIGNER] = beheer.sign_audit
            _insert(session, dump, registry.engine.dialect.name == "postgresql")
            problems = _content_problems(session, beheer, files)
            if problems:
                raise RestoreError(msg.RESTORE_CONTENT_CHANGED.format(problem=problems[0]))
            audit.record(session, actor, "backup-teruggezet", details={"file": source.name})
    except Exception as error:
        if made_home:
            shutil.rmtree(home, ignore_errors=True)
        else:
            for child in home.iterdir():
                shutil.rmtree(child) if child.is_dir() else child.unlink()
        if isinstance(error, RestoreError):
            raise
        # Never the driver's message: it can quote rows (names, credentials).
        raise RestoreError(msg.RESTORE_FAILED.format(kind=type(error).__name__)) from None
    return Config.load(home)
