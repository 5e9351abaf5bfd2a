"""Session files (`.gatelab.json` too): several runs in one file, reopened with all of them.

    {"format": "gatelab-session", "version": 1, "current": index of the run shown,
     "runs": [{"name": null | str, "branched_from": null | [index of its origin, step],
               "experiment": an experiment document (core.io.experiment, format 2)}, ...]}

A single-run experiment file opens as a session of one run, so the window reads either.
Each run is checked as an experiment file is; a bad run refuses the whole file, naming it.
"""

import json
from dataclasses import dataclass

from core.io import experiment as ex
from core.io.experiment import Experiment, ExperimentError
from core.model.config import shown_value

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


@dataclass(frozen=True, eq=False)
class Session:
    runs: list  # [SessionRun]
    current: int
    single: bool = False  # read from a single-run experiment file


def to_json(trainers: list, current: int, names: dict | None = None) -> str:
    """Strict JSON for several runs; names maps a run's index to the name the user gave."""
    names = names or {}
    if len(trainers) > RUNS_MAX:
        raise ExperimentError(ex.UNSAVABLE, f"a session file holds at most {RUNS_MAX} runs; "
                              f"these are {len(trainers)}: delete some first")
    index_of = {trainer.run_id: k for k, trainer in enumerate(trainers)}
    runs = []
    for k, trainer in enumerate(trainers):
        origin = trainer.branched_from
        branched = None
        if origin is not None and origin[0] in index_of:
            branched = [index_of[origin[0]], origin[1]]
        document = json.loads(ex.to_json(trainer))  # each run's own checks, once
        runs.append({"name": names.get(k), "branched_from": branched, "experiment": document})
    session = {"format": FORMAT, "version": VERSION, "current": current, "runs": runs}
    text = json.dumps(session, allow_nan=False, separators=(",", ":"))
    if len(text) > ex.MAX_FILE_BYTES:
        raise ExperimentError(ex.UNSAVABLE, f"these runs together would make the file larger "
                              f"than {ex.MAX_FILE_BYTES // 2**20} MB")
    return text + "\n"


def read(path) -> Session:
    """A session file, or an experiment file as a session of one run; ExperimentError if refused."""
    document = ex.parse_checked(ex.read_text(path))
    if isinstance(document, dict) and document.get("format") == FORMAT:
        return _session(document)
    return Session([SessionRun(ex.from_document(document), None, None)], 0, single=True)


def restore(session: Session) -> list:
    """Trainers for the session's runs, with their branches linked (in file order)."""
    trainers = [ex.restore_trainer(run.experiment) for run in session.runs]
    for run, trainer in zip(session.runs, trainers):
        if run.branched_from is not None:
            origin, step = run.branched_from
            trainer.branched_from = (trainers[origin].run_id, step)
    return trainers


def _session(document) -> Session:
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
            experiment = ex.from_document(entry["experiment"])
        except ExperimentError as error:
            raise ExperimentError(error.kind, f"run {k + 1}: {error}") from None
        name = entry.get("name")
        if name is not None and (not isinstance(name, str) or len(name) > NAME_MAX):
            raise ExperimentError(ex.BAD_VALUE, f"run {k + 1}: its name must be text of at most "
                                  f"{NAME_MAX} characters")
        read_runs.append(SessionRun(experiment, name, _origin(entry.get("branched_from"), k,
                                                             experiment)))
    return Session(read_runs, current)


def _origin(value, k: int, experiment: Experiment):
    if value is None:
        return None
    if not (isinstance(value, list) and len(value) == 2 and all(
            isinstance(v, int) and not isinstance(v, bool) for v in value)) or \
            not 0 <= value[0] < k or not 0 <= value[1] <= experiment.step:
        raise ExperimentError(ex.BAD_VALUE, f"run {k + 1}: \"branched_from\" must be [an earlier "
                              "run's index, a step of this run]")
    return value[0], value[1]

