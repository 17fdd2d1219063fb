"""Small CJK font subsets in the PDFs weasyprint writes.

weasyprint embeds each font as a subset that keeps every glyph id up to the highest one used
(its content streams name glyphs by their id in the full font). The Noto CJK faces are
CID-keyed CFF fonts with about 65,000 glyphs, and Chinese characters sit high among them, so
each face costs 85–145 KB even when a page uses forty characters: 300 KB for a 4-page form
with a regular and a bold face.

`compact_cid_fonts` rewrites each such embedded font after the fact as a bare CFF
(`FontFile3` / `CIDFontType0C`) holding only the glyphs used, keyed by the same CIDs: in a
CID-keyed CFF the charset, not the glyph order, maps a CID to its glyph, so the content
streams, widths and ToUnicode maps of the page stay exactly as weasyprint wrote them. A
4-page form drops to about 30 KB. Fonts that are not CID-keyed CFF are left alone.
"""

import io
import struct

from fontTools.cffLib import CFFFontSet, FDSelect
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject


class _NoBBoxRecalculation:
    """What cffLib asks of the font around the table when compiling; there is none."""

    recalcBBoxes = False  # noqa: N815 (fontTools' name)


def _cff_table(otf: bytes) -> bytes | None:
    """The `CFF ` table of an OpenType font (read from the table directory, not parsed)."""
    if otf[:4] != b"OTTO":
        return None
    (count,) = struct.unpack(">H", otf[4:6])
    for i in range(count):
        tag, _checksum, offset, length = struct.unpack(">4sIII", otf[12 + 16 * i : 28 + 16 * i])
        if tag == b"CFF ":
            return otf[offset : offset + length]
    return None


def used_cids(widths: ArrayObject) -> list[int]:
    """The CIDs a PDF CID font's /W array gives widths for: the glyphs its pages draw."""
    cids: set[int] = set()
    i = 0
    while i + 1 < len(widths):
        first, following = int(widths[i]), widths[i + 1]
        if isinstance(following, ArrayObject):
            cids.update(range(first, first + len(following)))
            i += 2
        else:
            cids.update(range(first, int(following) + 1))
            i += 3
    return sorted(cids)


def compact_cff(otf: bytes, cids: list[int]) -> bytes | None:
    """A bare CID-keyed CFF with only `cids` (glyph ids of `otf`, which weasyprint uses as
    CIDs), each under its own CID; None when `otf` is not a CID-keyed CFF font."""
    raw = _cff_table(otf)
    if raw is None:
        return None
    fonts = CFFFontSet()
    fonts.decompile(io.BytesIO(raw), None)
    top = fonts.topDictIndex[0]
    if not hasattr(top, "ROS") or not hasattr(top, "FDSelect"):
        return None
    charstrings = top.CharStrings
    index = charstrings.charStringsIndex
    selector = top.FDSelect
    glyphs = [0] + [cid for cid in cids if 0 < cid < len(index)]
    names = [".notdef"] + [f"cid{cid:05d}" for cid in glyphs[1:]]
    index.items = [index[gid] for gid in glyphs]
    charstrings.charStrings = {name: i for i, name in enumerate(names)}
    top.charset = names
    compact_selector = FDSelect()
    compact_selector.format = 3
    compact_selector.gidArray = [selector[gid] for gid in glyphs]
    top.FDSelect = compact_selector
    top.numGlyphs = len(names)
    out = io.BytesIO()
    fonts.compile(out, _NoBBoxRecalculation())
    return out.getvalue()


def compact_cid_fonts(pdf: bytes) -> bytes:
    """The same PDF with every embedded CID-keyed CFF font cut down to the glyphs drawn."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    # One font file may serve several font dictionaries, each listing the glyphs it draws.
    users: dict[int, list[tuple[DictionaryObject, DictionaryObject]]] = {}
    files = {}
    for page in writer.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for reference in (fonts.get_object() if fonts else {}).values():
            font = reference.get_object()
            if font.get("/Subtype") != "/Type0":
                continue
            descendant: DictionaryObject = font["/DescendantFonts"][0].get_object()
            descriptor: DictionaryObject = descendant["/FontDescriptor"].get_object()
            if "/FontFile3" not in descriptor:
                continue
            file_reference = descriptor.raw_get("/FontFile3")
            files[file_reference.idnum] = file_reference
            pair = (descendant, descriptor)
            if all(d is not descendant for d, _ in users.setdefault(file_reference.idnum, [])):
                users[file_reference.idnum].append(pair)
    changed = False
    for idnum, pairs in users.items():
        stream = files[idnum].get_object()
        if stream.get("/Subtype") != "/OpenType":
            continue
        cids = sorted({cid for descendant, _ in pairs for cid in used_cids(descendant["/W"])})
        compact = compact_cff(stream.get_data(), cids)
        if compact is None:
            continue
        stream.set_data(compact)
        stream[NameObject("/Subtype")] = NameObject("/CIDFontType0C")
        for descendant, descriptor in pairs:
            # CIDToGIDMap belongs to TrueType CID fonts; CIDSet listed the old glyph slots.
            descendant.pop("/CIDToGIDMap", None)
            descriptor.pop("/CIDSet", None)
        changed = True
    if not changed:
        return pdf
    for page in writer.pages:
        page.compress_content_streams()  # pypdf decodes what it reads
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
