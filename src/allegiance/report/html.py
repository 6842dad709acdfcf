"""Render ``report.html``: every annotation highlighted in the article text, with corpus summaries.

Overlapping annotations are drawn by cutting the text at every annotation boundary and
wrapping each piece in one element that carries all annotations covering it; the text is
always escaped (Jinja2 autoescape), so article content can never inject markup.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ..document import Document

DEFAULT_TECHNIQUE_COLOUR = "#f4a261"


@dataclass
class Annotation:
    start: int
    end: int
    layer: str  # actor | event | source | cue | content | technique
    tip: str
    anchor: str
    colour: str | None = None


@dataclass
class Segment:
    text: str
    annotations: list[Annotation] = field(default_factory=list)


def highlight_segments(text: str, annotations: list[Annotation]) -> list[Segment]:
    """Cut ``text`` at every annotation boundary; each piece knows which annotations cover it."""
    valid = [a for a in annotations if 0 <= a.start < a.end <= len(text)]
    cuts = sorted({0, len(text), *(a.start for a in valid), *(a.end for a in valid)})
    segments = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = [a for a in valid if a.start <= left and right <= a.end]
        segments.append(Segment(text[left:right], covering))
    return segments


def _technique_info() -> dict[str, dict[str, str]]:
    from ..techniques import TECHNIQUE_INFO

    return {name: {"colour": info["colour"], "explanation": info["explanation"]}
            for name, info in TECHNIQUE_INFO.items()}


def _actor_label(ref: dict[str, Any] | None) -> str:
    if not ref:
        return "?"
    return f"{ref.get('text')} ({ref.get('code') or 'unknown'})"


def article_annotations(doc: dict[str, Any], info: dict[str, dict[str, str]]) -> list[Annotation]:
    """All annotations of one article (as in analysis.json) as highlightable spans."""
    aid = doc["id"]
    out: list[Annotation] = []
    for i, actor in enumerate(doc["actors"]):
        detail = ", ".join(x for x in (actor.get("code") or "no code", actor["kind"],
                                       actor.get("role") or "") if x)
        for j, m in enumerate(actor["mentions"]):
            out.append(Annotation(m["start"], m["end"], "actor",
                                  f"Actor: {actor['name']} [{detail}]", f"{aid}-actor-{i}-{j}"))
    for i, ev in enumerate(doc["events"]):
        trig = ev.get("trigger") or ev["sentence"]
        who = ev.get("attributed_to")
        tip = (f"Event {ev['type']}{'/' + ev['mode'] if ev.get('mode') else ''}: "
               f"{_actor_label(ev.get('source'))} → {_actor_label(ev.get('target'))}; "
               f"status {ev['status']}" + (f"; date {ev['date']}" if ev.get("date") else "")
               + (f"; claimed by {who['text']} ({who['kind']})" if who else ""))
        out.append(Annotation(trig["start"], trig["end"], "event", tip, f"{aid}-event-{i}"))
    for i, att in enumerate(doc["attributions"]):
        src = att.get("source")
        who = f"{src['text']} ({src['kind']}{', ' + src['code'] if src.get('code') else ''})" \
            if src else "unknown source"
        if src:
            out.append(Annotation(src["start"], src["end"], "source", f"Claim source: {who}",
                                  f"{aid}-claim-{i}-source"))
        if att.get("cue"):
            cue = att["cue"]
            out.append(Annotation(cue["start"], cue["end"], "cue", f"Reporting cue of {who}",
                                  f"{aid}-claim-{i}-cue"))
        c = att["content"]
        out.append(Annotation(c["start"], c["end"], "content", f"Claimed by {who}",
                              f"{aid}-claim-{i}"))
    for i, t in enumerate(doc["techniques"]):
        meta = info.get(t["technique"], {})
        tip = (f"Technique: {t['technique'].replace('_', ' ')} (score {t['score']:.2f})"
               + (f" — {meta['explanation']}" if meta.get("explanation") else ""))
        out.append(Annotation(t["start"], t["end"], "technique", tip, f"{aid}-technique-{i}",
                              meta.get("colour", DEFAULT_TECHNIQUE_COLOUR)))
    return out


def render_highlighted(text: str, annotations: list[Annotation]) -> Markup:
    """The article text as escaped HTML with one <span> per annotated piece."""
    parts: list[str] = []
    first_seen: set[str] = set()
    for seg in highlight_segments(text, annotations):
        if not seg.annotations:
            parts.append(str(escape(seg.text)))
            continue
        layers = sorted({a.layer for a in seg.annotations})
        tip = "\n".join(dict.fromkeys(a.tip for a in seg.annotations))
        anchors = [a.anchor for a in seg.annotations if a.anchor not in first_seen]
        first_seen.update(anchors)
        colour = next((a.colour for a in seg.annotations if a.colour), None)
        ids = "".join(f'<a class="anchor" id="{escape(x)}"></a>' for x in anchors)
        style = f' style="--tc:{escape(colour)}"' if colour else ""
        parts.append(f'{ids}<span class="hl {" ".join("l-" + x for x in layers)}"{style}'
                     f' title="{escape(tip)}">{escape(seg.text)}</span>')
    return Markup("".join(parts))


def _summaries(articles: list[dict[str, Any]]) -> dict[str, Any]:
    actors: Counter[str] = Counter()
    events: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    techniques: Counter[str] = Counter()
    for a in articles:
        for actor in a["actors"]:
            actors[f"{actor['name']} ({actor.get('code') or 'no code'})"] += len(actor["mentions"])
        for e in a["events"]:
            events[e["type"]] += 1
            statuses[e["status"]] += 1
        for t in a["techniques"]:
            techniques[t["technique"]] += 1
    return {"actors": actors.most_common(20), "events": events.most_common(),
            "statuses": statuses.most_common(), "techniques": techniques.most_common()}


def _sourcing(docs: list[Document]) -> dict[str, Any]:
    from ..claims.stats import sourcing_summary

    return sourcing_summary(docs)


def _family_diffs(analysis: dict[str, Any]) -> list[dict[str, Any]]:
    from ..republication import render_family_diff_html

    by_id = {a["id"]: a for a in analysis["articles"]}
    out = []
    for fam in analysis.get("republications", []):
        origin = by_id.get(fam["origin"])
        if origin is None:
            continue
        copies = []
        for cid in fam["copies"]:
            copy = by_id.get(cid)
            if copy is None:
                continue
            diff = Markup(render_family_diff_html(origin["text"], copy["text"]))
            copies.append({"article": copy, "diff": diff})
        out.append({"origin": origin, "copies": copies, "similarity": fam.get("similarity")})
    return out


def _network_script(payload: dict[str, Any]) -> tuple[str, str]:
    """The interactive graph's data (safe inside <script>) and its bundled script."""
    from ..network import payload_script_json

    static = resources.files("allegiance.report").joinpath("static/network.js")
    script = static.read_text(encoding="utf-8") if static.is_file() else ""
    return payload_script_json(payload), script.replace("</script", "<\\/script")


def render_report(docs: list[Document], analysis: dict[str, Any],
                  network_payload: dict[str, Any] | None = None) -> str:
    """The whole report as one self-contained HTML page.

    ``network_payload`` is the interactive graph's data (``allegiance.network``); built from
    ``docs`` when not given.
    """
    env = Environment(loader=PackageLoader("allegiance.report", "templates"),
                      autoescape=select_autoescape(["html"]))
    info = _technique_info()
    articles = []
    for art in analysis["articles"]:
        annotations = article_annotations(art, info)
        articles.append({"a": art, "html": render_highlighted(art["text"], annotations)})
    if network_payload is None:
        from ..network import network_payload as build_payload

        network_payload = build_payload(docs, analysis.get("republications", []))
    network_data, network_js = _network_script(network_payload)
    template = env.get_template("report.html")
    return template.render(
        articles=articles, summary=_summaries(analysis["articles"]),
        sourcing=_sourcing(docs), families=_family_diffs(analysis),
        network=analysis.get("network", {}), narratives=analysis.get("narratives", []),
        republication_by_outlet=analysis.get("republication_by_outlet", {}),
        network_data=Markup(network_data),
        network_js=Markup(network_js), technique_info=info,
        titles={a["id"]: a["title"] or a["source"] for a in analysis["articles"]},
    )
