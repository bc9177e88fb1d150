"""The print renderer: a View laid out on a page (PNG, SVG or PDF) with matplotlib.

Title and subtitle, the map in an equal-area projection fitted to the view, legend,
scale bar, north arrow, a locator inset of China (or, on national maps, the South
China Sea inset), the source line and the schematic note. Styles come from
style.py, so the printed map agrees with the interactive one; the View is drawn
as given, never filtered.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from dataclasses import dataclass
from functools import cache

import geopandas as gpd
import matplotlib
import numpy as np
import pandas as pd
import shapely
from matplotlib import patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.path import Path as MplPath

from . import fonts, indicators, safe, style
from .view import View

MM = 1 / 25.4
SIZES = {
    "a4-landscape": (297 * MM, 210 * MM),
    "a4-portrait": (210 * MM, 297 * MM),
    "a3-landscape": (420 * MM, 297 * MM),
    "slide": (40 / 3, 7.5),
}
"""Page sizes in inches: ISO A4/A3 and a 16:9 slide (PowerPoint's widescreen 13.333 × 7.5 in)."""
FORMATS = ("png", "svg", "pdf")
MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
DEFAULT_DPI = 300
NATIONAL_CRS = "+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +datum=WGS84 +units=m +no_defs"
SCS_FRAME = (106.0, 2.8, 124.0, 24.6)
CHINA_FRAME = (72.0, 2.8, 136.0, 54.5)
CONTEXT_PAD_DEG = 12.0


@dataclass(frozen=True)
class Page:
    """What the user sets on a printed map: size, language, texts; empty title/subtitle mean the view's default."""

    size: str = "a4-landscape"
    lang: str = "zh"
    title: str = ""
    subtitle: str = ""
    approval_no: str = ""
    date: dt.date | None = None

    def __post_init__(self):
        if self.size not in SIZES:
            raise ValueError(f"unknown size {self.size!r}; choose from {', '.join(SIZES)}")
        if self.lang not in ("zh", "en"):
            raise ValueError(f"unknown language {self.lang!r}; choose zh or en")


def render(view: View, page: Page = Page(), fmt: str = "pdf", dpi: int = DEFAULT_DPI) -> bytes:
    """The map as file bytes: PNG at `dpi`, SVG (text as outlines), or PDF with the font embedded."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    with matplotlib.rc_context(fonts.rc()):
        fig = figure(view, page)
        buf = io.BytesIO()
        metadata = {"Title": page.title or view.title(page.lang), "Creator": "borderdash"} if fmt in ("pdf", "svg") else None
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=metadata)
    return buf.getvalue()


def format_of(path) -> str:
    """The output format from a file name (.png, .svg or .pdf), with a clear message for anything else."""
    suffix = str(path).rsplit(".", 1)[-1].lower() if "." in str(path) else ""
    if suffix not in FORMATS:
        raise ValueError(f"cannot tell the format of {str(path)!r}: name it .png, .svg or .pdf")
    return suffix


def figure(view: View, page: Page = Page()) -> Figure:
    """The laid-out page as a matplotlib Figure (no pyplot: safe to build in a server), set in the packaged font."""
    with matplotlib.rc_context(fonts.rc()):
        return _figure(view, page)


HIGHLIGHT_ALPHA = 0.45
"""Highlighted places: the highlight colour at this opacity over white, on the map and in the legend alike."""

MAX_SOURCE_LINES = 5
"""The sources line's most lines at the foot of a print map."""


def _figure(view: View, page: Page) -> Figure:
    width, height = SIZES[page.size]
    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)
    k = min(width, height) / 8.27  # type scale: 1 on A4
    lang = page.lang
    margin = 0.32
    title = page.title.strip() or view.title(lang)
    subtitle = page.subtitle.strip() or view.subtitle(lang)
    fig.text(margin / width, 1 - margin / height, title, fontsize=17 * k, va="top", ha="left", color=style.TEXT)
    if subtitle:
        fig.text(margin / width, 1 - (margin + 0.36 * k) / height, subtitle, fontsize=9.5 * k, va="top", ha="left", color="#444444")

    entries = style.legend_entries(view)
    classes = _classes(view, lang)
    if classes:  # the class legend takes the right of the band; the main legend gets the columns that fit beside it
        em = 7.2 * k / 72
        them_w = max(
            _text_width(fig, [_thematic_title(view, lang)], 7.6 * k),
            _text_width(fig, _thematic_labels(classes[1]), 7.2 * k) + 3 * em,
        )
        col_w = _text_width(fig, [e.label(lang) for e in entries], 7.2 * k) + 4.2 * em
        ncol = max(1, int((width - 2 * margin - them_w - 0.25) / col_w))
    else:
        ncol = max(2, int(width / (2.6 if lang == "en" else 2.1)))
    legend_rows = max(-(-len(entries) // ncol), len(classes[1]) + 1 if classes else 0)
    date = (page.date or dt.date.today()).isoformat()
    wrap = int((width - 2 * margin) * 72 / (6.3 * k) * (0.98 if lang == "zh" else 1.9))
    sources = textwrap.wrap(style.sources_line(lang, date), wrap)
    if len(sources) > MAX_SOURCE_LINES:  # long titles (or text put in them) never squeeze the map out of the page
        sources = [*sources[: MAX_SOURCE_LINES - 1], safe.clip(sources[MAX_SOURCE_LINES - 1], wrap - 1).rstrip("…") + "…"]
    foot_lines = sources + textwrap.wrap(style.schematic_note(lang, page.approval_no), wrap)[:2]
    foot_h = (len(foot_lines) * 0.12 + 0.1) * k
    legend_h = (legend_rows * 0.19 + 0.12) * k
    top = margin + (0.68 if subtitle else 0.45) * k
    bottom = margin + foot_h + legend_h
    map_box = [margin / width, bottom / height, 1 - 2 * margin / width, 1 - (top + bottom) / height]
    ax = fig.add_axes(map_box)
    crs = _crs(view)
    _draw_map(ax, view, crs, lang, k, classes)
    _scalebar(ax, k, lang)
    _north_arrow(ax, k)
    if view.national:
        _scs_inset(fig, ax, lang, k)
    else:
        _locator_inset(fig, ax, view, k)

    handles = [_handle(e, k) for e in entries]
    fig.legend(
        handles,
        [e.label(lang) for e in entries],
        loc="upper left",
        bbox_to_anchor=(margin / width, (bottom - 0.05 * k) / height),
        ncol=ncol,
        frameon=False,
        fontsize=7.2 * k,
        handlelength=2.2,
        columnspacing=1.2,
        labelspacing=0.35,
        borderaxespad=0,
    )
    if classes:
        _thematic_legend(fig, view, classes[1], lang, k, (1 - margin / width, (bottom - 0.05 * k) / height))
    fig.text(
        margin / width, margin / height, "\n".join(foot_lines), fontsize=6.3 * k, va="bottom", ha="left", color="#333333", linespacing=1.45
    )
    return fig


def _crs(view: View) -> str:
    if view.national:
        return NATIONAL_CRS
    minx, miny, maxx, maxy = view.frame
    h = maxy - miny
    return (
        f"+proj=aea +lat_1={miny + h / 6:.3f} +lat_2={maxy - h / 6:.3f} +lat_0={(miny + maxy) / 2:.3f} "
        f"+lon_0={(minx + maxx) / 2:.3f} +datum=WGS84 +units=m +no_defs"
    )


def _project(gdf: gpd.GeoDataFrame, crs: str, frame=None) -> gpd.GeoDataFrame:
    """Geometry in the map projection, first cut to a padded lon/lat box so far-away parts cost nothing."""
    if frame is not None and len(gdf):
        minx, miny, maxx, maxy = frame
        geoms = shapely.clip_by_rect(
            gdf.geometry.values, minx - CONTEXT_PAD_DEG, miny - CONTEXT_PAD_DEG, maxx + CONTEXT_PAD_DEG, maxy + CONTEXT_PAD_DEG
        )
        gdf = gdf.set_geometry(gpd.GeoSeries(geoms, index=gdf.index, crs=4326))
        gdf = gdf[~gdf.geometry.is_empty]
    return gdf.to_crs(crs)


def _frame_extent(frame, crs: str) -> tuple[float, float, float, float]:
    minx, miny, maxx, maxy = frame
    box = gpd.GeoSeries([shapely.segmentize(shapely.box(minx, miny, maxx, maxy), 0.5)], crs=4326).to_crs(crs)
    return tuple(box.total_bounds)


def _fit(ax, extent) -> None:
    """Set the limits to the extent, widened on one axis to the axes' shape so the whole extent shows undistorted."""
    x0, y0, x1, y1 = extent
    bbox = ax.get_position()
    fw, fh = ax.figure.get_size_inches()
    aspect = (bbox.height * fh) / (bbox.width * fw)
    w, h = x1 - x0, y1 - y0
    if h / w < aspect:
        grow = (w * aspect - h) / 2
        y0, y1 = y0 - grow, y1 + grow
    else:
        grow = (h / aspect - w) / 2
        x0, x1 = x0 - grow, x1 + grow
    ax.set_autoscale_on(False)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")


def _polygons(ax, geoms, facecolor, edgecolor, linewidth, alpha=1.0, zorder=1, hatch=None) -> None:
    """Polygons as one PathCollection (holes kept); a colour or one colour per geometry. Vectorised over all rings."""
    geoms = np.asarray(geoms, dtype=object)
    parts, part_owner = shapely.get_parts(geoms, return_index=True)
    polygonal = shapely.get_type_id(parts) == 3
    parts, part_owner = parts[polygonal], part_owner[polygonal]
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    if not len(rings):
        return
    coords, ring_of_vertex = shapely.get_coordinates(rings, return_index=True)
    codes = np.full(len(coords), MplPath.LINETO, dtype=np.uint8)
    starts = np.flatnonzero(np.r_[True, ring_of_vertex[1:] != ring_of_vertex[:-1]])
    codes[starts] = MplPath.MOVETO
    codes[np.r_[starts[1:], len(coords)] - 1] = MplPath.CLOSEPOLY
    owner = part_owner[ring_part][ring_of_vertex]
    cuts = np.flatnonzero(owner[1:] != owner[:-1]) + 1
    owners = owner[np.r_[0, cuts]]
    paths = [MplPath(v, c) for v, c in zip(np.split(coords, cuts), np.split(codes, cuts), strict=True)]
    if not isinstance(facecolor, str):
        facecolor = [facecolor[i] for i in owners]
    ax.add_collection(
        PathCollection(paths, facecolors=facecolor, edgecolors=edgecolor, linewidths=linewidth, alpha=alpha, zorder=zorder, hatch=hatch),
        autolim=False,
    )


def _lines(ax, geoms, colour, linewidth, linestyle="-", zorder=3) -> None:
    """Lines (and polygon outlines) as one LineCollection; a colour or one colour per geometry."""
    segs, colours = [], []
    for i, geom in enumerate(np.asarray(geoms)):
        if geom is None or geom.is_empty:
            continue
        if geom.geom_type in ("Polygon", "MultiPolygon"):
            geom = geom.boundary
        for part in shapely.get_parts(geom):
            segs.append(np.asarray(part.coords)[:, :2])
            colours.append(colour if isinstance(colour, str) else colour[i])
    if segs:
        ax.add_collection(
            LineCollection(segs, colors=colours, linewidths=linewidth, linestyles=linestyle, zorder=zorder, capstyle="round"),
            autolim=False,
        )


def _dash(kind: str, k: float) -> tuple:
    on, off = style.CORRIDOR_DASHES[kind]
    return (0, (on * 0.45, off * 0.45))


def _draw_context(ax, crs: str, frame, k: float, fine: bool = True) -> None:
    ax.set_facecolor(style.SEA)
    _polygons(ax, _project(View.other_land(), crs, frame).geometry, style.OTHER_LAND, style.OTHER_LAND_EDGE, 0.3 * k)
    _polygons(ax, _project(View.neighbours(), crs, frame).geometry, style.NEIGHBOUR_FILL, style.NEIGHBOUR_EDGE, 0.4 * k)
    _polygons(ax, _project(View.china(), crs, frame).geometry, style.CHINA_LAND, "#6f6f6f", 0.5 * k)
    _lines(ax, _project(View.provinces(), crs, frame).geometry, style.PROVINCE_EDGE, (0.6 if fine else 0.3) * k, zorder=2)


def _classes(view: View, lang: str):
    """(fill per county, legend rows) of a thematic view, the same classes and colours as the live map; None otherwise."""
    if view.thematic is None or view.values is None:
        return None
    shaded, _classes, rows = indicators.choropleth(view.counties, view.values, view.thematic, lang)
    return shaded.fill.to_numpy(), rows


def _thematic_legend(fig, view: View, rows, lang: str, k: float, anchor) -> None:
    """The classes of a thematic map, titled with the indicator and the classification, beside the main legend."""
    handles = [
        Patch(facecolor=colour, edgecolor=style.COUNTY_EDGE, linewidth=0.6 * k, hatch="////" if label == indicators.NO_DATA[lang] else None)
        for colour, label, _n in rows
    ]
    legend = fig.legend(
        handles,
        _thematic_labels(rows),
        title=_thematic_title(view, lang),
        loc="upper right",
        bbox_to_anchor=anchor,
        frameon=False,
        fontsize=7.2 * k,
        title_fontsize=7.6 * k,
        handlelength=2.2,
        labelspacing=0.35,
        borderaxespad=0,
        alignment="left",
    )
    legend.get_title().set_color(style.TEXT)


def _thematic_title(view: View, lang: str) -> str:
    return f"{indicators.label_of(view.thematic.indicator, lang)} · {indicators.METHODS[view.thematic.method][lang == 'en']}"


def _thematic_labels(rows) -> list[str]:
    return [f"{label}  ({n})" for _c, label, n in rows]


def _text_width(fig, texts, size: float) -> float:
    """The widest of these texts in inches, as the figure's renderer sets them."""
    renderer = fig.canvas.get_renderer()
    widths = []
    for text in texts:
        t = fig.text(0, 0, text, fontsize=size)
        widths.append(t.get_window_extent(renderer).width / fig.dpi)
        t.remove()
    return max(widths, default=0.0)


def _draw_map(ax, view: View, crs: str, lang: str, k: float, classes=None) -> None:
    frame = view.frame
    _draw_context(ax, crs, frame, k)
    counties = view.counties
    if classes is not None:
        counties = counties.assign(_fill=classes[0])
    counties = _project(counties, crs, frame)
    if len(counties) and classes is not None:
        missing = counties._fill.isna().to_numpy()
        fills = counties._fill.fillna(indicators.NO_DATA_FILL).tolist()
        _polygons(ax, counties.geometry, fills, style.COUNTY_EDGE, 0.25 * k, zorder=1.5)
        if missing.any():
            _polygons(ax, counties.geometry[missing], "none", style.COUNTY_EDGE, 0.25 * k, zorder=1.6, hatch="////")
    elif len(counties):
        colours = np.where(counties.is_border_county.astype(bool), style.BORDER_COUNTY_FILL, style.OTHER_COUNTY_FILL)
        _polygons(ax, counties.geometry, list(colours), style.COUNTY_EDGE, 0.25 * k, alpha=0.75, zorder=1.5)
    on_corridor = view.kind == "corridor"  # the line is the subject: the counties it passes stay light under it
    if len(view.highlight):
        hl = _project(view.highlight, crs, frame).geometry
        _polygons(ax, hl, "white", "none", 0, 1.0, 1.75)  # the highlight reads as its legend swatch whatever lies under it
        _polygons(ax, hl, style.HIGHLIGHT_FILL, "none", 0, HIGHLIGHT_ALPHA, 1.8)
        _lines(ax, hl, style.HIGHLIGHT_EDGE, (0.6 if on_corridor else 1.4) * k, zorder=1.9)
    if len(view.border):
        border = _project(view.border, crs, frame)
        _lines(ax, border.geometry, "#3a3a3a", (style.BORDER_WIDTH * 0.55 + 1.0) * k)
        for disputed, part in border.groupby(border.data_unit != border.iso3):
            _lines(
                ax,
                part.geometry,
                [style.neighbour_colour(c) for c in part.iso3],
                style.BORDER_WIDTH * 0.55 * k,
                (0, (3, 2)) if disputed else "-",
            )
    _lines(ax, _project(View.maritime(), crs, frame).geometry, style.MARITIME_LINE, 1.1 * k)
    if len(view.corridors):
        cor = _project(view.corridors, crs, frame)
        for _, row in cor.iterrows():
            width = style.CORRIDOR_WIDTHS.get(row.part, 2.5) * (0.7 if on_corridor else 0.5) * k
            _lines(ax, [row.geometry], "white", width + 1.6 * k, zorder=3.9)  # a casing, so the line reads over any fill
            _lines(ax, [row.geometry], style.corridor_colour(row.kind, row.part), width, _dash(row.kind, k), zorder=4)
    markers = []
    if view.features is not None and len(view.features):
        markers.append(_draw_features(ax, _project(view.features, crs), k))
    for gdf, colour, marker in ((view.regiments, style.REGIMENT, "o"), (view.platforms, style.PLATFORM, "s")):
        if not len(gdf):
            continue
        pts = _project(gdf, crs)
        exact = pts.location_precision.map(style.is_exact).to_numpy(bool)
        xy = np.column_stack([pts.geometry.x, pts.geometry.y])
        size = (4.2 * k) ** 2
        ax.scatter(xy[exact, 0], xy[exact, 1], s=size, marker=marker, c=colour, edgecolors="white", linewidths=0.5 * k, zorder=5)
        ax.scatter(xy[~exact, 0], xy[~exact, 1], s=size, marker=marker, facecolors="white", edgecolors=colour, linewidths=1.1 * k, zorder=5)
        ring = style.uncertain_membership(pts).to_numpy(bool)
        if ring.any():
            ax.scatter(
                xy[ring, 0],
                xy[ring, 1],
                s=(7.5 * k) ** 2,
                marker="o",
                facecolors="none",
                edgecolors=colour,
                linewidths=0.9 * k,
                linestyles=(0, (2, 1.5)),
                zorder=5,
            )
        markers.append(xy)
    extent = _frame_extent(frame, crs)
    _fit(ax, extent)
    _labels(ax, view, crs, lang, k, markers)


def _draw_features(ax, features: gpd.GeoDataFrame, k: float) -> np.ndarray:
    """A planner's features over everything else: areas tinted and outlined, lines with a halo, points as ringed dots.
    Returns the points' positions, which labels keep clear of."""
    geoms = features.geometry.values
    dims = shapely.get_dimensions(geoms)
    if (dims == 2).any():
        _polygons(ax, geoms[dims == 2], style.FEATURE_FILL, "none", 0, alpha=0.45, zorder=5.5)
        _lines(ax, geoms[dims == 2], style.FEATURE, 1.3 * k, zorder=5.6)
    if (dims == 1).any():
        _lines(ax, geoms[dims == 1], style.FEATURE_FILL, 3.4 * k, zorder=5.5)
        _lines(ax, geoms[dims == 1], style.FEATURE, 1.5 * k, zorder=5.6)
    points = shapely.get_coordinates(geoms[dims == 0])
    if len(points):
        ax.scatter(
            points[:, 0],
            points[:, 1],
            s=(5.6 * k) ** 2,
            marker="o",
            c=style.FEATURE_FILL,
            edgecolors=style.FEATURE,
            linewidths=1.0 * k,
            zorder=6,
        )
    return points


def _labels(ax, view: View, crs: str, lang: str, k: float, markers) -> None:
    """Labels by priority (neighbours, focus, corridors, border counties, points, other counties), each placed where it overlaps
    no label or marker already placed, or left out."""
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    ax_box = ax.get_window_extent(renderer)
    taken = []
    for xy in markers:
        if len(xy):
            disp = ax.transData.transform(xy)
            r = 2.2 * k * fig.dpi / 72
            taken += [(x - r, y - r, x + r, y + r) for x, y in disp]
    halo = [patheffects.withStroke(linewidth=2.2 * k, foreground=style.HALO)]
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    window = shapely.box(x0, y0, x1, y1)

    def place(x, y, text, size, colour, offsets, weight="normal", outlined=True):
        if not text or not (x0 <= x <= x1 and y0 <= y <= y1):
            return
        for dx, dy, ha, va in offsets:
            t = ax.text(
                x, y, text, fontsize=size, color=colour, ha=ha, va=va, zorder=7, path_effects=halo if outlined else None, fontweight=weight
            )
            if dx or dy:
                t.set_transform(ax.transData + matplotlib.transforms.ScaledTranslation(dx / 72, dy / 72, fig.dpi_scale_trans))
            bb = t.get_window_extent(renderer)
            box = (bb.x0 - 1, bb.y0 - 1, bb.x1 + 1, bb.y1 + 1)
            inside = bb.x0 >= ax_box.x0 and bb.x1 <= ax_box.x1 and bb.y0 >= ax_box.y0 and bb.y1 <= ax_box.y1
            if inside and not any(box[0] < b[2] and box[2] > b[0] and box[1] < b[3] and box[3] > b[1] for b in taken):
                taken.append(box)
                return
            t.remove()

    centre = [(0, 0, "center", "center")]
    gap = 4 * k
    beside = [(gap, 0, "left", "center"), (-gap, 0, "right", "center"), (0, gap, "center", "bottom"), (0, -gap, "center", "top")]

    if view.features is not None and 1 < len(view.features) <= 40:
        feats = _project(view.features, crs)
        for fid, geom in zip(feats.feature_id, feats.geometry, strict=True):
            pt = geom if geom.geom_type == "Point" else shapely.point_on_surface(geom)
            place(pt.x, pt.y, str(fid), 7.5 * k, style.FEATURE, beside)

    neighbours = _project(View.neighbours(), crs, view.frame)
    neighbours = neighbours[~neighbours.disputed.astype(bool)]
    for _, row in neighbours.iterrows():
        part = shapely.intersection(row.geometry, window)
        if part.is_empty or part.area < window.area * 0.004:
            continue
        pt = shapely.point_on_surface(_largest(part))
        place(pt.x, pt.y, style.name(row, lang), 9.5 * k, "#555555", centre)

    if len(view.highlight):
        hl = _project(view.highlight, crs)
        if view.kind == "place":
            for _, row in hl.iterrows():
                pt = shapely.point_on_surface(row.geometry)
                place(pt.x, pt.y, style.name(row, lang), 10 * k, style.TEXT, centre + beside)

    if len(view.corridors):
        cor = _project(view.corridors, crs)
        for _, row in cor.sort_values("part", ascending=False).iterrows():
            line = shapely.intersection(row.geometry, window)
            if line.is_empty:
                continue
            pt = shapely.line_interpolate_point(_longest(line), 0.5, normalized=True)
            text = style.name(row, lang)
            if view.kind == "corridor" and row.part == "segment":
                text += f"（{row.status_zh}）" if lang == "zh" else f" ({row.status_en})"
            place(
                pt.x, pt.y, text, (6.8 if view.kind == "corridor" else 5.8) * k, style.corridor_colour(row.kind, row.part), beside + centre
            )

    counties = _project(
        gpd.GeoDataFrame(
            view.counties.drop(columns="geometry"), geometry=gpd.points_from_xy(view.counties.lon, view.counties.lat), crs=4326
        ),
        crs,
    )
    if view.kind == "place":
        counties = counties[~counties.adcode.isin(view.highlight.get("place_id", []))]
    border = counties[counties.is_border_county.astype(bool)]
    size = 6.2 * k if len(border) > 60 else 7 * k
    for _, row in border.sort_values("area_km2", ascending=False).iterrows():
        place(
            row.geometry.x,
            row.geometry.y,
            style.short_county_name(style.name(row, lang), lang),
            size,
            style.TEXT,
            centre,
            outlined=view.thematic is not None,  # a halo over class fills, which can be dark
        )

    for gdf, label in ((view.platforms, style.platform_label), (view.regiments, style.regiment_label)):
        if len(gdf):
            pts = _project(gdf, crs)
            for _, row in pts.iterrows():
                place(row.geometry.x, row.geometry.y, label(row, lang), 5.6 * k, "#333333", beside)

    provinces = _project(View.provinces(), crs, view.frame)
    shown = set(view.counties.province_zh) if len(view.counties) <= 200 else set()
    for _, row in provinces.iterrows():
        part = shapely.intersection(row.geometry, window)
        if part.is_empty or part.area < window.area * 0.01 or any(str(row.name_zh).startswith(p) for p in shown):
            continue
        pt = shapely.point_on_surface(_largest(part))
        place(pt.x, pt.y, style.province_name(row, lang), 8.5 * k, "#7a7a7a", centre)

    others = counties[~counties.is_border_county.astype(bool)]
    if len(others) <= 60:
        for _, row in others.sort_values("area_km2", ascending=False).iterrows():
            place(
                row.geometry.x,
                row.geometry.y,
                style.short_county_name(style.name(row, lang), lang),
                5.8 * k,
                "#5a5a5a",
                centre,
                outlined=view.thematic is not None,
            )


def _largest(geom):
    parts = shapely.get_parts(geom)
    return max(parts, key=lambda g: g.area) if len(parts) else geom


def _longest(geom):
    parts = shapely.get_parts(geom)
    return max(parts, key=lambda g: g.length) if len(parts) else geom


def _scalebar(ax, k: float, lang: str = "en") -> None:
    """A scale bar of a round length about a fifth of the map's width, in two halves, labelled in km (公里 in Chinese).

    Lengths are in the map's equal-area conic projection, true along its standard parallels (within ~1% across a province).
    """
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    target_km = (x1 - x0) / 1000 * 0.2
    nice = max(v * 10**e for e in range(0, 5) for v in (1, 2, 2.5, 5) if v * 10**e <= target_km)
    left, base = x0 + (x1 - x0) * 0.03, y0 + (y1 - y0) * 0.045
    height = (y1 - y0) * 0.009
    half = nice * 500
    ax.add_patch(
        Rectangle(
            (left - half * 0.12, base - height * 1.2),
            2 * half * 1.24,
            height * 5.6,
            facecolor="white",
            alpha=0.75,
            edgecolor="none",
            zorder=8,
        )
    )
    for i, colour in enumerate((style.TEXT, "white")):
        ax.add_patch(Rectangle((left + i * half, base), half, height, facecolor=colour, edgecolor=style.TEXT, linewidth=0.6 * k, zorder=9))
    for i, value in enumerate((0, nice / 2, nice)):
        text = f"{value:g}" + ((" 公里" if lang == "zh" else " km") if i == 2 else "")
        ax.text(left + i * half, base + height * 1.6, text, fontsize=6.5 * k, ha="center", va="bottom", color=style.TEXT, zorder=9)


def _north_arrow(ax, k: float) -> None:
    """North is up: every map is drawn in a conic projection centred on its own meridian."""
    ax.annotate(
        "N",
        xy=(0.965, 0.955),
        xytext=(0.965, 0.875),
        xycoords="axes fraction",
        ha="center",
        va="center",
        fontsize=10 * k,
        arrowprops={"facecolor": style.TEXT, "edgecolor": style.TEXT, "width": 2.2 * k, "headwidth": 8 * k, "headlength": 9 * k},
        zorder=9,
        bbox={"boxstyle": "circle,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
    )


@cache
def _inset_layers(crs: str):
    """China, its neighbours with the other countries' land, and the maritime line, simplified for small insets (projected once)."""
    china = View.china().set_geometry(View.china().geometry.simplify(0.04)).to_crs(crs)
    land = pd.concat([View.other_land(), View.neighbours()], ignore_index=True).to_crs(crs)
    maritime = View.maritime().to_crs(crs)
    return china, land, maritime


def _locator_inset(fig, ax, view: View, k: float) -> None:
    """China with the map's extent marked, in the map's upper-left corner."""
    box = ax.get_position()
    fw, fh = fig.get_size_inches()
    w_in = 1.55 * k
    h_in = w_in * 0.82
    inset = fig.add_axes([box.x0 + 0.06 / fw, box.y1 - (h_in + 0.06) / fh, w_in / fw, h_in / fh])
    china, land, maritime = _inset_layers(NATIONAL_CRS)
    inset.set_facecolor(style.SEA)
    _polygons(inset, land.geometry, style.NEIGHBOUR_FILL, "none", 0)
    _polygons(inset, china.geometry, "#e9e2d2", "#6f6f6f", 0.3 * k)
    _lines(inset, maritime.geometry, style.MARITIME_LINE, 0.4 * k)
    footprint = gpd.GeoSeries([shapely.segmentize(shapely.box(*view.frame), 0.5)], crs=4326).to_crs(NATIONAL_CRS)
    _lines(inset, footprint.geometry, "#d7191c", 1.2 * k, zorder=5)
    centre = footprint.centroid.iloc[0]
    inset.plot([centre.x], [centre.y], marker="s", markersize=2.5 * k, color="#d7191c")
    _fit(inset, _frame_extent(CHINA_FRAME, NATIONAL_CRS))
    _inset_frame(inset, k)


def _scs_inset(fig, ax, lang: str, k: float) -> None:
    """The South China Sea islands and the maritime boundary, in the lower-right corner of national maps."""
    box = ax.get_position()
    fw, fh = fig.get_size_inches()
    h_in = min(2.3 * k, box.height * fh * 0.42)
    w_in = h_in * 0.74
    inset = fig.add_axes([box.x1 - (w_in + 0.05) / fw, box.y0 + 0.05 / fh, w_in / fw, h_in / fh])
    inset.set_facecolor(style.SEA)
    _, land, maritime = _inset_layers(NATIONAL_CRS)
    _polygons(inset, land.geometry, style.NEIGHBOUR_FILL, style.NEIGHBOUR_EDGE, 0.3 * k)
    _polygons(inset, _project(View.china(), NATIONAL_CRS, SCS_FRAME).geometry, style.CHINA_LAND, "#4d4d4d", 0.4 * k)
    _lines(inset, maritime.geometry, style.MARITIME_LINE, 1.0 * k)
    _fit(inset, _frame_extent(SCS_FRAME, NATIONAL_CRS))
    inset.text(
        0.5,
        0.03,
        "南海诸岛" if lang == "zh" else "South China Sea Islands",
        transform=inset.transAxes,
        ha="center",
        va="bottom",
        fontsize=6.5 * k,
        color=style.TEXT,
    )
    _inset_frame(inset, k)


def _inset_frame(inset, k: float) -> None:
    inset.set_zorder(10)
    for spine in inset.spines.values():
        spine.set_edgecolor("#333333")
        spine.set_linewidth(0.8 * k)


def _handle(entry: style.LegendEntry, k: float):
    if entry.symbol == "fill":
        alpha = HIGHLIGHT_ALPHA if entry.colour == style.HIGHLIGHT_FILL else 1.0
        return Patch(facecolor=matplotlib.colors.to_rgba(entry.colour, alpha), edgecolor=entry.edge, linewidth=0.6 * k)
    if entry.symbol in ("line", "dash", "dot"):
        dash = {"line": "-", "dash": (0, (4, 2)), "dot": (0, (1.5, 1.5))}[entry.symbol]
        return Line2D([], [], color=entry.colour, linewidth=2.2 * k, linestyle=dash)
    if entry.symbol == "dashpoint":
        return Patch(facecolor="none", edgecolor=entry.colour, linestyle=(0, (2, 1.5)), linewidth=0.9 * k)
    marker = {"point": "o", "square": "s", "hollow": "o"}[entry.symbol]
    face = "white" if entry.symbol == "hollow" else entry.colour
    return Line2D(
        [], [], linestyle="", marker=marker, markersize=6 * k, markerfacecolor=face, markeredgecolor=entry.colour, markeredgewidth=1.1 * k
    )
