"""Binder: what repo2docker (mybinder.org's builder) will build from this repository.

`jupyter-repo2docker --no-build --debug` prints the Dockerfile it would build,
without a Docker daemon and without network for a local repository. The test runs
the real CLI (pinned in requirements-test.txt) with network and Docker pointed at
dead addresses, and checks the plan: Python 3.11, the pinned requirements, and
binder/postBuild (which installs the course package once and sets up JupyterLab
for learners).
"""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BINDER = ROOT / "binder"


def noncomment_lines(path):
    return [l.strip() for l in path.read_text(encoding="utf-8").splitlines()
            if l.strip() and not l.strip().startswith("#")]


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    """(Dockerfile, log) that repo2docker plans for the repository, as Binder would run it."""
    exe = Path(sys.executable).parent / "jupyter-repo2docker"
    assert exe.exists(), "jupyter-repo2docker is missing: install requirements-test.txt"
    dead = "http://127.0.0.1:9"  # nothing listens here: any network use would fail
    env = dict(os.environ, DOCKER_HOST="unix:///nonexistent/docker.sock",
               http_proxy=dead, https_proxy=dead, HTTP_PROXY=dead, HTTPS_PROXY=dead,
               no_proxy="", NO_PROXY="")
    proc = subprocess.run(
        [str(exe), "--no-build", "--debug", "--user-id", "1000", "--user-name", "jovyan", str(ROOT)],
        # repo2docker reads repo2docker_config.py from its working directory: use an empty one
        cwd=tmp_path_factory.mktemp("r2d"), env=env, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout, proc.stdout + proc.stderr


@pytest.mark.slow
def test_binder_uses_python_3_11(plan):
    dockerfile, log = plan
    assert "Building conda environment for python=3.11" in log
    # the conda lock file it copies in is the Python 3.11 one
    from escapism import unescape
    m = re.search(r"^COPY \S+ build_script_files/(\S+)-[0-9a-f]{6} /tmp/env/environment\.lock$",
                  dockerfile, re.M)
    assert m, dockerfile
    assert re.search(r"/environment\.py-3\.11(-linux-64)?\.lock$", unescape(m.group(1), escape_char="-"))
    assert "ENV KERNEL_PYTHON_PREFIX=${NB_PYTHON_PREFIX}" in dockerfile  # one env: kernel = server


@pytest.mark.slow
def test_binder_installs_the_pinned_requirements_then_runs_postbuild(plan):
    dockerfile, _ = plan
    steps = dockerfile.splitlines()
    copy_repo = steps.index("COPY --chown=1000:1000 src/ ${REPO_DIR}/")
    pip = steps.index('RUN ${KERNEL_PYTHON_PREFIX}/bin/pip install --no-cache-dir -r "binder/requirements.txt"')
    post_build = steps.index("RUN ./binder/postBuild")
    # binder/requirements.txt points at ../requirements.txt, so pip must run once the whole repo is in
    assert copy_repo < pip < post_build
    # with binder/ present repo2docker does not install the package itself: postBuild does, once
    assert not re.search(r"pip install[^\n]* \.$", dockerfile, re.M)


def test_binder_files_point_at_the_single_pin_list():
    assert noncomment_lines(BINDER / "runtime.txt") == ["python-3.11"]
    assert noncomment_lines(BINDER / "requirements.txt") == ["-r ../requirements.txt"]
    assert (BINDER / ".." / "requirements.txt").resolve() == ROOT / "requirements.txt"
    assert os.access(BINDER / "postBuild", os.X_OK)
    post_build = noncomment_lines(BINDER / "postBuild")
    installs = [l for l in post_build if "pip install" in l]
    assert len(installs) == 1 and "--no-deps ." in installs[0]
    assert any(l.startswith("bash scripts/learner-lab-settings") for l in post_build)
    assert os.access(ROOT / "scripts" / "learner-lab-settings", os.X_OK)
