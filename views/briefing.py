"""Briefing maps: a print-quality map (PNG 300 dpi, SVG, PDF) of a filter, place, corridor or measure, and the offline HTML map."""

import shlex

import streamlit as st

from borderdash import i18n, printmap, ui, ui_indicators, ui_workspace, view, webmap
from borderdash.filters import Filter
from borderdash.policy import join, kb

lang = ui.language()
st.title(ui.tr("briefing.title"))
flt = ui.filter_sidebar(ui.current_filter())
saved = ui_workspace.briefing_defaults()  # an opened workspace's settings, else {}
kinds = list(view.KINDS)
wanted = next((k for k in ("place", "corridor", "measure") if st.query_params.get(k)), saved.get("template", "overview"))
kind = st.radio(
    ui.tr("briefing.template"),
    kinds,
    index=kinds.index(wanted),
    format_func={k: ui.tr(f"briefing.kind.{k}") for k in kinds}.get,
    horizontal=True,
)
focus = {}
if kind == "place":
    places = join.pickable_places()
    labels = dict(
        zip(places.place_id, i18n.pick(places, "name", lang) + " · " + places.layer.map(lambda v: i18n.code(v, lang)), strict=False)
    )
    ids = places.place_id.tolist()
    default = st.query_params.get("place", saved.get("place", "450681"))
    index = ids.index(default) if default in labels else ids.index("450681")
    focus["place"] = st.selectbox(ui.tr("briefing.kind.place"), ids, index=index, format_func=lambda p: f"{labels[p]} ({p})")
elif kind == "corridor":
    cor = ui.layer("corridors")
    ids = cor.id.tolist()
    names = dict(zip(cor.id, i18n.pick(cor, "name", lang), strict=True))
    default = st.query_params.get("corridor", saved.get("corridor", "g219"))
    focus["corridor"] = st.selectbox(
        ui.tr("briefing.kind.corridor"), ids, index=ids.index(default) if default in names else 0, format_func=names.get
    )
elif kind == "measure":
    table = kb.measures_table()
    ids = table.id.tolist()
    titles = dict(zip(table.id, table.id + " " + i18n.pick(table, "title", lang), strict=True))
    default = st.query_params.get("measure", saved.get("measure", ids[0]))
    focus["measure"] = st.selectbox(
        ui.tr("briefing.kind.measure"), ids, index=ids.index(default) if default in titles else 0, format_func=titles.get
    )

here = ui_workspace.briefing_defaults(kind, focus)  # its extras, title and subtitle when this is the map it saved
default_extras = list(view.EXTRAS) if kind == "place" else ["regiments"] if kind == "overview" else []
extras = st.multiselect(
    ui.tr("briefing.layers"),
    list(view.EXTRAS),
    default=[e for e in here.get("extras", default_extras) if e in view.EXTRAS],
    placeholder=ui.tr("choose"),
    format_func={extra: ui.tr(f"overview.{extra}") for extra in view.EXTRAS}.get,
)
thematic = ui_indicators.thematic_sidebar() if kind == "overview" else None
uploaded = ui_indicators.uploaded_for(thematic)
selection = view.Selection(flt if kind == "overview" else Filter(), frozenset(extras), thematic=thematic, **focus)
try:
    selected = view.select(selection, uploaded)
except (KeyError, ValueError) as exc:
    st.error(ui.tr("briefing.cannot", detail=str(exc)))
    st.stop()

c1, c2, c3 = st.columns(3)
map_lang = c1.radio(
    ui.tr("briefing.map_language"),
    list(i18n.LANGUAGES),
    index=list(i18n.LANGUAGES).index(saved.get("map_lang") if saved.get("map_lang") in i18n.LANGUAGES else lang),
    format_func=i18n.LANGUAGE_NAMES.get,
    horizontal=True,
)
sizes = list(printmap.SIZES)
size = c2.selectbox(
    ui.tr("briefing.size"),
    sizes,
    index=sizes.index(saved["size"]) if saved.get("size") in sizes else 0,
    format_func={k: ui.tr(f"size.{k}") for k in printmap.SIZES}.get,
)
approval_no = c3.text_input(ui.tr("briefing.approval_no"), value=saved.get("approval_no", ""), max_chars=60)
title = st.text_input(ui.tr("briefing.map_title"), value=here.get("title") or selected.title(map_lang), max_chars=120)
subtitle = st.text_input(ui.tr("briefing.subtitle"), value=here.get("subtitle") or selected.subtitle(map_lang), max_chars=200)
page = printmap.Page(size, map_lang, title, subtitle, approval_no)
ui_workspace.keep_briefing(
    template=kind,
    **focus,
    extras=extras,
    map_lang=map_lang,
    size=size,
    approval_no=approval_no,
    title=title if title != selected.title(map_lang) else "",
    subtitle=subtitle if subtitle != selected.subtitle(map_lang) else "",
)

with st.spinner(ui.tr("briefing.drawing")):
    st.image(ui.print_map(selection, page, "png", 110, uploaded), caption=ui.tr("briefing.preview"))
d1, d2, d3, d4 = st.columns(4)
for col, fmt in ((d1, "pdf"), (d2, "png"), (d3, "svg")):
    col.download_button(
        fmt.upper(),
        data=lambda fmt=fmt: ui.print_map(selection, page, fmt, printmap.DEFAULT_DPI, uploaded),
        file_name=f"borderdash_map.{fmt}",
        mime=printmap.MIME[fmt],
        on_click="ignore",
        key=f"download-{fmt}",
    )
d4.download_button(
    ui.tr("briefing.download_html_short"),
    data=lambda: webmap.standalone_html(selected, map_lang, title, subtitle),
    file_name="borderdash_briefing.html",
    mime="text/html",
    on_click="ignore",
    key="download-html",
    help=ui.tr("briefing.download_html"),
)
args = ["borderdash", "map", *selection.to_cli(), "--lang", map_lang, "--size", size]
if uploaded is not None:  # the CLI reads the same table from a file
    at = args.index("--indicator")
    args[at + 1 : at + 2] = [ui_indicators.uploaded()["name"], "--column", thematic.indicator]
if title != selected.title(map_lang):
    args += ["--title", title]
if subtitle != selected.subtitle(map_lang):
    args += ["--subtitle", subtitle]
if approval_no:
    args += ["--approval-no", approval_no]
st.caption(ui.tr("briefing.cli"))
st.code(shlex.join([*args, "-o", "map.pdf"]), language="bash")
