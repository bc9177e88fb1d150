"""Place profile: facts, sources and every measure that applies to one place, with the reason."""

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from borderdash import briefing, export, projects, ui
from borderdash.policy import join

st.title("地点档案 · Place profile")
places = join.all_places()
options = places.place_id.tolist()
labels = dict(zip(places.place_id, places.name_zh + " " + places.name_en.fillna("") + " · " + places.layer, strict=False))

wanted = st.query_params.get("place", "")
if wanted and wanted not in labels:
    st.warning(f"找不到地点 · No place with id {wanted!r}; choose one below.")
    wanted = ""
default = options.index(wanted) if wanted else options.index("450681")
place_id = st.selectbox("地点 Place", options, index=default, format_func=lambda p: f"{labels[p]} ({p})")
if place_id != wanted:
    st.query_params["place"] = place_id

place = join.resolve(place_id)
st.header(f"{place.name_zh} {place.name_en}")
if place.layer == "counties":
    c = ui.layer("counties").set_index("adcode").loc[place_id]
    cols = st.columns(5)
    cols[0].metric("边境线 Border km", f"{c.border_length_km:,.1f}")
    cols[1].metric("面积 Area km²", f"{c.area_km2:,.0f}")
    cols[2].metric("0–3 km 占比 share", f"{c.share_within_3km:.1%}")
    cols[3].metric("0–20 km 占比 share", f"{c.share_within_20km:.1%}")
    cols[4].metric("至边境 To border km", f"{c.dist_to_border_km:,.1f}")
    st.write(
        f"**省 Province** {c.province_zh} · **地区 Prefecture** {c.prefecture_zh} · "
        f"**邻国 Neighbours** {c.neighbours or '—'} ({c.border_km_by_neighbour or '—'})"
    )
    st.write(
        f"**140个边境县之一 One of the 140 border counties**: {'是 yes' if c.is_border_county else '否 no'}"
        + (f" (名单可信度 list confidence: {c.border_register_confidence})" if c.is_border_county else "")
    )
    if c.disputed_units:
        st.caption(f"含争议地区边界段 Includes disputed-unit segments: {c.disputed_units}")
    hosted = projects.places_in_county(place_id)
    st.write(f"**通道 Corridors** {', '.join(hosted['corridors']) or '—'} · **平台 Platforms** {', '.join(hosted['platforms']) or '—'}")
    st.caption(f"来源 Source: {c.source}")
else:
    row = ui.layer(place.layer).set_index(join.scope.ID_COLUMNS[place.layer]).loc[place_id]
    if "location_precision" in row:
        st.write(f"**位置精度 Location precision**: {row.location_precision}")
        if row.get("extent") == "host_polygon":
            st.info("范围按所在县市整体绘制，可能大于实际范围 · Drawn as its whole host county/city, which may over-state the zone.")
        elif row.location_precision in ("county", "city", "prefecture"):
            st.warning(
                "仅知所在县/市，地图上的点为县内代表点 · Known only to county/city level; the map point is a point inside the host unit."
            )
    if row.get("membership_confidence"):
        st.write(f"**58个边境团场之一 One of the 58 border regiments** — 可信度 confidence: {row.membership_confidence}")
        if row.membership_confidence == "low":
            st.warning(
                "未找到称其为边境团场的来源，是否属58个边境团场存疑 · "
                "No source found that calls it a border regiment: membership of the 58 is uncertain."
            )
    st.caption(f"来源 Source: {row.get('source', '')}")

located = [(place.layer, place_id)]
if place.layer == "counties":
    hosted = projects.places_in_county(place_id)
    located += [("platforms", p) for p in hosted["platforms"]]
    regiments = ui.layer("regiments")
    located += [("regiments", r) for r in regiments.loc[regiments.host_adcode == place_id, "id"]]
st_folium(
    briefing.places_map(pd.DataFrame(located, columns=["layer", "place_id"])),
    height=360,
    use_container_width=True,
    returned_objects=[],
    key=f"place-map-{place_id}",
)
ui.precision_note()

measures = join.measures_for(place_id)
st.subheader(f"适用措施 What applies here · {len(measures)}")
st.dataframe(measures, hide_index=True, width="stretch")
st.download_button("CSV", export.csv_bytes(measures), f"measures_{place_id}.csv", "text/csv")
