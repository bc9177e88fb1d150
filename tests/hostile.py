"""A copy of the project's data with hostile text in every free-text column of every register and measure.

Each payload, if it ever ran, would log `XSS-FIRED-<n>` to the browser console; tests watch for it.
Keys, codes, enumerations and numbers are left alone so the copy stays valid data.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import yaml

LAYER_NAMES = ("counties", "regiments", "im-units", "prefectures", "border-line", "neighbours", "china", "provinces")
LAYER_NAMES += ("platforms", "corridors")

ROOT = Path(__file__).resolve().parent.parent
MARK = "XSS-FIRED"

PAYLOADS = (
    f'<img src=x onerror=console.log("{MARK}-1")>',
    f'"><svg onload=console.log("{MARK}-2")>',
    f"'><svg onload=console.log('{MARK}-3')>",
    f'${{console.log("{MARK}-4")}}',
    f'`+console.log("{MARK}-5")+`',
    f'</script><script>console.log("{MARK}-6")</script>',
    f'\u2028\u2029`;console.log("{MARK}-7");//',
    f'\\`+console.log("{MARK}-8")+\\`',
    f'</div></td></table><iframe srcdoc="<script>parent.console.log(`{MARK}-9`)</script>">',
    f"javascript:console.log('{MARK}-10')",
    "[XSS-LINK](http://evil.example/login) ![XSS-IMG](http://evil.example/i.png) **XSS-BOLD** :red[XSS-RED] $x^2$",
    '=HYPERLINK("http://evil.example","XSS-CSV")',
)
PAYLOAD = " ".join(PAYLOADS)

# Free text shown to users: names, statuses, sections, sources, notes. Not ids, codes, enums, numbers, join keys.
TEXT_COLUMNS = {
    "name_zh",
    "name_en",
    "prefecture_zh",
    "division_zh",
    "division_en",
    "regiment_zh",
    "regiment_en",
    "hq_town_zh",
    "host_county_zh",
    "status_zh",
    "status_en",
    "section",
    "alternatives",
    "place_zh",
    "seat_zh",
    "published_length_source",
    "article",
    "source",
    "notes",
}
MEASURE_TEXT = ("section", "title_zh", "title_en", "summary_zh", "summary_en", "quote", "scope_note_zh", "scope_note_en")
DOCUMENT_TEXT = ("title_zh", "title_en", "number", "number_en", "notes_en", "notes_zh")


FORMULAS = ('=HYPERLINK("http://evil.example","XSS-CSV")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0")


def poisoned(value: str) -> str:
    """The value behind a formula (so exported cells start with one) and followed by every payload."""
    formula = FORMULAS[len(value) % len(FORMULAS)]
    return f"{formula} {value} {PAYLOAD}"


def make_copy(dest: Path) -> Path:
    """geodata/ copied to dest with payloads appended to every free-text value; built/ is linked, not copied."""
    src = ROOT / "geodata"
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "built").symlink_to(src / "built")
    shutil.copytree(src / "policy", dest / "policy")
    shutil.copytree(src / "registers", dest / "registers")
    for path in (dest / "registers").glob("*.csv"):
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        for col in TEXT_COLUMNS & set(df.columns):
            df[col] = df[col].map(poisoned)
        df.to_csv(path, index=False, encoding="utf-8")
    for path in (dest / "policy" / "measures").glob("*.yaml"):
        records = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for rec in records:
            for field in MEASURE_TEXT:
                if field in rec:
                    rec[field] = poisoned(str(rec[field] or ""))
        path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")
    docs_path = dest / "policy" / "documents.yaml"
    docs = yaml.safe_load(docs_path.read_text(encoding="utf-8"))
    for doc in docs.values():
        for field in DOCUMENT_TEXT:
            if field in doc:
                doc[field] = poisoned(str(doc[field] or ""))
    docs_path.write_text(yaml.safe_dump(docs, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest


def raw_payload_fragments() -> list[str]:
    """Pieces that must never appear unescaped in generated HTML/JS."""
    return ["<img src=x", "<svg onload", "${console", "`+console", "</script><script>console", "\u2028", "\u2029", "<iframe srcdoc"]


def render_all(out: Path) -> list[Path]:
    """Every generated map page and briefing file, written to out (run with BORDERDASH_GEODATA at a hostile copy)."""
    from borderdash import filters, view, webmap

    out.mkdir(parents=True, exist_ok=True)
    everything = frozenset(view.EXTRAS)
    selections = {
        "overview": view.Selection(filters.Filter(), everything),
        "briefing-xj": view.Selection(filters.Filter.build(False, ["新疆"], []), everything),
        "place": view.Selection(extras=everything, place="450681"),
        "place-regiment": view.Selection(extras=everything, place="xpcc-4-61"),
        "compare": view.Selection(extras=frozenset(), places=("450681", "xpcc-4-61", "pz-dongxing")),
        "corridors": view.Selection(filters.Filter(), view.NETWORK_EXTRAS, network=True),
        **{f"where-{m}": view.Selection(extras=frozenset(), measure=m) for m in ("gbf-2017-50:4.1", "im-2023:art2")},
    }
    pages = {name: webmap.standalone_html(view.select(sel)) for name, sel in selections.items()}
    pages["briefing"] = webmap.standalone_html(view.select(selections["overview"]), "zh", f"标题 {PAYLOAD}", f"副标题 {PAYLOAD}")
    paths = []
    for name, text in pages.items():
        path = out / f"{name}.html"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


CLI_EXPORTS = {
    **{f"cli-{layer}": ["export", layer, "--format", "csv"] for layer in LAYER_NAMES},
    "cli-measures": ["export", "measures", "--format", "csv"],
    "cli-place-measures": ["export", "place-measures", "--format", "csv"],
    "cli-place-measures-wide": ["export", "place-measures", "--wide", "--format", "csv"],
    "cli-measures-for-place": ["measures", "--place", "450681", "--format", "csv"],
    "cli-places-for-measure": ["places", "--measure", "gbf-2017-50:4.1", "--format", "csv"],
    "cli-search": ["search", "边民补助", "--format", "csv"],
}
CLI_EXPORTS |= {name.replace("cli-", "cli-raw-"): [*args, "--raw"] for name, args in CLI_EXPORTS.items()}
UI_TABLES = {
    "counties": "counties",
    "corridors": "corridors",
    "platforms": "platforms",
    "place-measures": "place-measures",
    "measure-places": "measure-places",
}
UI_EXPORTS = (*(f"ui-{n}" for n in UI_TABLES), *(f"ui-raw-{n}" for n in UI_TABLES), "ui-compare")


def export_all(out: Path) -> list[Path]:
    """Every CSV the CLI writes and every CSV download the pages offer, built as the pages build them."""
    from borderdash import catalog, compare, filters, people, projects, regions, view
    from borderdash.cli import main
    from borderdash.policy import join

    out.mkdir(parents=True, exist_ok=True)
    for name, args in CLI_EXPORTS.items():
        assert main([*args, "-o", str(out / f"{name}.csv")]) == 0, name
    frames = {
        "counties": regions.with_links(view.shown_counties(filters.Filter())),
        "corridors": catalog.load("corridors"),
        "platforms": projects.platforms(),
        "place-measures": join.measures_for("450681"),
        "measure-places": join.places_for("gbf-2017-50:4.1"),
    }
    for name, df in frames.items():
        (out / f"ui-{name}.csv").write_bytes(people.csv_bytes(people.table(UI_TABLES[name], df, "zh")))
        (out / f"ui-raw-{name}.csv").write_bytes(people.raw_csv_bytes(df))
    facts, measures = compare.compare(["450681", "xpcc-4-61", "pz-dongxing"], lang="zh")
    (out / "ui-compare.csv").write_bytes(people.csv_bytes(people.compare(facts, measures, "zh")))
    return sorted(out.glob("*.csv"))


if __name__ == "__main__":
    import sys

    mode, target = sys.argv[1], Path(sys.argv[2])
    if mode == "copy":
        make_copy(target)
    elif mode == "render":
        print("\n".join(map(str, render_all(target))))
    else:
        print("\n".join(map(str, export_all(target))))
