"""The theorem guide in the window (issue #28): Help opens it beside the article guide, and each
section's Set up loads its run, brings its view forward and, trained, shows the numbers its
text quotes."""

import pytest

from core.model.config import TrainConfig
from core.teaching import theorem_guide as tg
from core.training import states
from core.views.function_fit import fit_of


@pytest.fixture
def window(open_window):
    return open_window(TrainConfig(steps=300, seed=4))


def set_up(qtbot, window, key):
    """Presses the section's Set up and waits for its run to be the one shown."""
    with qtbot.waitSignal(window.guide.done, timeout=30000):
        window.theorem_guide.button(key).click()
    assert window.session.config == tg.section(key).config()


def finished(qtbot, window):
    qtbot.waitUntil(lambda: window.state() == states.FINISHED and not window.controller.is_running(),
                    timeout=120000)
    return fit_of(window.session.config, window.session.trainer.weights)


def test_help_opens_the_theorem_guide_under_the_views_beside_the_article_guide(qtbot, window):
    dock = window.docks["theorem"]
    assert not dock.isVisible()
    help_menu = next(a for a in window.menuBar().actions() if a.text() == "&Help").menu()
    entry = next(a for a in help_menu.actions() if a.text() == "The &theorem, step by step…")
    assert entry.shortcut().toString() == "F3"
    entry.trigger()
    assert dock.isVisible()
    assert dock not in window.tabifiedDockWidgets(window.docks["network"])  # the views stay in sight
    window.show_dock("guide")  # its tab, beside the article guide's (Qt lists shown docks only)
    assert dock in window.tabifiedDockWidgets(window.docks["guide"])


def test_the_promise_loads_the_bump_for_the_learner_to_train(qtbot, window):
    window.show_dock("theorem")
    set_up(qtbot, window, "promise")
    assert window.controls.config() == tg.section("promise").config()
    assert window.session.trainer.step == 0 and not window.session.is_running()
    assert not window.output_view.view.showing_error()  # the surface and the red wireframe
    assert window.output_view.view.target_wire_visible()
    assert "Look at the 3D view" in window.statusBar().currentMessage()


def test_the_step_section_trains_and_shows_the_jump_rounded_off_as_its_text_says(qtbot, window):
    window.show_dock("theorem")
    entry = tg.section("continuous")
    set_up(qtbot, window, "continuous")
    fit = finished(qtbot, window)
    assert window.session.trainer.step == entry.steps
    assert f"{fit.max_error:.2f}" == f"{entry.quote('max_error').value:.2f}"
    assert fit.check_max_error > 0.3 and f"{fit.check_max_error:.2f}" == "0.41"
    _, text, _ = window.theorem_guide.texts("continuous")
    assert "0.41" in text and not window.output_view.view.showing_error()


def test_the_approximation_section_shows_the_error_and_the_sum_section_its_dock(qtbot, window):
    window.show_dock("theorem")
    set_up(qtbot, window, "approximation")
    assert window.output_view.view.showing_error()
    fit = finished(qtbot, window)
    shown = (f"{fit.max_error:.2f}", f"{fit.check_max_error:.2f}", fit.check_at)
    assert shown == ("0.09", "0.24", (0.5, 0.5))
    set_up(qtbot, window, "sum")
    assert window.docks["sum"].isVisible() and not window.output_view.view.showing_error()
    assert finished(qtbot, window).max_error < 0.05


def test_the_found_section_trains_the_stuck_seed_and_opens_the_study_on_its_range(qtbot, window):
    window.show_dock("theorem")
    entry = tg.section("found")
    set_up(qtbot, window, "found")
    study = window.many_seeds.study
    qtbot.waitExposed(study)
    assert study._config == entry.config() and not study.is_running()  # the learner presses Run
    assert study.node_counts() == tuple(range(2, 13)) and study._count.value() == 10
    assert f"{finished(qtbot, window).max_error:.2f}" == "0.68"


def test_two_quick_set_ups_while_training_end_on_the_last_one_alone(qtbot, window):
    window.show_dock("theorem")
    window.controller.set_speed(20.0)  # slow, so the gate run is still training when pressed
    window.session.train()
    qtbot.waitUntil(window.controller.is_running, timeout=30000)
    with qtbot.waitSignal(window.guide.done, timeout=60000):
        window.theorem_guide.button("found").click()  # both wait for the same stop
        window.theorem_guide.button("promise").click()
    assert window.session.config == tg.section("promise").config()
    title = window.theorem_guide.texts("promise")[0]
    assert title in window.statusBar().currentMessage()
    study = window.many_seeds.study
    assert study is None or not study.isVisible()  # "found"'s study did not open on promise's run


def test_without_opengl_the_guide_speaks_of_the_map_and_shows_the_error_on_it(qtbot, open_window,
                                                                             monkeypatch):
    monkeypatch.setenv("GATELAB_NO_OPENGL", "1")
    w = open_window(TrainConfig(steps=300, seed=4))
    assert not w.output_view.is_3d
    for key in ("promise", "approximation", "continuous"):
        look = w.theorem_guide.texts(key)[2]
        assert look.startswith("the map") and "3D" not in look and "wireframe" not in look
    assert "wireframe" not in w.theorem_guide.texts("promise")[1]
    notice = w.panes.gate_only["network"].notice_text()  # the gate-only docks point there too
    assert "watch the map of the output" in notice and "3D" not in notice
    with qtbot.waitSignal(w.guide.done, timeout=30000):
        w.theorem_guide.button("approximation").click()
    qtbot.waitUntil(lambda: w.output_view.view.showing_error())
    assert w.output_view.view.colour_label() == "error"
    with qtbot.waitSignal(w.guide.done, timeout=30000):
        w.theorem_guide.button("promise").click()
    qtbot.waitUntil(lambda: not w.output_view.view.showing_error())
