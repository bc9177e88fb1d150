import numpy as np
import pandas as pd
import shapely

from borderdash import borderline


def _squares():
    return np.array([shapely.box(100, 40, 101, 41), shapely.box(101, 40, 102, 41)])


def test_outer_edges_drop_the_shared_edge():
    edges = borderline.edges_of(_squares())
    outer = borderline.outer_edges(edges)
    assert len(edges) == 8
    assert len(outer) == 6
    assert not ((outer.x1 == 101) & (outer.x2 == 101)).any()


def test_edges_go_to_the_nearest_neighbour_within_tolerance():
    outer = borderline.outer_edges(borderline.edges_of(_squares()))
    north = shapely.box(100, 41.005, 102, 42)  # ~550 m north of the squares
    far = shapely.box(100, 38, 102, 39.5)  # ~55 km south
    units = borderline.attribute(outer, {"NOR": north, "FAR": far}, tolerance_m=2000)
    top = (outer.y1 == 41) & (outer.y2 == 41)
    assert set(units[top]) == {"NOR"}
    assert set(units[~top]) == {""}


def test_edge_lengths_are_geodesic():
    edges = pd.DataFrame({"x1": [100.0], "y1": [0.0], "x2": [101.0], "y2": [0.0]})
    assert abs(borderline.with_lengths(edges).length_km[0] - 111.32) < 0.01
