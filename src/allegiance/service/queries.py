"""Read queries of the web service, in SQL that runs on both SQLite and PostgreSQL.

Every value reaches the database as a parameter (``?`` placeholders, turned into ``%s``
for PostgreSQL by the store); the only text assembled here is fixed SQL chosen from
whitelists. Full-text search uses SQLite's FTS5 index or PostgreSQL's tsvector index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

from ..storage import Store

_WORD = re.compile(r"\w+", re.UNICODE)
PG_TSV = "to_tsvector('english', coalesce(a.title, '') || ' ' || a.text)"


@dataclass
class ArticleFilters:
    """Filters of the article list; every field is optional and they combine with AND."""

    date_from: str | None = None
    date_to: str | None = None
    outlet: str | None = None
    actor: str | None = None
    event_type: str | None = None
    status: str | None = None
    technique: str | None = None
    q: str | None = None
    limit: int = 50
    offset: int = 0


@dataclass
class EventFilters:
    """Filters of the event table; ``actor`` matches either side."""

    date_from: str | None = None
    date_to: str | None = None
    type: str | None = None
    status: str | None = None
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    outlet: str | None = None
    article_id: str | None = None
    min_confidence: float | None = None
    limit: int = 100
    offset: int = 0


def event_date_range(where: list[str], params: list[Any], date_from: str | None,
                     date_to: str | None) -> None:
    """Add the conditions of an event date window (``e.date``, ISO strings) in place."""
    if date_from:
        where.append("e.date >= ?")
        params.append(date_from)
    if date_to:
        where.append("e.date <= ?")
        params.append(date_to)


def search_terms(text: str | None) -> list[str]:
    """The words of a free-text query; all must occur (operators are not interpreted)."""
    return _WORD.findall(text or "")[:20]


def _fts_clause(store: Store, terms: list[str]) -> tuple[str, list[Any]]:
    if store.dialect == "postgres":
        return f"{PG_TSV} @@ plainto_tsquery('english', ?)", [" ".join(terms)]
    match = " ".join('"' + t.replace('"', '') + '"' for t in terms)
    return "a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", [match]


def _article_where(store: Store, f: ArticleFilters) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.date_from:
        where.append("a.published >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append("a.published <= ?")
        params.append(f.date_to)
    if f.outlet:
        where.append("a.outlet = ?")
        params.append(f.outlet)
    if f.actor:
        where.append("EXISTS (SELECT 1 FROM actors x WHERE x.article_id = a.id AND x.code = ?)")
        params.append(f.actor)
    if f.event_type or f.status:
        cond = ["e.article_id = a.id"]
        if f.event_type:
            cond.append("e.type = ?")
            params.append(f.event_type)
        if f.status:
            cond.append("e.status = ?")
            params.append(f.status)
        where.append(f"EXISTS (SELECT 1 FROM events e WHERE {' AND '.join(cond)})")
    if f.technique:
        where.append(
            "EXISTS (SELECT 1 FROM techniques t WHERE t.article_id = a.id AND t.technique = ?)")
        params.append(f.technique)
    if f.q is not None and f.q.strip():
        terms = search_terms(f.q)
        if not terms:
            where.append("1 = 0")  # punctuation only: nothing can match
        else:
            clause, extra = _fts_clause(store, terms)
            where.append(clause)
            params.extend(extra)
    return (" WHERE " + " AND ".join(where)) if where else "", params


def query_articles(store: Store, f: ArticleFilters) -> dict[str, Any]:
    """One page of matching articles (newest first) and the total count."""
    where, params = _article_where(store, f)
    total = store.query(f"SELECT count(*) AS n FROM articles a{where}", params)[0]["n"]
    rows = store.query(
        "SELECT a.id, a.title, a.outlet, a.published, a.source, a.url, a.analysed_at,"
        " (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS n_events,"
        " (SELECT count(*) FROM techniques t WHERE t.article_id = a.id) AS n_techniques,"
        " (SELECT count(*) FROM attributions c WHERE c.article_id = a.id) AS n_claims,"
        " substr(a.text, 1, 240) AS snippet"
        f" FROM articles a{where} ORDER BY a.published DESC NULLS LAST, a.id"
        " LIMIT ? OFFSET ?", [*params, f.limit, f.offset])
    return {"total": int(total), "limit": f.limit, "offset": f.offset, "items": rows}


EVENT_COLUMNS = (
    "article_id", "idx", "type", "mode", "source_code", "source_sector", "target_code",
    "target_sector", "status", "date", "location", "attributed_text", "attributed_kind",
    "sentence_start", "sentence_end", "confidence",
)


def _event_where(f: EventFilters) -> tuple[str, list[Any], bool]:
    where: list[str] = []
    params: list[Any] = []
    simple = {"type": f.type, "status": f.status, "source_code": f.source,
              "target_code": f.target, "article_id": f.article_id}
    for column, value in simple.items():
        if value:
            where.append(f"e.{column} = ?")
            params.append(value)
    if f.actor:
        where.append("(e.source_code = ? OR e.target_code = ?)")
        params.extend([f.actor, f.actor])
    event_date_range(where, params, f.date_from, f.date_to)
    if f.min_confidence is not None:
        where.append("e.confidence >= ?")
        params.append(f.min_confidence)
    needs_article = bool(f.outlet)
    if f.outlet:
        where.append("a.outlet = ?")
        params.append(f.outlet)
    return (" WHERE " + " AND ".join(where)) if where else "", params, needs_article


def query_events(store: Store, f: EventFilters, *, with_total: bool = True) -> dict[str, Any]:
    """One page of matching events with their article and sentence, newest first."""
    where, params, needs_article = _event_where(f)
    cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    total = None
    if with_total:  # every event has its article (foreign key): join only to filter on it
        join = " JOIN articles a ON a.id = e.article_id" if needs_article else ""
        total = store.query(f"SELECT count(*) AS n FROM events e{join}{where}", params)[0]["n"]
    rows = store.query(
        f"SELECT {cols}, a.title, a.outlet,"
        " substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence"
        f" FROM events e JOIN articles a ON a.id = e.article_id{where}"
        " ORDER BY e.date DESC NULLS LAST, e.article_id, e.idx LIMIT ? OFFSET ?",
        [*params, f.limit, f.offset])
    return {"total": None if total is None else int(total), "limit": f.limit,
            "offset": f.offset, "items": rows}


def list_actors(store: Store, q: str | None, limit: int, offset: int = 0) -> list[dict[str, Any]]:
    """Known actors by how many articles mention them."""
    where = "WHERE code IS NOT NULL"
    params: list[Any] = []
    if q:
        where += " AND (lower(code) LIKE ? OR lower(name) LIKE ?)"
        pat = "%" + q.lower().replace("%", "").replace("_", "") + "%"
        params.extend([pat, pat])
    return store.query(
        "SELECT code, max(name) AS name, max(kind) AS kind, count(DISTINCT article_id) AS"
        f" articles, CAST(sum(mentions) AS INTEGER) AS mentions FROM actors {where} GROUP BY code"
        " ORDER BY articles DESC, code LIMIT ? OFFSET ?", [*params, limit, offset])


def actor_summary(store: Store, code: str, directions: dict[str, int]) -> dict[str, Any] | None:
    """An actor: its names, its relations over time, its events and who speaks for it."""
    names = store.query(
        "SELECT name, kind, country, sector, count(*) AS n FROM actors WHERE code = ?"
        " GROUP BY name, kind, country, sector ORDER BY n DESC, name LIMIT 10", [code])
    if not names:
        return None
    articles = store.query(
        "SELECT count(DISTINCT article_id) AS n FROM actors WHERE code = ?", [code])[0]["n"]
    rel_rows = store.query(
        "SELECT substr(e.date, 1, 7) AS month, CASE WHEN e.source_code = ? THEN e.target_code"
        " ELSE e.source_code END AS other, e.type, count(*) AS n FROM events e"
        " WHERE (e.source_code = ? OR e.target_code = ?) AND e.date IS NOT NULL"
        " GROUP BY 1, 2, 3 ORDER BY 1", [code, code, code])
    relations: dict[str, dict[str, Any]] = {}
    for r in rel_rows:
        other = r["other"] or "(unknown)"
        rel = relations.setdefault(other, {"actor": other, "cooperative": 0, "conflictual": 0,
                                           "neutral": 0, "months": {}})
        sign = directions.get(r["type"], 0)
        key = "cooperative" if sign > 0 else "conflictual" if sign < 0 else "neutral"
        rel[key] += r["n"]
        month = rel["months"].setdefault(r["month"], {"cooperative": 0, "conflictual": 0,
                                                      "neutral": 0})
        month[key] += r["n"]
    rel_list = sorted(relations.values(),
                      key=lambda x: -(x["cooperative"] + x["conflictual"] + x["neutral"]))
    events = query_events(store, EventFilters(actor=code, limit=200), with_total=True)
    speakers = store.query(
        "SELECT source_text, source_kind, count(*) AS n FROM attributions WHERE source_code = ?"
        " GROUP BY source_text, source_kind ORDER BY n DESC, source_text LIMIT 50", [code])
    return {"code": code, "name": names[0]["name"], "kind": names[0]["kind"],
            "country": names[0]["country"], "sector": names[0]["sector"], "names": names,
            "articles": int(articles), "relations": rel_list[:50], "events": events,
            "speakers": speakers}


def corpus_stats(store: Store, top: int = 15) -> dict[str, Any]:
    """Dashboard numbers: counts, articles per month, top actors, techniques, event types."""
    def count(table: str) -> int:
        return int(store.query(f"SELECT count(*) AS n FROM {table}")[0]["n"])

    return {
        "articles": count("articles"), "events": count("events"),
        "claims": count("attributions"), "techniques": count("techniques"),
        "outlets": int(store.query(
            "SELECT count(DISTINCT outlet) AS n FROM articles")[0]["n"]),
        "per_month": store.query(
            "SELECT substr(published, 1, 7) AS month, count(*) AS n FROM articles"
            " WHERE published IS NOT NULL GROUP BY substr(published, 1, 7) ORDER BY month"),
        "top_actors": list_actors(store, None, top),
        "top_techniques": store.query(
            "SELECT technique, count(*) AS n, count(DISTINCT article_id) AS articles"
            " FROM techniques GROUP BY technique ORDER BY n DESC, technique LIMIT ?", [top]),
        "top_event_types": store.query(
            "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type"
            " LIMIT ?", [top]),
        "date_range": store.query(
            "SELECT min(published) AS first, max(published) AS last FROM articles")[0],
    }


def facets(store: Store) -> dict[str, list[str]]:
    """The values offered by the filter menus."""
    def col(sql: str) -> list[str]:
        return [next(iter(r.values())) for r in store.query(sql)]

    return {
        "outlets": col("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL"
                       " ORDER BY outlet LIMIT 500"),
        "event_types": col("SELECT DISTINCT type FROM events ORDER BY type"),
        "statuses": col("SELECT DISTINCT status FROM events ORDER BY status"),
        "techniques": col("SELECT DISTINCT technique FROM techniques ORDER BY technique"),
    }


def outlet_rows(store: Store) -> dict[str, dict[str, Any]]:
    """Per outlet: articles, sourcing mix (claims by source kind) and technique mix."""
    out: dict[str, dict[str, Any]] = {}
    for r in store.query(
            "SELECT coalesce(outlet, '(unknown)') AS outlet, count(*) AS n FROM articles"
            " GROUP BY coalesce(outlet, '(unknown)') ORDER BY n DESC"):
        out[r["outlet"]] = {"outlet": r["outlet"], "articles": int(r["n"]), "sourcing": {},
                            "techniques": {}, "claims": 0, "technique_spans": 0}
    for r in store.query(
            "SELECT coalesce(a.outlet, '(unknown)') AS outlet,"
            " coalesce(c.source_kind, 'unattributed') AS kind, count(*) AS n"
            " FROM attributions c JOIN articles a ON a.id = c.article_id"
            " GROUP BY coalesce(a.outlet, '(unknown)'), coalesce(c.source_kind, 'unattributed')"):
        if r["outlet"] in out:
            out[r["outlet"]]["sourcing"][r["kind"]] = int(r["n"])
            out[r["outlet"]]["claims"] += int(r["n"])
    for r in store.query(
            "SELECT coalesce(a.outlet, '(unknown)') AS outlet, t.technique, count(*) AS n"
            " FROM techniques t JOIN articles a ON a.id = t.article_id"
            " GROUP BY coalesce(a.outlet, '(unknown)'), t.technique"):
        if r["outlet"] in out:
            out[r["outlet"]]["techniques"][r["technique"]] = int(r["n"])
            out[r["outlet"]]["technique_spans"] += int(r["n"])
    return out


def network_edges(store: Store, date_from: str | None, date_to: str | None,
                  directions: dict[str, int], limit: int = 400) -> dict[str, Any]:
    """A light network from the flat event table: one edge per actor pair in the window."""
    where = ["e.source_code IS NOT NULL", "e.target_code IS NOT NULL",
             "e.source_code <> e.target_code", "e.status NOT IN ('denied', 'negated')"]
    params: list[Any] = []
    event_date_range(where, params, date_from, date_to)
    rows = store.query(
        "SELECT e.source_code AS a, e.target_code AS b, e.type, count(*) AS n FROM events e"
        f" WHERE {' AND '.join(where)} GROUP BY e.source_code, e.target_code, e.type", params)
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    degree: dict[str, int] = {}
    for r in rows:
        a, b = sorted((r["a"], r["b"]))
        edge = edges.setdefault((a, b), {"source": a, "target": b, "cooperative": 0,
                                         "conflictual": 0, "neutral": 0, "types": {}})
        sign = directions.get(r["type"], 0)
        key = "cooperative" if sign > 0 else "conflictual" if sign < 0 else "neutral"
        edge[key] += int(r["n"])
        edge["types"][r["type"]] = edge["types"].get(r["type"], 0) + int(r["n"])
    for edge in edges.values():
        edge["weight"] = edge["cooperative"] + edge["conflictual"] + edge["neutral"]
        edge["net"] = edge["cooperative"] - edge["conflictual"]
    kept = sorted(edges.values(), key=lambda e: -e["weight"])[:limit]
    for e in kept:
        degree[e["source"]] = degree.get(e["source"], 0) + e["weight"]
        degree[e["target"]] = degree.get(e["target"], 0) + e["weight"]
    names = {}
    if degree:
        marks = ",".join("?" * len(degree))
        for r in store.query(f"SELECT code, max(name) AS name FROM actors WHERE code IN ({marks})"
                             " GROUP BY code", list(degree)):
            names[r["code"]] = r["name"]
    nodes = [{"id": c, "label": names.get(c, c), "weight": w}
             for c, w in sorted(degree.items(), key=lambda x: -x[1])]
    return {"nodes": nodes, "edges": kept, "date_from": date_from, "date_to": date_to}


def event_months(store: Store) -> list[str]:
    """Months (YYYY-MM) that have dated events, for the network's time slider."""
    return [r["m"] for r in store.query(
        "SELECT DISTINCT substr(date, 1, 7) AS m FROM events WHERE date IS NOT NULL"
        " AND length(date) >= 7 ORDER BY m")]


def filters_from(cls: type, values: dict[str, Any]) -> Any:
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in values.items() if k in names})
