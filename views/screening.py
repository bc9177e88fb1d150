"""Project screening: a point, line, area or list (clicked, drawn, typed or uploaded) against the county it lies in,
the border, the nearest port, platforms, corridors and the measures that apply, with a one-page report to file."""

import streamlit as st

from borderdash import i18n, screen_export, screening, ui, ui_screening
from borderdash.upload import pick

lang = ui.language()
st.title(ui.tr("screening.title"))
st.caption(ui.tr("screening.intro"))
map_key = f"screening-map-{lang}"

with st.sidebar:
    mode = st.radio(
        ui.tr("screening.input"),
        ui_screening.MODES,
        format_func={m: ui.tr(f"screening.input.{m}") for m in ui_screening.MODES}.get,
        key="screening_mode",
    )
    text, file = "", None
    if mode == "text":
        text = st.text_area(ui.tr("screening.coordinates"), key="screening_text", placeholder="107.97167, 21.54778")
    elif mode == "file":
        file = st.file_uploader(ui.tr("screening.file"), type=ui_screening.FILE_TYPES, key="screening_file")
        st.caption(ui.tr("screening.limits"))
    else:
        st.caption(ui.tr("screening.map_help"))
    gcj02 = st.checkbox(ui.tr("screening.gcj02"), key="screening_gcj02")
    buffer_km = st.number_input(
        ui.tr("screening.buffer"), min_value=1.0, max_value=200.0, value=20.0, step=5.0, format="%g", key="screening_buffer"
    )

notices = st.container()  # messages go here, so the elements above the map never change in number
features, error = ui_screening.read_features(mode, st.session_state.get(map_key), text, file, gcj02)
result = ui_screening.screened(features, buffer_km) if features is not None else None
ui_screening.live_map(result, map_key)
with notices:
    if error:
        st.error(ui.text(error))
    elif result is None:
        st.info(ui.tr("screening.empty"))

if result is not None:
    table = screen_export.results_table(result, lang)
    fields = ["feature_id", "name", "status", "county", "province", "border_km", "neighbour", "within_3km", "within_20km"]
    fields += ["port", "port_km", "corridors", "measures_feature", "measures_county", "measures_other", "flags"]
    st.subheader(ui.tr("screening.results", n=len(table)))
    st.dataframe(table[[screen_export.header(f, lang, result.buffer_km) for f in fields]], hide_index=True, width="stretch")
    ui_screening.downloads(result)
    if features.notes or len(features.refused):
        with st.expander(ui.tr("screening.read")):
            for note in features.notes:
                st.write(ui.text(pick(note, lang)))
            if len(features.refused):
                refused = features.refused.assign(reason=features.refused.reason.map(lambda r: pick(r, lang)))
                refused.columns = [ui.tr("upload.col.row"), ui.tr("upload.col.key"), ui.tr("upload.col.reason")]
                st.caption(ui.tr("screening.refused_rows"))
                st.dataframe(refused, hide_index=True)

    st.subheader(ui.tr("screening.detail"))
    rows = result.results.set_index("feature_id")
    labels = {fid: f"{fid} · {name}" if name else fid for fid, name in zip(rows.index, rows.name, strict=True)}
    fid = st.selectbox(ui.tr("screening.choose"), list(rows.index), format_func=labels.get, key="screening_pick")
    row = rows.loc[fid]
    st.write(ui.text(row[f"message_{lang}"]))
    if isinstance(row[f"flags_{lang}"], str) and row[f"flags_{lang}"]:
        st.warning(ui.text(row[f"flags_{lang}"]))
    one = table[table[screen_export.header("feature_id", lang)] == fid].iloc[0]
    facts = ["border_km", "neighbour", "within_3km", "within_20km", "share_within_3km", "share_within_20km", "port", "port_km"]
    facts += ["port_mode", "port_status", "counties_crossed", "regiments", "platforms", "corridors", "border_method", "port_method"]
    for field in facts:
        value = one[screen_export.header(field, lang, result.buffer_km)]
        if value != "":
            st.write(f"**{ui.text(screen_export.header(field, lang, result.buffer_km))}**: {ui.text(value, None)}")

    measures = screen_export.measures_table(result, lang)
    measures = measures[measures[screen_export.header("feature_id", lang)] == fid]
    tabs = st.tabs([ui.tr("screening.measures", n=len(measures)), *(ui.tr(f"screen.sheet.{k}") for k in ui_screening.DETAILS)])
    with tabs[0]:
        basis_col = i18n.t("screen.col.basis", lang)
        for basis in screening.BASES:
            label = i18n.t(f"screen.basis.{basis}", lang)
            part = measures[measures[basis_col] == label]
            if len(part):
                st.markdown(f"**{ui.text(label)}** · {len(part)}")
                st.dataframe(part.drop(columns=[screen_export.header("feature_id", lang), screen_export.header("name", lang), basis_col]),
                             hide_index=True, width="stretch")  # fmt: skip
        if measures.empty:
            st.write(ui.tr("screen.report.no_measures"))
    tables = screen_export.detail_tables(result, lang)
    for tab, key in zip(tabs[1:], ui_screening.DETAILS, strict=True):
        with tab:
            part = tables[key][tables[key][screen_export.header("feature_id", lang)] == fid]
            if part.empty:
                st.write(ui.tr("screen.report.none"))
            else:
                st.dataframe(part.drop(columns=[screen_export.header("feature_id", lang)]), hide_index=True, width="stretch")
    st.caption(ui.tr("screening.cli"))
    st.code(ui_screening.cli_command(result, file.name if file is not None else None), language="bash")
