"""Session files (`.gatelab.json` too): several runs in one file, reopened with all of them.

    {"format": "gatelab-session", "version": 1, "current": index of the run shown,
     "runs": [{"name": null | str, "branched_from": null | [index of its origin, step],
               "experiment": an experiment document (core.io.experiment, format 2 or 3)}, ...]}

A single-run experiment file opens as a session of one run, so the window reads either.
Each run is checked as an experiment file is; a bad run refuses the whole file, naming it.
A branch link is kept only if the branch shares its origin's settings (but alpha and steps),
start weights, losses and checkpoints up to the branch step; otherwise the run opens on its
own and SessionRun.note says why. Writing can leave out a run that cannot be written and keep
the others (to_json's left_out).
"""

import json
from dataclasses import dataclass

import numpy as np

from core.io import experiment as ex
from core.io.experiment import Experiment, ExperimentError, ReadCancelled
from core.model.config import shown_value, trains_alike

FORMAT = "gatelab-session"
VERSION = 1
NAME_MAX = 120
# A window's session keeps 20 runs, and any number more with unsaved progress (it never drops
# those): a session file holds them all, up to this many.
RUNS_MAX = 200


@dataclass(frozen=True, eq=False)
class SessionRun:
    experiment: Experiment
    name: str | None
    branched_from: tuple[int, int] | None  # (index of the run it came from, step)
    note: str | None = None  # why a branch link in the file was not kept


@dataclass(frozen=True, eq=False)
class Session:
    runs: list  # [SessionRun]
    current: int
    single: bool = False  # read from a single-run experiment file

    @property
    def notes(self) -> list:
        """What the window should tell about the file's runs (dropped branch links)."""
        return [run.note for run in self.runs if run.note]


def to_json(trainers: list, current: int, names: dict | None = None,
            left_out: list | None = None) -> str:
    """Strict JSON for several runs; names maps a run's index to the name the user gave.

    left_out None: any run that cannot be written refuses the whole file (ExperimentError).
    A list: such runs are left out and the others written; each left out is appended as
    (its index, why), the largest first if together they are too large for a file. Refused
    only if no run can be written."""
    return "".join(json_pieces(trainers, current, names, left_out))


def json_pieces(trainers: list, current: int, names: dict | None = None,
                left_out: list | None = None) -> list:
    """to_json's text in pieces (core.io.experiment.write_atomic writes them one by one)."""
    names = names or {}
    texts = {}
    for k, trainer in enumerate(trainers):
        try:
            texts[k] = [ex.to_json(trainer)]  # each run's own checks, once
        except ExperimentError as error:
            if left_out is None:
                raise
            left_out.append((k, str(error)))
    sizes = {k: sum(map(len, pieces)) + 200 for k, pieces in texts.items()}
    kept = sorted(texts)
    too_large = f"these runs together would make the file larger than {ex.MAX_FILE_BYTES // 2**20} MB"
    too_many = f"a session file holds at most {RUNS_MAX} runs"
    if len(kept) > RUNS_MAX:  # a file that could not be opened again must not be written
        if left_out is None:
            raise ExperimentError(ex.UNSAVABLE, f"{too_many}; these are {len(trainers)}: delete some first")
        spare = [k for k in kept if k != current][:len(kept) - RUNS_MAX]  # the oldest go
        left_out.extend((k, too_many) for k in spare)
        kept = [k for k in kept if k not in spare]
    while kept and sum(sizes[k] for k in kept) > ex.MAX_FILE_BYTES:
        if left_out is None:
            raise ExperimentError(ex.UNSAVABLE, too_large)
        largest = max(kept, key=sizes.get)
        left_out.append((largest, too_large))
        kept.remove(largest)
    if not kept:
        raise ExperimentError(ex.UNSAVABLE, "no run could be written: " + left_out[0][1])
    index_of = {trainers[k].run_id: i for i, k in enumerate(kept)}
    shown = kept.index(current) if current in kept else 0
    pieces = [f'{{"format":"{FORMAT}","version":{VERSION},"current":{shown},"runs":[']
    for i, k in enumerate(kept):
        origin = trainers[k].branched_from
        branched = None
        if origin is not None and index_of.get(origin[0], i) < i:  # an earlier run it keeps
            branched = [index_of[origin[0]], origin[1]]
        head = json.dumps({"name": names.get(k), "branched_from": branched},
                          separators=(",", ":"))[:-1] + ',"experiment":'
        pieces += [("," if i else "") + head, *texts[k], "}"]
    pieces.append("]}\n")
    return pieces


def read(path, should_stop=None) -> Session:
    """A session file, or an experiment file as a session of one run; ExperimentError if
    refused, ReadCancelled if should_stop() turns true meanwhile."""
    document = ex.parse_checked(ex.read_text(path, should_stop), should_stop)
    if isinstance(document, dict) and document.get("format") == FORMAT:
        return _session(document, should_stop)
    return Session([SessionRun(ex.from_document(document, should_stop), None, None)], 0, single=True)


def restore(session: Session, should_stop=None) -> list:
    """Trainers for the session's runs, with their branches linked (in file order); each run's
    record is checked as core.io.experiment.restore_trainer does."""
    trainers = [ex.restore_trainer(run.experiment, should_stop) for run in session.runs]
    for run, trainer in zip(session.runs, trainers):
        if run.branched_from is not None:
            origin, step = run.branched_from
            trainer.set_branched_from((trainers[origin].run_id, step))
    return trainers


def _session(document, should_stop=None) -> Session:
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ExperimentError(ex.BAD_VERSION, f"the session file's version {shown_value(version)} "
                              f"is not valid (this GateLab reads version {VERSION})")
    if version > VERSION:
        raise ExperimentError(ex.NEWER_VERSION, f"made by a newer GateLab (session version "
                              f"{shown_value(version)}); this version reads version {VERSION}")
    runs = document.get("runs")
    if not isinstance(runs, list) or not 1 <= len(runs) <= RUNS_MAX:
        raise ExperimentError(ex.BAD_VALUE, f"a session file holds 1 to {RUNS_MAX} runs in \"runs\"")
    current = document.get("current")
    if isinstance(current, bool) or not isinstance(current, int) or not 0 <= current < len(runs):
        raise ExperimentError(ex.BAD_VALUE, f"\"current\" must be the index of one of the "
                              f"{len(runs)} runs")
    read_runs = []
    for k, entry in enumerate(runs):
        if not isinstance(entry, dict) or "experiment" not in entry:
            raise ExperimentError(ex.MISSING_KEY, f"run {k + 1} has no \"experiment\"")
        try:
            experiment = ex.from_document(entry["experiment"], should_stop)
        except ReadCancelled:
            raise
        except ExperimentError as error:
            raise ExperimentError(error.kind, f"run {k + 1}: {error}") from None
        name = entry.get("name")
        if name is not None and (not isinstance(name, str) or len(name) > NAME_MAX):
            raise ExperimentError(ex.BAD_VALUE, f"run {k + 1}: its name must be text of at most "
                                  f"{NAME_MAX} characters")
        read_runs.append(SessionRun(experiment, name, _origin(entry.get("branched_from"), k,
                                                             experiment)))
    for k, run in enumerate(read_runs):
        if run.branched_from is not None:
            origin, step = run.branched_from
            problem = branch_problem(read_runs[origin].experiment, run.experiment, step)
            if problem:
                read_runs[k] = SessionRun(run.experiment, run.name, None,
                                          f"run {k + 1} is shown on its own, not as a branch of "
                                          f"run {origin + 1}: {problem}")
    return Session(read_runs, current)


def branch_problem(origin: Experiment, branch: Experiment, step: int) -> str | None:
    """Why `branch` cannot be a run that branched off `origin` at `step` (None: it can): it
    must share its settings but alpha and steps (and those that only judge or stop a run:
    JUDGE_FIELDS), start weights, losses before the step, and the checkpoints both records hold
    up to it."""
    if step > origin.step:
        return f"it branches at step {step:,}, after that run's last step ({origin.step:,})"
    if not trains_alike(branch.config, origin.config, "alpha", "steps"):
        return "its settings differ from that run's (other than alpha, steps and how it is judged)"
    if not branch.initial_weights.equals(origin.initial_weights):
        return "its initial weights differ from that run's"
    if not np.array_equal(branch.loss_history[:step], origin.loss_history[:step]):
        return f"its losses up to step {step:,} differ from that run's"
    if origin.record is not None and branch.record is not None:
        mine, theirs = branch.record.checkpoints_up_to(step), origin.record.checkpoints_up_to(step)
        if any(not np.array_equal(flat, theirs[at]) for at, flat in mine.items() if at in theirs):
            return f"its weights before step {step:,} differ from that run's"
    return None


def _origin(value, k: int, experiment: Experiment):
    if value is None:
        return None
    if not (isinstance(value, list) and len(value) == 2 and all(
            isinstance(v, int) and not isinstance(v, bool) for v in value)) or \
            not 0 <= value[0] < k or not 0 <= value[1] <= experiment.step:
        raise ExperimentError(ex.BAD_VALUE, f"run {k + 1}: \"branched_from\" must be [an earlier "
                              "run's index, a step of this run]")
    return value[0], value[1]

