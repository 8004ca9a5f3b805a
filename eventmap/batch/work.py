"""What a batch worker does with one document: read it, analyse it, hand back its record (and page).

Why nothing here writes a file: a worker may be another process or another machine (Dask), so it
returns text - the journal record and, on request, the article's page - and the coordinator, the one
writer of the output directory, puts them in place. Everything a worker needs travels with the call
(a `Job` and the `Settings`), and the gazetteer is opened once per worker process (`open_gazetteer`,
run when the worker starts) and then reused for every document it reads.

A document that cannot be read (bad bytes, a broken JSON line, an unknown language, anything the
pipeline raises) comes back as an `Outcome` with an error naming its key: never an exception that
would stop the batch.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

from eventmap import __version__
from eventmap.article import article_from_bytes, article_from_line, checked_language, slugify
from eventmap.batch.sources import Job
from eventmap.errors import InputError
from eventmap.export import document_to_dict

PAGES_DIR = "pages"


@dataclass(frozen=True)
class Settings:
    """The options that change what a document's result is."""

    lang: str | None = None
    published: str | None = None   # ISO date, the default anchor
    pages: bool = False            # also render each article's page
    tiles: bool = True             # the pages add the online map tiles

    def fingerprint(self, gazetteer: str) -> str:
        """A result made under another fingerprint is stale: another version, language, anchor or gazetteer."""
        return json.dumps([__version__, self.lang, self.published, gazetteer])

    def page_wanted(self, job: Job) -> dict | None:
        return {"file": page_file(job), "tiles": self.tiles} if self.pages else None


@dataclass
class Outcome:
    """What came of one job: its journal record (JSON text) and page, or an error."""

    key: str
    ident: str
    digest: str
    record: str | None = None
    page: dict | None = None
    page_html: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


def page_file(job: Job) -> str:
    """The article's page, relative to the output directory: its id as a slug, plus a short hash of
    its key, so that two documents never share a page and a page keeps its name from run to run."""
    tag = hashlib.sha1(job.key.encode("utf-8")).hexdigest()[:6]
    return f"{PAGES_DIR}/{slugify(job.ident)[:48]}-{tag}.html"


def open_gazetteer() -> None:
    """Open the default gazetteer in this process, once: the geoparser reuses it for every document."""
    from maps.gazetteer import default_gazetteer

    default_gazetteer()


def process(job: Job, settings: Settings, digest: str) -> Outcome:
    """Read and analyse one document; never raises for a bad document."""
    out = Outcome(job.key, job.ident, digest)
    try:
        if job.error:
            raise InputError(f"{job.key}: {job.error}")
        _analyse_into(out, job, settings)
    except InputError as e:
        out.error = str(e)
    except Exception as e:  # noqa: BLE001 - one document's failure must not stop the batch
        out.error = f"{job.key}: {type(e).__name__}: {e}"
    return out


def process_many(jobs_and_digests: list[tuple[Job, str]], settings: Settings) -> list[Outcome]:
    """`process` for a few documents at once (fewer round trips to a remote worker)."""
    return [process(job, settings, digest) for job, digest in jobs_and_digests]


def language_of(job: Job, settings: Settings, detect: bool = True) -> str | None:
    """The language a document will be read in: the one its line gives, else the batch's ``--lang``,
    else (when ``detect``) the one `process` will detect in its text; None when that is not known
    or the document cannot be read. Lets the coordinator warm each language once before it forks its
    workers; reading a line's "lang" costs a JSON parse, detecting a text a thousand times more."""
    if job.error:
        return None
    try:
        said = (_line_language(job.data) if job.kind == "line" else None) or settings.lang
        if said:
            return checked_language(said)
        return _article(job, settings, lambda message: None).lang if detect else None
    except Exception:  # noqa: BLE001 - a bad document is reported by `process`, not here
        return None


def _line_language(data: bytes) -> str | None:
    obj = json.loads(data)
    said = obj.get("lang") if isinstance(obj, dict) else None
    return said if isinstance(said, str) and said else None


def _article(job: Job, settings: Settings, warn):
    published = dt.date.fromisoformat(settings.published) if settings.published else None
    if job.kind == "line":
        return article_from_line(job.data, job.key, lang=settings.lang, published=published, warn=warn)
    return article_from_bytes(job.data, job.key, ident=job.ident, html=job.kind == "html",
                              lang=settings.lang, published=published)


def _analyse_into(out: Outcome, job: Job, settings: Settings) -> None:
    from eventmap.pipeline import analyse

    article = _article(job, settings, out.warnings.append)
    doc = analyse(article, warn=out.warnings.append)
    if settings.pages:
        from eventmap.page import render_page

        out.page = settings.page_wanted(job)
        out.page_html = render_page(doc, tiles=settings.tiles)
    record = {"key": job.key, "digest": out.digest, "id": article.id, "origin": job.origin, "url": job.url,
              "title": article.title, "page": out.page, "doc": document_to_dict(doc)}
    out.ident = article.id
    out.record = json.dumps(record, ensure_ascii=False)
