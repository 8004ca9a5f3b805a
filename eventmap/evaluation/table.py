"""The evaluation as plain text for a terminal: the metrics, then one row per finding.

Why plain fixed-width text: it reads in any terminal, pipes into `less`, `grep` or a file, and needs
no library. Long texts are shortened with an ellipsis; the HTML report shows them whole in context.
"""
from __future__ import annotations

from eventmap.evaluation.findings import Finding

TEXT_WIDTH = 32
DOC_WIDTH = 28


def _prf(d: dict) -> str:
    return f"P {d['p']:.3f} R {d['r']:.3f} F1 {d['f1']:.3f}"


def metrics_lines(scores: dict) -> list[str]:
    """score.py's figures, one part a line."""
    out = [f"documents: {scores['documents']}  missing predictions: {scores['missing_predictions']}"]
    p = scores.get("places")
    if p:
        acc = "-" if p["acc@161"] is None else f"{p['acc@161']:.3f}"
        median = "-" if p["median_km"] is None else f"{p['median_km']:,} km"
        out.append(f"places  gold {p['gold']}  predicted {p['predicted']}  recognition {_prf(p['recognition'])}  "
                   f"acc@161 {acc}  geo {_prf(p['geo'])}  median error {median}")
    d = scores.get("dates")
    if d:
        out.append(f"dates   gold {d['gold']}  predicted {d['predicted']}  recognition {_prf(d['recognition'])}  "
                   f"value {_prf(d['value'])}  value_day {_prf(d['value_day'])}")
    return out


def _cut(s: str, width: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[:width - 1] + "…"


def findings_table(findings: list[Finding]) -> list[str]:
    """One row per finding: document, part and kind, where, the text, what gold and prediction say."""
    if not findings:
        return ["no errors"]
    head = f"{'document':{DOC_WIDTH}}  {'error':17}  {'at':>13}  {'text':{TEXT_WIDTH}}  detail"
    rows = [head, "-" * len(head)]
    for f in findings:
        rows.append(f"{_cut(f.doc, DOC_WIDTH):{DOC_WIDTH}}  {f.part + ' ' + f.kind:17}  "
                    f"{f'{f.start}-{f.end}':>13}  {_cut(f.text, TEXT_WIDTH):{TEXT_WIDTH}}  {f.detail()}")
    return rows
