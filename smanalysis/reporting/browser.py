"""A real browser for the report: headless Chromium driven over its DevTools pipe.

Used for the PDF (``smanalysis report --pdf``), the PNG summary card and the browser test. No
extra Python package: Chromium speaks the DevTools protocol over two pipes
(``--remote-debugging-pipe``: JSON messages ended by a NUL byte on file descriptors 3 and 4).
Chromium itself comes from the system (Debian's ``chromium`` package; ``.ci/run`` installs it).

The browser starts with a fresh private profile, no network services, no GPU, and the page
loads only the local file (the report is self-contained).

Examples
--------
>>> find_chromium() is None or Path(find_chromium()).name.startswith(("chromium", "chrome", "google"))
True
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

__all__ = ["find_chromium", "Browser", "BrowserError", "CHROMIUM_FLAGS", "render_pdf", "render_png"]

#: the flags every run uses (no network services, no first-run work, no sandbox for root in CI)
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-extensions", "--hide-scrollbars", "--mute-audio")

_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class BrowserError(RuntimeError):
    """Chromium is missing, did not start, or a page failed."""


def find_chromium() -> str | None:
    """Path of a Chromium executable: ``$SMANALYSIS_CHROMIUM``, ``/usr/bin/chromium``, then the PATH."""
    env = os.environ.get("SMANALYSIS_CHROMIUM")
    if env and Path(env).is_file():
        return env
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """One headless Chromium with one page; use as a context manager.

    Parameters
    ----------
    executable : str, optional
        Chromium to run (default :func:`find_chromium`).
    timeout : float
        Seconds to wait for any one answer of the browser.
    """

    def __init__(self, executable: str | None = None, *, timeout: float = 60.0):
        self.executable = executable or find_chromium()
        if not self.executable:
            raise BrowserError("Chromium was not found: install Debian's `chromium` package "
                               "(apt-get install chromium) or set SMANALYSIS_CHROMIUM")
        self.timeout = timeout
        self._id = 0
        self._buf = b""
        self._events: list[dict] = []

    # ------------------------------------------------------------------ process and protocol
    def __enter__(self):
        self._profile = tempfile.TemporaryDirectory(prefix="smanalysis-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        # in the child: commands on fd 3, answers on fd 4 (copied first: they may be 3 or 4). Only
        # these two are inheritable (Python opens every other descriptor non-inheritable), so
        # close_fds=False leaks nothing else and keeps the two dup2 made after the fork.
        def _fds():
            a, b = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [self.executable, *CHROMIUM_FLAGS, f"--user-data-dir={self._profile.name}",
                "--remote-debugging-pipe", "about:blank"]
        self._proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL, preexec_fn=_fds, close_fds=False)
        os.close(to_child_r)
        os.close(from_child_w)
        try:
            targets = self.call("Target.getTargets")["targetInfos"]
            page = next((t for t in targets if t.get("type") == "page"), None)
            target_id = page["targetId"] if page else self.call("Target.createTarget", url="about:blank")["targetId"]
            self._session = self.call("Target.attachToTarget", targetId=target_id, flatten=True)["sessionId"]
            self.call("Page.enable", session=True)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc):
        try:
            os.write(self._to_child, (json.dumps({"id": 10 ** 9, "method": "Browser.close"}) + "\0").encode())
        except OSError:
            pass
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        for fd in (self._to_child, self._from_child):
            try:
                os.close(fd)
            except OSError:
                pass
        self._profile.cleanup()
        return False

    def _read_message(self, deadline: float) -> dict:
        import select

        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError(f"Chromium did not answer within {self.timeout:.0f} s")
            ready, _, _ = select.select([self._from_child], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                raise BrowserError("Chromium closed its DevTools pipe (did it start? try running it by hand)")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, *, session: bool = False, **params) -> dict:
        """Send one DevTools command and return its ``result`` (events seen meanwhile are kept)."""
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params}
        if session:
            msg["sessionId"] = self._session
        os.write(self._to_child, (json.dumps(msg) + "\0").encode())
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self._events.append(reply)

    def _wait_event(self, name: str):
        deadline = time.monotonic() + self.timeout
        while True:
            for i, ev in enumerate(self._events):
                if ev.get("method") == name:
                    return self._events.pop(i)
            self._events.append(self._read_message(deadline))

    # ------------------------------------------------------------------ page actions
    def open(self, path, *, width: int = 1366, height: int = 900, mobile: bool | None = None) -> "Browser":
        """Load a local HTML file in a viewport ``width`` x ``height`` CSS pixels."""
        mobile = width < 700 if mobile is None else mobile
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=int(width), height=int(height),
                  deviceScaleFactor=1, mobile=bool(mobile))
        self._events.clear()
        self.call("Page.navigate", session=True, url=Path(path).resolve().as_uri())
        self._wait_event("Page.loadEventFired")
        self.evaluate("document.fonts ? document.fonts.ready.then(() => true) : true")
        self.width, self.height = int(width), int(height)
        return self

    def evaluate(self, expression: str):
        """Run JavaScript in the page (awaiting a promise) and return its JSON value."""
        res = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True,
                        awaitPromise=True)
        if "exceptionDetails" in res:
            raise BrowserError(f"page script failed: {res['exceptionDetails'].get('text')}")
        return res.get("result", {}).get("value")

    def screenshot(self, out, *, full_page: bool = True, max_height: int = 16000, selector: str | None = None) -> Path:
        """Save a PNG of the page (the whole page up to ``max_height`` px, or one element)."""
        if selector:
            box = self.evaluate(f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
                                ".getBoundingClientRect(); return [r.x, r.y + window.scrollY, r.width, r.height]; })()")
            clip = {"x": box[0], "y": box[1], "width": box[2], "height": box[3], "scale": 1}
        else:
            h = self.evaluate("document.documentElement.scrollHeight") if full_page else self.height
            clip = {"x": 0, "y": 0, "width": self.width, "height": min(int(h), max_height), "scale": 1}
        data = self.call("Page.captureScreenshot", session=True, format="png", clip=clip,
                         captureBeyondViewport=True)["data"]
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(base64.b64decode(data))
        return out

    def pdf(self, out) -> Path:
        """Save the page as an A4 PDF with its backgrounds."""
        data = self.call("Page.printToPDF", session=True, printBackground=True, paperWidth=8.27, paperHeight=11.69,
                         marginTop=0.4, marginBottom=0.4, marginLeft=0.4, marginRight=0.4,
                         preferCSSPageSize=True)["data"]
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(base64.b64decode(data))
        return out


def render_pdf(html_path, pdf_path, *, executable: str | None = None) -> Path:
    """The report page as PDF, printed by Chromium (see :class:`Browser`)."""
    with Browser(executable) as b:
        b.open(html_path, width=1024)
        return b.pdf(pdf_path)


def render_png(html_path, png_path, *, width: int = 540, selector: str | None = None,
               executable: str | None = None) -> Path:
    """A PNG of a page (or of one element of it) at ``width`` CSS pixels, twice the pixel density."""
    with Browser(executable) as b:
        b.call("Emulation.setDeviceMetricsOverride", session=True, width=width, height=900, deviceScaleFactor=2,
               mobile=False)
        b._events.clear()
        b.call("Page.navigate", session=True, url=Path(html_path).resolve().as_uri())
        b._wait_event("Page.loadEventFired")
        b.width, b.height = width, 900
        return b.screenshot(png_path, selector=selector)
