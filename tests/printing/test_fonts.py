"""The CJK fonts of a PDF are cut down to the glyphs drawn, each under the CID the page uses."""

import io

from fontTools.cffLib import CFFFontSet
from pypdf import PdfReader
from weasyprint import HTML

from printing.fonts import _cff_table, compact_cid_fonts, used_cids

HTML_TEXT = """<html lang="zh-Hans"><body style="font-family: 'Noto Serif CJK SC'">
<p>新疆维吾尔自治区专业技术人员职称评审表 <b style="font-family: 'Noto Sans CJK SC'">加粗</b></p>
<p>ئالىيە 阿丽娅</p></body></html>"""


def _cff_fonts(data: bytes) -> dict[str, tuple[CFFFontSet, list[int]]]:
    """Each CID-keyed CFF font of the PDF, parsed, with the CIDs its pages draw."""
    fonts = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for reference in page["/Resources"]["/Font"].values():
            descendant = reference.get_object()["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            if "/FontFile3" not in descriptor:
                continue
            raw = descriptor["/FontFile3"].get_object().get_data()
            table = _cff_table(raw) or raw  # OpenType as weasyprint wrote it, or bare CFF
            parsed = CFFFontSet()
            parsed.decompile(io.BytesIO(table), None)
            fonts[str(descriptor["/FontName"])] = (parsed, used_cids(descendant["/W"]))
    return fonts


def test_every_glyph_drawn_is_the_same_after_compaction():
    original = HTML(string=HTML_TEXT).write_pdf()
    compact = compact_cid_fonts(original)

    before, after = _cff_fonts(original), _cff_fonts(compact)
    assert set(before) == set(after) and len(before) >= 2
    for name, (font, cids) in before.items():
        small, small_cids = after[name]
        assert small_cids == cids
        top, small_top = font.topDictIndex[0], small.topDictIndex[0]
        assert len(small_top.charset) == len(cids) + 1  # the glyphs drawn and .notdef
        for cid in cids:
            glyph = f"cid{cid:05d}"  # in the compact font the charset keys glyphs by CID
            expected = top.CharStrings.charStringsIndex[cid]
            got = small_top.CharStrings[glyph]
            expected.decompile()
            got.decompile()
            assert got.program == expected.program, (name, cid)
    assert len(compact) < len(original) / 3
    assert "".join(p.extract_text() for p in PdfReader(io.BytesIO(compact)).pages).startswith(
        "新疆维吾尔自治区"
    )
