"""`eventmap evaluate`: the reference scorer's metrics, metric by metric, and the error report.

The parity tests read ../shared/eval (the reference scorer and the dev corpora); they are skipped
where that folder is absent (a clone of the repository alone). No corpus text is copied here: the
documents of the other tests are written for these tests.
"""
import importlib.util
import json
import random
from pathlib import Path

import pytest

from eventmap.cli import main
from eventmap.evaluation import evaluate
from eventmap.evaluation.findings import document_findings
from eventmap.evaluation.metrics import match_document, score

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def reference_scorer():
    path = SHARED / "score.py"
    if not path.is_file():
        pytest.skip("../shared/eval/score.py is not here")
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_same_metrics(ours: dict, theirs: dict):
    """Metric by metric, so that a failure names the one that differs."""
    assert set(ours) == set(theirs)
    for part in ("places", "dates"):
        assert set(ours.get(part, {})) == set(theirs.get(part, {})), part
        for name, value in theirs.get(part, {}).items():
            assert ours[part][name] == value, f"{part}.{name}: {ours[part][name]} != {value}"
    assert (ours["documents"], ours["missing_predictions"]) == (theirs["documents"], theirs["missing_predictions"])
    assert json.dumps(ours) == json.dumps(theirs)   # same names, same order, same structure


def perturbed(gold: dict, rng: random.Random) -> dict:
    """A prediction made from a gold document by a seeded hand: spans dropped, moved, added, points
    moved near and far or removed, values changed, types changed - every branch of the metrics."""
    text = gold["text"]
    places, dates = [], []
    for p in gold.get("places", []):
        r = rng.random()
        if r < 0.15:
            continue
        q = {"start": p["start"], "end": p["end"] + (1 if r < 0.3 else 0)}
        if "lat" in p and r > 0.35:
            shift = rng.choice([0.0, 0.5, 1.2, 1.44, 1.46, 3.0, 40.0])  # 161 km is 1.45 degrees
            q["lat"], q["lon"] = max(-90.0, min(90.0, p["lat"] + shift)), p["lon"]
            if r > 0.93:   # the edges of what counts as a point
                q["lat"] = rng.choice([-90.0, 90.0, 90.5, -180.5, "n/a", None, "12.5"])
        places.append(q)
    for d in gold.get("dates", []):
        r = rng.random()
        if r < 0.15:
            continue
        value = d.get("value") if r > 0.4 else ("2001-01-01T10:00" if r > 0.3 else "1999")
        dates.append({"start": d["start"], "end": d["end"], "value": value,
                      "type": rng.choice(["DATE", "DATE", "TIME", "DURATION"])})
    if len(text) > 20:
        places.append({"start": 3, "end": 9, "lat": 10, "lon": 10})
        dates.append({"start": 11, "end": 15, "value": "2010"})
    return {"id": gold["id"], "places": places, "dates": dates}


@pytest.mark.parametrize("corpus", ["lgl", "geowebnews", "meantime_en", "tbaq_timebank_aquaint", "ru_nerel"])
def test_metrics_equal_the_reference_scorer_on_a_dev_corpus(corpus):
    ref = reference_scorer()
    path = SHARED / "dev" / f"{corpus}.jsonl"
    gold = ref.load(path)
    rng = random.Random(13)
    preds = {i: perturbed(g, rng) for i, g in gold.items() if rng.random() > 0.05}  # a few missing
    assert_same_metrics(score(gold, preds), ref.score(gold, preds))
    assert_same_metrics(score(gold, {}), ref.score(gold, {}))


def test_evaluate_runs_eventmap_and_agrees_with_the_reference_scorer(tmp_path):
    ref = reference_scorer()
    gold = SHARED / "dev" / "meantime_en.jsonl"    # places and dates
    ev = evaluate(str(gold))
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(p) + "\n" for p in ev.predictions.values()), encoding="utf-8")
    assert_same_metrics(ev.scores, ref.score(ref.load(gold), ref.load(pred)))
    assert ev.scores["places"]["gold"] > 0 and ev.scores["dates"]["gold"] > 0


def test_cli_json_is_the_reference_scorers_json(tmp_path, capsys):
    ref = reference_scorer()
    gold = SHARED / "dev" / "indotimex_kompas_gold.jsonl"
    assert main(["evaluate", str(gold), "--report", str(tmp_path / "r"), "--json"]) == 0
    out = capsys.readouterr().out
    pred = tmp_path / "r" / "predictions.jsonl"
    assert json.loads(out) == ref.score(ref.load(gold), ref.load(pred))
    assert out.strip() == json.dumps(ref.score(ref.load(gold), ref.load(pred)))


# ---------------------------------------------------------------- the error report, on documents written here

TEXT = "Ferries left Mombasa for Zanzibar on 3 May 2021; a week later the port of Lamu reopened."


def span(sub, **extra):
    i = TEXT.index(sub)
    return {"start": i, "end": i + len(sub), "text": sub, **extra}


GOLD = {"id": "ferry", "text": TEXT, "lang": "en", "dct": "2021-05-10",
        "places": [span("Mombasa", lat=-4.05, lon=39.67), span("Zanzibar", lat=-6.16, lon=39.19),
                   span("Lamu", lat=-2.27, lon=40.90)],
        "dates": [span("3 May 2021", type="DATE", value="2021-05-03"),
                  span("a week later", type="DATE", value="2021-05-10"),
                  span("port", type="DURATION", value="P1D")]}
PRED = {"id": "ferry",
        "places": [span("Mombasa", lat=-4.05, lon=39.66, name="Mombasa"),
                   span("Zanzibar", lat=40.0, lon=-3.0, name="Zanzibar, Spain?"),
                   span("port", lat=1.0, lon=1.0, name="Port")],
        "dates": [span("3 May 2021", value="2021-05-03"), span("a week later", value="2021-05-11"),
                  span("Ferries", value="2021")]}


def test_findings_name_each_error_with_its_distance_or_values():
    found = {(f.part, f.kind, f.text): f for f in document_findings("ferry", TEXT, match_document(GOLD, PRED))}
    assert set(found) == {("place", "far", "Zanzibar"), ("place", "missed", "Lamu"), ("place", "spurious", "port"),
                          ("date", "wrong value", "a week later"), ("date", "spurious", "Ferries")}
    far = found["place", "far", "Zanzibar"]
    assert far.km > 5000 and "Zanzibar, Spain?" in far.predicted and "km away" in far.detail()
    wrong = found["date", "wrong value", "a week later"]
    assert (wrong.gold, wrong.predicted) == ("2021-05-10", "2021-05-11")


def write_jsonl(path, docs):
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def test_cli_table_report_and_bad_lines(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    write_jsonl(gold, [GOLD])
    with gold.open("a") as f:
        f.write('{"id": "x", "text": "Some words.", "places": "Lamu"}\nnot json at all\n')
    pred = write_jsonl(tmp_path / "pred.jsonl", [PRED, {"id": "nobody", "places": []}])
    code = main(["evaluate", str(gold), "--pred", str(pred), "--report", str(tmp_path / "rep")])
    out, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in err
    assert "gold.jsonl:2: \"places\" is not a list; line skipped" in err
    assert "gold.jsonl:3: not valid JSON" in err and "1 prediction(s) have no gold document" in err
    assert out.startswith("documents: 1  missing predictions: 0\nplaces  gold 3  predicted 3")
    rows = [line for line in out.splitlines() if line.startswith("ferry")]
    assert len(rows) == 5 and any("place far" in r and "km away" in r for r in rows)
    page = (tmp_path / "rep" / "index.html").read_text("utf-8")
    assert 'class="far"' in page and "a week later" in page and "Content-Security-Policy" in page
    errors = [json.loads(l) for l in (tmp_path / "rep" / "errors.jsonl").read_text().splitlines()]
    assert len(errors) == 5 and not (tmp_path / "rep" / "predictions.jsonl").exists()


def test_a_part_the_gold_does_not_annotate_is_not_judged(tmp_path):
    gold = write_jsonl(tmp_path / "g.jsonl", [{**GOLD, "places": []}])
    pred = write_jsonl(tmp_path / "p.jsonl", [PRED])
    ev = evaluate(str(gold), str(pred))
    assert "places" not in ev.scores and {f.part for f in ev.findings["ferry"]} == {"date"}


def test_report_directory_problems_stop_before_the_work(tmp_path, capsys):
    gold = write_jsonl(tmp_path / "g.jsonl", [GOLD])
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["evaluate", str(gold), "--report", str(blocker)]) == 2
    assert "--report takes a directory" in capsys.readouterr().err
    rep = tmp_path / "rep"
    rep.mkdir()
    (rep / "index.html").write_text("kept")
    (rep / "index.html").chmod(0o444)
    assert main(["evaluate", str(gold), "--report", str(rep)]) == 1
    err = capsys.readouterr().err
    assert "index.html: the file is read-only" in err and (rep / "index.html").read_text() == "kept"
    assert sorted(p.name for p in rep.iterdir()) == ["index.html"]


def test_what_counts_as_a_point_and_a_distance_is_the_reference_scorers():
    from eventmap.evaluation.metrics import km, point

    ref = reference_scorer()
    for lat, lon in [(-90, 0), (90, 180), (90.0001, 0), (0, -180), (0, -180.0001), ("1.5", "2"), ("x", 1), (None, 1),
                     (True, 1), (float("nan"), 0)]:
        assert point({"lat": lat, "lon": lon}) == ref.point({"lat": lat, "lon": lon}), (lat, lon)
    assert point({"lat": 1}) is None is ref.point({"lat": 1})
    for a, b in [((0, 0), (0, 180)), ((-6.2, 106.8), (-6.9, 107.6)), ((51.5, -0.1), (51.5, -0.1)), ((90, 0), (-90, 0))]:
        assert km(a, b) == ref.km(a, b)
