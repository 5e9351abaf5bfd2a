"""DockRefresh: when the dock views draw the step shown.

At rest every dock view draws each snapshot; while a run trains, one shown view per
DOCK_INTERVAL_S in turn, so no single frame carries all of their repaints (each repaint
costs the window a frame: bench/gui_responsiveness.py --views all). A dock that comes into
view draws the last snapshot at once.
"""

import time

from core.training import states

DOCK_INTERVAL_S = 0.05


class DockRefresh:
    def __init__(self, views: dict, docks: dict):
        """views: key -> a view with update_from(snapshot); docks: key -> its QDockWidget."""
        self._views = views
        self._docks = docks
        self._updated = 0.0
        self._turn = 0
        self._last = None
        for key, view in views.items():
            docks[key].visibilityChanged.connect(
                lambda shown, v=view: shown and self._last is not None and v.update_from(self._last))

    def update_from(self, snapshot, new_run: bool) -> None:
        self._last = snapshot
        if snapshot.state != states.TRAINING or new_run:
            for view in self._views.values():
                view.update_from(snapshot)
            return
        now = time.monotonic()
        if now - self._updated < DOCK_INTERVAL_S:
            return
        shown = [key for key in self._views
                 if self._docks[key].isVisible() and not self._docks[key].visibleRegion().isEmpty()]
        if shown:
            self._updated = now
            self._turn = (self._turn + 1) % len(shown)
            self._views[shown[self._turn]].update_from(snapshot)
