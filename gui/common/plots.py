"""Shared set-up of pyqtgraph plots."""


def fixed_plot(plot, square: bool = True) -> None:
    """A plot that shows one fixed picture (a map, a hidden space, a landscape): nothing to
    pan or zoom, no buttons or menu; square keeps one unit the same length on both axes."""
    if square:
        plot.setAspectLocked(True)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setMenuEnabled(False)
