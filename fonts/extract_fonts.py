#!/usr/bin/env python3
"""Re-extract the Simplified Chinese face bundled in fonts/ from Debian's fonts-noto-cjk.

    apt-get install fonts-noto-cjk && pip install fonttools && python3 fonts/extract_fonts.py

Debian ships Noto CJK as TrueType collections (TTC) holding the JP, KR, SC, TC and HK faces;
the SC face is index 2. We keep every character the face maps (no subsetting to GB2312) so
that people's names with characters outside it (喆 堃 珺 …) still render; each PDF embeds a
subset of it. The same face draws the window (one face in the program, not a serif and a sans
one).

Of the face's 65,535 glyphs only 44,231 are reached from its character map; the rest are the
JP/KR/TC/HK forms that the `locl` and vertical substitutions (GSUB) reach. Neither egui nor
the printing shapes text (both go from character to glyph through the cmap alone), so the
face is cut to the glyphs its cmap reaches and the layout tables are dropped: 24.4 MB become
15.8 MB with every character's outline and advance unchanged.

Hangul is left out too (the 11,172 syllables and the jamo, 11,623 characters): Chinese
documents write Korean names in Han characters, and those glyphs were a fifth of the face —
15.8 MB become 12.5 MB (issue 16: program ≤ 40 MB). A value with Hangul is warned of before
it prints as boxes (print::unprintable_chars), and a face with Hangul can be chosen as the
print font in 设置 → 打印字体. Every Han character the face maps stays (the URO, extension
A, the 2,306 beyond the BMP, the compatibility ideographs), with kana, Latin, Greek, Cyrillic
and the symbols. Takes about two minutes.
"""
import pathlib
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = pathlib.Path("/usr/share/fonts/opentype/noto")
HERE = pathlib.Path(__file__).resolve().parent
SC_INDEX = 2
# Everything but Hangul: jamo U+1100–11FF, compatibility jamo U+3130–318F, jamo extended-A
# U+A960–A97F, syllables U+AC00–D7A3 and jamo extended-B U+D7B0–D7FF.
KEPT = ",".join([
    "U+0000-10FF",
    "U+1200-312F",
    "U+3190-A95F",
    "U+A980-ABFF",
    "U+D7A4-D7AF",
    "U+D800-10FFFF",
])
FACES = {
    "NotoSerifCJK-Regular.ttc": "NotoSerifCJKsc-Regular.otf",
}


def cut_to_cmap(source: pathlib.Path, target: pathlib.Path) -> None:
    """Every character the face maps, with its glyph; no layout tables, all names kept."""
    subset.main([
        str(source),
        f"--unicodes={KEPT}",
        "--layout-features=",
        "--drop-tables+=BASE,GSUB,GPOS,GDEF",
        "--notdef-outline",
        "--name-IDs=*",
        "--name-languages=*",
        "--name-legacy",
        f"--output-file={target}",
    ])


def main() -> int:
    for ttc_name, otf_name in FACES.items():
        collection = TTCollection(str(SOURCE / ttc_name), lazy=True)
        face = collection.fonts[SC_INDEX]
        family = face["name"].getDebugName(4)
        if "SC" not in family:
            print(f"{ttc_name}: face {SC_INDEX} is {family!r}, not the SC face", file=sys.stderr)
            return 1
        whole = HERE / (otf_name + ".whole")
        face.save(str(whole))
        cut_to_cmap(whole, HERE / otf_name)
        whole.unlink()
        print(f"{otf_name}: {family}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
