"""Measure eventmap on annotated news: the reference scorer's metrics, and where each error is.

    metrics.py    the scores (the metrics of ../shared/eval/score.py, same names and structure)
    findings.py   per-document errors: missed, spurious and far-off places, wrong date values
    corpus.py     gold and prediction files, line by line, checked
    run.py        `evaluate(gold, pred=None)`: the whole evaluation (the Python API)
    table.py      the terminal's text;  page.py + templates/  the HTML report
"""
from eventmap.evaluation.run import Evaluation, evaluate

__all__ = ["Evaluation", "evaluate"]
