"""GuideView: a guide's sections, each with its words, a line on what to look at and a button
that sets the window up for it. The article guide and the theorem guide are two of them: each
hands its sections and their words to `_lay_out`, which lays them out."""

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget


class GuideView(QScrollArea):
    setup_requested = Signal(str)  # a section's key

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self._buttons = {}

    def _lay_out(self, intro_text: str, button_tip: str, keys, texts, subtitle=lambda _key: "") -> None:
        """The intro, then for each section (by key): its title and subtitle, its words, what to
        look at, and its Set up button. texts(key): (title, what the section is about, what to
        look at), in the window's language; subtitle(key): a line under the title, or ""."""
        # The words every guide shares are in one context, "GuideView": a subclass's tr would
        # file them under its own name.
        inner = QWidget()
        layout = QVBoxLayout(inner)
        intro = QLabel(intro_text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        for key in keys:
            title, text, look = texts(key)
            under = subtitle(key)
            heading = QLabel(f"<b>{title}</b>" + (
                f"<br><span style='color:#555'>{under}</span>" if under else ""))
            heading.setWordWrap(True)
            body = QLabel(text)
            body.setWordWrap(True)
            hint = QLabel(QCoreApplication.translate("GuideView", "Look at: {0}").format(look))
            hint.setWordWrap(True)
            hint.setStyleSheet("QLabel { color: #0b5394; }")
            button = QPushButton(QCoreApplication.translate("GuideView", "Set up"))
            button.setToolTip(button_tip)
            button.setAccessibleName(QCoreApplication.translate("GuideView", "Set up: {0}").format(title))
            button.clicked.connect(lambda _=False, k=key: self.setup_requested.emit(k))
            self._buttons[key] = button
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            for widget in (line, heading, body, hint):
                layout.addWidget(widget)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.setWidget(inner)

    def button(self, key: str) -> QPushButton:
        return self._buttons[key]
