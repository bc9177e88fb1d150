import pytest

from borderdash import layers


@pytest.fixture(scope="session")
def counties():
    return layers.counties()


@pytest.fixture(scope="session")
def border_line():
    return layers.border_line()


def county(counties, adcode):
    return counties.set_index("adcode").loc[adcode]
