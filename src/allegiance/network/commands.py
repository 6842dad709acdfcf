"""``allegiance network``: build, print and export the alliance network of a corpus."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ..document import Document
from .config import NetworkConfig

ALL_FORMATS = ("graphml", "gexf", "csv", "json", "png", "svg")


def load_analysis(path: Path) -> tuple[list[Document], list[dict[str, Any]]]:
    """Documents and republication families from an analysis.json of ``allegiance analyze``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, list):
        articles, families = data, []
    else:
        articles = data.get("articles", data.get("documents", []))
        fam = data.get("republications", data.get("families", []))
        families = fam.get("families", []) if isinstance(fam, dict) else fam
    return [Document.from_dict(a) for a in articles], list(families or [])


def load_db(path: str) -> tuple[list[Document], list[dict[str, Any]]]:
    """Documents of a store (``allegiance.storage.open_store``) and their republications."""
    try:
        from ..storage import open_store
    except ImportError as exc:  # pragma: no cover - depends on the installed stages
        raise click.UsageError(f"--db needs allegiance.storage.open_store ({exc}); "
                               "use --analysis analysis.json instead") from exc
    store = open_store(path)
    try:
        docs = list(store.iter_documents())
    finally:
        close = getattr(store, "close", None)
        if close:
            close()
    families: list[dict[str, Any]] = []
    try:
        from ..republication import find_republications

        families = list(find_republications(docs))
    except ImportError:
        click.echo("warning: republication stage unavailable; copies are counted as "
                   "separate articles", err=True)
    return docs, families


def _parse_pairs(values: tuple[str, ...], what: str, cast: type) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for v in values:
        key, sep, val = v.partition("=")
        if not sep:
            raise click.UsageError(f"{what} must look like KEY=VALUE, got {v!r}")
        try:
            out[key.strip()] = cast(val)
        except ValueError as exc:
            raise click.UsageError(f"{what} {v!r}: {exc}") from exc
    return out


@click.command("network")
@click.option("--analysis", "analysis_path", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="analysis.json written by `allegiance analyze`.")
@click.option("--db", "db", type=str, help="A store (path or URL) to read analysed documents.")
@click.option("--families", "families_path", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="JSON list of republication families (overrides input).")
@click.option("--window", type=click.Choice(["day", "week", "month", "custom"]),
              default="month", show_default=True, help="Time window of each graph.")
@click.option("--start", help="First day (YYYY-MM-DD); events before are left out.")
@click.option("--end", help="Last day (YYYY-MM-DD); events after are left out.")
@click.option("--days", type=click.IntRange(min=1),
              help="With --window custom: window length in days (default: one window).")
@click.option("--format", "formats", default=",".join(ALL_FORMATS), show_default=True,
              help=f"Comma-separated outputs: {', '.join(ALL_FORMATS)}.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("out/network"), show_default=True, help="Output folder.")
@click.option("--dyad", help="Plot the timeline of a dyad, e.g. USA:IRN.")
@click.option("--plot-window", "plot_label", default="all", show_default=True,
              help="Window to draw: all, last, or a window label such as 2024-03.")
@click.option("--status-weight", multiple=True, metavar="STATUS=W",
              help="Override a status weight, e.g. reported=0.7 (repeatable).")
@click.option("--direction", multiple=True, metavar="TYPE=SIGN",
              help="Override an event type's direction (+1/-1/0), e.g. REQUEST=-1.")
@click.option("--actor-level", type=click.Choice(["country", "code"]), default="country",
              show_default=True, help="Collapse state sector codes (USAMIL) to states (USA).")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write analysis.json's network part to this file.")
def network_command(analysis_path: Path | None, db: str | None, families_path: Path | None,
                    window: str, start: str | None, end: str | None, days: int | None,
                    formats: str, out_dir: Path, dyad: str | None, plot_label: str,
                    status_weight: tuple[str, ...], direction: tuple[str, ...],
                    actor_level: str, json_path: Path | None) -> None:
    """Turn coded events into the system of alliances and rivalries, window by window.

    Prints blocs, hubs and realignments, and writes GraphML/GEXF (Gephi), CSV edge lists,
    JSON, and PNG/SVG pictures of a window and of a dyad's timeline into --out.
    """
    from .build import build_network, network_json
    from .export import EXPORT_FORMATS, write_exports
    from .plot import pick_window, plot_dyad, plot_window
    from .stage import layout_positions
    from .table import table_from_documents

    if (analysis_path is None) == (db is None):
        raise click.UsageError("give exactly one input: --analysis analysis.json or --db STORE")
    wanted = [f.strip().lower() for f in formats.split(",") if f.strip()]
    unknown = sorted(set(wanted) - set(ALL_FORMATS))
    if unknown:
        raise click.UsageError(f"unknown --format {', '.join(unknown)}; "
                               f"choose from {', '.join(ALL_FORMATS)}")
    pair: tuple[str, str] | None = None
    if dyad:
        a, sep, b = dyad.upper().partition(":")
        if not sep or not a or not b or a == b:
            raise click.UsageError(f"--dyad must look like USA:IRN, got {dyad!r}")
        pair = (a, b)
    config = NetworkConfig(window=window, start=start, end=end, custom_days=days,
                           actor_level=actor_level)
    config.status_weights.update(_parse_pairs(status_weight, "--status-weight", float))
    config.directions.update({k.upper(): int(v) for k, v in
                              _parse_pairs(direction, "--direction", int).items()})

    if analysis_path is not None:
        docs, families = load_analysis(analysis_path)
    else:
        docs, families = load_db(str(db))
    if families_path is not None:
        families = json.loads(families_path.read_text(encoding="utf-8"))
    try:
        table = table_from_documents(docs, families, config)
        res = build_network(table, config)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc

    _print_summary(res)
    written: list[Path] = []
    exports = [f for f in wanted if f in EXPORT_FORMATS]
    if exports:
        written += write_exports(res, out_dir, exports)
    pictures = [f for f in wanted if f in ("png", "svg")]
    if pictures and len(table):
        pos = layout_positions(res)
        try:
            win = pick_window(res, plot_label)
        except KeyError as exc:
            raise click.UsageError(str(exc.args[0])) from exc
        from .export import safe_label

        label = "all" if win is res.overall else win.label
        for ext in pictures:
            written.append(plot_window(res, plot_label, out_dir /
                                       f"network_{safe_label(label)}.{ext}", pos))
            if pair:
                try:
                    written.append(plot_dyad(res, pair[0], pair[1],
                                             out_dir / f"dyad_{pair[0]}-{pair[1]}.{ext}"))
                except KeyError as exc:
                    raise click.UsageError(str(exc.args[0])) from exc
    if json_path is not None:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(network_json(res), ensure_ascii=False, indent=1),
                             encoding="utf-8")
        written.append(json_path)
    if written:
        click.echo(f"\nwrote {len(written)} file(s) to {out_dir}" +
                   (f" and {json_path}" if json_path else ""))
    sys.stdout.flush()


def _print_summary(res: Any) -> None:
    from .build import realignment_json, window_json

    st = res.table.stats
    click.echo(f"events: {st.get('events_total', 0)} read, {st.get('events_used', 0)} on the map"
               f" | skipped: no actor code {st.get('skipped_no_code', 0)}, denied/negated "
               f"{st.get('skipped_zero_weight', 0)}, republished copies "
               f"{st.get('skipped_republished', 0)}, undated {st.get('skipped_no_date', 0)}, "
               f"self {st.get('skipped_self', 0)}")
    click.echo(f"actors: {len(res.table.actors)}  windows ({res.config.window}): "
               f"{len(res.windows)}  edges: {res.agg.src.shape[0]}\n")
    click.echo(f"{'window':<24} {'actors':>6} {'edges':>6} {'blocs':>5} {'balance':>8}  top hub")
    shown = res.windows if len(res.windows) <= 24 else res.windows[-24:]
    if len(shown) < len(res.windows):
        click.echo(f"... {len(res.windows) - len(shown)} earlier windows (see --format csv)")
    for w in shown + [res.overall]:
        nb = len({int(x) for x in w.bloc_ids.tolist() if x >= 0})
        ne = int(((w.matrices.coop + w.matrices.conf) > 0).sum())
        top = ""
        if w.hubs.score.size and w.hubs.degree.max() >= res.config.hub_min_degree:
            i = int(w.hubs.score.argmax())
            top = f"{res.table.actors[int(w.matrices.nodes[i])]} ({w.hubs.score[i]:.2f})"
        label = "whole period" if w is res.overall else w.label
        bal = f"{w.blocs.balance:>8.2f}" if w.blocs.total > 0 else f"{'-':>8}"
        click.echo(f"{label:<24} {w.matrices.nodes.size:>6} {ne:>6} {nb:>5} {bal}  {top}")
    overall = window_json(res, res.overall, res.overall_agg, evidence=False)
    click.echo("\nblocs (whole period):")
    for b in overall["blocs"][:10]:
        click.echo(f"  {b['id']}: {', '.join(b['members'])}")
    click.echo("\nhubs (cooperative degree x (1 - clustering among partners)):")
    click.echo(f"  {'actor':<10} {'score':>6} {'degree':>6} {'clust':>6}  spokes")
    for h in overall["hubs"][:10]:
        click.echo(f"  {h['actor']:<10} {h['score']:>6.2f} {h['cooperative_degree']:>6} "
                   f"{h['clustering']:>6.2f}  {', '.join(h['spokes'][:10])}")
    click.echo("\nrealignments:")
    if not res.realignments:
        click.echo("  none")
    for r in res.realignments[:15]:
        item = realignment_json(res, r, limit=1)
        ev = item["drivers"][0] if item["drivers"] else None
        why = ""
        if ev is not None:
            sent = " ".join(((ev.get("sentence") or {}).get("text") or "").split())
            why = f"  e.g. {ev['type']}: {sent[:70]}"
        click.echo(f"  {'-'.join(item['dyad']):<12} {item['from']} -> {item['to']}: "
                   f"{item['balance_from']:+.2f} -> {item['balance_to']:+.2f} "
                   f"({item['kind']}){why}")
