"""The real pipeline's page (not a hand-made document) in headless Chromium with the network blocked."""
import json
from pathlib import Path

import pytest

from eventmap.cli import main

pytestmark = pytest.mark.browser
DEMO = Path(__file__).resolve().parents[1] / "examples" / "pameran-perahu-makassar.txt"


def open_file(chromium, path):
    from eventmap.browser import file_url, new_offline_page

    s = new_offline_page(chromium, 1280, 900)
    s.page.goto(file_url(path), wait_until="load")
    s.page.wait_for_function("window.EventMap && window.EventMap.ready === true", timeout=10000)
    return s


def test_demo_article_page_links_timeline_and_map(chromium, tmp_path, capsys):
    assert main([str(DEMO), "-o", str(tmp_path), "--no-tiles"]) == 0
    capsys.readouterr()
    data = json.loads((tmp_path / "pameran-perahu-makassar.json").read_text("utf-8"))
    s = open_file(chromium, tmp_path / "pameran-perahu-makassar.html")
    p = s.page
    assert p.locator(".em-marker").count() >= 5
    dated = [e for e in data["events"] if e["places"] and e["when"]]
    assert dated
    for e in dated[:3]:
        p.click(f"#tl-{e['id']}")
        p.wait_for_function("document.querySelectorAll('.leaflet-popup-content').length === 1", timeout=5000)
        popup = p.inner_text(".leaflet-popup-content")
        names = {data["places"][i]["name"] for i in e["places"]} | {data["places"][i]["text"] for i in e["places"]}
        assert any(n in popup for n in names), (e["id"], popup, names)
        assert p.get_attribute(f"#tl-{e['id']}", "aria-selected") == "true"
    assert s.blocked == [] and s.console_errors == [] and s.page_errors == []
    s.page.context.close()


def test_script_in_an_article_does_not_run_through_the_whole_pipeline(chromium, tmp_path, capsys):
    f = tmp_path / "evil.txt"
    f.write_text("Warning <script>window.__pwned = 1</script> in Nairobi\n\n"
                 "Protesters gathered in Nairobi on 3 June 2023 <img src=x onerror=\"window.__pwned=2\">. "
                 "</script><script>window.__pwned=3</script> Police arrived from Mombasa.\n", encoding="utf-8")
    assert main([str(f), "--lang", "en", "-o", str(tmp_path), "--no-tiles"]) == 0
    capsys.readouterr()
    s = open_file(chromium, tmp_path / "evil.html")
    p = s.page
    assert p.evaluate("window.__pwned === undefined")
    assert "<script>window.__pwned = 1</script>" in p.inner_text("body")   # shown as text, not run
    assert p.locator("img[src=x]").count() == 0
    p.click(".em-marker >> nth=0")
    assert p.evaluate("window.__pwned === undefined")
    assert s.blocked == [] and s.page_errors == []
    s.page.context.close()


def test_png_export_is_a_screenshot_of_the_page(tmp_path):
    import subprocess
    import sys

    # a child process: Playwright's sync API allows one browser session per thread, and the session's
    # shared Chromium may be running in this one
    r = subprocess.run([sys.executable, "-m", "eventmap", str(DEMO), "-o", str(tmp_path), "--formats", "png"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    png = (tmp_path / "pameran-perahu-makassar.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 50_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pameran-perahu-makassar.png"]  # no page left behind
