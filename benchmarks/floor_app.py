"""The floor for bench_app.py: a bare Streamlit page with one st_folium map (local Leaflet, one marker).

Nothing borderdash draws or computes is on it, so its paint time is what Streamlit and
streamlit-folium cost on this machine before any map content: the least any page can take.
Its one selectbox ("地点") moves the marker in place (feature_group_to_add), the least an
interaction that changes a map can take.
"""

import folium
import streamlit as st
from streamlit_folium import st_folium

from borderdash import webmap

st.set_page_config(page_title="floor", layout="wide")
where = {"东兴": (21.5, 108.0), "瑞丽": (24.0, 97.9), "凭祥": (22.1, 106.8)}
name = st.selectbox("地点", list(where))
group = folium.FeatureGroup(name="marker")
folium.CircleMarker(where[name], radius=20).add_to(group)
st_folium(webmap.base_map(), feature_group_to_add=group, height=620, use_container_width=True, returned_objects=[], key="floor")
