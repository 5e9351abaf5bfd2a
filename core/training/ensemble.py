"""Many seeds at once: K independent networks trained together, vectorised over the seed axis.

Network k starts from `initial_weights(config.with_changes(seed=first_seed + k))` and follows
the single `Trainer`'s algorithm, both written once in core.model.step: online mode updates
after every row, batch mode once per step; both update orders, every activation and loss,
H = 0..64. A network that diverges keeps its last finite state and its step; with a target
loss a network stops at the step that reached it.

Speed comes from few NumPy calls, not big ones (docs/design.md): all K networks' states (their
weights, then the optimizer's state: core.model.layout.state_layout) sit in one (state x K)
array, and each row of the truth table is ~35 in-place ufunc calls over it, the
step's definition traced into NumPy code (core.model.step.array_program).
Divergence and the target loss are rare events, so instead of checking every step the ensemble
keeps each chunk's starting weights and replays only the flagged networks step by step.
Per-step losses are not kept for every network: quantile curves (10/50/90 %) are recorded at
up to `curve_points` steps. Up to `LOOP_MAX` networks in online mode, running the single
trainer's compiled kernel per network is faster than array calls, and gives identical results.

Exactness: the vectorised path evaluates the same expressions in the same order as the single
trainer, so results agree to ~1e-12 relative; they are not bit-identical only because NumPy's
SIMD exp and tanh round about 5 % of arguments one ulp differently from Python's math module.
Where the dynamics are chaotic (e.g. alpha 50 with ReLU) such an ulp grows like any other.
"""

import math
import time
from dataclasses import dataclass, replace
from statistics import NormalDist

import numpy as np

from core.model import step
from core.model.config import SEED_MAX, ConfigError, TrainConfig, _integer
from core.model.gates import ROWS, rows_met
from core.model.layout import layout, state_size
from core.model.network import Weights
from core.model.start import initial_columns
from core.model.target_function import TOLERANCE, within
from core.training.history import trend_window
from core.training.kernels import DIVERGED, TARGET_REACHED, online_kernel
from core.training.states import End
from core.training.stepping import kernel_rows

COUNT_MAX = 65_536
QUANTILES = (0.1, 0.5, 0.9)
CURVE_POINTS = 500  # steps at which the quantile curves are recorded
LOOP_MAX = 32  # online runs up to this many networks use the per-network kernel
BLOCK_ELEMENTS = 1 << 16  # hidden nodes x networks per vectorised block (cache-sized)
# and in batch mode a buffer's rows x hidden nodes x networks: a function's grid is traced a line
# at a time (21 rows on 21 x 21), so 16 hidden nodes take up to 195 networks a block. On a 21 x 21 grid
# with 16 nodes, blocks of 48 to 390 networks ran within 5 % of each other, and of 780 8 % slower
GRID_ELEMENTS = 1 << 16
BLOCK_MIN = 16  # networks: narrower blocks spend their time in NumPy's per-call overhead
LOSS_BUFFER = 1 << 22  # chunk steps x networks of per-step losses held at once (32 MB)
CHUNK_SECONDS = 0.04  # training time between progress reports and stop polls

# Each seed's end, as a code in an int8 array.
RUNNING, COMPLETED, DIVERGED_CODE, TARGET_CODE, STOPPED_CODE = (
    int(End.NONE), int(End.COMPLETED), int(End.DIVERGED), int(End.TARGET_LOSS), int(End.STOPPED))
OUTCOMES = ("running", "completed", "diverged", "target_loss", "stopped")

_QUIET = dict(over="ignore", invalid="ignore", divide="ignore", under="ignore")


def check_seeds(count, first_seed) -> tuple[int, int]:
    """Validates a seed range; raises ConfigError naming the bad value."""
    count = _integer("count", count, 1, COUNT_MAX)
    first_seed = _integer("first_seed", first_seed, 0, SEED_MAX)
    if first_seed + count - 1 > SEED_MAX:
        raise ConfigError("first_seed", first_seed, f"so that first_seed + count - 1 <= {SEED_MAX}")
    return count, first_seed


# -- initial weights -------------------------------------------------------------------------
def parameter_count(hidden_nodes: int) -> int:
    return layout(hidden_nodes).size


def draw_initial_params(config: TrainConfig, seeds, should_stop=None) -> np.ndarray | None:
    """(parameters x K) initial weights, column k == initial_weights(seed k).flat().

    One generator per seed (the single trainer's stream); None if stopped while drawing.
    """
    return initial_columns(config, seeds, should_stop)


# -- the vectorised networks -----------------------------------------------------------------
class _Workspace:
    """The traced step's code for one setting, and buffers shared by the blocks, which run one
    after another."""

    def __init__(self, config: TrainConfig):
        self.config = config
        self._buffers: dict[tuple, list] = {}
        self._start = np.empty((state_size(config.hidden_nodes, config.optimizer), 0))

    def program(self, kind: str) -> step.ArrayProgram:
        c = self.config
        optimizer = c.optimizer if kind != step.EVALUATE else step.SGD  # an evaluation reads the weights
        return step.array_program(kind, c.hidden_nodes, c.activation, c.loss, c.update_order == "article",
                                  tuple(c.targets), optimizer, c.points)

    def buffers(self, kind: str, width: int) -> list:
        if (kind, width) not in self._buffers:
            if len(self._buffers) >= 4:  # widths change as networks stop: keep a few
                self._buffers.clear()
            self._buffers[kind, width] = self.program(kind).allocate(width)
        return self._buffers[kind, width]

    def start(self, width: int) -> np.ndarray:
        if self._start.shape[1] < width:
            self._start = np.empty((self._start.shape[0], width))
        return self._start[:, :width]


def _paired(array: np.ndarray) -> np.ndarray:
    """A lone network's column beside a copy of itself. NumPy sums a long axis of one column
    pairwise, and of two or more columns row after row, so one network alone would round its
    sums over hidden nodes and rows differently from the same network in a block."""
    return array if array.shape[1] != 1 else np.repeat(array, 2, axis=1)


class _VectorBlock:
    """Up to BLOCK_ELEMENTS / H networks (fewer on a grid: GRID_ELEMENTS) as the columns of one
    parameter array, trained by the step's definition traced into NumPy code
    (core.model.step.array_program)."""

    def __init__(self, config: TrainConfig, params: np.ndarray, index: np.ndarray,
                 workspace: _Workspace | None = None):
        self.config = config
        self.index = index  # global network numbers of the columns
        self._workspace = workspace or _Workspace(config)
        self.params = np.array(params, dtype=float, order="C")
        self.start = None  # the last chunk's starting weights, for replays

    @property
    def size(self) -> int:
        return self.params.shape[1]

    def keep(self, mask):
        self.index = self.index[mask]
        self.params = np.ascontiguousarray(self.params[:, mask])
        self.start = None

    def run(self, count: int, losses: np.ndarray) -> None:
        """count steps; losses[i] receives every network's loss of step i."""
        self.start = self._workspace.start(self.size)
        np.copyto(self.start, self.params)
        kind = step.BATCH if self.config.mode == "batch" else step.ONLINE
        program = self._workspace.program(kind)
        params, out = _paired(self.params), _paired(losses)
        with np.errstate(**_QUIET):
            program.run(params, self._workspace.buffers(kind, params.shape[1]), out, count,
                        self.config.alpha)
        if params is not self.params:
            self.params[:] = params[:, :1]
            losses[:] = out[:, :1]

    def evaluate(self, total) -> np.ndarray:
        """Summed loss of the current weights into total; returns the 4 x K predictions."""
        params = _paired(self.params)
        predictions = np.empty((len(self.config.points), params.shape[1]))
        summed = _paired(total[None])[0]
        with np.errstate(**_QUIET):
            self._workspace.program(step.EVALUATE).run(
                params, self._workspace.buffers(step.EVALUATE, params.shape[1]), predictions, summed)
        if params is not self.params:
            total[:] = summed[:1]
        return predictions[:, :self.size]

    # -- events ------------------------------------------------------------------------------
    def flagged(self, losses: np.ndarray) -> np.ndarray:
        """Networks that may have diverged or reached the target loss in the last chunk."""
        with np.errstate(**_QUIET):
            check = np.add.reduce(self.params, axis=0)
            check += np.add.reduce(losses, axis=0)
            flags = ~np.isfinite(check)
            target = self.config.target_loss
            if target is not None and losses.shape[0]:
                flags |= np.minimum.reduce(losses, axis=0) < target
        return flags

    def replay(self, columns, count, losses):
        """Re-runs flagged columns from the chunk start, one checked step at a time.

        Returns [(column, params, steps recorded, outcome code)] for networks that stopped.
        """
        sub = _VectorBlock(self.config, self.start[:, columns], columns)  # its own workspace
        one = np.empty((1, len(columns)))
        alive = np.ones(len(columns), dtype=bool)
        events = []
        target = self.config.target_loss
        for i in range(count):
            before = sub.params.copy()
            sub.run(1, one)
            ok = np.isfinite(one[0]) & np.isfinite(sub.params).all(axis=0)
            for j in np.flatnonzero(alive & ~ok):
                events.append((columns[j], before[:, j], i, DIVERGED_CODE))
            alive &= ok
            if target is not None:
                for j in np.flatnonzero(alive & (one[0] < target)):
                    events.append((columns[j], sub.params[:, j].copy(), i + 1, TARGET_CODE))
                    alive[j] = False
            if not alive.any():
                break
        for column, _, recorded, _ in events:
            losses[recorded:, column] = np.nan
        return events


class _LoopBlock:
    """A few networks, each run by the single trainer's compiled per-row kernel."""

    def __init__(self, config: TrainConfig, params: np.ndarray, index: np.ndarray):
        self.config = config
        self.index = index
        self._weights = [[float(w) for w in column] for column in params.T]  # each one's state
        self._kernel = online_kernel(config.hidden_nodes, config.activation, config.loss,
                                     config.update_order == "article", config.optimizer)
        self._rows = kernel_rows(config.targets, config.points)
        self._status: list = []

    @property
    def size(self) -> int:
        return len(self._weights)

    @property
    def params(self) -> np.ndarray:
        columns = np.array(self._weights, dtype=float).reshape(self.size, -1)
        return columns.T

    def keep(self, mask):
        self.index = self.index[mask]
        self._weights = [w for w, k in zip(self._weights, mask) if k]

    def run(self, count: int, losses: np.ndarray) -> None:
        c = self.config
        target = c.target_loss if c.target_loss is not None else -math.inf
        self._status = []
        for j, weights in enumerate(self._weights):
            out: list[float] = []
            status = self._kernel(weights, c.alpha, self._rows, count, target, out)
            losses[: len(out), j] = out
            losses[len(out):, j] = np.nan
            self._status.append((status, len(out)))

    def flagged(self, losses) -> np.ndarray:
        return np.array([status in (DIVERGED, TARGET_REACHED) for status, _ in self._status], bool)

    def replay(self, columns, count, losses):
        codes = {DIVERGED: DIVERGED_CODE, TARGET_REACHED: TARGET_CODE}
        return [(j, np.array(self._weights[j]), self._status[j][1], codes[self._status[j][0]])
                for j in columns]


# -- results -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class EnsembleResult:
    """Every network's end state, plus the loss quantile curves over the run."""

    config: TrainConfig  # the shared settings; its seed field is not used
    seeds: np.ndarray  # (K,) the seed of each network
    weights: np.ndarray  # (K, parameters) in Weights.flat() order
    steps_run: np.ndarray  # (K,) steps recorded per network
    outcomes: np.ndarray  # (K,) codes into OUTCOMES
    predictions: np.ndarray  # (K, 4)
    final_loss: np.ndarray  # (K,) summed loss of the final weights
    solved: np.ndarray  # (K,) bool, core.model.gates.is_solved
    curve_steps: np.ndarray  # (n,) step numbers (1-based) where the quantiles were recorded
    curve: np.ndarray  # (len(quantiles), n) loss quantiles over the networks still running
    quantiles: tuple
    steps_done: int  # steps the ensemble ran: config.steps unless cancelled
    cancelled: bool
    # (2, K) each network's mean loss over the two last windows of trend_window(steps) steps,
    # older first (core.views.diagnosis); NaN where unknown (cancelled, or ended before them)
    trend: np.ndarray
    kinds: tuple | None = None  # (K,) each network's diagnosis kind, once diagnosed (else None)

    @property
    def count(self) -> int:
        return int(self.seeds.size)

    def weights_of(self, k: int) -> Weights:
        return Weights.from_flat(self.weights[k], self.config.hidden_nodes)

    def outcome_of(self, k: int) -> str:
        return OUTCOMES[self.outcomes[k]]


class Ensemble:
    """K networks (seeds first_seed .. first_seed + K - 1) trained together."""

    def __init__(self, config: TrainConfig, count: int, first_seed: int = 0, *, params=None,
                 engine: str = "auto", curve_points: int = CURVE_POINTS):
        count, first_seed = check_seeds(count, first_seed)
        self.config = config
        self.seeds = np.arange(first_seed, first_seed + count, dtype=np.int64)
        if params is None:
            params = draw_initial_params(config, self.seeds)
        # Each network's state: its weights, then its optimizer's, which starts at zero; final
        # states land here as networks stop.
        self.params = np.zeros((state_size(config.hidden_nodes, config.optimizer), count))
        self.params[:len(params)] = params
        self.steps_run = np.zeros(count, dtype=np.int64)
        self.outcomes = np.full(count, RUNNING, dtype=np.int8)
        self.step = 0
        self.cancelled = False
        self._stride = max(1, math.ceil(config.steps / max(1, curve_points)))
        self._curve_steps: list[int] = []
        self._curve: list[np.ndarray] = []
        self._blocks = self._make_blocks(engine)
        self._losses = np.empty((max(1, min(config.steps, LOSS_BUFFER // count)), count))
        self._trend_window = trend_window(config.steps)
        self._trend_sums = np.zeros((2, count))

    def _make_blocks(self, engine):
        count = self.seeds.size
        if engine == "auto":
            engine = "loop" if self.config.mode == "online" and count <= LOOP_MAX else "vector"
        if engine == "loop" and self.config.mode != "online":
            raise ValueError("the per-network loop runs online mode only")
        hidden = max(1, self.config.hidden_nodes)
        width = max(1, BLOCK_ELEMENTS // hidden)
        if self.config.mode == "batch" and self.config.points != ROWS:  # buffers of a grid's line x H
            rows = step.buffer_rows(self.config.points)
            width = min(width, max(BLOCK_MIN, GRID_ELEMENTS // (hidden * rows)))
        index = np.arange(count)
        if engine == "loop":
            return [_LoopBlock(self.config, self.params, index)]
        workspace = _Workspace(self.config)
        # as few blocks as the width allows, of equal sizes: a narrow last block (49 networks
        # after five of 195) pays NumPy's per-call overhead on a quarter of the elements
        cuts = [count * k // -(-count // width) for k in range(-(-count // width) + 1)]
        return [_VectorBlock(self.config, self.params[:, i:j], index[i:j], workspace)
                for i, j in zip(cuts, cuts[1:])]

    @property
    def active(self) -> int:
        return sum(block.size for block in self._blocks)

    @property
    def finished(self) -> bool:
        return self.step >= self.config.steps or self.active == 0 or self.cancelled

    @property
    def max_chunk(self) -> int:
        return self._losses.shape[0]

    def advance(self, count: int) -> int:
        """Runs up to `count` steps of every running network; returns the steps run."""
        count = min(count, self.config.steps - self.step, self.max_chunk)
        if count <= 0 or self.active == 0:
            return 0
        losses = self._losses[:count, : self.active]
        offset = 0
        for block in self._blocks:
            width = block.size
            part = losses[:, offset:offset + width]
            block.run(count, part)
            self._add_trend(block.index, part)  # before _settle: the columns are block.index
            self._settle(block, count, part)  # may drop networks from the block
            offset += width
        self._record_curve(losses)
        self._blocks = [block for block in self._blocks if block.size]
        self.step += count
        return count

    def _settle(self, block, count, losses):
        """Finds networks that diverged or met the target, stores their end, drops them."""
        columns = np.flatnonzero(block.flagged(losses))
        if not columns.size:
            return
        events = block.replay(columns, count, losses)
        if not events:
            return
        keep = np.ones(block.size, dtype=bool)
        for column, params, recorded, code in events:
            k = block.index[column]
            self.params[:, k] = params
            self.steps_run[k] = self.step + recorded
            self.outcomes[k] = code
            keep[column] = False
        block.keep(keep)

    def _add_trend(self, index, losses):
        window, end = self._trend_window, self.config.steps
        if not window:
            return
        steps = np.arange(self.step + 1, self.step + losses.shape[0] + 1)
        for k, (after, upto) in enumerate(((end - 2 * window, end - window), (end - window, end))):
            rows = (steps > after) & (steps <= upto)
            if rows.any():
                with np.errstate(**_QUIET):
                    self._trend_sums[k, index] += losses[rows].sum(axis=0)

    def _record_curve(self, losses):
        steps = np.arange(self.step + 1, self.step + losses.shape[0] + 1)
        wanted = ((steps - 1) % self._stride == 0) | (steps == self.config.steps)
        if not wanted.any():
            return
        rows = losses[wanted]
        with np.errstate(**_QUIET):
            if np.isnan(rows).any():
                values = np.array([_quantiles(row[~np.isnan(row)]) for row in rows]).T
            else:
                values = np.quantile(rows, QUANTILES, axis=1)
        self._curve_steps.extend(steps[wanted].tolist())
        self._curve.append(values)

    def run(self, on_progress=None, should_stop=None) -> EnsembleResult:
        """Trains to the end in chunks of ~CHUNK_SECONDS; on_progress(done, total) after each,
        should_stop() polled between them."""
        chunk = 1
        total = self.config.steps
        if on_progress is not None:
            on_progress(self.step, total)
        while not self.finished:
            if should_stop is not None and should_stop():
                self.cancelled = True
                break
            started = time.perf_counter()
            ran = self.advance(chunk)
            elapsed = time.perf_counter() - started
            if ran == chunk:
                chunk = max(1, min(2 * chunk, int(chunk * CHUNK_SECONDS / max(elapsed, 1e-6))))
            if on_progress is not None:
                on_progress(self.step, total)
        return self.result()

    def result(self) -> EnsembleResult:
        """The current state as a result; networks still running end as completed or stopped."""
        params, steps_run, outcomes = self.params.copy(), self.steps_run.copy(), self.outcomes.copy()
        if self.step >= self.config.steps:
            end = COMPLETED
        else:
            end = STOPPED_CODE if self.cancelled else RUNNING
        for block in self._blocks:
            params[:, block.index] = block.params
            steps_run[block.index] = self.step
            outcomes[block.index] = end
        params = params[:parameter_count(self.config.hidden_nodes)]
        weights = np.ascontiguousarray(params.T)
        predictions, final_loss = evaluate(self.config, params)
        curve = np.concatenate(self._curve, axis=1) if self._curve else np.zeros((len(QUANTILES), 0))
        trend = self._trend_sums / max(1, self._trend_window)
        trend[:, steps_run < self.config.steps] = np.nan  # its windows are not complete
        if not self._trend_window:
            trend[:] = np.nan
        return EnsembleResult(
            config=self.config, seeds=self.seeds.copy(), weights=weights, steps_run=steps_run,
            outcomes=outcomes, predictions=predictions, final_loss=final_loss,
            solved=solved_flags(predictions, self.config.targets, self.config.is_function,
                                self.config.tolerance),
            curve_steps=np.array(self._curve_steps, dtype=np.int64), curve=curve,
            quantiles=QUANTILES, steps_done=self.step, cancelled=self.cancelled, trend=trend)


def _quantiles(values):
    if not values.size:
        return np.full(len(QUANTILES), np.nan)
    return np.quantile(values, QUANTILES)


def run_ensemble(config: TrainConfig, count: int, first_seed: int = 0, on_progress=None,
                 should_stop=None, **options) -> EnsembleResult | None:
    """Draws and trains K networks; None if stopped while the initial weights were drawn."""
    count, first_seed = check_seeds(count, first_seed)
    seeds = np.arange(first_seed, first_seed + count)
    params = draw_initial_params(config, seeds, should_stop)
    if params is None:
        return None
    ensemble = Ensemble(config, count, first_seed, params=params, **options)
    return ensemble.run(on_progress, should_stop)


# -- evaluation of final weights --------------------------------------------------------------
def evaluate(config: TrainConfig, params: np.ndarray, width: int = 4096):
    """Predictions (K x rows) and the step's losses (K,) of (parameters x K) weights."""
    count = params.shape[1]
    predictions, losses = np.empty((count, len(config.points))), np.empty(count)
    for start in range(0, count, width):
        part = np.ascontiguousarray(params[:, start:start + width])
        block = _VectorBlock(config.with_changes(mode="batch"), part, np.arange(part.shape[1]))
        predictions[start:start + width] = block.evaluate(losses[start:start + width]).T
    return predictions, losses


def solved_flags(predictions: np.ndarray, targets, function: bool = False,
                 tolerance: float = TOLERANCE) -> np.ndarray:
    """core.model.gates.is_solved for every row of predictions (K x 4); for a function, every
    sample within `tolerance` (K x rows)."""
    met = within(predictions, targets, tolerance) if function else rows_met(predictions, targets)
    return met.all(axis=1)


def judged_by(result: EnsembleResult, tolerance: float) -> EnsembleResult:
    """A function's result judged by another tolerance: the same networks, weights and
    predictions, each one's solved flag found again (its diagnosis is to be made again:
    core.views.diagnosis.with_kinds)."""
    config = result.config.with_changes(tolerance=tolerance)
    solved = solved_flags(result.predictions, config.targets, config.is_function, config.tolerance)
    return replace(result, config=config, solved=solved, kinds=None)


# -- summary -----------------------------------------------------------------------------------
Z_95 = NormalDist().inv_cdf(0.975)


def wilson_interval(successes: int, count: int, z: float = Z_95) -> tuple[float, float]:
    """Wilson score interval for a binomial proportion (95 % by default)."""
    if count <= 0:
        return 0.0, 1.0
    p = successes / count
    z2 = z * z
    denominator = 1.0 + z2 / count
    centre = (p + z2 / (2 * count)) / denominator
    half = z / denominator * math.sqrt(p * (1.0 - p) / count + z2 / (4 * count * count))
    low = 0.0 if successes <= 0 else max(0.0, centre - half)  # exact ends, not rounding residue
    high = 1.0 if successes >= count else min(1.0, centre + half)
    return low, high


@dataclass(frozen=True)
class Summary:
    count: int
    solved_count: int
    fraction: float
    interval: tuple  # 95 % Wilson score interval of the fraction solved
    diverged_count: int
    loss_quantiles: dict  # quantile -> final loss (finite losses only)
    histogram_counts: np.ndarray
    histogram_edges: np.ndarray
    failed_seeds: np.ndarray


def summarize(result: EnsembleResult, bins: int = 30) -> Summary:
    solved = int(result.solved.sum())
    finite = result.final_loss[np.isfinite(result.final_loss)]
    top = float(finite.max()) if finite.size else 1.0
    counts, edges = np.histogram(finite, bins=bins, range=(0.0, top if top > 0 else 1.0))
    quantiles = {q: float(np.quantile(finite, q)) for q in (0.1, 0.25, 0.5, 0.75, 0.9)} \
        if finite.size else {}
    return Summary(
        count=result.count, solved_count=solved, fraction=solved / result.count,
        interval=wilson_interval(solved, result.count),
        diverged_count=int((result.outcomes == DIVERGED_CODE).sum()),
        loss_quantiles=quantiles, histogram_counts=counts, histogram_edges=edges,
        failed_seeds=result.seeds[~result.solved])
