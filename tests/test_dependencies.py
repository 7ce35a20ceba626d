"""Do environment.yml and pyproject.toml ask for the same runtime packages?"""

import tomllib

from conftest import ROOT

REQUIRED = {"jupyterlab", "nbgrader", "ipywidgets", "pandas", "nbval"}


def _pyproject_deps() -> list[str]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["dependencies"]


def _environment_pip_deps() -> list[str]:
    """The `pip:` list of environment.yml, read without a YAML library (flat, known shape)."""
    lines = (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "- pip:")
    deps = []
    for line in lines[start + 1 :]:
        stripped = line.strip()
        if not stripped.startswith("- "):
            break
        deps.append(stripped[2:].strip())
    return [dep for dep in deps if dep != "-e ."]


def _name(requirement: str) -> str:
    for separator in "<>=!~ [;":
        requirement = requirement.split(separator)[0]
    return requirement.lower()


def test_same_runtime_dependencies_in_both_files():
    """Does every requirement (with its version range) appear in both files?"""
    assert sorted(_environment_pip_deps()) == sorted(_pyproject_deps())


def test_required_packages_are_listed():
    """Are jupyterlab, nbgrader, ipywidgets, pandas and nbval runtime dependencies?"""
    assert {_name(dep) for dep in _pyproject_deps()} >= REQUIRED


def test_environment_installs_the_project_itself():
    """Does the conda route install the course package (so notebooks can import it)?"""
    assert "- -e ." in (ROOT / "environment.yml").read_text(encoding="utf-8")
