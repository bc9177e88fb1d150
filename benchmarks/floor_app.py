"""The floor for bench_app.py: a bare Streamlit page with one st_folium map (local Leaflet, one marker).

Nothing borderdash draws or computes is on it, so its paint time is what Streamlit and
streamlit-folium cost on this machine before any map content: the least any page can take.
"""

import folium
import streamlit as st
from streamlit_folium import st_folium

from borderdash import webmap

st.set_page_config(page_title="floor", layout="wide")
m = webmap.base_map()
folium.CircleMarker([35, 100], radius=20).add_to(m)
st_folium(m, height=620, use_container_width=True, returned_objects=[])
