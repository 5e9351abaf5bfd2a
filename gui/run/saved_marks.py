"""SavedMarks: which runs of the session a file holds as they are now.

Each run's progress mark (core.training.progress) is kept from when it was last saved or
opened, with the file that holds it; a run whose mark has moved on since has unsaved
progress. A session file's runs are marked as such: the session never trims them from its
list, since Save writes that file again from it.
"""

from core.training.progress import is_fresh, progress_mark


class SavedMarks:
    def __init__(self):
        self._marks: dict[int, tuple | None] = {}  # run_id -> its progress mark when last saved
        self._held_in: dict[int, str] = {}  # run_id -> the file that holds it as marked
        self._in_session_file: set[int] = set()  # runs a session file holds

    def remember(self, run) -> None:
        """A run new to the session: one made from its settings has nothing to lose yet; a
        branch, or any run that arrives with progress, has all of it unsaved."""
        if run.run_id not in self._marks:
            self._marks[run.run_id] = progress_mark(run) if is_fresh(run) else None

    def is_unsaved(self, run, name: str | None) -> bool:
        """Whether `run` (named `name` by the user, or None) has progress no file holds."""
        if name is None and is_fresh(run):
            return False
        return progress_mark(run, name) != self._marks.get(run.run_id)

    def file_holding(self, run, name: str | None) -> str | None:
        """The file that holds `run` as it is now (its path as marked), or None."""
        path = self._held_in.get(run.run_id)
        return None if path is None or self.is_unsaved(run, name) else path

    def in_session_file(self, run_id: int) -> bool:
        return run_id in self._in_session_file

    def mark_saved(self, runs, names: dict, path: str | None = None, session: bool = False) -> None:
        """These runs (names: the user's, by run_id) were just written to the file `path`, or
        read from it, as they are now (session: a session file). Other runs that file held are
        no longer in it: they are unsaved again."""
        ids = {run.run_id for run in runs}
        if path is not None:
            for run_id, held_in in list(self._held_in.items()):
                if held_in == path and run_id not in ids:
                    self._marks[run_id] = None
                    del self._held_in[run_id]
                    self._in_session_file.discard(run_id)
        if session:
            self._in_session_file = set(ids)
        for run in runs:
            self._marks[run.run_id] = progress_mark(run, names.get(run.run_id))
            if path is not None:
                self._held_in[run.run_id] = path

    def forget(self, run_id: int) -> None:
        self._marks.pop(run_id, None)
        self._held_in.pop(run_id, None)
        self._in_session_file.discard(run_id)

    def clear(self) -> None:
        """Every run is replaced (a session file opened)."""
        self._marks, self._held_in = {}, {}
