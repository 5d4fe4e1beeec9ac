"""The reports in a real browser: headless Chromium over the DevTools protocol (``--remote-debugging-pipe``).

Opens ``index.html`` and one notebook page of a freshly built report (and of
the repository's ``reports/`` when ``make report`` has made one), then checks
that every <img> loaded, every link resolves to a file, and the console
logged no error. A screenshot of the index is saved as
``reports/index_screenshot.png``. Skipped, with a message, where no
``chromium`` is installed (``.ci/run`` installs Debian's package).
"""
from __future__ import annotations

import base64
import fcntl
import json
import os
import queue
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from .report_support import REPO, built_report

BROWSER = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")
                if shutil.which(name)), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="chromium not installed (apt-get install chromium)")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--disable-component-update", "--disable-sync", "--disable-extensions", "--mute-audio",
         "--remote-debugging-pipe"]

# What the page reports about itself once loaded.
PAGE_FACTS = """JSON.stringify({
  images: Array.from(document.images).map(i => ({src: i.src.slice(0, 80),
                                                 ok: i.complete && i.naturalWidth > 0})),
  links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href),
  title: document.title
})"""


class Chromium:
    """A headless Chromium driven over the DevTools pipe (fd 3: commands in, fd 4: replies out)."""

    def __init__(self, user_data_dir: Path):
        cmd_r, cmd_w = os.pipe()
        out_r, out_w = os.pipe()
        # move the child's ends above 4 so the dup2 below cannot clobber them
        high_cmd_r = fcntl.fcntl(cmd_r, fcntl.F_DUPFD, 10)
        high_out_w = fcntl.fcntl(out_w, fcntl.F_DUPFD, 10)
        os.close(cmd_r)
        os.close(out_w)

        def child_fds():
            os.dup2(high_cmd_r, 3)
            os.dup2(high_out_w, 4)

        self.proc = subprocess.Popen([BROWSER, *FLAGS, f"--user-data-dir={user_data_dir}", "about:blank"],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, preexec_fn=child_fds, pass_fds=(3, 4))
        os.close(high_cmd_r)
        os.close(high_out_w)
        self._out = os.fdopen(cmd_w, "wb", buffering=0)
        self._in = os.fdopen(out_r, "rb", buffering=0)
        self._next_id = 0
        self._replies: dict[int, queue.Queue] = {}
        self.events: queue.Queue = queue.Queue()
        self._lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        buf = b""
        while True:
            chunk = self._in.read(65536)
            if not chunk:
                return
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                msg = json.loads(raw)
                if "id" in msg:
                    self._replies.setdefault(msg["id"], queue.Queue()).put(msg)
                else:
                    self.events.put(msg)

    def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 30):
        """Send one command and return its result (raise on a protocol error)."""
        with self._lock:
            self._next_id += 1
            mid = self._next_id
            self._replies.setdefault(mid, queue.Queue())
        msg = {"id": mid, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self._out.write(json.dumps(msg).encode() + b"\0")
        reply = self._replies[mid].get(timeout=timeout)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def wait_event(self, method: str, session: str, seen: list, timeout: float = 30) -> dict:
        """Wait for an event, keeping every other event in ``seen``."""
        while True:
            event = self.events.get(timeout=timeout)
            seen.append(event)
            if event.get("method") == method and event.get("sessionId") == session:
                return event

    def open(self, url: str) -> tuple[dict, list[str], str]:
        """Load ``url`` in a new tab; return (page facts, console errors, session id)."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable", session=session)
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": 1200, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=session)
        seen: list = []
        self.send("Page.navigate", {"url": url}, session=session)
        self.wait_event("Page.loadEventFired", session, seen)
        facts = json.loads(self.send("Runtime.evaluate", {"expression": PAGE_FACTS, "returnByValue": True},
                                     session=session)["result"]["value"])
        while not self.events.empty():
            seen.append(self.events.get())
        errors = []
        for event in seen:
            params = event.get("params", {})
            if event.get("method") == "Runtime.consoleAPICalled" and params.get("type") in ("error",
                                                                                            "assert"):
                errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params["args"]))
            elif event.get("method") == "Runtime.exceptionThrown":
                errors.append(params["exceptionDetails"].get("text", "exception"))
            elif event.get("method") == "Log.entryAdded" and params["entry"]["level"] == "error":
                errors.append(f"{params['entry'].get('text')} {params['entry'].get('url', '')}")
        return facts, errors, session

    def screenshot(self, session: str, path: Path) -> None:
        """Save a full-page PNG of the tab."""
        size = self.send("Page.getLayoutMetrics", session=session)["cssContentSize"]
        shot = self.send("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}},
            session=session)
        path.write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    chrome = Chromium(tmp_path_factory.mktemp("chromium-profile"))
    yield chrome
    chrome.close()


def reports_to_check(tmp_path_factory) -> list[Path]:
    roots = [built_report(tmp_path_factory)]
    if (REPO / "reports" / "index.html").is_file():
        roots.append(REPO / "reports")
    return roots


def check_page(browser: Chromium, page: Path) -> str:
    facts, errors, session = browser.open(page.resolve().as_uri())
    assert not errors, f"{page}: console errors {errors}"
    assert facts["title"], f"{page}: no title"
    for image in facts["images"]:
        assert image["ok"], f"{page}: image did not load: {image['src']}"
    for href in facts["links"]:
        url = urlparse(href)
        if url.scheme == "file":
            target = Path(unquote(url.path))
            assert target.is_file(), f"{page}: link to a missing file {target}"
        else:
            assert url.scheme in ("", "about") or href.startswith(page.resolve().as_uri() + "#"), \
                f"{page}: link leaves the report: {href}"
    return session


def test_index_and_a_notebook_page_load_cleanly(browser, tmp_path_factory):
    for root in reports_to_check(tmp_path_factory):
        session = check_page(browser, root / "index.html")
        page = sorted(root.glob("*/02_evidence_summary.html"))[0]
        check_page(browser, page)
        facts, _, _ = browser.open(page.resolve().as_uri())
        # every chart of notebook 02 is embedded in its page
        assert len(facts["images"]) == len(list((page.parent / "figures").glob("02_*.png"))) >= 4
        shots = REPO / "reports"
        if root == REPO / "reports" or not (shots / "index.html").is_file():
            shots.mkdir(exist_ok=True)
            browser.screenshot(session, shots / "index_screenshot.png")
            assert (shots / "index_screenshot.png").read_bytes().startswith(b"\x89PNG")
