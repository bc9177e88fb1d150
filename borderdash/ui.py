"""Streamlit glue shared by the pages: cached data, the filter widgets bound to the URL, messages.

Pages lay out widgets and call these; all logic stays in the package modules.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from . import catalog, i18n, layers, people, safe
from .filters import Filter
from .schema import PROVINCES_EN
from .sources import NEIGHBOUR_ISO3


@st.cache_resource(show_spinner=False)
def layer(name: str, detail: bool = False):
    """A layer shared across sessions; callers must not mutate it."""
    return catalog.load(name, detail) if name == "counties" else catalog.load(name)


@st.cache_resource(show_spinner=False)
def data_report() -> str:
    """The `borderdash check-data` report, computed once per server."""
    from .checks import check_data

    return check_data().text()


@st.cache_resource(show_spinner=False)
def data_problems() -> str:
    """The same register and policy-file problems `borderdash check-data` names, as text; empty when none."""
    from .validate import problems, report

    return report(problems())


def show_data_problems(found: str | None = None) -> None:
    """One readable box naming each bad file, line and column; the pages then show what still loads."""
    found = data_problems() if found is None else found
    if found:
        st.error("数据文件有误，相关内容暂不显示 · Some data files have problems; what depends on them is not shown.")
        st.code(found, language=None)


@st.cache_resource(show_spinner=False)
def neighbour_names(lang: str = "zh") -> dict[str, str]:
    line = layers.border_line()
    return {r.iso3: r.neighbour_en if lang == "en" else r.neighbour_zh for r in line.itertuples()}


def names_of(layer_name: str, ids: list[str]) -> list[str]:
    """Names of places of a layer, in the session's language, in the order of the ids."""
    gdf = layer(layer_name).drop_duplicates("id").set_index("id")
    named = i18n.pick(gdf, "name", language())
    return [str(named.get(i, i)) for i in ids]


def border_by_neighbour(km_by_neighbour: str) -> str:
    """'KGZ:367.2;KAZ:12.0' -> '吉尔吉斯斯坦 367.2 公里、…' in the session's language, as exports write it; '—' when none."""
    return people.border_by_neighbour(km_by_neighbour, language()) or "—"


def profile_query(place_id: str) -> str:
    """Query string of a place's profile link, keeping the session's language."""
    return f"place={place_id}" + ("&lang=en" if language() == "en" else "")


def language() -> str:
    """The session's language: from the URL (`?lang=en`) on the first page, then remembered; Chinese by default."""
    if "lang" not in st.session_state:
        wanted = str(st.query_params.get("lang", "zh")).strip().lower()
        st.session_state.lang = wanted if wanted in i18n.LANGUAGES else "zh"
    return st.session_state.lang


def language_switch() -> str:
    """中文 / English at the top of the sidebar, kept in the URL like the filter."""
    current = language()
    with st.sidebar:
        lang = st.radio(
            i18n.t("lang.label", current),
            i18n.LANGUAGES,
            index=i18n.LANGUAGES.index(current),
            format_func=i18n.LANGUAGE_NAMES.get,
            horizontal=True,
            key="lang_choice",
        )
    st.session_state.lang = lang
    if lang == "zh" and "lang" in st.query_params:
        del st.query_params["lang"]
    elif lang != "zh" and st.query_params.get("lang") != lang:
        st.query_params["lang"] = lang
    return lang


def tr(key: str, **values) -> str:
    """Interface text in the session's language."""
    return i18n.t(key, language(), **values)


def show_table(df, columns: list[str], links: dict | None = None, **kwargs):
    """st.dataframe of a table for people (see `table`): each number column in its one format, and `links`
    ({header: (urls, display-text pattern)}) as link columns."""
    shown = table(df, columns)
    config = i18n.column_formats(shown, columns, language())
    for header, (urls, display) in (links or {}).items():
        shown.insert(0, header, list(urls))
        config[header] = st.column_config.LinkColumn(header, display_text=display)
    return st.dataframe(shown, hide_index=True, width="stretch", column_config=config, **kwargs)


def place_links(place_ids, names) -> list[str]:
    """Profile links that show the place's name (the name after '#', read back by NAME_IN_LINK)."""
    return [f"/place?{_query_with_lang(place=p)}#{str(n).replace('#', ' ')}" for p, n in zip(place_ids, names, strict=True)]


NAME_IN_LINK = r"#(.*)$"


def table(df, columns: list[str]):
    """A table for people in the session's language (see i18n.for_people), neighbours and provinces by name."""
    lang = language()
    shown = df[[c for c in df.columns if c in columns or any(c == f"{s}_{x}" for s in columns for x in i18n.LANGUAGES)]].copy()
    sep = "、" if lang == "zh" else ", "
    names = {"neighbours": neighbour_names(lang), "provinces": {p: PROVINCES_EN[p] if lang == "en" else p for p in PROVINCES_EN}}
    for layer_name in ("corridors", "platforms"):
        if layer_name in shown and layer_name in columns:
            gdf = layer(layer_name).drop_duplicates("id")
            names[layer_name] = dict(zip(gdf.id, i18n.pick(gdf, "name", lang), strict=True))
    for col, by_id in names.items():
        if col in shown:
            shown[col] = shown[col].fillna("").map(lambda s, by_id=by_id: sep.join(by_id.get(c, c) for c in str(s).split(";") if c))
    if lang == "en" and "province_zh" in shown:
        shown["province_zh"] = shown.province_zh.map(lambda p: PROVINCES_EN.get(p, p))
    return i18n.for_people(shown, columns, lang)


FILTER_KEYS = ("border", "province", "neighbour")


def follow(key: str, value, options=None) -> None:
    """Put a keyed widget on an outside value (the URL, the session's filter) when that value changed, not on every
    rerun: a widget whose default follows such a value is rebuilt on each change and drops every second choice.
    Each page has its own widgets, so a page switch also puts the widget on the outside value.
    """
    current = st.session_state.get(key)
    stale = st.session_state.get(f"{key}__seen") != (_page(), value)
    if current is None or stale or (options is not None and current not in options):
        st.session_state[key] = value
        seen(key, value)


def seen(key: str, value) -> None:
    """Record a keyed widget's value as the outside value it now stands for, on this page (see follow)."""
    st.session_state[f"{key}__seen"] = (_page(), value)


def _page() -> str:
    return st.session_state.get("page", "")


def to_url(param: str, key: str, text: str) -> None:
    """Write a keyed widget's value to the URL (so the view can be shared; an empty value leaves it out) and remember it
    as the URL's own."""
    seen(key, st.session_state[key])
    if not text:
        if param in st.query_params:
            del st.query_params[param]
    elif st.query_params.get(param) != text:
        st.query_params[param] = text


def current_filter() -> Filter:
    """The session's filter: from the URL on the session's first page, then carried across pages.

    Streamlit drops query parameters on a page switch, so the filter lives in session
    state and is written back to the URL, which stays shareable.
    """
    if "filter_query" not in st.session_state:
        flt = Filter.from_query(st.query_params.to_dict())
        for w in flt.warnings:
            st.warning(tr("filter.url_ignored", detail=text(w, 200)))
        st.session_state.filter_query = flt.to_query()
    flt = Filter.from_query(st.session_state.filter_query)
    _write_url(flt)
    return flt


def keyed(name: str) -> str:
    """A widget key per language: a picker's chips and labels are drawn in the language it was made in, so the
    language switch makes a new widget, which `follow` puts on the same value."""
    return f"{name}_{language()}"


def filter_sidebar(flt: Filter) -> Filter:
    """Sidebar widgets for the shared filter; the choice goes to session state and the URL."""
    lang = language()
    names = neighbour_names(lang)
    keys = {name: keyed(f"filter_{name}") for name in ("border", "provinces", "neighbours")}
    follow(keys["border"], flt.border_only)
    follow(keys["provinces"], list(flt.provinces))
    follow(keys["neighbours"], list(flt.neighbours))
    with st.sidebar:
        st.subheader(tr("filter.heading"))
        border_only = st.toggle(tr("filter.border_only"), key=keys["border"])
        provinces = st.multiselect(
            tr("filter.province"),
            list(PROVINCES_EN),
            key=keys["provinces"],
            placeholder=tr("choose"),
            format_func={p: PROVINCES_EN[p] if lang == "en" else p for p in PROVINCES_EN}.get,
        )
        neighbours = st.multiselect(
            tr("filter.neighbour"),
            list(NEIGHBOUR_ISO3),
            key=keys["neighbours"],
            placeholder=tr("choose"),
            format_func=lambda c: names.get(c, c),
        )
    new = Filter.build(border_only, provinces, neighbours)
    seen(keys["border"], new.border_only)
    seen(keys["provinces"], list(new.provinces))
    seen(keys["neighbours"], list(new.neighbours))
    st.session_state.filter_query = new.to_query()
    _write_url(new)
    return new


def _write_url(flt: Filter) -> None:
    wanted = flt.to_query()
    current = {k: v for k, v in st.query_params.to_dict().items() if k in FILTER_KEYS}
    if current != wanted:
        for key in FILTER_KEYS:
            if key in st.query_params and key not in wanted:
                del st.query_params[key]
        st.query_params.update(wanted)


def text(value, limit: int | None = safe.MESSAGE_LIMIT) -> str:
    """A value from a URL or the data as Markdown that shows it literally, clipped to `limit` characters."""
    return safe.markdown(value, limit)


def precision_note() -> None:
    st.caption(tr("precision.note"))


@st.cache_data(show_spinner=False, max_entries=32)
def print_map(selection, page, fmt: str, dpi: int, uploaded: pd.DataFrame | None = None) -> bytes:
    """A print map's bytes, cached per selection, page settings and uploaded figures (rendering takes seconds)."""
    from . import printmap, view

    return printmap.render(view.select(selection, uploaded), page, fmt, dpi=dpi)


def briefing_map_download(selection, key: str, uploaded: pd.DataFrame | None = None) -> None:
    """A 'briefing map of this view' PDF download in the session's language; the file is made only when the button is clicked."""
    from . import printmap

    page = printmap.Page(lang=language())
    st.download_button(
        tr("briefing.download_print"),
        data=lambda: print_map(selection, page, "pdf", printmap.DEFAULT_DPI, uploaded),
        file_name=f"borderdash_{key}.pdf",
        mime="application/pdf",
        on_click="ignore",
        key=f"briefing-pdf-{key}",
        help=tr("briefing.download_print_help"),
    )


@st.cache_data(show_spinner=False, max_entries=128)
def live_state(selection, lang: str, selected: str | None = None, uploaded: pd.DataFrame | None = None, note: str = "") -> dict:
    """The live map's state for a selection (view.select, then webmap.state), once per selection and language."""
    from . import view, webmap

    return webmap.state(view.select(selection, uploaded), lang, selected, note)


def live_map(selection, key: str, *, height: int = 560, selected: str | None = None, uploaded=None, note: str = "", **options):
    """The one live map of a page: st_folium of webmap.live_map, the selection's view applied in place.

    key: the map's widget key; include the language (the map's labels are set when it mounts).
    options: basemap, draw (Leaflet.draw toolbar), returned (what st_folium sends back; nothing by default).
    """
    from streamlit_folium import st_folium

    from . import webmap

    lang = language()
    state = live_state(selection, lang, selected, uploaded, note)
    returned = list(options.pop("returned", ()))
    m = webmap.live_map(lang, options.pop("basemap", "none"), options.pop("draw", False))
    out = st_folium(
        m,
        feature_group_to_add=webmap.view_group(state),
        height=height,
        use_container_width=True,
        returned_objects=returned,
        key=key,
    )
    precision_note()
    return out


@st.cache_data(show_spinner=False, max_entries=128)
def shown_counties(query: tuple):
    """The counties a filter shows (view.shown_counties), computed once per filter value."""
    from .view import shown_counties

    return shown_counties(Filter.from_query(dict(query)))


@st.cache_data(show_spinner=False, max_entries=64)
def overview_table(query: tuple):
    """The overview's ordered table of counties with their links (no geometry), once per filter value."""
    from . import regions

    shown = regions.with_links(shown_counties(query))
    province_order = shown.province_zh.map({p: i for i, p in enumerate(PROVINCES_EN)})
    return (
        shown.assign(_p=province_order)
        .sort_values(["is_border_county", "_p", "border_length_km", "adcode"], ascending=[False, True, False, True])
        .drop(columns="_p")
    )


def measure_themes(measures: pd.DataFrame) -> dict[str, str]:
    """The themes of these measures (key -> label in the session's language), in the vocabulary's order."""
    from .policy import kb

    present = {t for themes in measures.theme for t in str(themes).split(";") if t}
    return {k: v[language()] for k, v in kb.vocab()["themes"].items() if k in present}


def filter_measures(measures: pd.DataFrame, themes, in_force_only: bool) -> pd.DataFrame:
    """The measures of any of these themes (all when none is chosen), without ended documents' when asked."""
    keep = measures.theme.map(lambda t: not themes or bool(set(str(t).split(";")) & set(themes)))
    if in_force_only:
        keep &= measures.in_force.astype(bool)
    return measures[keep]


def measures_by_document(measures: pd.DataFrame, key: str) -> None:
    """Measures grouped under their documents (name, number, period, count), each a table of section, title and reason;
    a row links to the measure in the policy explorer."""
    from .policy import kb

    lang = language()
    for doc_id, group in measures.groupby("document", sort=False):
        head = kb.document_name(doc_id, lang)
        period = group.period_zh.iloc[0] if lang == "zh" else group.period_en.iloc[0]
        with st.expander(tr("place.document_group", document=text(head, 160), count=len(group), period=text(period)), expanded=True):
            shown = table(group, ["section", "title", "reason"])
            link = tr("place.measure_link")
            shown.insert(0, link, ["/policy?" + _query_with_lang(measure=m) for m in group.measure_id])
            st.dataframe(
                shown,
                hide_index=True,
                width="stretch",
                key=f"{key}-{doc_id}",
                column_config={link: st.column_config.LinkColumn(link, display_text=tr("place.open_measure"), width="small")},
            )


def _query_with_lang(**params) -> str:
    """A query string for a link to another page, keeping the session's language."""
    from urllib.parse import urlencode

    return urlencode(params | ({"lang": "en"} if language() == "en" else {}))


def find_place_box(where) -> None:
    """A find-a-place box: a Chinese or English name (or its pinyin), an id or an adcode; the matches link to their profiles."""
    from .policy.find import find_places

    query = where.text_input(tr("find.label"), key="find_place", placeholder=tr("find.placeholder"), max_chars=60)
    if not query.strip():
        return
    found = find_places(query, limit=6)
    found = found[found.layer != "im-units"]  # the same territory as its county
    if found.empty:
        where.caption(tr("find.none", query=text(query, 60)))
        return
    for row in found.itertuples():
        province = layers.province_name(row.province_zh, language())
        label = f"{i18n.pick(row._asdict(), 'name', language())} · {i18n.code(row.layer, language())} · {province}"
        query_params = {"place": row.place_id} | ({"lang": "en"} if language() == "en" else {})
        where.page_link("views/place.py", label=label, query_params=query_params)


PAGE_CSS = """<style>
@media (max-width: 640px) {{
  h1 {{ font-size: 1.7rem !important; }}
  [data-testid="stHorizontalBlock"]:has([data-testid="stMetric"]) {{ flex-wrap: wrap; gap: 0.25rem 0.75rem; }}
  [data-testid="stHorizontalBlock"]:has([data-testid="stMetric"]) > [data-testid="stColumn"] {{
    flex: 1 1 40% !important; min-width: 40% !important; width: auto !important; }}
  [data-testid="stMetricValue"] {{ font-size: 1.35rem !important; }}
}}
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] [data-testid="stMarkdownContainer"] p {{ font-size: 0; }}
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] [data-testid="stMarkdownContainer"] p::after {{
  content: "{choose}"; font-size: 14px; }}
[data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{ content: "{drop}"; font-size: 12px; }}
</style>"""
"""The file uploader's own words (Streamlit has no setting for them) replaced by the catalogue's, through CSS."""


def page_style() -> None:
    """Styles every page shares: on a phone a smaller title and metrics two to a row (so the map comes sooner), and the
    uploader's words in the session's language."""
    quoted = {k: tr(f"upload.widget_{k}").replace("\\", "").replace('"', "'") for k in ("choose", "drop")}
    st.html(PAGE_CSS.format(**quoted))


def clicked(value, allowed: set) -> str | None:
    """The adcode of the feature the user last clicked on a map (st_folium's value), if it is one of `allowed`."""
    adcode = (((value or {}).get("last_active_drawing") or {}).get("properties") or {}).get("adcode")
    return adcode if adcode in allowed else None
