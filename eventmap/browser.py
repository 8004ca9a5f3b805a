"""Headless Chromium for screenshots and browser tests, with every http(s) request blocked.

Why one place: the README screenshot, the `--png` export and the browser tests must all see the page
exactly as an offline reader would, so they share one launcher and one network block. Playwright
drives the system's Chromium (Debian's `chromium` package); no browser download is needed.
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from eventmap.errors import InputError, MachineError

LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync"]


def find_chromium() -> str | None:
    """$EVENTMAP_CHROMIUM, else `chromium` / `chromium-browser` / `google-chrome` on PATH."""
    env = os.environ.get("EVENTMAP_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def launch(playwright, headless: bool = True):
    """A Chromium browser from a running `sync_playwright()`. MachineError (one line) when none is
    installed or it does not start: Playwright's own message is a page of launch log."""
    exe = find_chromium()
    if exe is None:
        raise MachineError("no Chromium found (install the 'chromium' package or set EVENTMAP_CHROMIUM)")
    try:
        return playwright.chromium.launch(executable_path=exe, headless=headless, args=LAUNCH_ARGS)
    except Exception as e:   # playwright's Error or TimeoutError: the browser process failed
        first = next((ln.strip() for ln in str(e).splitlines() if ln.strip()), type(e).__name__)
        raise MachineError(f"Chromium ({exe}) did not start: {first[:200]} - check that it runs "
                           f"('{exe} --headless --version') or set EVENTMAP_CHROMIUM") from None


@dataclass
class OfflineSession:
    """What a caller gets: the page, plus everything it tried to fetch and every error it raised."""

    page: object
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


def block_network(context, blocked: list[str]) -> None:
    """Abort every request that is not file:// (or data:/blob:), recording its URL in `blocked`."""

    def handle(route):
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    context.route("**/*", handle)


def new_offline_page(browser, width: int = 1280, height: int = 900) -> OfflineSession:
    """A fresh context and page on `browser` with the network blocked and errors collected."""
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    session = OfflineSession(page=None)
    block_network(context, session.blocked)
    page = context.new_page()
    page.on("console", lambda msg: session.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: session.page_errors.append(str(exc)))
    session.page = page
    return session


def file_url(path: str | os.PathLike) -> str:
    return Path(path).resolve().as_uri()


@contextmanager
def open_offline_page(html_path: str | os.PathLike, width: int = 1280, height: int = 900, browser=None):
    """Open a saved page offline and wait until its script has drawn the map; yields an OfflineSession.

    Pass `browser` to reuse one already launched (Playwright's sync API allows one per thread)."""
    if not Path(html_path).is_file():
        raise InputError(f"{html_path}: no such page")
    if browser is not None:
        session = new_offline_page(browser, width, height)
        try:
            _load(session, html_path)
            yield session
        finally:
            session.page.context.close()
        return
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise MachineError("screenshots need Playwright: pip install playwright") from None
    with sync_playwright() as p:
        own = launch(p)
        try:
            session = new_offline_page(own, width, height)
            _load(session, html_path)
            yield session
        finally:
            own.close()


def _load(session: OfflineSession, html_path) -> None:
    session.page.goto(file_url(html_path), wait_until="load")
    session.page.wait_for_function("window.EventMap && window.EventMap.ready === true", timeout=10000)
