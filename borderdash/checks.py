"""`borderdash check-data`: counts against the documented figures, and the hard invariants."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from . import catalog, layers, registers
from .schema import PORT_MODES, PORT_STATUSES, REGISTER_COLUMNS, REGISTER_IDS, province_zh
from .source_kinds import KINDS, source_kind
from .validate import CHOICES

# Figures the 2017 plan states (seed 004, 一、规划背景).
PLAN_NEIGHBOURS = 14
PLAN_BORDER_KM = 22000
PLAN_BORDER_AREA_KM2 = 1_970_000
PLAN_BORDER_COUNTIES = 140
PLAN_REGIMENTS = 58
IM_UNITS = 20
HAINAN_COUNTIES = 6

# A citation a reader cannot follow: empty, a note that it was not checked, or a bare seed file id.
PLACEHOLDER_SOURCE = re.compile(
    r"^\s*$|not re-read|memory|unverified|\bTODO\b|\b\d{3}_[0-9a-f]{16}(?:\.txt)?\b|^\s*(?:seed|file|id)?\s*[0-9a-f]{6,}\s*$",
    re.IGNORECASE,
)


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def say(self, text: str = "") -> None:
        self.lines.append(text)

    def require(self, ok: bool, text: str) -> None:
        """A hard invariant: reported either way, and counted as a failure when broken."""
        self.lines.append(f"[{'ok' if ok else 'FAIL'}] {text}")
        if not ok:
            self.failures.append(text)

    @property
    def ok(self) -> bool:
        return not self.failures

    def text(self) -> str:
        return "\n".join(self.lines + ["", f"{len(self.failures)} hard failure(s)" if self.failures else "all hard invariants hold"])


def check_data() -> Report:
    r = Report()
    counties = layers.counties()
    reg = registers.read("border_counties")
    members = reg[reg.member == "yes"]

    r.say("== layers ==")
    r.require(counties.adcode.is_unique, f"counties: {len(counties)} units, adcodes unique")
    r.require(layers.valid_geometries(counties), "counties: all geometries valid")
    r.require(len(members) == PLAN_BORDER_COUNTIES, f"border counties register: {len(members)} members (plan: {PLAN_BORDER_COUNTIES})")
    r.require(members.adcode.is_unique, "border counties register: no adcode twice")
    unknown = sorted(set(members.adcode) - set(counties.adcode))
    r.require(not unknown, f"border counties register joins 1:1 to polygons (unmatched: {', '.join(unknown) or 'none'})")

    r.say("")
    r.say("== border counties per province (register vs documented count) ==")
    counts = registers.read("border_county_counts").set_index("province_zh")
    per = members.groupby("province_zh").size()
    touching = counties[counties.touches_border & (counties.province_zh != "海南")].groupby("province_zh").size()
    r.say(f"{'province':<8}{'listed':>8}{'documented':>12}{'touching':>10}  confidence")
    for prov, row in counts.iterrows():
        listed = int(per.get(prov, 0))
        r.require(
            listed == int(row["count"]), f"{prov:<6}{listed:>8}{int(row['count']):>12}{int(touching.get(prov, 0)):>10}  {row.confidence}"
        )

    r.say("")
    r.say("== listed but not on the border line in the data ==")
    flags = counties.set_index("adcode")
    for _, row in members.iterrows():
        if row.adcode in flags.index and not flags.loc[row.adcode, "touches_border"]:
            r.say(f"  {row.adcode} {row.name_zh}: {row.notes or 'no reason recorded'}")
    r.say("== on the border line but not listed ==")
    alternatives = reg[reg.member != "yes"].set_index("adcode")
    for adcode, row in flags[flags.touches_border & ~flags.is_border_county].iterrows():
        if adcode in alternatives.index:
            reason = f"alternative in register: {alternatives.loc[adcode, 'notes']}"
        elif adcode.startswith("6590"):
            reason = "XPCC city (its regiments are counted among the 58)"
        else:
            reason = "not in the register"
        r.say(f"  {adcode} {row['name_zh']}: {reason}")

    r.say("")
    r.say("== other registers ==")
    im = registers.read("im_units")
    r.require(len(im) == IM_UNITS and im.adcode.is_unique, f"Inner Mongolia units: {len(im)} (Regulations Art. 2: {IM_UNITS})")
    r.require(set(im.adcode) <= set(counties.adcode), "Inner Mongolia units join 1:1 to polygons")
    not_2017 = im[im.in_2017_list != "yes"]
    r.say(f"  in Art. 2 but not in the 2017 list: {', '.join(not_2017.name_zh) or 'none'}")
    im_missing = members[(members.province_zh == "内蒙古") & ~members.adcode.isin(im.adcode)]
    r.say(f"  in the 2017 list but not in Art. 2: {', '.join(im_missing.name_zh) or 'none'}")
    hainan = registers.read("hainan_counties")
    r.require(
        len(hainan) == HAINAN_COUNTIES and set(hainan.adcode) <= set(counties.adcode),
        f"Hainan autonomous counties: {len(hainan)} (plan: {HAINAN_COUNTIES})",
    )
    regiments = registers.read("regiments")
    r.require(
        regiments.id.is_unique and len(regiments) <= PLAN_REGIMENTS,
        f"XPCC border regiments: {len(regiments)} rows (plan: {PLAN_REGIMENTS}), ids unique",
    )
    r.require(set(regiments.host_adcode) <= set(counties.adcode), "regiments: every host county joins to a polygon")
    conf = regiments.membership_confidence.value_counts().to_dict()
    r.say(f"  membership confidence (one of the 58): {conf}; placed at a sourced point: {int(regiments.lon.notna().sum())}")
    prefs = registers.read("border_prefectures")
    r.require(prefs.adcode.is_unique, f"border prefectures: {len(prefs)}")

    r.say("")
    r.say("== totals beside the figures the 2017 plan states ==")
    line = layers.border_line()
    n_neigh = line.iso3.nunique()
    r.require(n_neigh == PLAN_NEIGHBOURS, f"neighbouring countries with a border segment: {n_neigh} (plan: {PLAN_NEIGHBOURS})")
    km = float(line.length_km.sum())
    r.say(f"  land border length: {km:,.0f} km (plan: about {PLAN_BORDER_KM:,} km; ratio {km / PLAN_BORDER_KM:.3f})")
    area = float(counties[counties.is_border_county].area_km2.sum())
    r.say(
        f"  area of the 140 border counties: {area:,.0f} km² "
        f"(plan: border-area land about {PLAN_BORDER_AREA_KM2:,} km²; ratio {area / PLAN_BORDER_AREA_KM2:.3f})"
    )
    by_neighbour = (
        line.groupby(["iso3", "neighbour_zh", "data_unit", "data_unit_en"], as_index=False)
        .agg(length_km=("length_km", "sum"), counties=("adcode", "nunique"), disputed=("disputed", "any"))
        .sort_values("length_km", ascending=False)
    )
    r.say("  by neighbour (and disputed unit in the data):")
    for seg in by_neighbour.itertuples():
        tag = (
            f" [disputed: {seg.data_unit_en}]"
            if seg.data_unit != seg.iso3
            else (" [boundary partly undelimited/disputed]" if seg.disputed else "")
        )
        r.say(f"    {seg.iso3} {seg.neighbour_zh}: {seg.length_km:,.1f} km, {seg.counties} county units{tag}")

    _check_projects(r)
    _check_ports(r)
    _check_register_sources(r)
    return r


NOT_STATED = "(not stated)"
LAND_MODES = ("road", "rail")


def port_rows() -> pd.DataFrame:
    """The border ports of the platforms register, with the short province name."""
    reg = registers.read("platforms")
    ports = reg[reg.kind == "border_port"].copy()
    ports["province"] = ports.province_zh.map(lambda p: province_zh(p) or p)
    return ports


def counted(ports: pd.DataFrame, figure: pd.Series) -> pd.DataFrame:
    """The register's ports that a published figure covers (its province, neighbour, modes and statuses)."""
    keep = pd.Series(True, index=ports.index)
    if figure.province_zh != "全国":
        keep &= ports.province == figure.province_zh
    for column, allowed in (("neighbour", figure.neighbour), ("mode", figure.modes), ("status", figure.statuses)):
        if str(allowed).strip():
            keep &= ports[column].isin(str(allowed).split(";"))
    return ports[keep]


def _tally(values: pd.Series, order: tuple[str, ...]) -> str:
    counts = values.replace("", NOT_STATED).value_counts()
    return ", ".join(f"{k}: {int(counts[k])}" for k in (*order, NOT_STATED) if k in counts)


def _check_ports(r: Report) -> None:
    ports = port_rows()
    figures = registers.read("port_counts")
    r.say("")
    r.say("== land ports (register vs published counts) ==")
    r.say(f"  border ports: {len(ports)}; by mode: {_tally(ports['mode'], PORT_MODES)}")
    r.say(f"  by status: {_tally(ports.status, PORT_STATUSES)}")
    r.say(f"  {'province':<6}{'register':>9}{'published':>10}  what the figure counts (as of; confidence) — why they differ")
    for _, fig in figures.iterrows():
        mine = counted(ports, fig)
        published = "—" if pd.isna(fig["count"]) else f"{int(fig['count'])}"
        scope = "/".join(filter(None, (fig.neighbour, fig.modes.replace(";", "+"), fig.statuses.replace(";", "+"))))
        r.say(f"  {fig.province_zh:<6}{len(mine):>9}{published:>10}  [{scope}] {fig.counts} ({fig.as_of or 'undated'}; {fig.confidence})")
        if fig.notes:
            r.say(f"        {fig.notes}")
    land = ports[ports["mode"].isin(LAND_MODES)]
    national = figures[figures.province_zh == "全国"]
    if len(national):
        r.say(
            f"  road + rail ports in the register: {len(land)} against the customs' 'more than {int(national['count'].iloc[0])}'; "
            f"river ports (water ports in that count): {int((ports['mode'] == 'river').sum())}"
        )
    r.require(set(ports.id) >= {"port-arihashate-road"}, "ports: 阿日哈沙特 (新巴尔虎右旗) is registered")
    r.require(ports.neighbour.ne("").all(), "ports: every port names its neighbour")


def placeholder_sources(df: pd.DataFrame) -> pd.DataFrame:
    """Rows whose `source` a reader cannot follow (see PLACEHOLDER_SOURCE)."""
    return df[df.source.fillna("").str.contains(PLACEHOLDER_SOURCE)]


def row_ids(name: str, df: pd.DataFrame) -> pd.Series:
    """The id of each row of a register as text (compound ids joined with ':')."""
    key = REGISTER_IDS[name]
    if isinstance(key, tuple):
        return df[list(key)].astype(str).agg(":".join, axis=1)
    return df[key].astype(str)


def _check_register_sources(r: Report) -> None:
    r.say("")
    r.say("== registers: rows by confidence and by kind of source, sources replaced by followable ones ==")
    changes = registers.read("source_changes")
    overall: dict[str, int] = {}
    for name in REGISTER_COLUMNS:
        if "source" not in REGISTER_COLUMNS[name]:
            continue
        df = registers.read(name)
        by_conf = ", ".join(f"{k}: {v}" for k, v in df.confidence.value_counts().items()) if "confidence" in df else "no confidence column"
        replaced = changes[changes.register == name]
        ids = set(row_ids(name, df))
        r.say(f"  {name}: {len(df)} rows ({by_conf}); sources replaced: {int(replaced.row_id.isin(ids).sum())}")
        kinds = df.source.map(source_kind).value_counts()
        r.say("    best source: " + ", ".join(f"{k}: {int(kinds[k])}" for k in KINDS if k in kinds))
        for k in KINDS:
            overall[k] = overall.get(k, 0) + int(kinds.get(k, 0))
        if "membership_confidence" in df:
            r.say("    membership of the 58: " + ", ".join(f"{k}: {v}" for k, v in df.membership_confidence.value_counts().items()))
        r.require(placeholder_sources(df).empty, f"{name}: every source names a document, page or article")
        r.require(replaced.row_id.isin(ids).all(), f"{name}: every logged source change names a row that exists")
    r.say("  all registers, rows by best source: " + ", ".join(f"{k}: {overall[k]}" for k in KINDS))


def _check_projects(r: Report) -> None:
    try:
        platforms = catalog.load("platforms")
        corridors = catalog.load("corridors")
    except (registers.RegisterError, FileNotFoundError) as exc:
        r.say(f"(platforms/corridors not checked: {exc})")
        return
    r.say("")
    r.say("== platforms and corridors ==")
    r.require(platforms.id.is_unique, f"platforms: {len(platforms)}, ids unique")
    from .projects import unit_point

    hosts = {a for s in platforms.host_adcodes for a in str(s).split(";") if a}
    unmatched = sorted(a for a in hosts if unit_point(a) is None)
    r.require(not unmatched, f"platforms: every host adcode joins to a county or prefecture (unmatched: {', '.join(unmatched) or 'none'})")
    prefecture_level = sorted(a for a in hosts if a.endswith("00"))
    r.say(f"  hosted only at prefecture level (no county cited): {len(prefecture_level)}")
    r.say(f"  placed at a sourced point: {int((platforms.location_precision.isin(['point', 'town'])).sum())} of {len(platforms)}")
    r.say("  " + ", ".join(f"{k}: {v}" for k, v in platforms.kind.value_counts().sort_index().items()))
    r.require(corridors.id.is_unique, f"corridors: {len(corridors)}, ids unique")
    for _, c in corridors.iterrows():
        pub = f" (published {c.published_length_km:,.0f} km)" if pd.notna(c.published_length_km) else ""
        r.say(f"  {c.id}: {c.name_zh} {c.kind} {c.status_zh} {c.length_km:,.0f} km schematic{pub}")
    _check_corridor_points(r, corridors)
    _check_corridor_sections(r, corridors)


def _check_corridor_points(r: Report, corridors: pd.DataFrame) -> None:
    """Control points by basis, the counties each route is sourced to pass against those it crosses, prefecture-level points."""
    points = registers.read("corridor_points")
    r.require(points.basis.isin(CHOICES["corridor_points"]["basis"]).all(), "corridor points: every basis is named, derived or inferred")
    r.say("  control points by basis: " + ", ".join(f"{k}: {v}" for k, v in points.basis.value_counts().items()))
    for _, c in corridors[corridors.part == "route"].iterrows():
        crossed = [a for a in c.counties.split(";") if a]
        named = [a for a in c.control_counties.split(";") if a]
        inferred = [a for a in c.inferred_counties.split(";") if a]
        derived = len([a for a in c.derived_counties.split(";") if a])
        r.say(
            f"  {c.id}: {len(crossed)} county units crossed by the line, {len(named)} sourced to pass (reach 沿线 measures; "
            f"{derived} of them derived from cited facts together), {len(inferred)} inferred shaping points, "
            f"{len(set(crossed) - set(named))} crossed without a source"
        )
    prefecture_level = points[points.adcode.astype(str).str.endswith("00")]
    unexplained = prefecture_level[prefecture_level.notes.str.strip() == ""]
    r.say(f"  corridor points at prefecture level (no county cited): {len(prefecture_level)}")
    r.require(
        unexplained.empty,
        "corridor points at prefecture level each say why in a note"
        + (f" (missing: {', '.join(unexplained.corridor_id + ':' + unexplained.seq.astype(int).astype(str))})" if len(unexplained) else ""),
    )


def _check_corridor_sections(r: Report, corridors: pd.DataFrame) -> None:
    """Drawn length of each route per province beside the published section lengths (corridor_sections register)."""
    from .projects import drawn_km_by_province, longest_jumps

    sections = registers.read("corridor_sections")
    r.require(sections.extent.isin(CHOICES["corridor_sections"]["extent"]).all(), "corridor sections: every extent is province or part")
    r.require(set(sections.corridor_id) <= set(corridors.id), "corridor sections: every corridor id exists")
    r.say("")
    r.say("== corridors: drawn (schematic) vs published length per province ==")
    for cid in dict.fromkeys(sections.corridor_id):
        row = corridors.set_index("id").loc[cid]
        drawn = drawn_km_by_province(row.geometry)
        mine = sections[sections.corridor_id == cid]
        r.say(f"  {cid} {row.name_zh}: drawn {row.length_km:,.0f} km, published {row.published_length_km:,.0f} km")
        for prov in dict.fromkeys(list(drawn) + list(mine.province_zh)):
            whole = mine[(mine.province_zh == prov) & (mine.extent == "province")]
            parts = mine[(mine.province_zh == prov) & (mine.extent == "part")]
            km = drawn.get(prov, 0.0)
            if len(whole):
                pub = float(whole.published_length_km.iloc[0])
                line = f"published {pub:,.0f} km ({whole.confidence.iloc[0]}), drawn/published {km / pub:.2f}"
            else:
                line = "no published length for the whole province found"
            listed = "; ".join(f"{s.section_zh} {s.published_length_km:,.1f} km ({s.confidence})" for s in parts.itertuples())
            r.say(f"    {prov}: drawn {km:,.0f} km · {line}" + (f" · published parts: {listed}" if listed else ""))
        km, a, b = longest_jumps(cid)[0]
        r.say(f"    longest straight segment: {km:,.0f} km, {a} → {b}")
