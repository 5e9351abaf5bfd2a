"""MathPanel: the numbers it writes are the core's, in the article's phase order, with the
errata notes where they matter, and it hands out exactly the weights core computes."""

import math
import re

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from core.model import network
from core.model.config import TrainConfig
from core.model.gates import ROWS, inputs_with_bias
from core.model.network import Weights
from core.teaching.row_math import PHASES, row_math
from core.training import states
from core.training.trainer import Trainer
from gui.views.math_panel import MathPanel

# Known weights: a 2-2-1 network with mixed signs, and the article's 2-layer neuron.
XOR = TrainConfig(gate="xor", hidden_nodes=2)
XOR_WEIGHTS = Weights(np.array([[0.64, -0.3], [0.04, 0.9], [0.81, -0.2]]), np.array([1.2, -0.7, 0.3]))
AND = TrainConfig(gate="and", hidden_nodes=0)
AND_WEIGHTS = Weights(np.zeros((3, 0)), np.array([0.64, 0.04, 0.81]))

_NUMBER = re.compile(r"[−-]?\d+(?:\.\d+)?(?:×10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?")
_DIGITS = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")


def _parse(text: str) -> float:
    mantissa, _, exponent = text.replace("−", "-").partition("×10")
    return float(mantissa) * (10.0 ** int(exponent.translate(_DIGITS)) if exponent else 1.0)


def _all_lines(panel):
    return [line.replace("\u202f", " ").strip() for line in panel.current_text().splitlines()]


def _lines(panel):
    """The panel's lines above its symbol table."""
    lines = _all_lines(panel)
    return lines[:lines.index("Symbols")] if "Symbols" in lines else lines


def _result(panel, head: str) -> float:
    """The number after the last '=' of the one line that starts with `head`."""
    found = [line for line in _lines(panel) if line.startswith(head + " ")]
    assert len(found) == 1, (head, _lines(panel))
    match = _NUMBER.match(found[0].rsplit(" = ", 1)[1])
    assert match, found[0]
    return _parse(match.group())


def _check(panel, head, expected):
    """The panel shows 4 significant digits of the core's number."""
    assert _result(panel, head) == pytest.approx(float(expected), rel=6e-4, abs=1e-12), head


@pytest.fixture
def panel(qtbot):
    widget = MathPanel()
    qtbot.addWidget(widget)
    widget.resize(720, 760)
    return widget


def _record(panel):
    emitted = []
    panel.weights_updated.connect(lambda *args: emitted.append(args))
    return emitted


def _reference(weights, config, row):
    """The NumPy reference network's numbers for one row (textbook backprop)."""
    x = inputs_with_bias()[row:row + 1]
    target = np.array([config.targets[row]])
    fw = network.forward(weights, x, config.activation)
    loss = network.row_losses(fw.v, fw.yp, target, config.loss)[0]
    delta = network.output_delta(fw.yp, target, config.loss)[0]
    grad = network.gradients(weights, x, target, config.activation, config.loss)
    return fw, loss, delta, grad


# -- the numbers ----------------------------------------------------------------------------

def _check_three_layer_phase(panel, phase, weights, config, row):
    fw, loss, delta, grad = _reference(weights, config, row)
    hidden = weights.hidden_nodes
    if phase == "forward":
        for j in range(hidden):
            _check(panel, f"u{j + 1} =", fw.u[0, j])
            _check(panel, f"h{j + 1} =", fw.h[0, j])
        _check(panel, "v =", fw.v[0])
        _check(panel, "yp =", fw.yp[0])
    elif phase == "loss":
        _check(panel, "L =", loss)
    elif phase == "backward":
        _check(panel, "δout =", delta)
        for j in range(hidden + 1):
            _check(panel, f"∂L/∂w(2){j + 1} =", grad.output[j])
        for j in range(hidden):
            _check(panel, f"δ{j + 1} =", delta * weights.output[j] * fw.dh[0, j])
            for i in range(3):
                _check(panel, f"∂L/∂w(1){i + 1}{j + 1} =", grad.hidden[i, j])
    else:
        alpha = config.alpha
        new = Weights(weights.hidden - alpha * grad.hidden, weights.output - alpha * grad.output)
        for j in range(hidden + 1):
            _check(panel, f"w(2){j + 1} ←", new.output[j])
        for i, j in np.ndindex(3, hidden):
            _check(panel, f"w(1){i + 1}{j + 1} ←", new.hidden[i, j])


def test_three_layer_numbers_are_the_networks_for_a_whole_step(panel):
    emitted = _record(panel)
    panel.set_state(XOR, XOR_WEIGHTS, 0)
    weights = XOR_WEIGHTS
    for row in range(4):
        for phase in PHASES:
            assert panel.position_text() == f"Step 1, row [{int(ROWS[row][0])}, {int(ROWS[row][1])}], " \
                                            f"phase: {phase}"
            _check_three_layer_phase(panel, phase, weights, XOR, row)
            if phase != "update":
                panel.next_phase()
        weights = emitted[-1][0]  # the next row starts from the weights just handed out
        panel.next_phase()
    assert len(emitted) == 4


def test_two_layer_numbers_are_the_networks(panel):
    emitted = _record(panel)
    panel.set_state(AND, AND_WEIGHTS, 0)
    weights = AND_WEIGHTS
    for row in range(4):
        fw, loss, delta, grad = _reference(weights, AND, row)
        _check(panel, "u =", fw.v[0])
        _check(panel, "yp =", fw.yp[0])
        panel.next_phase()
        _check(panel, "L =", loss)
        panel.next_phase()
        _check(panel, "f ′(u) =", fw.yp[0] * (1 - fw.yp[0]))
        for i in range(3):
            _check(panel, f"∂L/∂w{i + 1} =", grad.output[i])
        panel.next_phase()
        for i in range(3):
            _check(panel, f"w{i + 1} ←", weights.output[i] - AND.alpha * grad.output[i])
        weights = emitted[-1][0]
        panel.next_phase()


def test_substituted_inputs_and_weights_are_shown(panel):
    panel.set_state(AND, AND_WEIGHTS, 0)
    for _ in range(4):  # to row [1, 0]
        panel.next_phase()
    emitted_w = panel.stepper().math.before.output
    text = panel.current_text()
    expected = f"1·{emitted_w[0]:.4g} + 0·{emitted_w[1]:.4g} + 1·"
    assert expected.replace("-", "−") in text


def test_article_order_uses_the_updated_output_weight_in_the_hidden_delta(panel):
    config = XOR.with_changes(update_order="article")
    panel.set_state(config, XOR_WEIGHTS, 0)
    panel.next_phase()
    panel.next_phase()
    m = row_math(config, XOR_WEIGHTS, 0)
    for j in range(2):
        _check(panel, f"δ{j + 1} =", m.delta_out * m.after.output[j] * m.dh[j])
        _check(panel, f"w(2){j + 1} ←", m.after.output[j])


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_other_hidden_activations_are_written_out(panel, activation):
    config = XOR.with_changes(activation=activation, loss="cross-entropy")
    panel.set_state(config, XOR_WEIGHTS, 0)
    fw, loss, delta, grad = _reference(XOR_WEIGHTS, config, 0)
    assert f"h1 = {activation}(u1)" in panel.current_text()
    _check(panel, "h1 =", fw.h[0, 0])
    panel.next_phase()
    _check(panel, "L =", loss)
    assert "log" in panel.current_text()
    panel.next_phase()
    _check(panel, "δout =", delta)
    assert f"{activation}′(u1)" in panel.current_text()


# -- phases, notes and legibility ---------------------------------------------------------

def test_phases_follow_the_article_and_the_step_counts_on(panel):
    panel.set_state(XOR, XOR_WEIGHTS, 11)
    seen = [panel.position_text()]
    for _ in range(17):
        panel.next_phase()
        seen.append(panel.position_text())
    expected = [f"Step 12, row [{int(x1)}, {int(x2)}], phase: {phase}" for x1, x2 in ROWS for phase in PHASES]
    assert seen[:16] == expected
    assert seen[16:] == ["Step 13, row [0, 0], phase: forward", "Step 13, row [0, 0], phase: loss"]


def _phase_texts(panel, config, weights):
    panel.set_state(config, weights, 0)
    texts = {}
    for phase in PHASES:
        texts[phase] = panel.current_text()
        panel.next_phase()
    return texts


def test_errata_notes_appear_at_the_phase_where_they_matter(panel):
    texts = _phase_texts(panel, XOR, XOR_WEIGHTS)
    assert "Note: the article's code sets hidden_layers = 3" in texts["forward"]
    assert "2 hidden nodes plus the bias node (this network has 2 hidden nodes and the bias " \
        "node h3)" in texts["forward"]
    assert "uses w1[0] for both inputs (x2 needs w1[1]) and prints x1" in texts["forward"]
    assert "Note: the article's 3-layer code adds up (y − yt)² without the ½" in texts["loss"]
    assert "Note: the article's step 6 writes this gradient as (yp − yt)·xi·f" in texts["backward"]
    assert "the article's code updates w(2)j first and uses the new value in δj" in texts["backward"]
    assert "Note:" not in texts["update"]
    assert [texts[phase].count("Note:") for phase in PHASES] == [1, 1, 2, 0]


def test_article_order_note_says_the_run_follows_the_article(panel):
    texts = _phase_texts(panel, XOR.with_changes(update_order="article"), XOR_WEIGHTS)
    assert "Note: as in the article's code, δj uses w(2)j after its update" in texts["backward"]


def test_cross_entropy_has_no_half_note_and_two_layer_only_the_step_4_note(panel):
    texts = _phase_texts(panel, XOR.with_changes(loss="cross-entropy"), XOR_WEIGHTS)
    assert "Note:" not in texts["loss"]
    texts = _phase_texts(panel, AND, AND_WEIGHTS)
    assert [texts[phase].count("Note:") for phase in PHASES] == [0, 0, 1, 0]
    assert "the article's step 4 writes its second line twice" in texts["backward"]


def test_the_hidden_layers_note_says_3_whatever_the_network_has(panel):
    """It said hidden_layers = H + 1; the article's code always sets 3."""
    config = XOR.with_changes(hidden_nodes=5, seed=3)
    texts = _phase_texts(panel, config, Trainer(config).weights)
    assert "sets hidden_layers = 3" in texts["forward"] and "hidden_layers = 6" not in texts["forward"]
    assert "this network has 5 hidden nodes" in texts["forward"]


@pytest.mark.parametrize("config, weights", [
    (XOR, XOR_WEIGHTS), (AND, AND_WEIGHTS),
    (XOR.with_changes(loss="cross-entropy", activation="tanh"), XOR_WEIGHTS),
    (XOR.with_changes(update_order="article", activation="relu"), XOR_WEIGHTS),
    (AND.with_changes(loss="cross-entropy"), AND_WEIGHTS)])
def test_the_chain_rule_factors_multiply_to_the_gradient(panel, config, weights):
    import re

    texts = _phase_texts(panel, config, weights)
    lines = texts["backward"].splitlines()
    chains = [line for line in lines if line.startswith("Chain rule, factor by factor:")]
    assert len(chains) == (2 if config.hidden_nodes else 1)
    for chain in chains:
        parts = [p.strip() for p in chain.replace("\u202f", " ").split(" = ")]
        factors = [_parse(f.strip("()")) for f in re.split(r"·", parts[-2])]
        assert np.prod(factors) == pytest.approx(_parse(parts[-1]), rel=1e-3, abs=1e-6)
        if config.loss == "cross-entropy":  # one factor, ∂L/∂v = yp − yt: no ∂L/∂yp
            assert "∂L/∂yp" not in chain and ("∂L/∂v" in chain or "∂L/∂u" in chain)
        if config.update_order == "article" and config.hidden_nodes:
            assert "(updated)" in chains[-1]


def test_in_the_articles_order_the_hidden_gradient_is_said_not_to_be_the_derivative(panel):
    texts = _phase_texts(panel, XOR.with_changes(update_order="article"), XOR_WEIGHTS)
    assert "is not the partial derivative at the current weights" in texts["backward"]


def test_wide_layers_show_the_first_nodes_and_say_likewise(panel):
    config = XOR.with_changes(hidden_nodes=8, seed=3)
    weights = Trainer(config).weights
    texts = _phase_texts(panel, config, weights)
    for phase in ("forward", "backward", "update"):
        assert "… and likewise for the other nodes, j = 4 … 8." in texts[phase]
    assert "u3 =" in texts["forward"] and "u4 =" not in texts["forward"]
    assert "v = Σj hjw(2)j = h1w(2)1 + h2w(2)2 + h3w(2)3 + … + h8w(2)8 + 1·w(2)9" in texts["forward"]
    assert "δ4 =" not in texts["backward"]


def test_next_has_a_tooltip_and_the_n_key(panel, qtbot):
    panel.set_state(XOR, XOR_WEIGHTS, 0)
    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    qtbot.keyClick(panel, Qt.Key.Key_N)  # the button animates its click, then emits
    qtbot.waitUntil(lambda: panel.position_text().endswith("phase: loss"), timeout=2000)
    button = panel.findChild(QPushButton)
    assert "(N)" in button.toolTip()


# -- what the main window wires ------------------------------------------------------------

def test_weights_updated_carries_the_core_weights_and_the_step_loss(panel):
    emitted = _record(panel)
    trainer = Trainer(XOR, weights=XOR_WEIGHTS)
    panel.set_state(XOR, XOR_WEIGHTS, 0)
    weights = XOR_WEIGHTS
    for row in range(4):
        for _ in range(3):
            panel.next_phase()
        assert len(emitted) == row + 1
        new, emitted_row, completed, loss = emitted[-1]
        np.testing.assert_array_equal(new.flat(), row_math(XOR, weights, row).after.flat())
        assert emitted_row == row and completed == (row == 3)
        weights = new
        panel.next_phase()
    assert math.isnan(emitted[0][3])
    recorded = trainer.advance(1)
    np.testing.assert_allclose(weights.flat(), trainer.weights.flat(), rtol=0, atol=1e-12)
    assert emitted[-1][3] == pytest.approx(recorded[0], rel=1e-12)


def test_two_layer_weights_updated(panel):
    emitted = _record(panel)
    panel.set_state(AND, AND_WEIGHTS, 5)
    for _ in range(3):
        panel.next_phase()
    new, row, completed, _ = emitted[0]
    np.testing.assert_array_equal(new.output, row_math(AND, AND_WEIGHTS, 0).after.output)
    assert (row, completed) == (0, False)


def test_its_own_weights_coming_back_keep_the_place(panel):
    emitted = _record(panel)
    panel.set_state(XOR, XOR_WEIGHTS, 0)
    for _ in range(3):
        panel.next_phase()
    new = emitted[-1][0]
    panel.set_state(XOR, Weights.from_flat(new.flat(), 2), 0)  # as the trainer hands them back
    assert panel.position_text() == "Step 1, row [0, 0], phase: update"
    panel.set_state(XOR.with_changes(alpha=0.1), new, 0)  # alpha may change live
    panel.next_phase()
    assert panel.position_text() == "Step 1, row [1, 0], phase: forward"
    assert panel.stepper().config.alpha == 0.1


def test_other_weights_or_settings_start_over_at_row_zero(panel):
    panel.set_state(XOR, XOR_WEIGHTS, 0)
    panel.next_phase()
    panel.set_state(XOR, Weights(XOR_WEIGHTS.hidden + 0.1, XOR_WEIGHTS.output), 0)
    assert panel.position_text() == "Step 1, row [0, 0], phase: forward"
    panel.next_phase()
    panel.set_state(XOR.with_changes(update_order="article"), XOR_WEIGHTS.copy(), 0)
    assert panel.position_text() == "Step 1, row [0, 0], phase: forward"
    panel.set_state(XOR, XOR_WEIGHTS, 30)
    assert panel.position_text() == "Step 31, row [0, 0], phase: forward"


def test_training_disables_stepping_with_a_note(panel):
    emitted = _record(panel)
    panel.set_state(XOR, XOR_WEIGHTS, 0)
    panel.set_enabled_for_state(states.TRAINING)
    assert not panel.can_step()
    assert "Pause training to step through the math." in panel.current_text()
    for _ in range(3):
        panel.next_phase()
    assert panel.position_text().endswith("phase: forward") and not emitted
    panel.set_enabled_for_state(states.PAUSED)
    assert panel.can_step()
    assert "Pause training" not in panel.current_text()


def test_batch_mode_cannot_be_stepped_row_by_row(panel):
    panel.set_state(XOR.with_changes(mode="batch"), XOR_WEIGHTS, 0)
    assert not panel.can_step()
    assert "Switch the mode to online" in panel.current_text()


def test_diverging_numbers_stop_the_walk_through(panel):
    emitted = _record(panel)
    config = XOR.with_changes(activation="relu", loss="cross-entropy")
    panel.set_state(config, Weights(np.full((3, 2), 1e200), np.full(3, 1e200)), 0)
    for _ in range(3):
        panel.next_phase()
    assert not emitted and not panel.can_step()
    assert "diverged" in panel.current_text()


def test_an_empty_panel_says_so(panel):
    assert panel.current_text().startswith("No network yet")
    assert not panel.can_step()


def test_next_stops_at_the_end_of_the_run_and_says_why(panel):
    config = XOR.with_changes(steps=5)
    trainer = Trainer(config)
    trainer.run()
    panel.set_enabled_for_state(states.FINISHED)
    panel.set_state(config, trainer.weights, trainer.step)
    assert not panel.can_step()
    assert "all its 5 steps" in panel.current_text()
    before = panel.stepper().weights
    panel.next_phase()  # the N key or a click that gets through anyway
    assert panel.stepper().weights.equals(before)
    assert panel.position_text().startswith("After the last step (5), row [0, 0]")


def test_the_last_step_can_be_walked_through_and_then_it_stops(panel):
    config = XOR.with_changes(steps=5)
    trainer = Trainer(config)
    trainer.advance(4)
    panel.set_enabled_for_state(states.PAUSED)
    panel.set_state(config, trainer.weights, trainer.step)
    for _ in range(4 * len(PHASES) - 1):  # every phase of the four rows of step 5
        assert panel.can_step()
        panel.next_phase()
    assert panel.stepper().steps_done == 5
    assert not panel.can_step() and "Step 5," in panel.position_text()
    panel.set_state(config.with_changes(steps=6), panel.stepper().weights, 5)  # Steps raised
    assert panel.can_step()


@pytest.mark.parametrize("three_layer", [True, False])
def test_every_line_carries_the_articles_step_number_in_the_articles_order(panel, three_layer):
    """The panel had four phases while the article numbers its steps 1-5 and 1-8; only step 6
    was ever named."""
    import re

    config, weights = (XOR, XOR_WEIGHTS) if three_layer else (AND, AND_WEIGHTS)
    texts = _phase_texts(panel, config, weights)
    numbers = []
    for phase in PHASES:
        for found in re.findall(r"Article steps? (\d)(?: and (\d))?", texts[phase]):
            numbers += [int(n) for n in found if n]
    assert numbers == (list(range(1, 9)) if three_layer else list(range(1, 6)))


def test_a_formula_wraps_only_after_an_equals_sign_a_plus_a_minus_or_a_slash(panel, qtbot):
    """In the ~300-pixel dock the formulas broke anywhere, e.g. between "(yp" and "− yt)"."""
    import re

    from gui.views.math_panel import _equation

    line = _equation("δ = (yp − yt)·f(v)", "x1w1 + x2w2 + 1·w3", "1 / (1 + e)", "0.25")
    text = line.removeprefix('<p class="f">').removesuffix("</p>")
    breakable = [k for k, c in enumerate(text) if c == " "]
    allowed = {m.start() for m in re.finditer(" = ", text)} | \
        {m.start() + 2 for m in re.finditer(" = ", text)} | \
        {k + 1 for k, c in enumerate(text) if c in "+−/" and text[:k].count("(") == text[:k].count(")")}
    assert breakable and set(breakable) <= allowed
    panel.resize(300, 600)
    panel.set_state(XOR, XOR_WEIGHTS, 0)
    assert "yp = f(v) = 1 / (1 + e" in panel.current_text()  # read back with ordinary spaces


def _formulas(panel) -> list[str]:
    return _lines(panel)


def _results(lines) -> list:
    """Each equation's result, the number after its last '=' (prose lines: None)."""
    ends = [line.rsplit(" = ", 1)[-1] for line in lines]
    return [end if " = " in line and _NUMBER.fullmatch(end) else None for line, end in zip(lines, ends)]


@pytest.mark.parametrize("phase_steps", [0, 2, 3])
def test_the_articles_notation_renames_the_symbols_and_keeps_every_number(panel, phase_steps):
    from core.teaching.notation import ARTICLE, GATELAB

    panel.set_state(XOR, XOR_WEIGHTS, 0)
    for _ in range(phase_steps):
        panel.next_phase()
    gatelab = _formulas(panel)
    panel.set_notation(ARTICLE)
    article = _formulas(panel)
    assert len(article) == len(gatelab) and _results(article) == _results(gatelab)
    assert sum(r is not None for r in _results(article)) >= 3
    text = "\n".join(article)
    assert "w(1)" not in text and "w(2)" not in text
    if phase_steps == 2:  # backward: the same gradients under the article's names
        assert "∂L/∂w(2)1 = δout·h1 = " in "\n".join(gatelab)
        assert "∂L/∂wsecond0 = δout·h0 = " in text
        assert "∂L/∂w(1)31 = δ1·1 = " in "\n".join(gatelab) and "∂L/∂wfirst20 = δ0·1 = " in text
    panel.set_notation(GATELAB)
    assert _formulas(panel) == gatelab


def test_the_two_layer_bias_weight_is_the_articles_w2_as_in_its_code(panel):
    from core.teaching.notation import ARTICLE

    panel.set_state(AND, AND_WEIGHTS, 0)
    assert any("1·w3" in line for line in _formulas(panel))
    panel.set_notation(ARTICLE)
    lines = _formulas(panel)
    assert any("1·w2" in line for line in lines) and not any("w3" in line for line in lines)


def test_the_symbol_table_maps_gatelab_the_article_and_its_code(panel):
    panel.set_state(XOR, XOR_WEIGHTS, 0)
    lines = _all_lines(panel)
    table = lines[lines.index("Symbols"):]
    for cell in ("w(1)ij, i = 1..3, j = 1..H", "w^first_ij, i = 0..2, j = 0..H-1", "w1[i][j]",
                 "delta_output", "delta_hidden", "h[2] = 1"):
        assert cell in table
