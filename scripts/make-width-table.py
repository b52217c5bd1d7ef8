#!/usr/bin/env python3
"""Prints the table of core/src/text_width.cpp: the code points a terminal shows in 0 or 2 columns.

Built from the Unicode Character Database that Python's unicodedata carries (its version is printed
in the header comment):
- 0 columns: nonspacing and enclosing marks (Mn, Me), format characters (Cf: zero-width space and
  joiner, bidi controls, tags) except the soft hyphen and the prepended concatenation marks (which
  show), Hangul medial vowels and final consonants (U+1160..U+11FF, U+D7B0..U+D7FF);
- 2 columns: East Asian Wide and Fullwidth (W, F: CJK, Hangul syllables, fullwidth forms and the
  emoji with emoji presentation), the unassigned rest of planes 2 and 3 (reserved for ideographs)
  and the Yijing hexagrams (W since Unicode 16, as glibc has them);
- 1 column: everything else, East Asian Ambiguous included (a terminal in a CJK locale may differ).
Control characters and surrogates are left out: text.cpp escapes them before measuring.
Ranges of equal width are merged across unassigned code points, so the table stays short.
Usage: scripts/make-width-table.py > /tmp/table.txt, then paste it into text_width.cpp.
"""
import unicodedata as ucd

PREPENDED_MARKS = {0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0x110BD,
                   0x110CD}


def ideograph_plane(cp):
    return 0x20000 <= cp <= 0x2FFFD or 0x30000 <= cp <= 0x3FFFD


def width(cp):
    ch = chr(cp)
    cat = ucd.category(ch)
    if cp < 0x20 or 0x7F <= cp <= 0x9F or cat == "Cs":
        return None
    zero_format = cat == "Cf" and cp != 0xAD and cp not in PREPENDED_MARKS
    if cat in ("Mn", "Me") or zero_format or 0x1160 <= cp <= 0x11FF or 0xD7B0 <= cp <= 0xD7FF:
        return 0
    if ucd.east_asian_width(ch) in ("W", "F") or ideograph_plane(cp) or 0x4DC0 <= cp <= 0x4DFF:
        return 2
    return 1


def unassigned(cp):
    return ucd.category(chr(cp)) == "Cn" and not ideograph_plane(cp)


def ranges():
    out = []
    gap_is_unassigned = True  # since the end of the last range
    for cp in range(0x110000):
        w = width(cp)
        if w is None or unassigned(cp):
            continue
        if w == 1:
            gap_is_unassigned = False
            continue
        if out and out[-1][2] == w and gap_is_unassigned:
            out[-1][1] = cp
        else:
            out.append([cp, cp, w])
        gap_is_unassigned = True
    return out


def main():
    table = ranges()
    print(f"// Unicode {ucd.unidata_version}, {len(table)} ranges, written by scripts/make-width-table.py.")
    line = ""
    for first, last, w in table:
        item = f"{{0x{first:04X}, 0x{last:04X}, {w}}},"
        if len(line) + len(item) + 1 > 110:
            print(line.rstrip())
            line = ""
        line += item + " "
    print(line.rstrip())


if __name__ == "__main__":
    main()
