"""What went wrong in each document, drawn from the same pairs the metrics count (metrics.DocMatch).

Why: a score says how often eventmap is wrong, not where; a user deciding whether to rely on it must
see the mistakes in the text. Each `Finding` is one of:

  place  missed      a gold place no prediction overlaps
  place  spurious    a predicted place that overlaps no gold place
  place  far         matched, but predicted more than 161 km away (or without coordinates)
  date   missed      a gold DATE/TIME no prediction overlaps
  date   spurious    a predicted DATE/TIME that overlaps no gold date
  date   wrong value matched, but the TIMEX3 value differs from the gold's
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from eventmap.evaluation.metrics import NO_POINT_KM, WITHIN_KM, DocMatch, point

KINDS = ("missed", "spurious", "far", "wrong value")


@dataclass
class Finding:
    doc: str                 # document id
    part: str                # "place" or "date"
    kind: str                # one of KINDS
    start: int               # offsets into the gold text: the gold span's, or the prediction's when spurious
    end: int
    text: str
    gold: str | None = None        # the gold value, or the gold point "lat, lon"
    predicted: str | None = None   # the predicted value, or the predicted place and point
    km: float | None = None        # far: how far the prediction lies from the gold point

    def detail(self) -> str:
        """One line for people: what the gold says and what was predicted."""
        if self.kind == "far":
            off = "no coordinates" if self.km is None else f"{self.km:,.0f} km away"
            return f"gold {self.gold}; predicted {self.predicted}, {off}"
        if self.kind == "wrong value":
            return f"gold {self.gold}; predicted {self.predicted}"
        if self.kind == "spurious":
            return f"predicted {self.predicted}" if self.predicted else "predicted"
        return f"gold {self.gold}" if self.gold else "not found"

    def to_dict(self) -> dict:
        return asdict(self)


def _where(span: dict) -> str | None:
    p = point(span)
    return None if p is None else f"{p[0]:.4f}, {p[1]:.4f}"


def _place_name(span: dict) -> str:
    name = span.get("name") or span.get("text") or ""
    where = _where(span)
    return f"{name} ({where})" if where and name else (where or str(name))


def _text(span: dict, text: str) -> str:
    t = span.get("text")
    return t if isinstance(t, str) else text[span["start"]:span["end"]]


def document_findings(doc_id: str, text: str, m: DocMatch) -> list[Finding]:
    """Every finding of one document, in text order."""
    out = _unpaired(doc_id, "place", text, m.gold_places, m.pred_places, m.place_pairs, _where, _place_name)
    for gi, pi in m.place_pairs:
        error = m.km.get(gi)
        if error is not None and error > WITHIN_KM:
            g = m.gold_places[gi]
            out.append(Finding(doc_id, "place", "far", g["start"], g["end"], _text(g, text), _where(g),
                               _place_name(m.pred_places[pi]), None if error == NO_POINT_KM else round(error, 1)))
    out += _date_findings(doc_id, text, m)
    out.sort(key=lambda f: (f.start, f.end, f.part, f.kind))
    return out


def _unpaired(doc_id: str, part: str, text: str, gold: list[dict], pred: list[dict], pairs, gold_info,
              pred_info) -> list[Finding]:
    """The gold spans no prediction matched (missed) and the predictions no gold span matched (spurious)."""
    paired_g, paired_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    out = [Finding(doc_id, part, "missed", g["start"], g["end"], _text(g, text), gold_info(g))
           for gi, g in enumerate(gold) if gi not in paired_g]
    return out + [Finding(doc_id, part, "spurious", p["start"], p["end"], _text(p, text), predicted=pred_info(p))
                  for pi, p in enumerate(pred) if pi not in paired_p]


def _date_findings(doc_id: str, text: str, m: DocMatch) -> list[Finding]:
    out = _unpaired(doc_id, "date", text, m.gold_dates, m.pred_dates, m.date_pairs, _value, _value)
    for gi, pi in m.date_pairs:
        g, p = m.gold_dates[gi], m.pred_dates[pi]
        if str(g.get("value")) != str(p.get("value")):
            out.append(Finding(doc_id, "date", "wrong value", g["start"], g["end"], _text(g, text), _value(g),
                               _value(p)))
    return out


def _value(span: dict) -> str:
    return str(span.get("value"))
