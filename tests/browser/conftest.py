"""Fixtures for the real-browser tests: a real JupyterLab server and Debian's headless Chromium.

JupyterLab runs from this virtualenv on 127.0.0.1 (free port, random token) over a
temporary copy of notebooks/, with TURNAROUND_HOME in a temporary folder so the
learner's progress never touches ~ or the working tree. Playwright drives
/usr/bin/chromium (never `playwright install`). Screenshots go to
artifacts/screenshots/. Both processes are always stopped at the end, and every
wait is bounded.
"""
from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SERVER_START_TIMEOUT = 60      # seconds for JupyterLab to answer
RUN_ALL_TIMEOUT = 90_000       # ms for "Run All Cells" to finish
DEFAULT_TIMEOUT = 20_000       # ms for any single Playwright action or wait
VIEWPORT = {"width": 1280, "height": 1000}

# Every output that JupyterLab shows for stderr or an exception (errors render with the stderr mime type).
ERROR_OUTPUTS = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "browser: drives the real JupyterLab in headless Chromium (needs scripts/install-browser)")


# --------------------------------------------------------------------------- JupyterLab server

@dataclass
class LabServer:
    url: str
    token: str
    root: Path          # the temporary copy of notebooks/ that JupyterLab serves
    home: Path          # TURNAROUND_HOME: where the kernel saves the learner's progress
    log: Path

    def lab_url(self, notebook: str, workspace: str | None = None) -> str:
        """The notebook in JupyterLab; a workspace of its own keeps tabs from one test out of another."""
        where = f"/lab/workspaces/{workspace}" if workspace else "/lab"
        return f"{self.url}{where}/tree/{notebook}?token={self.token}"

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(proc: subprocess.Popen, grace: float = 15) -> None:
    """Stop the server we started (SIGTERM lets it shut its kernels down), then its process group."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
    try:  # kernels are in the server's own session/process group: make sure none outlives the test
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory):
    base = tmp_path_factory.mktemp("jupyterlab")
    root = base / "notebooks"
    shutil.copytree(REPO / "notebooks", root)
    home = base / "learner"
    settings = base / "user-settings"
    # No "Would you like to receive official Jupyter news?" toast, and no update checks.
    notification = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    notification.parent.mkdir(parents=True)
    notification.write_text('{"fetchNews": "false", "checkForUpdates": false}', encoding="utf-8")

    token = secrets.token_hex(24)
    port = _free_port()
    env = dict(os.environ)
    env.update({
        "TURNAROUND_HOME": str(home),
        "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
        "IPYTHONDIR": str(base / "ipython"),
        "PYTHONUNBUFFERED": "1",
    })
    env.pop("JUPYTER_TOKEN", None)
    cmd = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--ServerApp.token={token}", f"--ServerApp.root_dir={root}",
        "--ServerApp.allow_root=True",  # CI containers run as root
        "--LabApp.news_url=None",
        f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={base / 'workspaces'}",
    ]
    log = base / "jupyterlab.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env=env, cwd=base, start_new_session=True)
    server = LabServer(url=f"http://127.0.0.1:{port}", token=token, root=root, home=home, log=log)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"JupyterLab exited with code {proc.returncode} before answering:\n{server.log_tail()}")
            try:
                with urllib.request.urlopen(f"{server.url}/api/status?token={token}", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not answer within {SERVER_START_TIMEOUT} s:\n{server.log_tail()}")
            time.sleep(0.25)
        yield server
    finally:
        _stop(proc)


# --------------------------------------------------------------------------- Chromium via Playwright

@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/install-browser` (it installs Debian's chromium).",
                    pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is not installed: run `bash scripts/setup-env requirements-test.txt` "
                    "(never `playwright install`; the tests use Debian's chromium).", pytrace=False)
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
                                              timeout=60_000)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


@pytest.fixture(scope="session")
def browser_context(browser):
    context = browser.new_context(viewport=VIEWPORT, locale="en-GB")
    context.set_default_timeout(DEFAULT_TIMEOUT)
    context.set_default_navigation_timeout(60_000)
    yield context
    context.close()


@pytest.fixture(scope="session")
def screenshot():
    """screenshot(page, "name"): a numbered full-page PNG in artifacts/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    counter = iter(range(1, 1000))

    def take(page, name: str) -> Path:
        settle(page)
        path = SCREENSHOTS / f"{next(counter):02d}-{re.sub(r'[^A-Za-z0-9_-]+', '-', name)}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


def settle(page) -> None:
    """Wait two animation frames so content that was just scrolled into view is painted."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def reveal(locator) -> None:
    """Scroll this element to the top of the notebook, and again once the cells around it are laid out.

    JupyterLab skips the layout of off-screen cells (content-visibility), so the first
    scroll lands on estimated heights; the second one corrects it.
    """
    for _ in range(2):
        locator.evaluate("e => e.scrollIntoView({block: 'start'})")
        settle(locator.page)


# --------------------------------------------------------------------------- a notebook open in JupyterLab

class LabNotebook:
    """One notebook open in JupyterLab, driven like a learner would."""

    def __init__(self, page, server: LabServer, path: str):
        self.page = page
        self.server = server
        self.path = path

    @property
    def panel(self):
        return self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")

    def open(self) -> "LabNotebook":
        workspace = re.sub(r"[^A-Za-z0-9]+", "-", self.path) + "-" + secrets.token_hex(3)
        self.page.goto(self.server.lab_url(self.path, workspace))
        self.panel.locator(".jp-Notebook").wait_for(state="visible", timeout=60_000)
        self.accept_kernel_dialog()
        self.wait_until_idle(timeout=60_000)
        return self

    def accept_kernel_dialog(self) -> None:
        """If JupyterLab asks which kernel to use, keep the one it proposes (Python 3)."""
        dialog = self.page.locator(".jp-Dialog")
        try:
            dialog.wait_for(state="visible", timeout=1_500)
        except Exception:  # noqa: BLE001 - no dialog is the normal case
            return
        if "kernel" in dialog.inner_text().lower():
            dialog.locator(".jp-mod-accept").click()

    def wait_until_idle(self, timeout: int = RUN_ALL_TIMEOUT) -> None:
        """Kernel idle and no cell waiting or running ([*])."""
        self.page.wait_for_function(
            """() => {
                const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
                if (!panel) return false;
                const status = panel.querySelector('.jp-Notebook-ExecutionIndicator');
                const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
                return status && status.dataset.status === 'idle'
                    && !prompts.some(p => p.textContent.includes('*'));
            }""",
            timeout=timeout,
            polling=200,
        )

    def run_all(self) -> None:
        """Run > Run All Cells, from the menu bar, then wait until every cell has run."""
        self.page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
        self.page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        # Give the queue a moment to start, then wait for it to drain.
        self.page.wait_for_function(
            """() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')]
                     .some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))""",
            timeout=DEFAULT_TIMEOUT,
        )
        self.wait_until_idle()

    def prompts(self) -> list[str]:
        return self.panel.locator(".jp-CodeCell .jp-InputPrompt").evaluate_all(
            "els => els.map(e => e.textContent.trim())")

    def code_cell(self, startswith: str):
        """The code cell whose source starts with this text."""
        cells = self.panel.locator(".jp-CodeCell")
        index = cells.evaluate_all(
            "(els, start) => els.findIndex(e => (e.querySelector('.cm-content')?.textContent ?? '').trimStart().startsWith(start))",
            startswith,
        )
        assert index >= 0, f"no code cell starting with {startswith!r} in {self.path}"
        return cells.nth(index)

    def error_outputs(self) -> list[str]:
        """Text of every error/stderr output, plus any output that shows a traceback."""
        errors = self.panel.locator(ERROR_OUTPUTS).evaluate_all("els => els.map(e => e.textContent)")
        tracebacks = self.panel.locator(".jp-OutputArea-output").evaluate_all(
            "els => els.map(e => e.textContent).filter(t => /Traceback \\(most recent call last\\)|\\w+Error: /.test(t))")
        return [t.strip()[:800] for t in errors + tracebacks]

    def type_into_new_cell_at_end(self, lines: list[str]):
        """Select the last cell, insert a cell below it (B), type the lines and run it (Shift+Enter).

        Returns that cell (Shift+Enter on the last cell adds another empty cell below it)."""
        last = self.panel.locator(".jp-Cell").last
        last.scroll_into_view_if_needed()
        last.locator(".jp-InputPrompt").click()
        self.page.keyboard.press("Escape")
        self.page.keyboard.press("b")
        editor = self.panel.locator(".jp-Cell.jp-mod-active .cm-content")
        editor.wait_for(state="visible")
        editor.click()
        index = self.panel.locator(".jp-Cell").evaluate_all(
            "els => els.findIndex(e => e.classList.contains('jp-mod-active'))")
        for i, line in enumerate(lines):
            if i:
                self.page.keyboard.press("Enter")
            self.page.keyboard.insert_text(line)
        self.page.keyboard.press("Shift+Enter")
        self.wait_until_idle()
        return self.panel.locator(".jp-Cell").nth(index)


@pytest.fixture
def open_notebook(browser_context, lab_server):
    """open_notebook("01_listen/01_listen.ipynb") -> LabNotebook in a new tab (closed after the test)."""
    pages = []

    def _open(path: str) -> LabNotebook:
        page = browser_context.new_page()
        pages.append(page)
        return LabNotebook(page, lab_server, path).open()

    yield _open
    for page in pages:
        page.close()
