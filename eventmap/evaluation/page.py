"""The evaluation as one HTML page: the metrics, then each document with errors, its text shown whole
with every error marked where it is (and what was right underlined), and the list of its errors.

Why it is safe to open: article texts and ids are untrusted. The page is rendered by Jinja2 with
autoescape on, so every string from the gold or the predictions is escaped, and its Content-Security-
Policy allows no script at all - a `<script>` in an article shows as text and cannot run
(tests/test_evaluate_browser.py checks this in Chromium). The page needs no network.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from eventmap.evaluation.findings import Finding
from eventmap.evaluation.metrics import WITHIN_KM, DocMatch

CSS_CLASS = {"missed": "missed", "spurious": "spurious", "far": "far", "wrong value": "wrong"}


@dataclass
class Segment:
    text: str
    classes: str = ""
    title: str = ""


@dataclass
class DocView:
    id: str
    anchor: str
    findings: list[Finding]
    segments: list[Segment]
    warnings: list[str]


def _correct(m: DocMatch) -> list[tuple[int, int, str]]:
    """(start, end, why) of the gold spans that were found right: shown underlined."""
    out = [(m.gold_places[gi]["start"], m.gold_places[gi]["end"], "place found")
           for gi, _ in m.place_pairs if m.km.get(gi, 0.0) <= WITHIN_KM]
    out += [(m.gold_dates[gi]["start"], m.gold_dates[gi]["end"], f"date found: {m.gold_dates[gi].get('value')}")
            for gi, pi in m.date_pairs if str(m.gold_dates[gi].get("value")) == str(m.pred_dates[pi].get("value"))]
    return out


def segments(text: str, findings: list[Finding], m: DocMatch) -> list[Segment]:
    """The text cut at every mark's edge; each piece carries the classes and titles of the marks over it."""
    marks = [(f.start, f.end, CSS_CLASS[f.kind], f"{f.part} {f.kind}: {f.detail()}") for f in findings]
    marks += [(s, e, "ok", why) for s, e, why in _correct(m)]
    marks = [(max(0, s), min(len(text), e), c, t) for s, e, c, t in marks if s < e]
    edges = sorted({0, len(text), *(s for s, *_ in marks), *(e for _, e, *_ in marks)})
    marks.sort()
    active: dict[int, tuple] = {}
    out, k = [], 0
    for a, b in zip(edges, edges[1:]):   # a sweep: each mark is opened and closed once
        while k < len(marks) and marks[k][0] <= a:
            active[k] = marks[k]
            k += 1
        for i in [i for i, mk in active.items() if mk[1] <= a]:
            del active[i]
        over = list(active.values())
        out.append(Segment(text[a:b], " ".join(sorted({mk[2] for mk in over})), "; ".join(mk[3] for mk in over)))
    return out


@lru_cache(maxsize=1)
def _template():
    env = Environment(loader=PackageLoader("eventmap.evaluation", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("report.html")


def render_report(title: str, source: str, metrics: list[str], docs: list[DocView], n_docs: int) -> str:
    """The page: ``metrics`` are the lines of metrics_lines, ``docs`` the documents with errors."""
    return _template().render(title=title, source=source, metrics=metrics, docs=docs, n_docs=n_docs,
                              n_findings=sum(len(d.findings) for d in docs))


def doc_view(n: int, doc_id: str, text: str, findings: list[Finding], m: DocMatch, warnings: list[str]) -> DocView:
    return DocView(doc_id, f"doc-{n}", findings, segments(text, findings, m) if findings else [], warnings)
