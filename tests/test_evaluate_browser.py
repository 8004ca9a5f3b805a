"""The evaluation report in headless Chromium: an article's `<script>` is shown as text and never runs."""
import json

import pytest

from browser import XSS_TEXT
from eventmap.cli import main

pytestmark = pytest.mark.browser


def test_a_script_in_an_article_or_its_id_does_not_run_in_the_report(chromium, tmp_path, capsys):
    from eventmap.browser import file_url, new_offline_page

    text = f"Floods reached Mombasa on 3 May 2021. {XSS_TEXT} Roads to Malindi closed."
    start = text.index("<script>")
    gold = {"id": 'doc"><script>window.__pwned=3</script>', "lang": "en", "text": text, "dct": "2021-05-04",
            "places": [{"start": start, "end": start + 8, "lat": 1.0, "lon": 1.0}],
            "dates": [{"start": text.index("3 May"), "end": text.index("3 May") + 10, "type": "DATE",
                       "value": "2021-05-02"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    assert main(["evaluate", str(path), "--report", str(tmp_path / "rep")]) == 0
    capsys.readouterr()
    session = new_offline_page(chromium)
    try:
        page = session.page
        page.goto(file_url(tmp_path / "rep" / "index.html"), wait_until="load")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.evaluate("document.scripts.length") == 0
        shown = page.inner_text("pre.text")
        assert "<script>window.__pwned=1</script>" in shown and "Malindi" in shown
        assert page.locator("pre.text mark.missed").count() >= 1 and page.locator("pre.text mark.wrong").count() == 1
        assert 'doc"><script>' in page.inner_text("h3")
        assert not session.page_errors and not session.blocked
    finally:
        session.page.context.close()
