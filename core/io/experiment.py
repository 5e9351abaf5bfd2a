"""Experiment files (`.gatelab.json`): save a run, open it later, continue it exactly.

The file is strict JSON (no NaN or Infinity) with a format marker and version:

    {"format": "gatelab-experiment", "version": 2 or 3,
     "config": TrainConfig.to_dict(), "initial_weights": Weights.to_dict(),
     "weights": Weights.to_dict(), "step": int, "loss_history": [float, ...] or an encoded one,
     "outcome": null | {"reason": ..., "message": ...},
     "record": RunRecord.to_dict()}

Version 2 added "record": the run record (its start, every mid-run change and the weight
checkpoints), so any past step of an opened run can be shown exactly (docs/run_record.md).
A version 1 file opens as before; its record starts at the saved step. A record is kept only
if replaying its last segment gives the file's own weights and losses bit for bit; otherwise
the run opens with a fresh record from the saved step (the weights in the file are the
truth). Earlier segments are checked the same way, the newest first, when the run is restored
(up to a budget) or when one of their steps is shown; the record starts after the first one
that does not replay.

Version 4 is a run with an optimizer other than plain gradient descent: its config names it
("optimizer": "momentum" | "adam"; a file without one is "sgd", the article's) and

    "optimizer_state": [float, ...]

holds the optimizer's state after the weights (core.model.layout.state_layout: momentum's
velocity, or Adam's m, v and t), as the record's checkpoints do. A plain descent run is written
as before (version 2 or 3), so older GateLabs open it.

Version 5 is a run on a target function (core.model.target_function): its config holds
"gate": "function", "function" (a preset's name or the expression typed) and "grid" (samples per
side) and no "targets" (the function's values on the grid, computed again when it opens). A gate's
run is written as before, so older GateLabs open it.

Version 3 stores a loss history longer than LIST_HISTORY_MAX steps compactly (written only
then, so shorter runs stay readable by version 2):

    "loss_history": {"encoding": "delta-zlib-base64", "dtype": "float64" | "float32",
                     "count": int, "rounded": bool, "data": base64 text}

the values' bits (little-endian), each minus the one before it (modulo 2^bits), bytes
shuffled by position in blocks of HISTORY_BLOCK values, zlib-compressed, base64. float32 when
every value is one (the window's histories): exact. A float64 history that would not fit is
rounded to float32 ("rounded": true, Experiment.history_rounded).

Floats are written with Python's shortest round-trip repr, so a run saved at
step 700 and continued to 2000 equals an uninterrupted 2000-step run bit for bit.

Trust: the file is the truth for where the run is (current weights, step,
history, outcome) and for its recorded start weights; the seed is the truth for
a reset. Start weights that differ from the seed's (hand-edited, or drawn by a
different NumPy) are accepted and reported by `Experiment.initial_matches_seed`.
Keys this version does not know are ignored; missing ones are an error. Before parsing, a file
with more lists, objects or values than any run has is refused (MAX_LISTS and friends), so
memory stays near a few times the file's size.

Reading can be cancelled: the functions that read take `should_stop`, a callable polled
between pieces of work (not inside the JSON parser), and raise ReadCancelled when it is true.
"""

import base64
import binascii
import errno
import json
import math
import os
import re
import secrets
import stat
import time
import zlib
from dataclasses import dataclass, fields

import numpy as np

from core.model import layout
from core.model.config import ConfigError, TrainConfig, shown_value
from core.model.network import Weights
from core.training.run_record import OPEN_CHECK_COST, SET_STEPS, SPARSE_CHECK_COST, Cancelled, RunRecord
from core.training.states import COMPLETED, END_NAMES, STOPPED
from core.training.trainer import Outcome, Trainer, initial_weights

FORMAT = "gatelab-experiment"
VERSION = 5  # the newest read; 2 is written unless the history is encoded (3), an optimizer kept (4)
OPTIMIZER_VERSION = 4  # or the run is on a target function (5)
FUNCTION_VERSION = 5
SUFFIX = ".gatelab.json"
MAX_FILE_BYTES = 256 * 2**20  # 256 MiB
MAX_HISTORY_STEPS = MAX_FILE_BYTES // 26  # as a list: a float's repr is <= 24 characters plus ","
LIST_HISTORY_MAX = 100_000  # longer histories are written encoded (version 3)
HISTORY_ENCODING = "delta-zlib-base64"
HISTORY_BLOCK = 1 << 16  # values shuffled together
READ_PIECE = 16 * 2**20  # bytes read (or base64 characters decoded) between should_stop polls
REQUIRED_KEYS = ("config", "initial_weights", "weights", "step", "loss_history")
# What a file may hold at most, checked before it is parsed (see _check_counts). A run's file
# has a few dozen objects; its lists are a handful plus two per record checkpoint and
# change (the record's checkpoints stay under 32 MB in memory: ~110,000 with 2 hidden nodes);
# its values are one per step of loss history plus the record's, at most ~4 million.
MAX_OBJECTS = 10_000
MAX_LISTS = 2_000_000
MAX_VALUES = MAX_HISTORY_STEPS + 8_000_000
OUTCOME_REASONS = END_NAMES
MESSAGE_MAX = 1000
STALE_TEMP_S = 60  # a save's temporary file older than this was left by a killed save

# ExperimentError kinds (a GUI can translate by kind; the message is English detail).
UNREADABLE, TOO_LARGE, EMPTY, NOT_TEXT, NOT_JSON, TRUNCATED, NOT_FINITE = (
    "unreadable", "too_large", "empty", "not_text", "not_json", "truncated", "not_finite")
NOT_EXPERIMENT, NEWER_VERSION, BAD_VERSION, MISSING_KEY, BAD_CONFIG, BAD_VALUE = (
    "not_experiment", "newer_version", "bad_version", "missing_key", "bad_config", "bad_value")
UNSAVABLE, CANCELLED = "unsavable", "cancelled"


class ExperimentError(ValueError):
    """A file that cannot be opened (or a run that cannot be saved); the message names the problem."""

    def __init__(self, kind: str, message: str):
        self.kind = kind
        super().__init__(message)


class ReadCancelled(ExperimentError):
    """should_stop() said to stop reading (the window's Cancel, Ctrl+C)."""

    def __init__(self):
        super().__init__(CANCELLED, "reading was cancelled")


def _stop_if_asked(should_stop) -> None:
    if should_stop is not None and should_stop():
        raise ReadCancelled()


@dataclass(frozen=True, eq=False)  # arrays have no single truth value for ==
class Experiment:
    config: TrainConfig
    initial_weights: Weights
    weights: Weights
    step: int
    loss_history: np.ndarray  # read-only float64, one value per step
    outcome: Outcome | None = None
    record: RunRecord | None = None  # None: a version 1 file (or a record that did not check)
    history_rounded: bool = False  # the file kept its losses at float32 precision to fit
    optimizer_state: tuple = ()  # after the weights (core.model.layout.state_layout); sgd: none

    @property
    def initial_matches_seed(self) -> bool:
        """Whether the recorded start weights are the ones config.seed gives (what Reset uses)."""
        return self.initial_weights.equals(initial_weights(self.config))


# -- saving ----------------------------------------------------------------------
def experiment_of(trainer: Trainer) -> Experiment:
    """A copy of the trainer's state (read it only while no thread runs the trainer)."""
    history = trainer.history.exact_values()  # huge finite losses of a diverging run included
    history.flags.writeable = False
    return Experiment(_saved_config(trainer), trainer.initial_weights.copy(),
                      trainer.weights.copy(), trainer.step, history, trainer.outcome,
                      trainer.record, optimizer_state=trainer.optimizer_state())


def _saved_config(trainer: Trainer) -> TrainConfig:
    config = trainer.config
    if trainer.step > config.steps:  # steps was lowered below the step reached: the run did reach it
        config = config.with_changes(steps=trainer.step)
    return config


def to_json(source: "Trainer | Experiment") -> str:
    """Strict JSON text for a trainer or experiment; ExperimentError(UNSAVABLE) if it can't be saved."""
    return "".join(json_pieces(source))


def json_pieces(source: "Trainer | Experiment") -> list:
    """to_json's text in pieces (join them, or write them one by one): a long history is read
    from the trainer a block at a time and never held as one string twice. Raises
    ExperimentError(UNSAVABLE) before anything is returned."""
    if isinstance(source, Experiment):
        experiment, history, count = source, source.loss_history, len(source.loss_history)
        segment = lambda start, stop: history[start:stop]  # noqa: E731
    else:
        trainer = source
        experiment = Experiment(_saved_config(trainer), trainer.initial_weights,
                                trainer.weights, trainer.step, np.zeros(0), trainer.outcome,
                                trainer.record, optimizer_state=trainer.optimizer_state())
        count, segment = len(trainer.history), trainer.history.exact_segment
    if experiment.step != count:
        raise ExperimentError(UNSAVABLE, f"step {experiment.step} does not match the "
                              f"{count} recorded losses")
    outcome = experiment.outcome
    if outcome is not None and outcome.reason == STOPPED:
        outcome = None  # a stopped run continues when opened
    version = 2 if count <= LIST_HISTORY_MAX else 3
    document = {
        "format": FORMAT,
        "version": _version(experiment.config, version),
        "config": experiment.config.to_dict(),
        "initial_weights": experiment.initial_weights.to_dict(),
        "weights": experiment.weights.to_dict(),
        "step": experiment.step,
        "outcome": None if outcome is None else {"reason": outcome.reason, "message": outcome.message},
        "record": None if experiment.record is None else experiment.record.to_dict(),
    }
    if experiment.config.optimizer != "sgd":
        document["optimizer_state"] = [float(v) for v in experiment.optimizer_state]
    try:
        lines = [f"  {json.dumps(key)}: {_dumps(key, value)}" for key, value in document.items()]
        head = "{\n" + ",\n".join(lines) + ',\n  "loss_history": '
        if count <= LIST_HISTORY_MAX:
            history_pieces = [_dumps("loss_history", segment(0, count).tolist())]
        else:
            history_pieces = _encoded_history(segment, count, MAX_FILE_BYTES - len(head) - 3)
    except ValueError as error:  # allow_nan=False
        raise ExperimentError(UNSAVABLE, f"a value is not a finite number ({error})") from None
    pieces = [head, *history_pieces, "\n}\n"]
    if sum(map(len, pieces)) > MAX_FILE_BYTES:
        raise _too_long_to_save(count)
    return pieces


def _dumps(key, value) -> str:
    separators = (",", ":") if key in ("loss_history", "record") else (", ", ": ")
    return json.dumps(value, allow_nan=False, separators=separators)


def _too_long_to_save(steps: int) -> ExperimentError:
    return ExperimentError(UNSAVABLE, f"{steps:,} steps of loss history would make the file "
                           f"larger than {MAX_FILE_BYTES // 2**20} MB, even compressed")


def _encoded_history(segment, count: int, room: int) -> list:
    """The history as an encoded object, in pieces: exact (float32 when every value is one),
    else rounded to float32 if exact float64 would need more than `room` characters."""
    exact32 = all(_fits_float32(segment(start, min(start + HISTORY_BLOCK, count)))
                  for start in range(0, count, HISTORY_BLOCK))
    for dtype, rounded in ((("float32", False),) if exact32 else
                           (("float64", False), ("float32", True))):
        data = _encode(segment, count, np.dtype(dtype))
        head = json.dumps({"encoding": HISTORY_ENCODING, "dtype": dtype, "count": count,
                           "rounded": rounded}, separators=(",", ":"))[:-1] + ',"data":"'
        if sum(map(len, data)) + len(head) + 2 <= room:
            break
    return [head, *data, '"}']


def _fits_float32(values) -> bool:
    with np.errstate(over="ignore"):
        return bool(np.array_equal(values.astype(np.float32).astype(float), values))


def _encode(segment, count: int, dtype: np.dtype) -> list:
    """base64 pieces of the zlib stream of the values' shuffled bit deltas."""
    compressor = zlib.compressobj(6)
    width = dtype.itemsize
    previous = np.zeros(1, dtype=f"<u{width}")
    pieces, pending = [], b""
    for start in range(0, count, HISTORY_BLOCK):
        values = segment(start, min(start + HISTORY_BLOCK, count))
        if not np.isfinite(values).all():
            raise ValueError("Out of range float values are not JSON compliant")
        if dtype == np.float32:
            values = np.clip(values, -np.finfo(np.float32).max, np.finfo(np.float32).max)
        bits = np.ascontiguousarray(values, dtype=f"<f{width}").view(f"<u{width}")
        deltas = np.diff(bits, prepend=previous)  # unsigned: wraps around, as decoding expects
        previous = bits[-1:]
        pending += compressor.compress(deltas.view(np.uint8).reshape(-1, width).T.tobytes())
        whole = len(pending) - len(pending) % 3  # base64 of whole 3-byte groups joins cleanly
        if whole:
            pieces.append(base64.b64encode(pending[:whole]).decode("ascii"))
            pending = pending[whole:]
    pieces.append(base64.b64encode(pending + compressor.flush()).decode("ascii"))
    return pieces


def check_writable(path) -> None:
    """Refuses to replace a read-only file (no write permission for anyone; root could replace
    it, but the user made it read-only on purpose). PermissionError says so."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISREG(mode) and not mode & 0o222:
        raise PermissionError(errno.EACCES, "the file is read-only", os.fspath(path))


def write_atomic(path, text) -> None:
    """Writes `text` (a string, or a list of strings written one after the other) as UTF-8 to a
    temporary file next to `path`, fsyncs it and renames it over `path`: readers see the old
    file or the new one, never half of one. Raises OSError.

    The rules the window's saves follow too: a symlink is followed (its target is written, the
    link stays), a read-only file is refused, the file keeps its permissions, and temporary
    files a killed save left behind for this file are removed."""
    path = os.path.realpath(os.fspath(path))
    check_writable(path)
    folder = os.path.dirname(path)
    _remove_stale_temps(folder, os.path.basename(path))
    temp = os.path.join(folder, f".{os.path.basename(path)}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # umask applies
    try:
        with os.fdopen(descriptor, "wb") as file:
            for piece in [text] if isinstance(text, str) else text:
                file.write(piece.encode("utf-8"))
            file.flush()
            os.fsync(file.fileno())
        _keep_mode(path, temp)
        os.replace(temp, path)
    except BaseException:
        _remove_quietly(temp)
        raise
    _fsync_folder(folder)


def _remove_stale_temps(folder: str, name: str) -> None:
    """Temporary files of an earlier save of `name` that never finished (the process was
    killed while writing): only names this module makes, ".NAME.<8 hex>.tmp"."""
    pattern = re.compile(r"\." + re.escape(name) + r"\.[0-9a-f]{8}\.tmp")
    try:
        entries = os.listdir(folder)
    except OSError:
        return
    now = time.time()
    for entry in entries:
        full = os.path.join(folder, entry)
        try:  # a minute old: another save of the same file may be writing a younger one
            stale = pattern.fullmatch(entry) and now - os.stat(full).st_mtime > STALE_TEMP_S
        except OSError:
            continue
        if stale:
            _remove_quietly(full)


def _keep_mode(path, temp):
    try:
        os.chmod(temp, stat.S_IMODE(os.stat(path).st_mode))
    except FileNotFoundError:
        pass


def _remove_quietly(path):
    try:
        os.remove(path)
    except OSError:
        pass


def _fsync_folder(folder):
    """Makes the rename itself durable where the platform allows (POSIX)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def save(path, trainer: Trainer) -> None:
    """to_json + write_atomic, a piece at a time (for headless use; the GUI writes through
    QSaveFile)."""
    write_atomic(path, json_pieces(trainer))


# -- opening -------------------------------------------------------------------
def read(path, should_stop=None) -> Experiment:
    """Reads and checks an experiment file; ExperimentError names any problem (OS errors
    included); ReadCancelled if should_stop() turns true."""
    return from_json(read_text(path, should_stop), should_stop)


def read_text(path, should_stop=None) -> str:
    """A file's text, read safely: a regular file (not a FIFO), at most MAX_FILE_BYTES, UTF-8."""
    try:
        # O_NONBLOCK: opening a FIFO (or a device) must not wait forever for a writer.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(descriptor, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ExperimentError(UNREADABLE, "not a GateLab experiment: not a regular file")
            os.set_blocking(file.fileno(), True)
            if info.st_size > MAX_FILE_BYTES:
                raise _too_large()
            parts, size = [], 0
            while size <= MAX_FILE_BYTES:
                _stop_if_asked(should_stop)
                part = file.read(min(READ_PIECE, MAX_FILE_BYTES + 1 - size))
                if not part:
                    break
                parts.append(part)
                size += len(part)
            data = b"".join(parts)
            del parts
    except OSError as error:
        raise ExperimentError(UNREADABLE, f"cannot read the file: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:
        raise _too_large()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExperimentError(NOT_TEXT, "not a GateLab experiment: the file is not UTF-8 text") from None
    return text


def _too_large() -> ExperimentError:
    return ExperimentError(TOO_LARGE, f"the file is larger than {MAX_FILE_BYTES // 2**20} MB, "
                           "the most an experiment file can be")


def from_json(text: str, should_stop=None) -> Experiment:
    """Parses and checks experiment JSON; raises ExperimentError naming the first problem found."""
    return from_document(parse_checked(text, should_stop), should_stop)


def parse_checked(text: str, should_stop=None):
    """The JSON document of a file's text, after the checks any GateLab file must pass first
    (should_stop is polled before and after parsing, which cannot stop halfway)."""
    if len(text) > MAX_FILE_BYTES:
        raise _too_large()
    _check_counts(text)
    _stop_if_asked(should_stop)
    document = _parse(text)
    _stop_if_asked(should_stop)
    return document


def from_document(document, should_stop=None) -> Experiment:
    """The experiment a parsed document holds; ExperimentError names the first problem."""
    _check_header(document)
    missing = [key for key in REQUIRED_KEYS if key not in document]
    if missing:
        raise ExperimentError(MISSING_KEY, "the file is missing " + ", ".join(f'"{k}"' for k in missing))
    config = _config(document["config"])
    step = _step(document["step"], config)
    history, rounded = _history(document["loss_history"], step, should_stop)
    weights = _weights(document["weights"], "weights", config)
    optimizer_state = _optimizer_state(document.get("optimizer_state"), config)
    return Experiment(config, _weights(document["initial_weights"], "initial_weights", config),
                      weights, step, history, _outcome(document.get("outcome"), step, config),
                      _record(document.get("record"), step, history, weights, config,
                              should_stop, optimizer_state), rounded, optimizer_state)


def _optimizer_state(data, config: TrainConfig) -> tuple:
    nodes = config.hidden_nodes
    size = layout.state_size(nodes, config.optimizer) - layout.parameter_count(nodes)
    if data is None and size == 0:
        return ()
    if data is None:
        raise ExperimentError(MISSING_KEY, f'the file is missing "optimizer_state" ({config.optimizer})')
    if not isinstance(data, list) or len(data) != size:
        raise ExperimentError(BAD_VALUE, f"optimizer_state must be {size} numbers for the "
                              f"{config.optimizer} optimizer")
    return tuple(float(v) for v in _numbers(data, "optimizer_state"))


def _record(data, step: int, history, weights, config, should_stop, optimizer_state=()) -> RunRecord | None:
    if data is None:
        return None
    try:
        record = RunRecord.from_dict(data, step, should_stop)
        record.witness(history, weights, config, should_stop, optimizer_state)
    except Cancelled:
        raise ReadCancelled() from None
    except (ValueError, TypeError, OverflowError) as error:  # ConfigError is a ValueError
        raise ExperimentError(BAD_VALUE, f"record: {error}") from None
    return record


def restore_trainer(experiment: Experiment, should_stop=None,
                    budget: int | None = OPEN_CHECK_COST) -> Trainer:
    """A trainer at the experiment's step: advancing it continues the saved run exactly.

    The file's record is kept if its last segment replays (record_reproduces); then its other
    segments are checked, the newest first, up to `budget` (None: all of them; the others are
    checked when one of their steps is shown), and sparse ones are given checkpoints
    (RunRecord.check). ReadCancelled if should_stop() turns true meanwhile."""
    record = None
    if record_reproduces(experiment, should_stop):
        record = experiment.record
        record.check(should_stop, budget, SPARSE_CHECK_COST)
        _stop_if_asked(should_stop)
        if record.settings_at_end().steps != experiment.config.steps:  # raised by hand in the file
            record.changed(experiment.step, SET_STEPS, experiment.config.steps)
    return Trainer.restored(experiment.config, experiment.weights, experiment.step, experiment.loss_history,
                            initial_weights=experiment.initial_weights, outcome=experiment.outcome,
                            record=record, optimizer_state=experiment.optimizer_state)


def record_reproduces(experiment: Experiment, should_stop=None) -> bool:
    """Whether the file's record, replayed from its last checkpoint, gives the file's own
    weights, losses and settings (but for steps) at its step."""
    record = experiment.record
    if record is None:
        return False
    result = record.verify_end(should_stop)
    if result is None:
        raise ReadCancelled()
    return result


def _check_counts(text: str) -> None:
    """Refuses, before parsing, text with more lists, objects or values than any run can have:
    parsing makes a Python object of each (56 bytes for an empty list), so 150 MB of "[]" once
    took 20 s and 3.9 GB. A bracket or comma inside a string counts too, which only makes a
    real file's count larger than its structure, and a real file's strings are short."""
    for mark, most, what in (("[", MAX_LISTS, "lists"), ("{", MAX_OBJECTS, "objects"),
                             (",", MAX_VALUES, "values")):
        count = text.count(mark)
        if count > most:
            raise ExperimentError(BAD_VALUE, f"the file holds more {what} ({count:,}) than any "
                                  f"GateLab run has (at most {most:,})")


def _parse(text: str):
    if not text.strip():
        raise ExperimentError(EMPTY, "the file is empty")
    try:
        return json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float,
                          object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as error:
        if _ends_early(text, error):
            raise ExperimentError(TRUNCATED, "the file is truncated: it ends before the JSON is "
                                  "complete") from None
        raise ExperimentError(NOT_JSON, f"the file is not valid JSON: {error.msg} at line "
                              f"{error.lineno}, column {error.colno}") from None
    except (ValueError, RecursionError) as error:  # huge integer literals, absurd nesting
        if isinstance(error, ExperimentError):
            raise
        raise ExperimentError(NOT_JSON, f"the file is not valid JSON: {error}") from None


def _ends_early(text: str, error: json.JSONDecodeError) -> bool:
    """The parser ran out of text: at the very end, in an unclosed string or in a cut-off last number
    or literal."""
    rest = text[error.pos:].strip()
    if error.msg.startswith("Unterminated string"):
        return True
    return error.msg != "Extra data" and set(rest) <= set("0123456789.eE+-truefalsn")


def _reject_constant(token):
    raise ExperimentError(NOT_FINITE, f"the file contains {token}, which is not a number in strict "
                          "JSON (a NaN or infinite value cannot be restored)")


def _finite_float(token):
    value = float(token)
    if not math.isfinite(value):
        raise ExperimentError(NOT_FINITE, f"the file contains {token}, which is too large to be a "
                              "finite number")
    return value


def _unique_keys(pairs):
    document = {}
    for key, value in pairs:
        if key in document:
            raise ExperimentError(NOT_JSON, f'the file is ambiguous: the key "{key}" appears twice')
        document[key] = value
    return document


def _version(config: TrainConfig, version: int) -> int:
    """The oldest format that holds the run: a gate's plain descent file is written as before."""
    if config.is_function:
        return FUNCTION_VERSION
    return OPTIMIZER_VERSION if config.optimizer != "sgd" else version


def _check_header(document):
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ExperimentError(NOT_EXPERIMENT, 'not a GateLab experiment file: it has no '
                              f'"format": "{FORMAT}" marker')
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ExperimentError(BAD_VERSION, f"the file's format version {shown_value(version)} is not valid "
                              f"(expected a whole number; this version reads format {VERSION})")
    if version > VERSION:
        raise ExperimentError(NEWER_VERSION, f"made by a newer GateLab (format {shown_value(version)}); this "
                              f"version reads format {VERSION}")


def _config(data) -> TrainConfig:
    if isinstance(data, dict):
        # a file without an optimizer is plain descent's (every file before version 4); without a
        # function, a gate's (before version 5); a function's targets are its samples, and
        # its tolerance is written only when it is not the usual one
        optional = {"optimizer", "function", "grid", "tolerance"}
        if data.get("function") is not None:
            optional.add("targets")
        missing = [f.name for f in fields(TrainConfig) if f.name not in data and f.name not in optional]
        if missing:
            raise ExperimentError(MISSING_KEY, "the config is missing " + ", ".join(missing))
    try:
        return TrainConfig.from_dict(data)
    except ConfigError as error:
        raise ExperimentError(BAD_CONFIG, f"config: {error}") from None
    except TypeError as error:
        raise ExperimentError(BAD_CONFIG, f"config: {error}") from None


def _step(value, config) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= config.steps:
        raise ExperimentError(BAD_VALUE, f"step = {shown_value(value)} is not allowed: a whole number from 0 "
                              f"to the run's {config.steps} steps")
    return value


def _numbers(values, where: str) -> np.ndarray:
    """A list of JSON numbers (not booleans or strings) as a float64 array, all finite."""
    if not isinstance(values, list) or not set(map(type, values)) <= {float, int}:
        raise ExperimentError(BAD_VALUE, f"{where} must be a list of numbers")
    try:
        array = np.array(values, dtype=float)
    except OverflowError:
        array = np.array([math.inf])
    if not np.isfinite(array).all():
        raise ExperimentError(NOT_FINITE, f"{where} holds a value that is not a finite number")
    return array


def _history(values, step: int, should_stop=None) -> tuple[np.ndarray, bool]:
    """The loss history (a list, or encoded) as read-only float64, and whether it was rounded."""
    rounded = False
    if isinstance(values, dict):
        history, rounded = _decoded(values, step, should_stop)
    else:
        history = _numbers(values, "loss_history")
    if history.size != step:
        raise ExperimentError(BAD_VALUE, f"loss_history has {history.size} values but step is {step}: "
                              "there must be one loss per step")
    history.flags.writeable = False
    return history, rounded


def _decoded(spec: dict, step: int, should_stop) -> tuple[np.ndarray, bool]:
    """An encoded loss history (see the module's notes), decoded a piece at a time: at most
    `count` values come out whatever the data says (no decompression bomb)."""
    dtype, count, data = spec.get("dtype"), spec.get("count"), spec.get("data")
    rounded = spec.get("rounded", False)
    if spec.get("encoding") != HISTORY_ENCODING or dtype not in ("float32", "float64") or \
            not isinstance(data, str) or not isinstance(rounded, bool):
        raise ExperimentError(BAD_VALUE, f'loss_history must be a list or an object with '
                              f'"encoding": "{HISTORY_ENCODING}", "dtype" (float32 or float64), '
                              f'"count" and "data"')
    if isinstance(count, bool) or not isinstance(count, int) or count != step:
        raise ExperimentError(BAD_VALUE, f"loss_history has {shown_value(count)} values but step "
                              f"is {step}: there must be one loss per step")
    width = np.dtype(dtype).itemsize
    history = np.empty(count, dtype=float)
    decompressor = zlib.decompressobj()
    pending, done = b"", 0
    previous = np.zeros(1, dtype=f"<u{width}")
    wanted = count * width
    block = HISTORY_BLOCK * width
    piece = READ_PIECE - READ_PIECE % 4
    try:
        for start in range(0, len(data), piece):
            _stop_if_asked(should_stop)
            compressed = base64.b64decode(data[start:start + piece], validate=True)
            while True:  # a block at most at a time, so nothing is copied over and over
                room = wanted - done * width - len(pending)
                out = decompressor.decompress(compressed, min(room + 1, block - len(pending)))
                if len(out) > room:
                    raise ValueError("more values than its count")
                pending += out
                compressed = decompressor.unconsumed_tail
                if len(pending) == block or (pending and done * width + len(pending) == wanted):
                    values, previous = _unshuffled(pending, width, previous)
                    history[done:done + values.size] = values
                    done += values.size
                    pending = b""
                if not out and not compressed:
                    break
    except (binascii.Error, zlib.error, ValueError) as error:
        raise ExperimentError(BAD_VALUE, f"loss_history: the encoded data is damaged ({error})") from None
    if done != count or not decompressor.eof:
        raise ExperimentError(TRUNCATED if done < count else BAD_VALUE,
                              f"loss_history: the encoded data holds {done:,} of its {count:,} values")
    if not np.isfinite(history).all():
        raise ExperimentError(NOT_FINITE, "loss_history holds a value that is not a finite number")
    return history, rounded


def _unshuffled(data: bytes, width: int, previous: np.ndarray):
    """Values of one block: bytes back in order, deltas summed from the previous value."""
    deltas = np.frombuffer(data, dtype=np.uint8).reshape(width, -1).T.copy().view(f"<u{width}")
    bits = np.cumsum(deltas.ravel(), dtype=f"<u{width}") + previous[0]  # wraps, as written
    with np.errstate(over="ignore", invalid="ignore"):
        return bits.view(f"<f{width}").astype(float), bits[-1:]


def _weights(data, name: str, config: TrainConfig) -> Weights:
    nodes = config.hidden_nodes
    outputs = layout.output_size(nodes)
    if not isinstance(data, dict) or "hidden" not in data or "output" not in data:
        raise ExperimentError(MISSING_KEY, f'{name} must hold "hidden" and "output"')
    rows = data["hidden"]
    if not isinstance(rows, list) or len(rows) != 3 or \
            any(not isinstance(row, list) or len(row) != nodes for row in rows):
        raise ExperimentError(BAD_VALUE, f"{name}.hidden does not fit {nodes} hidden nodes: it must be "
                              f"3 rows (x1, x2, bias) of {nodes} numbers")
    hidden = np.array([_numbers(row, f"{name}.hidden") for row in rows]).reshape(3, nodes)
    output = _numbers(data["output"], f"{name}.output")
    if output.size != outputs:
        raise ExperimentError(BAD_VALUE, f"{name}.output has {output.size} numbers; a network with "
                              f"{nodes} hidden nodes needs {outputs}")
    return Weights(hidden, output)


def _outcome(data, step: int, config: TrainConfig) -> Outcome | None:
    if data is None:
        return None
    if not isinstance(data, dict) or data.get("reason") not in OUTCOME_REASONS or \
            not isinstance(data.get("message"), str) or len(data["message"]) > MESSAGE_MAX:
        raise ExperimentError(BAD_VALUE, "outcome must be null or a reason (one of "
                              f"{', '.join(OUTCOME_REASONS)}) with a message")
    reason = data["reason"]
    if reason == STOPPED or (reason == COMPLETED and step < config.steps):
        return None  # a stopped run, or one whose steps were raised in the file, continues
    return Outcome(reason, data["message"])
