"""One filter model for UI, CLI and URL state: parse, validate, apply, serialise."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import geopandas as gpd

from .schema import PROVINCES_EN, province_zh
from .sources import NEIGHBOUR_ISO3

_ISO3 = re.compile(r"^[A-Za-z]{3}$")


class FilterError(ValueError):
    """A filter value that cannot be understood; the message says which and what is allowed."""


@dataclass(frozen=True)
class Filter:
    border_only: bool = False
    provinces: tuple[str, ...] = ()
    neighbours: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def build(cls, border_only=False, provinces=(), neighbours=(), strict: bool = True) -> Filter:
        """Normalise names (Chinese or English provinces, ISO3 neighbours); strict raises, lenient warns."""
        warnings = []
        provs = []
        for name in _split(provinces):
            zh = province_zh(name)
            if zh is None:
                msg = f"unknown province {name!r}; use one of {', '.join(f'{z}/{e}' for z, e in PROVINCES_EN.items())}"
                if strict:
                    raise FilterError(msg)
                warnings.append(msg)
            elif zh not in provs:
                provs.append(zh)
        isos = []
        for code in _split(neighbours):
            up = code.upper()
            if not _ISO3.match(code) or up not in NEIGHBOUR_ISO3:
                msg = f"unknown neighbour {code!r}; use an ISO3 code of {', '.join(NEIGHBOUR_ISO3)}"
                if strict:
                    raise FilterError(msg)
                warnings.append(msg)
            elif up not in isos:
                isos.append(up)
        return cls(bool(border_only), tuple(provs), tuple(isos), tuple(warnings))

    def apply(self, gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        """Rows of any layer that pass, using whichever of the filter's columns the layer has."""
        keep = gdf.index == gdf.index
        if self.border_only and "is_border_county" in gdf:
            keep &= gdf.is_border_county.astype(bool)
        if self.provinces:
            if "province_zh" in gdf:
                keep &= gdf.province_zh.isin(self.provinces)
            elif "provinces" in gdf:
                keep &= gdf.provinces.fillna("").map(lambda s: bool(set(s.split(";")) & set(self.provinces)))
        if self.neighbours:
            col = next((c for c in ("neighbours", "neighbours_alongside", "iso3") if c in gdf), None)
            if col:
                keep &= gdf[col].fillna("").map(lambda s: bool(set(str(s).split(";")) & set(self.neighbours)))
        return gdf[keep]

    def to_query(self) -> dict[str, str]:
        """URL query parameters; empty values are left out so URLs stay short."""
        q = {}
        if self.border_only:
            q["border"] = "1"
        if self.provinces:
            q["province"] = ",".join(self.provinces)
        if self.neighbours:
            q["neighbour"] = ",".join(self.neighbours)
        return q

    def to_cli(self) -> list[str]:
        """The same filter as `borderdash export/briefing` arguments."""
        args = ["--border-only"] if self.border_only else []
        for p in self.provinces:
            args += ["--province", p]
        for n in self.neighbours:
            args += ["--neighbour", n]
        return args

    @classmethod
    def from_query(cls, params) -> Filter:
        """Read URL query parameters leniently: bad values become warnings, good ones are kept."""
        border = str(_first(params.get("border", ""))).strip().lower()
        warnings = []
        if border not in ("", "0", "1", "true", "false"):
            warnings.append(f"ignored border={border!r}; use 1 or 0")
        f = cls.build(border in ("1", "true"), _first(params.get("province", "")), _first(params.get("neighbour", "")), strict=False)
        return replace(f, warnings=tuple(warnings) + f.warnings)


def _first(value):
    return value[0] if isinstance(value, list | tuple) and value else value


def _split(values) -> list[str]:
    if isinstance(values, str):
        values = [values]
    out = []
    for v in values or ():
        out += [p.strip() for p in re.split(r"[,;，、]", str(v)) if p.strip()]
    return out
