"""One keurmerk per learner: `uitgeven` again (or twice at once) never gives a second one, and
the configuration survives any issuer name (written with a TOML library)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from keurmerk.cli import main
from keurmerk.registry import AlreadyIssued
from keurmerk.service import Config, Keurmerkbeheer

KEURMERK = str(Path(sys.executable).parent / "keurmerk")
SCORES = """learner,assignment,score,max_score,open_items,late
samira,module-1,30,32,,False
samira,module-2,25,28,,False
samira,module-3,28,30,,False
tesfay,module-1,30,32,,False
tesfay,module-2,25,28,,False
tesfay,module-3,28,30,,False
"""
PRACTICE = "learner,practice_hours,intervision_sessions\nsamira,24,4\ntesfay,30,5\n"
PEOPLE = (
    "learner,name,email\nsamira,Samira Benali,s@example.org\ntesfay,Tesfay Haile,t@example.org\n"
)


def _init(home: Path, name: str = "Stichting Keurmerk") -> None:
    result = CliRunner().invoke(
        main, ["init", "--map", str(home), "--url", "https://keurmerk.example.nl", "--naam", name]
    )
    assert result.exit_code == 0, result.output


@pytest.fixture
def tables(tmp_path) -> list[str]:
    for name, content in [
        ("scores.csv", SCORES),
        ("praktijk.csv", PRACTICE),
        ("deelnemers.csv", PEOPLE),
    ]:
        (tmp_path / name).write_text(content, encoding="utf-8")
    return [
        "--scores",
        str(tmp_path / "scores.csv"),
        "--praktijk",
        str(tmp_path / "praktijk.csv"),
        "--deelnemers",
        str(tmp_path / "deelnemers.csv"),
    ]


def _holders(home: Path) -> list[str]:
    return sorted(c.learner_id for c in Keurmerkbeheer(Config.load(home)).registry.certificates())


def test_uitgeven_twice_gives_no_second_keurmerk(tmp_path, tables):
    """Does a second `uitgeven` refuse, in Dutch, and point to renewal?"""
    home = tmp_path / "home"
    _init(home)
    first = CliRunner().invoke(main, ["uitgeven", "--map", str(home), *tables])
    assert first.exit_code == 0, first.output
    assert first.output.count("uitgegeven. PDF") == 2
    second = CliRunner().invoke(main, ["uitgeven", "--map", str(home), *tables])
    assert second.exit_code == 0, second.output
    assert "uitgegeven. PDF" not in second.output
    number = Keurmerkbeheer(Config.load(home)).registry.certificates()[0].number
    assert f"samira: heeft al keurmerk {number}" in second.output
    assert f"Verlengen gaat met: keurmerk vernieuw {number}" in second.output
    assert _holders(home) == ["samira", "tesfay"]


def test_no_new_keurmerk_after_revocation_expiry_or_renewal(tmp_path):
    """Is a revoked, expired, suspended or renewed holder refused a fresh keurmerk too?"""
    _init(tmp_path / "home")
    beheer = Keurmerkbeheer(Config.load(tmp_path / "home"))
    revoked = beheer.issue("a", "Anna", "a@example.org")
    beheer.revoke(revoked.number, "fraude")
    ended = datetime.now(UTC) - timedelta(days=3 * 365 + 60)  # ended two months ago
    expired = beheer.issue("b", "Bram", "b@example.org", now=ended)
    suspended = beheer.issue("c", "Cor", "c@example.org")
    beheer.suspend(suspended.number, "klacht")
    renewed = beheer.renew(expired.number, "b@example.org")
    for learner, existing in [("a", revoked), ("b", renewed), ("c", suspended)]:
        with pytest.raises(AlreadyIssued) as refused:
            beheer.issue(learner, "Naam", "x@example.org")
        assert refused.value.certificate.number == existing.number
    assert len(beheer.registry.certificates()) == 4


def test_parallel_uitgeven_gives_one_keurmerk_each(tmp_path, tables):
    """Do two `uitgeven` processes at the same moment still give each learner one keurmerk?"""
    home = tmp_path / "home"
    _init(home)
    command = [KEURMERK, "uitgeven", "--map", str(home), *tables]
    running = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=180) for process in running]
    assert [process.returncode for process in running] == [0, 0], outputs
    assert sum(out.count("uitgegeven. PDF") for out, _ in outputs) == 2
    assert _holders(home) == ["samira", "tesfay"]


@pytest.mark.parametrize(
    "name",
    [
        'Stichting "Sleutel" Keurmerk',
        "C:\\keurmerk\\uitgever",
        "Stichting 'Sleutel'\nNieuwe regel = ja",
        'Ẓeynep & Noor \\u0041 """',
    ],
)
def test_issuer_name_with_quotes_and_backslashes_round_trips(tmp_path, name):
    """Does `init --naam` with a quote or backslash give a readable configuration?"""
    home = tmp_path / "home"
    _init(home, name)
    with (home / "keurmerk.toml").open("rb") as handle:
        assert tomllib.load(handle)["issuer_name"] == name
    beheer = Keurmerkbeheer(Config.load(home))
    assert beheer.config.issuer.name == name
    assert beheer.issuer_document()["name"] == name
    certificate = beheer.issue("samira", "Samira", "s@example.org")
    assert certificate.credential_json()["issuer"]["name"] == name


def test_database_url_with_special_characters_round_trips(tmp_path):
    """Does a database URL with a quote and a backslash survive writing and reading?"""
    odd = tmp_path / 'map "met" \\ tekens'
    url = f"sqlite:///{odd / 'register.sqlite'}"
    odd.mkdir()
    Config.write(tmp_path / "home", "https://keurmerk.example.nl", "Stichting", url)
    assert Config.load(tmp_path / "home").database_url == url


def test_a_broken_configuration_gets_a_dutch_message(tmp_path):
    """Does a keurmerk.toml broken by hand (or by an old version) give one Dutch line?"""
    home = tmp_path / "home"
    _init(home)
    (home / "keurmerk.toml").write_text('issuer_name = "Stichting "Sleutel""\n')
    result = CliRunner().invoke(main, ["audit", "--map", str(home)])
    assert result.exit_code == 1
    assert "keurmerk.toml is beschadigd" in result.output
    assert "Traceback" not in result.output
