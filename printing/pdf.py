"""HTML to PDF (weasyprint), and the codes printed on documents (QR, Code 128)."""

import base64
import io
from dataclasses import dataclass

import segno
from barcode import Code128
from barcode.writer import SVGWriter
from pypdf import PdfReader
from weasyprint import HTML

from printing.fonts import compact_cid_fonts


@dataclass(frozen=True)
class Pdf:
    data: bytes
    pages: int


def html_to_pdf(html: str, *, base_url: str | None = None) -> Pdf:
    """Render a document; its fonts are embedded as subsets of the glyphs drawn."""
    document = HTML(string=html, base_url=base_url).render()
    pages = len(document.pages)
    data = compact_cid_fonts(document.write_pdf())
    return Pdf(data=data, pages=pages)


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def _svg_data_uri(svg: bytes) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def qr_data_uri(text: str) -> str:
    """A QR code of `text` (error correction M, quiet zone of 2 modules) as an SVG data URI."""
    return segno.make(text, error="m", micro=False).svg_data_uri(border=2, scale=1, xmldecl=False)


def code128_data_uri(text: str) -> str:
    """A Code 128 barcode of `text` (for the committee's hand scanners) as an SVG data URI,
    without the human-readable line (the document prints the text itself)."""
    out = io.BytesIO()
    Code128(text, writer=SVGWriter()).write(
        out,
        options={
            "write_text": False,
            "module_width": 0.3,
            "module_height": 12.0,
            "quiet_zone": 4.0,
            "compress": False,
        },
    )
    return _svg_data_uri(out.getvalue())
