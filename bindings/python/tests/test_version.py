"""One version everywhere: the module and the installed distribution report the workspace version."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

from packaging.version import Version

import payroc_rs

ROOT_MANIFEST = Path(__file__).resolve().parents[3] / "Cargo.toml"


def workspace_version() -> str:
    """`[workspace.package] version` of the root Cargo.toml, the only place it is written."""
    text = ROOT_MANIFEST.read_text(encoding="utf-8")
    try:
        import tomllib
    except ModuleNotFoundError:  # Python < 3.11: the one key, without a TOML parser
        section = text.split("\n[workspace.package]\n", 1)[1].split("\n[", 1)[0]
        match = re.search(r'^version\s*=\s*"([^"]+)"', section, re.MULTILINE)
        assert match, "no version in [workspace.package]"
        return match.group(1)
    version: str = tomllib.loads(text)["workspace"]["package"]["version"]
    return version


def test_module_version_is_the_workspace_version() -> None:
    assert payroc_rs.__version__ == workspace_version()


def test_distribution_version_is_the_workspace_version() -> None:
    # The wheel's metadata spells a pre-release the PEP 440 way (0.2.0-rc.1 -> 0.2.0rc1).
    assert Version(importlib.metadata.version("payroc-rs")) == Version(workspace_version())
