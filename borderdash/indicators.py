"""County indicators for thematic maps: the built-in ones, their classification, and the colour schemes.

An indicator is one numeric column keyed by adcode. Built-in indicators come from the
computed county facts, the measures that reach each county and the corridors and
platforms it hosts; uploaded ones from borderdash.upload. Missing values stay NaN and
are drawn and listed as "no data", never as zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from .sources import NEIGHBOUR_ISO3


@dataclass(frozen=True)
class Indicator:
    key: str
    label_zh: str
    label_en: str
    unit: str = ""
    group: str = "facts"

    @property
    def label(self) -> str:
        return f"{self.label_zh} {self.label_en}" + (f" ({self.unit})" if self.unit else "")

    def label_in(self, lang: str) -> str:
        return (self.label_en if lang == "en" else self.label_zh) + (f" ({self.unit})" if self.unit else "")


FACTS = (
    Indicator("border_length_km", "边境线长度", "Border length", "km"),
    Indicator("area_km2", "面积", "Area", "km²"),
    Indicator("share_within_3km", "距边境3公里内面积占比", "Share of area within 3 km of the border", "%"),
    Indicator("share_within_20km", "距边境20公里内面积占比", "Share of area within 20 km of the border", "%"),
    Indicator("dist_to_border_km", "代表点至边境距离", "Distance to the border (representative point)", "km"),
    Indicator("measure_count", "适用措施数", "Measures that apply", "", "policy"),
    Indicator("corridor_count", "途经规划通道数", "Planned corridors passing", "", "projects"),
    Indicator("platform_count", "开发开放平台数", "Opening-up platforms hosted", "", "projects"),
)
PERCENT_COLUMNS = ("share_within_3km", "share_within_20km")


@lru_cache(maxsize=1)
def builtin_catalogue() -> tuple[Indicator, ...]:
    """Every built-in indicator: facts, border length per neighbour, and measures by document, theme and instrument."""
    from .layers import border_line
    from .policy import kb

    line = border_line()
    names = dict(zip(line.iso3, zip(line.neighbour_zh, line.neighbour_en, strict=True), strict=True))
    out = list(FACTS)
    for iso3 in NEIGHBOUR_ISO3:
        zh, en = names.get(iso3, (iso3, iso3))
        out.append(Indicator(f"border_km_{iso3}", f"与{zh}边境线长度", f"Border length with {en}", "km", "neighbour"))
    for doc_id in kb.documents():
        zh, en = kb.document_name(doc_id, "zh"), kb.document_name(doc_id, "en")
        out.append(Indicator(f"measures_doc_{doc_id}", f"措施数·{zh}", f"Measures from {en}", "", "document"))
    vocab = kb.vocab()
    for key, names in vocab["themes"].items():
        out.append(Indicator(f"measures_theme_{key}", f"措施数·{names['zh']}", f"Measures on {names['en']}", "", "theme"))
    for key, names in vocab["instruments"].items():
        out.append(Indicator(f"measures_instrument_{key}", f"措施数·{names['zh']}", f"Measures by {names['en']}", "", "instrument"))
    return tuple(out)


@lru_cache(maxsize=1)
def county_values() -> pd.DataFrame:
    """Every built-in indicator for every county, computed once per process (do not mutate)."""
    from .layers import counties

    return builtin_table(counties())


def builtin_table(counties: pd.DataFrame) -> pd.DataFrame:
    """One row per county adcode (same order), one column per built-in indicator."""
    out = pd.DataFrame(index=pd.Index(counties.adcode.to_numpy(), name="adcode"))
    for col in ("border_length_km", "area_km2", "dist_to_border_km"):
        out[col] = counties[col].to_numpy(dtype=float)
    for col in PERCENT_COLUMNS:
        out[col] = np.round(counties[col].to_numpy(dtype=float) * 100, 2)
    per = _border_km_by_neighbour(counties.border_km_by_neighbour)
    counts = _measure_counts()
    links = _link_counts()
    out["measure_count"] = counts["measure_count"].reindex(out.index).fillna(0).to_numpy()
    out["corridor_count"] = links.corridor_count.reindex(out.index).fillna(0).to_numpy()
    out["platform_count"] = links.platform_count.reindex(out.index).fillna(0).to_numpy()
    for iso3 in NEIGHBOUR_ISO3:
        out[f"border_km_{iso3}"] = per.get(iso3, pd.Series(dtype=float)).reindex(range(len(out))).fillna(0.0).to_numpy()
    for col in counts.columns.drop("measure_count"):
        out[col] = counts[col].reindex(out.index).fillna(0).to_numpy()
    wanted = [i.key for i in builtin_catalogue()]
    for col in wanted:
        if col not in out:
            out[col] = 0.0
    return out[wanted].astype(float)


def _border_km_by_neighbour(texts: pd.Series) -> dict[str, pd.Series]:
    """'RUS:12.5;MNG:3.0' per row -> {iso3: km by row position}."""
    per: dict[str, dict[int, float]] = {}
    for i, text in enumerate(texts.fillna("").astype(str)):
        for part in filter(None, text.split(";")):
            iso3, _, km = part.partition(":")
            per.setdefault(iso3, {})[i] = float(km)
    return {k: pd.Series(v) for k, v in per.items()}


@lru_cache(maxsize=1)
def _measure_counts() -> pd.DataFrame:
    """Per adcode: measures that apply, in total and by document, theme and instrument (a measure counts once per key)."""
    from .policy import join, kb

    meta = {m["id"]: m for m in kb.measures()}
    rows = []
    for adcode, ids in join.measures_by_county().items():
        row = {"adcode": adcode, "measure_count": len(ids)}
        for mid in ids:
            m = meta[mid]
            keys = [f"measures_doc_{m['document']}"]
            keys += [f"measures_theme_{t}" for t in set(m["theme"])]
            keys += [f"measures_instrument_{t}" for t in set(m["instrument"])]
            for key in keys:
                row[key] = row.get(key, 0) + 1
        rows.append(row)
    return pd.DataFrame(rows).set_index("adcode").fillna(0)


@lru_cache(maxsize=1)
def _link_counts() -> pd.DataFrame:
    from .projects import links_by_county

    links = links_by_county()
    count = lambda s: s.map(lambda v: len([p for p in str(v).split(";") if p]))  # noqa: E731
    return pd.DataFrame({"corridor_count": count(links.corridors), "platform_count": count(links.platforms)})


# --- classification ---------------------------------------------------------------------------

METHODS = {
    "quantiles": ("分位数", "Quantiles"),
    "natural_breaks": ("自然断点", "Natural breaks (Fisher–Jenks)"),
    "equal_interval": ("等间距", "Equal interval"),
    "user": ("自定义断点", "User breaks"),
}
JENKS_SAMPLE = 200


@dataclass(frozen=True)
class Classes:
    """Upper bounds of the classes, the class of each value (-1 = no data), and their legend labels."""

    bins: tuple[float, ...]
    classes: np.ndarray
    labels: tuple[str, ...]
    counts: tuple[int, ...]
    no_data: int


def classify(values, method: str = "quantiles", k: int = 5, breaks=None) -> Classes:
    """Class each value with mapclassify; NaN stays unclassed. User breaks are upper bounds (the maximum is added)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # mapclassify's notes on numba and on merged quantiles
        return _classify(values, method, k, breaks)


def _classify(values, method: str, k: int, breaks) -> Classes:
    import mapclassify

    if method not in METHODS:
        raise ValueError(f"unknown classification {method!r}; choose from {', '.join(METHODS)}")
    y = np.asarray(values, dtype=float)
    ok = np.isfinite(y)
    classes = np.full(len(y), -1, dtype=int)
    if not ok.any():
        return Classes((), classes, (), (), int(len(y)))
    data = y[ok]
    distinct = np.unique(data)
    k = max(1, min(int(k), len(distinct)))
    if method == "user":
        edges = sorted({float(b) for b in (breaks or []) if np.isfinite(b) and b < data.max()})
        bins = np.array(edges + [float(data.max())])
    elif k == 1 or len(distinct) <= k:
        bins = distinct[-k:] if len(distinct) <= k else np.array([data.max()])
    elif method == "quantiles":
        bins = mapclassify.Quantiles(data, k=k).bins
    elif method == "equal_interval":
        bins = mapclassify.EqualInterval(data, k=k).bins
    else:
        sample = distinct if len(distinct) <= JENKS_SAMPLE else np.quantile(data, np.linspace(0, 1, JENKS_SAMPLE))
        bins = mapclassify.FisherJenks(sample, k=k).bins
        bins[-1] = data.max()
    bins = np.unique(np.asarray(bins, dtype=float))
    cls = mapclassify.UserDefined(data, list(bins)).yb
    classes[ok] = cls
    counts = tuple(int((cls == i).sum()) for i in range(len(bins)))
    return Classes(tuple(float(b) for b in bins), classes, _labels(float(data.min()), bins), counts, int((~ok).sum()))


def _labels(low: float, bins) -> tuple[str, ...]:
    out = []
    for i, upper in enumerate(bins):
        lower = low if i == 0 else bins[i - 1]
        if lower == upper:
            out.append(_fmt(upper))
        else:
            out.append(f"{_fmt(lower)} – {_fmt(upper)}" if i == 0 else f"> {_fmt(lower)} – {_fmt(upper)}")
    return tuple(out)


def display(key: str, value) -> str:
    """An indicator's value as every page shows it: shares as 14.7%, lengths and areas as 24,877.2, counts as 1,234;
    "—" where there is none."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "—"
    v = float(value)
    if key in PERCENT_COLUMNS:
        return f"{v:.1f}%"
    unit = next((i.unit for i in builtin_catalogue() if i.key == key), None)
    if unit == "":
        return f"{v:,.0f}"
    if unit is not None:
        return f"{v:,.1f}"
    return _fmt(v)


def _fmt(v: float) -> str:
    if float(v).is_integer():
        return f"{v:,.0f}"
    return f"{v:,.2f}" if abs(v) < 100 else f"{v:,.1f}"


def parse_breaks(text: str) -> list[float]:
    """'10, 50, 100' (commas, spaces, 、 or ；) -> [10.0, 50.0, 100.0]; a clear error for anything else."""
    import re

    parts = [p for p in re.split(r"[\s,，;；、]+", text.strip()) if p]
    try:
        return sorted(float(p) for p in parts)
    except ValueError:
        raise ValueError(f"断点须为数字 · breaks must be numbers: {text!r}") from None


# --- colour schemes ---------------------------------------------------------------------------
# Sequential, light (low) to dark (high): lightness falls monotonically, so classes keep their
# order in greyscale print, and none relies on a red/green contrast.

SCHEMES = {
    "viridis": ("绿紫（色盲友好）", "Viridis (colour-blind safe)", ("#fde725", "#5ec962", "#21918c", "#3b528b", "#440154")),
    "cividis": ("蓝黄（色盲友好）", "Cividis (colour-blind safe)", ("#fee838", "#bcaf6f", "#7d7c78", "#434e6c", "#00224e")),
    "blues": ("蓝", "Blues", ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08306b")),
    "greys": ("灰度（打印）", "Greys (print)", ("#f7f7f7", "#cccccc", "#969696", "#525252", "#101010")),
}
NO_DATA_FILL = "#ffffff"
NO_DATA = {"zh": "无数据", "en": "No data"}


def colours(scheme: str, k: int) -> list[str]:
    """k colours sampled evenly along a scheme's anchors (linear in RGB)."""
    anchors = np.array([[int(h[i : i + 2], 16) for i in (1, 3, 5)] for h in SCHEMES[scheme][2]], dtype=float)
    if k <= 1:
        return ["#" + "".join(f"{int(round(c)):02x}" for c in anchors[len(anchors) // 2])]
    pos = np.linspace(0, len(anchors) - 1, k)
    out = []
    for p in pos:
        i = min(int(p), len(anchors) - 2)
        rgb = anchors[i] + (anchors[i + 1] - anchors[i]) * (p - i)
        out.append("#" + "".join(f"{int(round(c)):02x}" for c in rgb))
    return out


def lightness(hex_colour: str) -> float:
    """Relative luminance (WCAG), 0 black to 1 white: what a greyscale print keeps."""
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def legend_rows(classes: Classes, scheme: str, lang: str = "zh") -> list[tuple[str, str, int]]:
    """(fill colour, label, count) per class, then the no-data row when there is any."""
    cols = colours(scheme, len(classes.bins))
    rows = [(c, label, n) for c, label, n in zip(cols, classes.labels, classes.counts, strict=True)]
    if classes.no_data:
        rows.append((NO_DATA_FILL, NO_DATA[lang], classes.no_data))
    return rows


def fills(classes: Classes, scheme: str) -> list[str | None]:
    """Fill colour per value; None for no data (drawn hatched-outline, not coloured)."""
    cols = colours(scheme, len(classes.bins))
    return [cols[c] if c >= 0 else None for c in classes.classes]


# --- a thematic view: select, then render -------------------------------------------------------


@dataclass(frozen=True)
class Thematic:
    """What the thematic map shows: an indicator (built-in key or uploaded column), its classes and colours."""

    indicator: str
    method: str = "quantiles"
    k: int = 5
    breaks: tuple[float, ...] = ()
    scheme: str = "viridis"


def label_of(key: str, lang: str | None = None) -> str:
    """The label of a built-in indicator (both languages, or one); an uploaded column is labelled by its own name."""
    for ind in builtin_catalogue():
        if ind.key == key:
            return ind.label_in(lang) if lang else ind.label
    return {"en": f"{key} (uploaded)", "zh": f"{key}（上传）"}.get(lang, f"{key}（上传 uploaded）")


def with_uploaded(builtin: pd.DataFrame, uploaded: pd.DataFrame | None) -> pd.DataFrame:
    """Built-in indicator table with uploaded columns added by adcode (counties without a value get NaN)."""
    if uploaded is None or not len(uploaded.columns):
        return builtin
    return builtin.join(uploaded.reindex(builtin.index), how="left")


def choropleth(shown: pd.DataFrame, values: pd.Series, thematic: Thematic, lang: str = "zh") -> tuple[pd.DataFrame, Classes, list]:
    """The shown counties with fill colour, value text and indicator label; the classes; the legend rows (in `lang`).

    Classes are computed over the counties shown, so a narrowed view gets its own breaks.
    """
    v = values.reindex(shown.adcode.to_numpy()).to_numpy(dtype=float)
    classes = classify(v, thematic.method, thematic.k, thematic.breaks)
    out = shown.copy()
    out["fill"] = fills(classes, thematic.scheme)
    out["value_text"] = [NO_DATA[lang] if not np.isfinite(x) else _fmt(x) for x in v]
    out["indicator"] = label_of(thematic.indicator, lang)
    return out, classes, legend_rows(classes, thematic.scheme, lang)
