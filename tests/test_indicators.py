"""Built-in county indicators, their classification and colour schemes."""

import numpy as np
import pytest

from borderdash import indicators


@pytest.fixture(scope="module")
def table(counties):
    return indicators.builtin_table(counties)


def test_every_catalogued_indicator_has_a_column_in_county_order(counties, table):
    assert list(table.index) == list(counties.adcode)
    assert list(table.columns) == [i.key for i in indicators.builtin_catalogue()]


def test_dongxing_indicators_agree_with_its_facts_and_measures(counties, table):
    from borderdash.policy import join

    row = table.loc["450681"]
    fact = counties.set_index("adcode").loc["450681"]
    assert row.border_length_km == fact.border_length_km == row.border_km_VNM
    assert row.share_within_3km == pytest.approx(fact.share_within_3km * 100)
    assert row.measure_count == len(join.measures_by_county()["450681"])
    assert row.measures_theme_infrastructure > 0
    assert row.corridor_count >= 1 and row.platform_count >= 1


def test_measures_by_document_add_up_to_the_total(table):
    docs = table[[c for c in table.columns if c.startswith("measures_doc_")]].sum(axis=1)
    assert (docs == table.measure_count).all()


def test_border_length_by_neighbour_adds_up_to_the_total(table):
    per = table[[c for c in table.columns if c.startswith("border_km_")]].sum(axis=1)
    assert np.allclose(per, table.border_length_km, atol=0.3)


@pytest.mark.parametrize("method", list(indicators.METHODS))
def test_each_method_classes_every_value_and_leaves_missing_as_no_data(method):
    values = [1, 2, 3, 5, 8, 13, 21, 34, np.nan, 55, 89]
    c = indicators.classify(values, method, 4, breaks=[5, 20])
    assert c.no_data == 1 and c.classes[8] == -1
    assert (np.delete(c.classes, 8) >= 0).all()
    assert sum(c.counts) == 10
    assert c.bins[-1] == 89
    assert list(np.delete(c.classes, 8)) == sorted(np.delete(c.classes, 8))


def test_user_breaks_are_upper_bounds():
    c = indicators.classify([1, 5, 6, 10, 11], "user", breaks=[5, 10])
    assert c.bins == (5.0, 10.0, 11.0)
    assert list(c.classes) == [0, 0, 1, 1, 2]


def test_all_missing_or_constant_values_do_not_fail():
    assert indicators.classify([np.nan, np.nan]).no_data == 2
    c = indicators.classify([3, 3, 3], "natural_breaks", 5)
    assert c.counts == (3,) and c.labels == ("3",)


def test_parse_breaks_reads_chinese_separators_and_rejects_text():
    assert indicators.parse_breaks("10，50、 100") == [10, 50, 100]
    with pytest.raises(ValueError, match="numbers"):
        indicators.parse_breaks("10, lots")


@pytest.mark.parametrize("scheme", list(indicators.SCHEMES))
@pytest.mark.parametrize("k", [2, 3, 5, 7, 9])
def test_schemes_get_darker_class_by_class_so_they_read_in_greyscale(scheme, k):
    light = [indicators.lightness(c) for c in indicators.colours(scheme, k)]
    assert all(a - b > 0.01 for a, b in zip(light, light[1:], strict=False))


def test_legend_lists_no_data_last_when_there_is_any():
    c = indicators.classify([1, 2, np.nan], "equal_interval", 2)
    rows = indicators.legend_rows(c, "viridis")
    assert rows[-1] == (indicators.NO_DATA_FILL, indicators.NO_DATA["zh"], 1)
    assert indicators.fills(c, "viridis")[2] is None
