"""The web map's browser assets: Leaflet and Leaflet.draw from the npm registry, fetched once at set-up.

Each package is a pinned tarball checked against its SHA-256 before anything is unpacked; only the
files the map uses are kept, under ./static/vendor/<package>/, which Streamlit serves at
/app/static/vendor/<package>/ and the offline HTML briefing inlines. After set-up nothing is fetched:
the app starts with no network (`python -m borderdash.assets` is run by scripts/setup.sh).
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .paths import ROOT

VENDOR_DIR = ROOT / "static" / "vendor"
VENDOR_URL = "/app/static/vendor"
REGISTRY = "https://registry.npmjs.org"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    sha256: str
    """Of the registry's tarball, as downloaded."""
    keep: tuple[str, ...]
    """Paths inside the tarball's dist/ folder (a trailing / keeps a folder)."""

    @property
    def tarball(self) -> str:
        return f"{REGISTRY}/{self.name}/-/{self.name}-{self.version}.tgz"

    @property
    def folder(self) -> Path:
        return VENDOR_DIR / self.name

    def url(self, filename: str) -> str:
        return f"{VENDOR_URL}/{self.name}/{filename}"


PACKAGES = {
    "leaflet": Package(
        "leaflet", "1.9.4", "84c65a256e50657896f54c33bd857b6849ebe94c817803be818bf32a3dde0b77", ("leaflet.js", "leaflet.css", "images/")
    ),
    "leaflet-draw": Package(
        "leaflet-draw",
        "1.0.4",
        "b3ec161a931ad88b3f008283b824ceac5af98b5ec603877f294834d1edcc3aa6",
        ("leaflet.draw.js", "leaflet.draw.css", "images/"),
    ),
}
LEAFLET = PACKAGES["leaflet"]
LEAFLET_DRAW = PACKAGES["leaflet-draw"]
STAMP = ".borderdash-asset.json"


class AssetError(RuntimeError):
    """An asset that is missing or does not match its pinned hash; the message says what to run."""


def installed(package: Package) -> bool:
    """Whether the package's pinned version is unpacked (checked by its stamp, no network)."""
    try:
        stamp = json.loads((package.folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return stamp.get("version") == package.version and stamp.get("sha256") == package.sha256


def unpack(package: Package, tarball: bytes) -> Path:
    """Check the tarball against the pinned hash, then write the kept dist/ files and the stamp."""
    digest = hashlib.sha256(tarball).hexdigest()
    if digest != package.sha256:
        raise AssetError(f"{package.name} {package.version}: tarball SHA-256 {digest} is not the pinned {package.sha256}")
    package.folder.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as tar:
        for member in tar.getmembers():
            inside = member.name.removeprefix("package/dist/")
            if member.name == inside or not member.isfile() or ".." in Path(inside).parts:
                continue
            if not any(inside == k or (k.endswith("/") and inside.startswith(k)) for k in package.keep):
                continue
            target = package.folder / inside
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(tar.extractfile(member).read())
    stamp = {"name": package.name, "version": package.version, "sha256": package.sha256, "from": package.tarball}
    (package.folder / STAMP).write_text(json.dumps(stamp, indent=1) + "\n", encoding="utf-8")
    return package.folder


def fetch(package: Package, timeout: float = 60) -> Path:
    """Download the pinned tarball from the npm registry and unpack it (set-up only)."""
    try:
        with urllib.request.urlopen(package.tarball, timeout=timeout) as response:
            tarball = response.read()
    except OSError as exc:
        raise AssetError(f"cannot download {package.tarball} ({exc}); set-up needs the npm registry once") from exc
    return unpack(package, tarball)


def ensure() -> list[Package]:
    """Every package unpacked, fetched only when missing (so a started app never needs the network); returns those fetched."""
    fetched = [package for package in PACKAGES.values() if not installed(package)]
    for package in fetched:
        fetch(package)
    return fetched


def require(package: Package, filename: str) -> Path:
    """A file of an installed package, or an error that says how to install it."""
    path = package.folder / filename
    if not installed(package) or not path.is_file():
        raise AssetError(f"{package.name} {package.version} is not installed: run ./scripts/setup.sh (or python -m borderdash.assets)")
    return path


def main() -> int:
    try:
        fetched = ensure()
    except AssetError as exc:
        print(f"borderdash: {exc}", file=sys.stderr)
        return 1
    for package in fetched:
        print(f"{package.name} {package.version} (SHA-256 checked) in {package.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
