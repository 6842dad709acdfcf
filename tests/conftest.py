"""Shared fixtures: the bundled sample corpus analysed once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from allegiance.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "sample"


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, Path]:
    """``allegiance analyze examples/sample`` with the full default pipeline."""
    out = tmp_path_factory.mktemp("sample")
    result = CliRunner().invoke(main, ["analyze", str(SAMPLE), "--out", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, out


@pytest.fixture(scope="session")
def sample_analysis_path(sample_run: tuple[int, Path]) -> Path:
    return sample_run[1] / "analysis.json"


@pytest.fixture(scope="session")
def analysis(sample_analysis_path: Path) -> dict:
    return json.loads(sample_analysis_path.read_text(encoding="utf-8"))
