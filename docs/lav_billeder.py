"""Laver billederne i vejledningen (docs/billeder/*.png) af de dokumenter, vejledningen laver.

Vejledningen følges fra start til slut i en kopi af eksempelprojektet (samme trin som
tests/test_guide.py), og første side af høringssvaret, høringsnotatet og referatet gemmes som
små PNG-billeder. Kræver pdftoppm (poppler-utils); testene har ikke brug for det.

    python docs/lav_billeder.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PICTURES = {
    "hoeringssvar.png": "output/trafikplan-2027/responses/ishoj.pdf",
    "hoeringsnotat.png": "output/trafikplan-2027/hoeringsnotat.pdf",
    "referat.png": "output/trafikplan-2027/minutes/2027-03-15-dialogmode-om-trafikplan-2027.pdf",
}
WIDTH = 620  # pixels: readable on the page, a few tens of kilobytes


def main() -> None:
    sys.path.insert(0, str(HERE.parent / "tests"))
    from hoering.cli import main as hoering
    from test_guide import copy_for_the_guide, run_guide

    with tempfile.TemporaryDirectory() as folder:
        project = copy_for_the_guide(Path(folder))
        os.chdir(project)
        run_guide(project)
        # the guide ends with the other layouts: the pictures show the default one
        hoering(["compare", "consultations/trafikplan-2027"], standalone_mode=False)
        for name, pdf in PICTURES.items():
            _first_page(project / pdf, HERE / "billeder" / name)


def _first_page(pdf: Path, png: Path) -> None:
    png.parent.mkdir(exist_ok=True)
    stem = png.with_suffix("")
    command = ["pdftoppm", "-png", "-f", "1", "-l", "1", "-singlefile"]
    subprocess.run([*command, "-scale-to", str(WIDTH), str(pdf), str(stem)], check=True)
    print(f"{png.relative_to(HERE.parent)}: {png.stat().st_size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
