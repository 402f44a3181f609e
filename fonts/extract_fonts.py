#!/usr/bin/env python3
"""Re-extract the Simplified Chinese face bundled in fonts/ from Debian's fonts-noto-cjk.

    apt-get install fonts-noto-cjk && pip install fonttools && python3 fonts/extract_fonts.py

Debian ships Noto CJK as TrueType collections (TTC) holding the JP, KR, SC, TC and HK faces;
the SC face is index 2. We keep the whole face (no subsetting) so that people's names with
characters outside GB2312 (喆 堃 珺 …) still render; each PDF embeds a subset of it. The same
face draws the window (one 24 MB face in the program, not a serif and a sans one).
"""
import pathlib
import sys

from fontTools.ttLib import TTCollection

SOURCE = pathlib.Path("/usr/share/fonts/opentype/noto")
HERE = pathlib.Path(__file__).resolve().parent
SC_INDEX = 2
FACES = {
    "NotoSerifCJK-Regular.ttc": "NotoSerifCJKsc-Regular.otf",
}


def main() -> int:
    for ttc_name, otf_name in FACES.items():
        collection = TTCollection(str(SOURCE / ttc_name), lazy=True)
        face = collection.fonts[SC_INDEX]
        family = face["name"].getDebugName(4)
        if "SC" not in family:
            print(f"{ttc_name}: face {SC_INDEX} is {family!r}, not the SC face", file=sys.stderr)
            return 1
        face.save(str(HERE / otf_name))
        print(f"{otf_name}: {family}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
