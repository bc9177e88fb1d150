import numpy as np
import shapely
from pyproj import Geod

from borderdash.datum import gcj02_to_wgs84, geometry_gcj02_to_wgs84, wgs84_to_gcj02


def test_inverse_recovers_wgs84_to_sub_millimetre():
    lon = np.array([73.5, 107.97, 124.38, 131.2, 85.98])
    lat = np.array([39.5, 21.54, 40.1, 44.4, 27.97])
    back = gcj02_to_wgs84(*wgs84_to_gcj02(lon, lat))
    assert np.abs(back[0] - lon).max() < 1e-8
    assert np.abs(back[1] - lat).max() < 1e-8


def test_dongxing_shifts_by_the_measured_offset():
    # FIELD-NOTES measured raw GCJ-02 vs an OSM reference at Dongxing: ~389 m E / ~306 m S.
    lon, lat = 107.97, 21.54
    glon, glat = wgs84_to_gcj02(lon, lat)
    geod = Geod(ellps="WGS84")
    east = geod.inv(lon, lat, glon, lat)[2]
    north = geod.inv(lon, lat, lon, glat)[2] * np.sign(glat - lat)
    assert 360 < east < 430
    assert -330 < north < -270


def test_conversion_keeps_shared_edges_identical():
    a = shapely.Polygon([(100, 30), (100.5, 30), (100.5, 30.5), (100, 30.5)])
    b = shapely.Polygon([(100.5, 30), (101, 30), (101, 30.5), (100.5, 30.5)])
    ca, cb = geometry_gcj02_to_wgs84(np.array([a, b]))
    shared = set(map(tuple, shapely.get_coordinates(ca))) & set(map(tuple, shapely.get_coordinates(cb)))
    assert len(shared) == 2
    assert shapely.coverage_is_valid(np.array([ca, cb]))
