"""Every layer by name (the names of schema.LAYERS): the one entry point for "give me layer X" in the UI, CLI and checks.

Base layers come from layers.py, platforms and corridors from projects.py (which builds on the base layers), so
neither of those two modules needs the other's loaders.
"""

from __future__ import annotations

import geopandas as gpd

from . import layers, projects
from .schema import LAYERS

LAYER_NAMES = tuple(LAYERS)


def load(name: str, detail: bool = False) -> gpd.GeoDataFrame:
    """A layer by name, as a fresh copy the caller may change; `detail` picks the counties' detailed geometry."""
    loaders = {
        "counties": lambda: layers.counties(detail),
        "regiments": layers.regiments,
        "im-units": layers.im_units,
        "prefectures": layers.prefectures,
        "border-line": layers.border_line,
        "neighbours": layers.neighbours,
        "other-land": layers.other_land,
        "provinces": layers.provinces,
        "china": layers.china,
        "maritime": layers.maritime,
        "platforms": projects.platforms,
        "corridors": projects.corridors,
    }
    if name not in loaders:
        raise KeyError(f"unknown layer {name!r}; choose from {', '.join(loaders)}")
    return loaders[name]()
