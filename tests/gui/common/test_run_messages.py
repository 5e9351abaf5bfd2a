"""How a run stands, in a sentence: said of the run's present, whichever step is shown."""

import numpy as np

from core.model.config import TrainConfig
from core.model.network import Weights
from core.views.snapshot import make_snapshot
from gui.common.messages import run_message

WEIGHTS = Weights(np.full((3, 2), 0.5), np.full(3, 0.5))


def test_a_past_step_shown_does_not_change_the_step_the_run_diverged_at(qapp):
    """Dragging the timeline back to step 619 of a run that diverged at 1240 made the banner
    say "diverged at step 620"; the loss plot still said 1240."""
    config = TrainConfig(steps=3000)
    now = run_message(make_snapshot(config, WEIGHTS, 1239, state="diverged"))
    past = run_message(make_snapshot(config, WEIGHTS, 619, state="diverged", live_step=1239))
    assert now.startswith("Training diverged at step 1240:") and past == now
    assert run_message(make_snapshot(config, WEIGHTS, 619, state="finished", live_step=1239)) == ""


def test_sentences_are_spaced_in_english_and_not_after_a_japanese_full_stop():
    from gui.common.messages import sentences

    assert sentences("Stuck.", "", "Try more steps.") == "Stuck. Try more steps."
    stuck, more = "行き詰まりです。", "ステップを増やしてください。"
    assert sentences(stuck, more) == stuck + more
    assert sentences("", "Only this.") == "Only this."


def test_a_japanese_diagnosis_has_no_stray_space_between_its_sentences(qapp):
    from core.views.diagnosis import Diagnosis
    from gui.common.i18n import install_translators
    from gui.common.messages import diagnosis_text

    facts = {"tolerance": 0.05, "error": 0.081, "at": "(0.5, 1)", "learning": True, "fall": 0.2,
             "window": 500}
    translators = install_translators(qapp, "ja")
    try:
        text = diagnosis_text(Diagnosis("not_within", "", facts))
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert "です。損失は" in text and "。 " not in text, text
