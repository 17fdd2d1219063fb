"""Reading what was printed: text, pages, fonts, and the codes on a page."""

import io
import subprocess
import tempfile
from pathlib import Path

import zxingcpp
from PIL import Image
from pypdf import PdfReader

A4 = (595.28, 841.89)  # points


def body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    return [
        (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
        for p in PdfReader(io.BytesIO(data)).pages
    ]


def pdffonts(data: bytes) -> list[dict[str, str]]:
    """Poppler's `pdffonts` table: name, type, emb, sub, uni per font."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        out = subprocess.run(
            ["pdffonts", handle.name], check=True, capture_output=True, text=True
        ).stdout
    rows = []
    for line in out.splitlines()[2:]:
        cells = line.split()
        # name, type (1–3 words), encoding, emb, sub, uni, object id, generation
        rows.append({"name": cells[0], "emb": cells[-5], "sub": cells[-4], "uni": cells[-3]})
    return rows


def page_image(data: bytes, page: int = 1, dpi: int = 200) -> Image.Image:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(data)
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(dpi),
                "-f",
                str(page),
                "-l",
                str(page),
                "-png",
                source,
                Path(folder) / "page",
            ],
            check=True,
        )
        (png,) = Path(folder).glob("page*.png")
        image = Image.open(png)
        image.load()
        return image


def codes_on(data: bytes, page: int = 1) -> dict[str, str]:
    """The barcodes and QR codes on a page, by format: {"QRCode": text, "Code128": text}."""
    return {
        result.format.name: result.text for result in zxingcpp.read_barcodes(page_image(data, page))
    }
