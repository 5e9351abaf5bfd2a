"""A view's key to its markers, for pictures: each marker drawn as the view draws it, then its
name (a red dot "target", a white dot "prediction"), never a look-alike glyph in the text's
colour."""

from dataclasses import dataclass

from PySide6.QtGui import QColor


@dataclass(frozen=True)
class KeyEntry:
    colour: QColor  # the marker's fill
    size: float  # its diameter relative to the largest marker of the view (1.0)
    text: str  # its name, translated
