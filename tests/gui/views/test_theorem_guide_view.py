"""TheoremGuideView: each section's words, in English and Japanese."""

import pytest

from core.teaching.theorem_guide import SECTIONS
from gui.common.i18n import install_translators
from gui.views.theorem_guide_view import TheoremGuideView


@pytest.mark.parametrize("flat", [False, True])
def test_every_section_reads_as_sentences_in_both_languages(qtbot, qapp, flat):
    """Its sentences were joined with a space, which in Japanese stood after 。 as a stray gap."""
    view = TheoremGuideView(flat=flat)
    qtbot.addWidget(view)
    english = [view.texts(entry.key) for entry in SECTIONS]
    translators = install_translators(qapp, "ja")
    try:
        japanese = [view.texts(entry.key) for entry in SECTIONS]
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    for title, about, look in english:
        assert title and about.endswith(".") and look and ".  " not in about
    for (title, about, _look), (en_title, *_) in zip(japanese, english, strict=True):
        assert title != en_title and "。" in about and "。 " not in about, about
