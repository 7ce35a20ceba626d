"""The Zero to JupyterHub values file parses and says what the README says it does."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT

VALUES = ROOT / "tools" / "hub" / "zero-to-jupyterhub.yaml"


def _values() -> dict:
    return yaml.safe_load(VALUES.read_text(encoding="utf-8"))


def _readme_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("### Van één laptop naar een organisatie")
    end = text.find("\n## ", start)
    return text[start:end]


def test_values_have_postgres_shared_exchange_limits_and_culling():
    values = _values()
    assert values["hub"]["db"]["type"] == "postgres"
    assert values["hub"]["db"]["url"].startswith("postgresql")
    assert "password" not in values["hub"]["db"]  # never in the file
    single = values["singleuser"]
    mounts = {m["mountPath"]: m["name"] for m in single["storage"]["extraVolumeMounts"]}
    assert mounts["/srv/nbgrader/exchange"] == "nbgrader-exchange"
    volumes = single["storage"]["extraVolumes"]
    claims = {v["name"]: v["persistentVolumeClaim"]["claimName"] for v in volumes}
    assert set(mounts.values()) <= set(claims)
    assert single["memory"]["guarantee"] and single["memory"]["limit"]
    assert single["cpu"]["limit"]
    assert values["cull"]["enabled"] is True and values["cull"]["timeout"] > 0
    hook = values["hub"]["extraConfig"]["sleutelpersonen-roles"]
    compile(hook, "extraConfig", "exec")  # the hub runs it as Python
    assert "/voila/render/00-start-hier.ipynb" in hook and '"/lab"' in hook


def test_readme_names_the_values_and_the_measured_numbers():
    values, section = _values(), _readme_section()
    assert "tools/hub/zero-to-jupyterhub.yaml" in section
    assert f"`{values['singleuser']['memory']['guarantee']}`" in section
    assert f"`{values['singleuser']['memory']['limit']}`" in section
    assert f"{values['cull']['timeout'] // 60} minuten" in section
    assert "PostgreSQL" in section and "ngshare" in section
    assert "benchmarks/hub_benchmark.py" in section
    # Measured numbers: seconds from login to the start page and MiB per learner server.
    assert re.search(r"\d+ s", section) and len(re.findall(r"\d+ MiB", section)) >= 2
