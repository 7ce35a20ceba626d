"""Backups an issuer can trust: a signed list of contents, optional encryption, refusal of
tampered, cut-off or foreign input with a Dutch reason, and all-or-nothing restores."""

from __future__ import annotations

import io
import json
import stat
import tarfile
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)
from sqlalchemy import create_engine, text

from keurmerk import backup_archive
from keurmerk.backup import RestoreError, create_backup, restore_backup
from keurmerk.cli import main
from keurmerk.service import Config, Keurmerkbeheer
from keurmerk_issuer import new_beheer

NOW = datetime(2026, 11, 25, tzinfo=UTC)


@pytest.fixture
def beheer(tmp_path) -> Keurmerkbeheer:
    beheer = new_beheer(tmp_path)
    beheer.issue("anna", "Anna de Vries", "anna@example.org", now=NOW)
    revoked = beheer.issue("bram", "Bram Bakker", "bram@example.org", now=NOW)
    beheer.revoke(revoked.number, "fraude", actor="bert")
    beheer.rotate_key("test")
    return beheer


def _members(path) -> dict[str, bytes]:
    return backup_archive.unpack(path.read_bytes())


def _repack(members: dict[str, bytes], path) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    path.write_bytes(buffer.getvalue())


def _unrevoke(members: dict[str, bytes]) -> dict[str, bytes]:
    dump = json.loads(members["registry.json"])
    for row in dump["tables"]["certificates"]:
        row["state"] = "actief"
    return {**members, "registry.json": json.dumps(dump).encode()}


def _restore_cli(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, ["backup-terugzetten", *args], env=env)


def test_backup_holds_only_the_active_private_key_and_is_logged(beheer, tmp_path):
    path = create_backup(beheer.config, tmp_path / "b.tar.gz", actor="anna")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    members = _members(path)
    active, _ = beheer.keys.active()
    assert [n for n in members if n.startswith("keys/private/")] == [
        f"keys/private/{active.file_name}"
    ]
    dump = json.loads(members["registry.json"])
    assert dump["tables"]["audit_trail"][-1]["action"] == "backup"
    assert dump["tables"]["audit_trail"][-1]["actor"] == "anna"


def test_an_unrevoked_keurmerk_in_a_backup_is_refused(beheer, tmp_path):
    path = create_backup(beheer.config, tmp_path / "b.tar.gz")
    tampered = tmp_path / "veranderd.tar.gz"
    _repack(_unrevoke(_members(path)), tampered)
    result = _restore_cli(str(tampered), "--naar", str(tmp_path / "nieuw"))
    assert result.exit_code == 1
    assert "Het bestand registry.json in de backup is veranderd" in result.output
    assert not (tmp_path / "nieuw").exists()


def test_a_tampered_backup_with_a_new_contents_list_is_refused(beheer, tmp_path):
    """Even someone who re-signs the contents list with the key inside the backup is caught:
    the certificate rows no longer match the backup's own signed audit trail."""
    path = create_backup(beheer.config, tmp_path / "b.tar.gz")
    members = _unrevoke(_members(path))
    signed = json.loads(members.pop("manifest.json"))
    method = signed["verificationMethod"]
    key_file = next(n for n in members if n.startswith("keys/private/"))
    key = load_pem_private_key(members[key_file], password=None)
    (tmp_path / "t.tar.gz").write_bytes(
        backup_archive.pack({n: d for n, d in members.items()}, {"format": 2}, key, method)
    )
    with pytest.raises(RestoreError, match="klopt niet met zijn eigen auditlog") as refused:
        restore_backup(tmp_path / "t.tar.gz", tmp_path / "nieuw")
    assert "'actief'" in str(refused.value) and "'ingetrokken'" in str(refused.value)
    assert not (tmp_path / "nieuw").exists()


def test_a_cut_off_backup_gets_a_dutch_reason(beheer, tmp_path):
    path = create_backup(beheer.config, tmp_path / "b.tar.gz")
    cut = tmp_path / "half.tar.gz"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    result = _restore_cli(str(cut), "--naar", str(tmp_path / "nieuw"))
    assert result.exit_code == 1
    assert "Aborted" not in result.output
    assert "niet compleet" in result.output and "Er is niets teruggezet" in result.output
    assert not (tmp_path / "nieuw").exists()


def test_a_restore_that_fails_midway_leaves_nothing_and_shows_no_personal_data(beheer, tmp_path):
    """A database that refuses a row halfway: one Dutch line, no traceback with names,
    e-mail bindings or credentials, and neither files nor rows left behind."""
    path = create_backup(beheer.config, tmp_path / "b.tar.gz")
    target = tmp_path / "doel.sqlite"
    with create_engine(f"sqlite:///{target}").begin() as connection:
        connection.execute(
            text(
                "create table certificates (id integer primary key, number varchar(16) unique,"
                " learner_id varchar(100), name varchar(200) check (name not like '%Bakker%'),"
                " email_hash varchar(100), awarded_at datetime, valid_from datetime,"
                " valid_until datetime, status_index integer unique, state varchar(20),"
                " state_reason text, issued_at datetime, credential text,"
                " supersedes varchar(16), superseded_by varchar(16))"
            )
        )
    home = tmp_path / "nieuw"
    result = _restore_cli(str(path), "--naar", str(home), "--database", f"sqlite:///{target}")
    assert result.exit_code == 1
    assert "Het terugzetten is mislukt in de database (IntegrityError)" in result.output
    assert "Traceback" not in result.output
    certificates = beheer.registry.certificates()
    for secret in ("Anna", "Bakker", certificates[0].email_hash, "proofValue"):
        assert secret not in result.output
    assert not home.exists()
    with create_engine(f"sqlite:///{target}").connect() as connection:
        for table in ("certificates", "audit_trail", "status_lists"):
            assert connection.execute(text(f"select count(*) from {table}")).scalar() == 0


def test_a_folder_with_other_files_is_refused(beheer, tmp_path):
    path = create_backup(beheer.config, tmp_path / "b.tar.gz")
    folder = tmp_path / "documenten"
    folder.mkdir()
    (folder / "brief.txt").write_text("van mij")
    result = _restore_cli(str(path), "--naar", str(folder))
    assert result.exit_code == 1 and "bevat al andere bestanden" in result.output
    assert [p.name for p in folder.iterdir()] == ["brief.txt"]
    with pytest.raises(RestoreError, match="bevat al een keurmerk"):
        restore_backup(path, beheer.config.home)


def test_an_encrypted_backup_needs_its_passphrase(beheer, tmp_path):
    runner = CliRunner()
    home = str(beheer.config.home)
    path = tmp_path / "geheim.km"
    made = runner.invoke(
        main,
        ["backup", str(path), "--map", home, "--versleutel"],
        env={"KEURMERK_BACKUP_WACHTWOORD": "paard batterij nietje"},
    )
    assert made.exit_code == 0, made.output
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = path.read_bytes()
    assert b"PRIVATE KEY" not in raw and b"Anna" not in raw
    with pytest.raises(tarfile.TarError), tarfile.open(fileobj=io.BytesIO(raw), mode="r:gz"):
        pass
    with pytest.raises(RestoreError, match="versleuteld"):
        restore_backup(path, tmp_path / "a")
    wrong = _restore_cli(
        str(path), "--naar", str(tmp_path / "b"), env={"KEURMERK_BACKUP_WACHTWOORD": "fout"}
    )
    assert wrong.exit_code == 1 and "Het wachtwoord klopt niet" in wrong.output
    flipped = bytearray(raw)
    flipped[-40] ^= 1
    (tmp_path / "omgedraaid.km").write_bytes(bytes(flipped))
    with pytest.raises(RestoreError, match="wachtwoord klopt niet"):
        restore_backup(
            tmp_path / "omgedraaid.km", tmp_path / "c", passphrase="paard batterij nietje"
        )
    good = _restore_cli(
        str(path),
        "--naar",
        str(tmp_path / "d"),
        env={"KEURMERK_BACKUP_WACHTWOORD": "paard batterij nietje"},
    )
    assert good.exit_code == 0, good.output
    restored = Keurmerkbeheer(Config.load(tmp_path / "d"))
    assert [c.number for c in restored.registry.certificates()] == [
        c.number for c in beheer.registry.certificates()
    ]
    report = restored.check_audit()
    assert report.ok, report.problems
    assert restored.registry.verify_audit().records == beheer.registry.verify_audit().records + 1
    audit = runner.invoke(main, ["audit", "--map", str(tmp_path / "d")])
    assert audit.exit_code == 0, audit.output


def test_an_old_backup_restores_without_its_retired_private_keys(beheer, tmp_path):
    """A backup from before contents lists (format 1) held every private key; a restore
    writes only the signing key and still checks the rows against the trail."""
    members = _members(create_backup(beheer.config, tmp_path / "b.tar.gz"))
    members.pop("manifest.json")
    dump = json.loads(members["registry.json"])
    dump["format"] = 1
    members["registry.json"] = json.dumps(dump).encode()
    retired = next(k for k in beheer.keys.keys() if k.retired)  # noqa: SIM118 (KeyStore)
    members[f"keys/private/{retired.file_name}"] = Ed25519PrivateKey.generate().private_bytes(
        Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()
    )
    _repack(members, tmp_path / "oud.tar.gz")
    config = restore_backup(tmp_path / "oud.tar.gz", tmp_path / "nieuw")
    written = sorted(p.name for p in (config.home / "keys" / "private").iterdir())
    assert written == [beheer.keys.active()[0].file_name]
    assert Keurmerkbeheer(config).check_audit().ok
    _repack(_unrevoke(members), tmp_path / "oud-veranderd.tar.gz")
    with pytest.raises(RestoreError, match="klopt niet met zijn eigen auditlog"):
        restore_backup(tmp_path / "oud-veranderd.tar.gz", tmp_path / "nieuw2")
