"""The ready-made automation for content repositories: a pre-commit hook and a GitHub workflow.

Neither can run here for real (no GitHub, no pre-commit environment), so the tests read both
files and check what would break them: the commands, the triggers, the permissions, the
history depth; and they run the hook's command on a copy of the sample archive.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

from conftest import REPO, copy_project

BIN = Path(sys.executable).parent


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def hook() -> dict:
    hooks = load(REPO / ".pre-commit-hooks.yaml")
    assert isinstance(hooks, list) and [h["id"] for h in hooks] == ["archive-gen-check"]
    return hooks[0]


def workflow() -> dict:
    return load(REPO / ".github" / "workflows" / "archive.yml")


def steps(job: dict) -> list[dict]:
    return job["steps"]


def runs(job: dict) -> list[str]:
    return [s["run"] for s in steps(job) if "run" in s]


def uses(job: dict, action: str) -> dict:
    found = [s for s in steps(job) if s.get("uses", "").split("@")[0] == action]
    assert len(found) == 1, f"one step uses {action}"
    return found[0]


# --------------------------------------------------------------------------- pre-commit


def test_hook_runs_check_once_per_commit_when_content_changes():
    h = hook()
    assert shlex.split(h["entry"])[:2] == ["archive-gen", "check"]
    assert h["language"] == "python", "pre-commit installs archive-gen itself from the hook's repository"
    assert h["pass_filenames"] is False, "check reads the whole archive, not single files"
    files = re.compile(h["files"])
    assert files.search("content/articles/2024/06/a.md") and files.search("content/actors/kim-jong-un.md")
    assert not files.search("README.md") and not files.search("overrides/main.html")


def test_the_hook_entry_is_the_console_script_this_package_installs():
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert shlex.split(hook()["entry"])[0] in scripts


def test_the_hook_command_passes_a_good_archive_and_blocks_a_broken_one(tmp_path):
    """What pre-commit runs, run the same way: in the repository root, no file names."""
    root = copy_project(tmp_path / "archive")
    command = shlex.split(hook()["entry"])
    command[0] = str(BIN / command[0])
    good = subprocess.run([*command, "-q"], cwd=root, capture_output=True, text=True)
    assert good.returncode == 0, good.stderr

    broken = root / "content" / "articles" / "kaputt.md"
    broken.write_text("---\ntitle: Kaputt\ndate: gestern\n---\nText.\n", encoding="utf-8")
    bad = subprocess.run([*command, "-q"], cwd=root, capture_output=True, text=True)
    assert bad.returncode == 1
    assert "content/articles/kaputt.md:3:" in bad.stderr, bad.stderr


# --------------------------------------------------------------------------- GitHub Actions


def test_workflow_checks_pull_requests_and_publishes_main():
    wf = workflow()
    on = wf.get("on", wf.get(True))  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]
    assert wf["permissions"] == {"contents": "read"}, "write scopes only where they are needed"


def test_build_job_checks_builds_strictly_with_full_history():
    build = workflow()["jobs"]["build"]
    checkout = uses(build, "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0, "git dates need the whole history"
    commands = runs(build)
    install = next(i for i, c in enumerate(commands) if "pip install" in c)
    check = next(i for i, c in enumerate(commands) if shlex.split(c)[:2] == ["archive-gen", "check"])
    build_cmd = next(i for i, c in enumerate(commands) if shlex.split(c)[:2] == ["archive-gen", "build"])
    assert install < check < build_cmd
    assert "--format" in commands[check] and "github" in shlex.split(commands[check])
    assert "--strict" in shlex.split(commands[build_cmd])


def test_the_workflows_check_command_passes_on_the_sample_archive(tmp_path):
    """The step runs as written (GitHub annotations on stdout) and passes on a good archive."""
    root = copy_project(tmp_path / "archive")
    [command] = [shlex.split(c) for c in runs(workflow()["jobs"]["build"]) if shlex.split(c)[:2] == ["archive-gen", "check"]]
    command[0] = str(BIN / command[0])
    result = subprocess.run(command, cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "::error" not in result.stdout


def test_the_built_site_is_what_gets_deployed_and_only_from_main():
    wf = workflow()
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    upload = uses(build, "actions/upload-pages-artifact")
    site_dir = load_mkdocs_site_dir()
    assert upload["with"]["path"] == site_dir
    assert "refs/heads/main" in upload["if"] and "pull_request" in upload["if"]
    assert deploy["if"] == upload["if"], "upload and deploy run under the same condition"
    assert deploy["needs"] == "build"
    assert deploy["permissions"]["pages"] == "write" and deploy["permissions"]["id-token"] == "write"
    assert deploy["environment"]["name"] == "github-pages"
    step = uses(deploy, "actions/deploy-pages")
    assert step["id"] == "deployment" and "steps.deployment.outputs.page_url" in deploy["environment"]["url"]


def load_mkdocs_site_dir() -> str:
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^site_dir:\s*(\S+)", text, re.MULTILINE)
    return match.group(1) if match else "site"
