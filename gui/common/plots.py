"""Shared set-up of pyqtgraph plots."""


def fixed_plot(plot, square: bool = True) -> None:
    """A plot that shows one fixed picture (a map, a hidden space, a landscape): nothing to
    pan or zoom, no buttons or menu; square keeps one unit the same length on both axes."""
    if square:
        plot.setAspectLocked(True)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setMenuEnabled(False)
    set_scene_menu(plot)


def set_scene_menu(plot, actions=()) -> None:
    """What a right-click anywhere in `plot`'s scene adds after the clicked item's own entries:
    `actions` (the app's own exports), instead of pyqtgraph's "Export...". Its Export window
    bypasses GateLab's checked, atomic exports, raises on some formats, and outlives the window
    it came from. plot: a PlotWidget, a PlotItem in a scene, or any pyqtgraph GraphicsView."""
    scene = plot.scene()
    # GraphicsScene.getContextMenus hands out this list to every item's context menu.
    scene.contextMenu = list(actions)
