"""Where the project's data lives; one place so UI, CLI and tests agree."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEODATA = Path(os.environ.get("BORDERDASH_GEODATA", ROOT / "geodata"))
BUILT = GEODATA / "built"
REGISTERS = GEODATA / "registers"
POLICY = GEODATA / "policy"
SEEDS = Path(os.environ.get("BORDERDASH_SEEDS", ROOT.parent / "shared" / "seeds"))
