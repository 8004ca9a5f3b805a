"""Evaluate: gold file in, predictions (read, or made by running eventmap), scores and findings out.

Why here and not in the command: the command (eventmap/commands/evaluate.py) only parses arguments and
writes; this is the Python API, so that a notebook or a test can evaluate without a shell:

    from eventmap.evaluation import evaluate
    ev = evaluate("my-gold.jsonl")            # runs eventmap on every document
    ev.scores["places"]["geo"]["f1"], ev.findings["doc-7"]

The extractor reads each gold line exactly as `eventmap extract` reads a corpus line (its "lang", its
"dct" as the publication date), so `evaluate GOLD` and `score.py GOLD <(eventmap extract GOLD)` agree.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from eventmap.article import article_from_record
from eventmap.errors import InputError, shown
from eventmap.evaluation.corpus import Docs, read_docs
from eventmap.evaluation.findings import Finding, document_findings
from eventmap.evaluation.metrics import DocMatch, match_document, summarise
from eventmap.export import document_to_dict
from eventmap.jsonl import bad_line
from eventmap.pipeline import analyse

Report = Callable[[str], None]


@dataclass
class Evaluation:
    gold_path: str
    pred_path: str | None                   # None: eventmap made the predictions
    gold: Docs
    predictions: dict[str, dict]
    scores: dict
    matches: dict[str, DocMatch] = field(default_factory=dict)
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    warnings: dict[str, list[str]] = field(default_factory=dict)    # the extractor's, by document
    bad_lines: list[str] = field(default_factory=list)


def _strict(msg: str) -> None:
    raise InputError(msg)


def evaluate(gold_path: str, pred_path: str | None = None, *, on_bad_line: Report | None = None,
             warn: Report | None = None) -> Evaluation:
    """Score predictions (``pred_path``, else eventmap's own) against the gold file.

    A line that cannot be read is reported as "path:N: why" through ``on_bad_line`` and left out (a
    gold document left out is not scored; a prediction left out counts as missing); without
    ``on_bad_line`` it raises InputError. ``warn`` hears repeated ids and unmatched predictions."""
    bad: list[str] = []

    def report(msg: str) -> None:
        bad.append(msg)
        (on_bad_line or _strict)(msg)

    warn = warn or (lambda msg: None)
    gold = read_docs(gold_path, True, report, warn)
    warnings: dict[str, list[str]] = {}
    if pred_path is None:
        predictions = _extract(gold_path, gold, warnings, report)
    else:
        predictions = read_docs(pred_path, False, report, warn).docs
        extra = [i for i in predictions if i not in gold.docs]
        if extra:
            warn(f"{pred_path}: {len(extra)} prediction(s) have no gold document (ids such as {shown(extra[0])}); "
                 f"they are not scored")
    matches = {i: match_document(g, predictions.get(i)) for i, g in gold.docs.items()}
    ev = Evaluation(gold_path, pred_path, gold, predictions,
                    summarise(matches, sum(i not in predictions for i in gold.docs)), matches,
                    warnings=warnings, bad_lines=bad)
    scored = {part for part, key in (("place", "places"), ("date", "dates")) if key in ev.scores}
    for i, m in matches.items():   # as the metrics: a part the gold never annotates is not judged
        found = [f for f in document_findings(i, gold.docs[i]["text"], m) if f.part in scored]
        if found:
            ev.findings[i] = found
    return ev


def _extract(path: str, gold: Docs, warnings: dict[str, list[str]], report: Report) -> dict[str, dict]:
    """eventmap's export for each gold document (a line whose "lang" is unknown gets none)."""
    out = {}
    for ident, obj in gold.docs.items():
        n = gold.lines[ident]
        try:
            article = article_from_record(obj, f"{path}:{n}", n, None, None, warnings.setdefault(ident, []).append)
        except InputError as e:
            bad_line(f"{path}:{n}: {e}; this document gets no prediction", report)
            continue
        doc = analyse(article)
        warnings[ident] += doc.warnings
        out[ident] = document_to_dict(doc)
    return out
