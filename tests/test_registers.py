import pytest

from borderdash import registers
from borderdash.registers import RegisterError


def test_a_register_missing_a_column_is_named_in_the_error(tmp_path):
    (tmp_path / "hainan_counties.csv").write_text("adcode,name_zh\n469025,白沙黎族自治县\n", encoding="utf-8")
    with pytest.raises(RegisterError, match="hainan_counties.csv lacks columns: name_en"):
        registers.read("hainan_counties", tmp_path)


def test_a_missing_register_says_where_it_was_looked_for(tmp_path):
    with pytest.raises(RegisterError, match=f"im_units.csv is missing from {tmp_path}"):
        registers.read("im_units", tmp_path)


def test_registers_read_with_or_without_a_bom(tmp_path):
    header = ",".join(registers.REQUIRED["hainan_counties"])
    (tmp_path / "hainan_counties.csv").write_bytes(("\ufeff" + header + "\n469025,白沙,Baisha,high,x,\n").encode("utf-8"))
    assert registers.read("hainan_counties", tmp_path).adcode.tolist() == ["469025"]


@pytest.mark.parametrize("name", sorted(registers.REQUIRED))
def test_every_curated_row_has_a_source_and_a_confidence(name):
    df = registers.read(name)
    assert df.source.str.strip().str.len().gt(0).all()
    if "confidence" in df:
        assert df.confidence.isin(["high", "medium", "low"]).all() or df.confidence.str.match(r"^(high|medium|low)").all()
