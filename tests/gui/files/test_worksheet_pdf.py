"""The worksheet as PDF: Qt's PDF writer lays out the core's Markdown, written whole."""

import re

from core.teaching.worksheet import worksheet_markdown
from gui.files.worksheet_pdf import worksheet_pdf_bytes, write_worksheet_pdf


def _pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", data))


def test_the_pdf_is_written_with_pages_for_every_exercise(qapp, tmp_path):
    path = tmp_path / "sheet.pdf"
    assert write_worksheet_pdf(path, 7, 6, "en", "gatelab") is None
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert len(data) > 10_000
    assert _pages(data) >= 2  # six exercises and their key do not fit on one A4 page
    assert _pages(data) > _pages(worksheet_pdf_bytes(worksheet_markdown(7, 1)))


def test_a_japanese_sheet_embeds_a_japanese_font(qapp, tmp_path):
    path = tmp_path / "sheet_ja.pdf"
    assert write_worksheet_pdf(path, 7, 2, "ja", "article") is None
    data = path.read_bytes()
    assert re.search(rb"/FontName\s*/\w+\+(IPA|Noto\w*CJK)", data)


def test_an_unwritable_place_is_reported_not_raised(qapp, tmp_path):
    problem = write_worksheet_pdf(tmp_path / "missing" / "sheet.pdf", 7, 1)
    assert problem
