"""Generated English names follow the established pattern for Chinese units."""

import re

import pytest

from borderdash import catalog
from borderdash.names import english_name

UNIT_WORDS = ("Autonomous County", "Autonomous Banner", "United Banner", "County", "Banner", "City", "District")


@pytest.mark.parametrize(
    ("name_zh", "name_en"),
    [
        ("石林彝族自治县", "Shilin Yi Autonomous County"),
        ("双江拉祜族佤族布朗族傣族自治县", "Shuangjiang Lahu, Va, Blang and Dai Autonomous County"),
        ("禄劝彝族苗族自治县", "Luquan Yi and Miao Autonomous County"),
        ("东乡族自治县", "Dongxiang Autonomous County"),
        ("鄂伦春自治旗", "Oroqen Autonomous Banner"),
        ("梅里斯达斡尔族区", "Meilisi Daur District"),
        ("科尔沁右翼前旗", "Ke'erqin Right Front Banner"),
        ("巴林左旗", "Balin Left Banner"),
        ("东兴市", "Dongxing City"),
        ("西安区", "Xi'an District"),
        ("长白朝鲜族自治县", "Changbai Korean Autonomous County"),
        ("金林区", "Jinlin District"),
    ],
)
def test_english_name_follows_the_established_pattern(name_zh, name_en):
    assert english_name(name_zh) == name_en


def test_every_generated_county_name_is_plain_english_with_its_unit_type():
    counties = catalog.load("counties")
    bad = []
    for zh in counties.name_zh:
        en = english_name(zh)
        if (
            not re.fullmatch(r"[A-Z][A-Za-z' ,-]+", en)
            or not en.endswith(UNIT_WORDS)
            or re.search(r"[a-z]zu\b", en)
            or ("自治" in zh) != ("Autonomous" in en)
        ):
            bad.append(f"{zh} -> {en}")
    assert not bad, bad
