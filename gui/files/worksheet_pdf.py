"""A practice worksheet as PDF: the core's Markdown (core.teaching.worksheet) laid out by
QTextDocument and printed with Qt's own QPdfWriter, A4, written whole or not at all."""

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from core.model.layout import GATELAB
from core.teaching.worksheet import worksheet_markdown
from gui.files.exports import caption_font, save_bytes

RESOLUTION = 300  # dots per inch of the PDF's layout
MARGIN_MM = 15


def worksheet_pdf_bytes(markdown: str) -> bytes:
    """The Markdown laid out on A4 pages, as PDF."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    writer.setTitle(markdown.splitlines()[0].lstrip("# "))
    document = QTextDocument()
    document.setDefaultFont(caption_font([markdown]))  # Japanese in one Japanese font
    document.setMarkdown(markdown)
    document.print_(writer)
    del writer  # ends the PDF
    buffer.close()
    return bytes(buffer.data())


def write_worksheet_pdf(path, seed: int, count: int, lang: str = "en", notation: str = GATELAB) -> str | None:
    """Writes the worksheet of `count` exercises from `seed`; None, or what went wrong."""
    return save_bytes(path, worksheet_pdf_bytes(worksheet_markdown(seed, count, lang, notation)))
