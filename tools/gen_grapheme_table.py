#!/usr/bin/env python3
"""Generate src/text/grapheme_table.rs from unicode-segmentation's tables.

Usage (from the repository root):

    python3 tools/gen_grapheme_table.py [TABLES.rs] [-o src/text/grapheme_table.rs]

TABLES.rs defaults to `src/tables.rs` of the unicode-segmentation crate that
Cargo.lock names (found with `cargo metadata`; `cargo fetch` first if it is
not downloaded). That crate stays the reference: src/text/grapheme.rs
segments text with the categories written here, and its tests compare the
two on every code point.

What is kept, for UAX #29's extended grapheme clusters:

- each code point's Grapheme_Cluster_Break category, with
  Indic_Conjunct_Break=Consonant folded in as the crate folds it (its
  GC_InCB_Consonant), except the Hangul syllables, whose LV / LVT category
  follows from the code point (checked here);
- Indic_Conjunct_Break=Extend, as a bit of the category byte;
- the Indic_Conjunct_Break=Linker characters.

The ranges are packed as bytes: per range the gap from the previous range
(LEB128), its length less one (LEB128) and its category byte; the crate
unpacks them once, on first use.
"""

import argparse
import json
import re
import subprocess
import sys

# The category codes of the table, in the order of the Rust enum.
CATEGORIES = [
    ("GC_Any", "Any"),
    ("GC_CR", "Cr"),
    ("GC_Control", "Control"),
    ("GC_Extend", "Extend"),
    ("GC_Extended_Pictographic", "ExtendedPictographic"),
    ("GC_InCB_Consonant", "InCbConsonant"),
    ("GC_L", "L"),
    ("GC_LF", "Lf"),
    ("GC_LV", "Lv"),
    ("GC_LVT", "Lvt"),
    ("GC_Prepend", "Prepend"),
    ("GC_Regional_Indicator", "RegionalIndicator"),
    ("GC_SpacingMark", "SpacingMark"),
    ("GC_T", "T"),
    ("GC_V", "V"),
    ("GC_ZWJ", "Zwj"),
]
CODE = {name: code for code, (name, _) in enumerate(CATEGORIES)}
INCB_EXTEND = 0x10
HANGUL_FIRST, HANGUL_LAST, HANGUL_T_COUNT = 0xAC00, 0xD7A3, 28
PER_LINE = 24
CHAR = r"'((?:\\u\{[0-9a-fA-F]+\}|\\.|[^'\\])+)'"


def crate_tables():
    """src/tables.rs of the unicode-segmentation that Cargo.lock names."""
    metadata = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    for package in metadata["packages"]:
        if package["name"] == "unicode-segmentation":
            manifest = package["manifest_path"]
            return manifest[: -len("Cargo.toml")] + "src/tables.rs", package["version"]
    sys.exit("gen_grapheme_table: unicode-segmentation is not in Cargo.lock")


def char_value(literal):
    if literal.startswith("\\u{"):
        return int(literal[3:-1], 16)
    if literal.startswith("\\"):
        escapes = {"\\t": 9, "\\n": 10, "\\r": 13, "\\'": 39, "\\\\": 92, '\\"': 34, "\\0": 0}
        return escapes[literal]
    assert len(literal) == 1, literal
    return ord(literal)


def table(source, name, item):
    found = re.search(r"const " + name + r": &\[[^\]]*\] = &\[(.*?)\];", source)
    if not found:
        sys.exit(f"gen_grapheme_table: no {name} in the tables")
    items = re.findall(item, found.group(1))
    # Every tuple of the table read, none skipped by the pattern.
    assert len(items) == found.group(1).count("('"), f"{name}: {len(items)} items read"
    return items


def leb128(value):
    out = bytearray()
    while True:
        if value < 0x80:
            out.append(value)
            return bytes(out)
        out.append(0x80 | (value & 0x7F))
        value >>= 7


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tables", nargs="?", help="unicode-segmentation's src/tables.rs")
    parser.add_argument("-o", "--output", default="src/text/grapheme_table.rs")
    args = parser.parse_args()
    if args.tables:
        path, version = args.tables, "(given)"
    else:
        path, version = crate_tables()
    source = re.sub(r"\s+", " ", open(path, encoding="utf-8").read())
    unicode = re.search(r"UNICODE_VERSION: \(u64, u64, u64\) = \((\d+), (\d+), (\d+)\)", source).groups()

    category = {}
    for first, last, name in table(source, "grapheme_cat_table", r"\(" + CHAR + ", " + CHAR + r", (GC_\w+)\)"):
        for cp in range(char_value(first), char_value(last) + 1):
            category[cp] = name
    incb_extend = set()
    for first, last in table(source, "InCB_Extend_table", r"\(" + CHAR + ", " + CHAR + r"\)"):
        incb_extend.update(range(char_value(first), char_value(last) + 1))
    linkers_match = re.search(r"pub fn is_incb_linker\(c: char\) -> bool \{ matches!\(c, (.*?)\) \}", source)
    linkers = [char_value(c) for c in re.findall(CHAR, linkers_match.group(1))]

    # What src/text/grapheme.rs relies on.
    for cp in range(HANGUL_FIRST, HANGUL_LAST + 1):
        expected = "GC_LV" if (cp - HANGUL_FIRST) % HANGUL_T_COUNT == 0 else "GC_LVT"
        assert category.get(cp) == expected, hex(cp)
    assert all(cat not in ("GC_LV", "GC_LVT") for cp, cat in category.items() if not HANGUL_FIRST <= cp <= HANGUL_LAST)
    assert all(category.get(cp) in ("GC_Extend", "GC_ZWJ") for cp in incb_extend), "InCB=Extend outside Extend and ZWJ"
    assert all(category.get(cp) == "GC_Extend" and cp not in incb_extend for cp in linkers), "a linker"
    assert all(name in CODE for name in category.values())

    ranges = []
    for cp in sorted(category):
        if HANGUL_FIRST <= cp <= HANGUL_LAST:
            continue
        byte = CODE[category[cp]] | (INCB_EXTEND if cp in incb_extend else 0)
        if ranges and ranges[-1][1] == cp - 1 and ranges[-1][2] == byte:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp, byte])
    gaps, lengths, kinds = bytearray(), bytearray(), bytearray()
    next_cp = 0
    for first, last, byte in ranges:
        gaps += leb128(first - next_cp)
        lengths += leb128(last - first)
        kinds.append(byte)
        next_cp = last + 1

    out = []
    w = out.append
    w("// @generated by tools/gen_grapheme_table.py -- do not edit by hand.")
    w("//")
    w("// Regenerate with: python3 tools/gen_grapheme_table.py")
    w(f"// From the tables of unicode-segmentation {version} (Unicode {'.'.join(unicode)}).")
    w("")
    w("//! Grapheme_Cluster_Break categories, packed (generated data).")
    w("//!")
    w("//! The ranges of code points of one category byte other than `Any` (the")
    w("//! Hangul syllables aside), in code point order, are three lists read in")
    w("//! step: [`RANGE_GAPS`], each range's gap from the end of the previous")
    w("//! one (LEB128); [`RANGE_LENGTHS`], its length less one (LEB128); and")
    w("//! [`RANGE_BYTES`], its byte: the [`Category`] code, plus [`INCB_EXTEND`]")
    w("//! for Indic_Conjunct_Break=Extend. (Three lists rather than one of")
    w("//! triples: like with like, they compress better in the browser script.)")
    w("")
    w("/// The Unicode version of the data (a test checks it against the crate's).")
    w("#[cfg(test)]")
    w(f"pub(crate) const UNICODE_VERSION: (u8, u8, u8) = ({', '.join(unicode)});")
    w("")
    w("/// Grapheme_Cluster_Break values, with Indic_Conjunct_Break=Consonant")
    w("/// folded in (as unicode-segmentation folds it).")
    w("#[derive(Clone, Copy, Debug, PartialEq, Eq)]")
    w("pub(crate) enum Category {")
    for _, variant in CATEGORIES:
        w(f"    {variant},")
    w("}")
    w("")
    w("/// The categories by code (the low four bits of a range's byte).")
    w(f"pub(crate) const CATEGORIES: [Category; {len(CATEGORIES)}] = [")
    for _, variant in CATEGORIES:
        w(f"    Category::{variant},")
    w("];")
    w("")
    w("/// The bit of a range's byte that marks Indic_Conjunct_Break=Extend.")
    w(f"pub(crate) const INCB_EXTEND: u8 = 0x{INCB_EXTEND:02x};")
    w("")
    w("/// The Indic_Conjunct_Break=Linker characters.")
    w(f"pub(crate) const INCB_LINKERS: [char; {len(linkers)}] = [")
    line = "   "
    for cp in linkers:
        item = f" '\\u{{{cp:X}}}',"
        if len(line) + len(item) > 96:
            w(line)
            line = "   "
        line += item
    w(line)
    w("];")
    w("")
    w("/// The Hangul syllables: LV every 28th from the first, LVT between.")
    w(f"pub(crate) const HANGUL: (u32, u32, u32) = (0x{HANGUL_FIRST:X}, 0x{HANGUL_LAST:X}, {HANGUL_T_COUNT});")
    w("")
    for name, what, data in [
        ("RANGE_GAPS", "gaps", gaps),
        ("RANGE_LENGTHS", "lengths less one", lengths),
        ("RANGE_BYTES", "category bytes", kinds),
    ]:
        w(f"/// The ranges' {what} ({len(ranges)} ranges).")
        w("#[rustfmt::skip]")
        w(f"pub(crate) const {name}: [u8; {len(data)}] = [")
        for start in range(0, len(data), PER_LINE):
            w("    " + " ".join(f"{b}," for b in data[start : start + PER_LINE]))
        w("];")
        if name != "RANGE_BYTES":
            w("")
    with open(args.output, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    size = len(gaps) + len(lengths) + len(kinds)
    print(f"gen_grapheme_table: {args.output}: {len(ranges)} ranges in {size} bytes")


if __name__ == "__main__":
    main()
