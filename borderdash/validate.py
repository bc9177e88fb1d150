"""Registers and the policy YAML checked at load: each problem names file, line and column, in plain words.

Required columns come from schema.REGISTER_COLUMNS; `borderdash check-data` and the app run the same checks.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import schema
from .paths import BUILT, POLICY, REGISTERS

# China's extent (WGS84), generous by a degree: a coordinate outside is a typo or swapped lon/lat.
LON_RANGE = (72.0, 136.0)
LAT_RANGE = (17.0, 54.5)
NUMERIC = {"lon", "lat", "seq", "count", "regiment_count", "published_length_km"}
ID_COLUMNS = {
    "regiments": "id",
    "platforms": "id",
    "corridors": "id",
    "im_units": "id",
    "border_prefectures": "adcode",
    "border_counties": "adcode",
    "hainan_counties": "adcode",
    "border_county_counts": "province_zh",
    "port_counts": "province_zh",
}
ADCODE_COLUMNS = ("adcode", "host_adcode", "seat_adcode", "host_adcodes")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Columns whose value, when given, must be one of a list (per register); ';' separates several where the schema allows.
CHOICES = {
    "platforms": {"approved_kind": schema.APPROVED_KINDS},
    "port_counts": {"neighbour": schema.NEIGHBOURS_ISO3, "modes": schema.PORT_MODES, "statuses": schema.PORT_STATUSES},
    "corridor_points": {"basis": ("named", "derived", "inferred")},
    "corridor_sections": {"extent": ("province", "part")},
}
PORT_CHOICES = {"mode": schema.PORT_MODES, "status": schema.PORT_STATUSES, "neighbour": schema.NEIGHBOURS_ISO3}
PORT_ONLY = ("mode", "neighbour", "counterpart_zh")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f", line {self.line}" if self.line else "") + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


def _decode(path: Path, problems: list[Problem]) -> str | None:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        try:
            raw.decode("gb18030")
            problems.append(Problem(path.name, line, None, "file is GB18030 (GBK) encoded, not UTF-8: save it as UTF-8"))
        except UnicodeDecodeError:
            problems.append(Problem(path.name, line, None, f"not UTF-8 text (byte {exc.start})"))
        return None


def _well_formed(code: str) -> bool:
    """Six digits starting with a province code of China (11–82)."""
    return len(code) == 6 and code.isdigit() and 11 <= int(code[:2]) <= 82


def known_adcodes(built: Path = BUILT) -> set[str]:
    """County and prefecture adcodes of the built layers and of the index of every unit of China."""
    codes = set()
    for name, columns in (("counties.csv", ("adcode", "prefecture_adcode")), ("unit_index.csv", ("adcode",))):
        path = built / name
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                codes |= {r.get(c, "") for r in csv.DictReader(fh) for c in columns}
    return codes - {""}


def register_problems(name: str, folder: Path = REGISTERS, adcodes: set[str] | None = None) -> list[Problem]:
    path = folder / f"{name}.csv"
    problems: list[Problem] = []
    if not path.exists():
        return [Problem(path.name, None, None, f"register missing from {folder}")]
    text = _decode(path, problems)
    if text is None:
        return problems
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    missing = [c for c in schema.REGISTER_COLUMNS.get(name, ()) if c not in header]
    problems += [Problem(path.name, 1, c, "required column missing") for c in missing]
    seen: dict[str, int] = {}
    id_col = ID_COLUMNS.get(name)
    end = reader.line_num
    for row in reader:
        line, end = end + 1, reader.line_num
        if len(row) != len(header):
            runs = f"; a quote runs on to line {end}" if end > line else ""
            problems.append(Problem(path.name, line, None, f"{len(row)} fields where the header has {len(header)}{runs}"))
            continue
        rec = dict(zip(header, row, strict=True))
        for col in NUMERIC & set(header):
            value = rec[col].strip()
            if not value:
                continue
            try:
                number = float(value)
            except ValueError:
                problems.append(Problem(path.name, line, col, f"{value[:40]!r} is not a number"))
                continue
            bounds = LON_RANGE if col == "lon" else LAT_RANGE if col == "lat" else None
            if bounds and not bounds[0] <= number <= bounds[1]:
                problems.append(Problem(path.name, line, col, f"{number} is outside China ({bounds[0]}–{bounds[1]})"))
        if id_col and id_col in rec:
            key = rec[id_col].strip()
            if key in seen:
                problems.append(Problem(path.name, line, id_col, f"{key!r} already on line {seen[key]}"))
            seen.setdefault(key, line)
        problems += _value_problems(name, path.name, line, rec)
        for col in ADCODE_COLUMNS:
            for code in filter(None, (c.strip() for c in rec.get(col, "").split(";"))):
                # Platforms may lie outside the border provinces (new districts): their codes need only be well formed.
                known = code in adcodes if adcodes and col != "host_adcodes" else _well_formed(code)
                if not known:
                    problems.append(Problem(path.name, line, col, f"unknown adcode {code[:20]!r}"))
    return problems


def _value_problems(name: str, file: str, line: int, rec: dict[str, str]) -> list[Problem]:
    """Coded values outside their list, dates that are not dates, and port columns on rows that are not ports."""
    out = []
    choices = dict(CHOICES.get(name, {}))
    if name == "platforms":
        if rec.get("kind") == "border_port":
            choices |= PORT_CHOICES
        else:
            out += [Problem(file, line, c, "only border ports have this column filled") for c in PORT_ONLY if rec.get(c, "").strip()]
        approved = rec.get("approved", "").strip()
        if approved and not DATE.match(approved):
            out.append(Problem(file, line, "approved", f"{approved[:40]!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"))
    for col, allowed in choices.items():
        for value in filter(None, (v.strip() for v in rec.get(col, "").split(";"))):
            if value not in allowed:
                out.append(Problem(file, line, col, f"{value[:40]!r} is not one of {', '.join(allowed)}"))
    return out


def policy_problems(folder: Path = POLICY) -> list[Problem]:
    """YAML syntax of every policy file, and scope rules that measures name but scopes.yaml lacks."""
    problems: list[Problem] = []
    loaded: dict[str, object] = {}
    for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*/*.yaml")):
        rel = str(path.relative_to(folder))
        text = _decode(path, problems)
        if text is None:
            continue
        try:
            loaded[rel] = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problems.append(Problem(rel, mark.line + 1 if mark else None, None, f"YAML syntax: {getattr(exc, 'problem', exc)}"))
    rules = loaded.get("scopes.yaml") or {}
    for rel, records in loaded.items():
        if not rel.startswith("measures/") or not isinstance(records, list):
            continue
        for rec in records:
            if not isinstance(rec, dict):
                continue
            for rule in rec.get("scope") or []:
                if rule not in rules:
                    problems.append(Problem(rel, None, "scope", f"measure {rec.get('id')}: unknown scope rule {str(rule)[:40]!r}"))
    return problems


def problems(registers: Path = REGISTERS, policy: Path = POLICY) -> list[Problem]:
    """Everything wrong with the registers and policy files; empty when they load cleanly."""
    adcodes = known_adcodes()
    out = []
    for name in schema.REGISTER_COLUMNS:
        out += register_problems(name, registers, adcodes)
    return out + policy_problems(policy)


def report(found: list[Problem], limit: int = 30) -> str:
    lines = [str(p) for p in found[:limit]]
    if len(found) > limit:
        lines.append(f"… and {len(found) - limit} more")
    return "\n".join(lines)
