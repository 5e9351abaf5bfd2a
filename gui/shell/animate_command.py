"""`gatelab animate RUN_FILE --out FILE.gif`: an experiment or session file's run as an
animated GIF, without the main window.

The 3D view needs OpenGL, so a display (under a server, `xvfb-run`); without OpenGL, without any
display, or with QT_QPA_PLATFORM=offscreen, the 2D map is drawn instead, and a note says so. Every choice and
the file are checked before a frame is drawn: a bad one exits 2 with one line.
"""

import os
import sys

from core.cli.cli_args import OneLineParser
from core.cli.inspect_cli import experiment_of
from core.io.animation import FRAMES_MAX, FRAMES_MIN, VIEWS, AnimationError, parse_size, plan_animation
from core.io.experiment import ExperimentError, restore_trainer

PROG = "gatelab animate"


def animate_parser() -> OneLineParser:
    parser = OneLineParser(prog=PROG, description="Write a saved run as an animated GIF, from its "
                                                  "first step to its saved step.")
    parser.add_argument("file", help="an experiment (.gatelab.json) or session file")
    parser.add_argument("--out", required=True, metavar="FILE.gif", help="the GIF to write")
    parser.add_argument("--frames", type=int, default=100,
                        help=f"frames, spread evenly over the run ({FRAMES_MIN} to {FRAMES_MAX}; "
                             "default 100)")
    parser.add_argument("--size", default="800x600", metavar="WxH", help="pixels (default 800x600)")
    parser.add_argument("--view", choices=VIEWS, default="both",
                        help="the 3D surface, the loss curve with a moving "
                             "dot, or both side by side (default)")
    parser.add_argument("--seconds", type=float, metavar="S",
                        help="the animation's length (default: 10 frames a second)")
    parser.add_argument("--run", type=int, metavar="K", help="in a session file, run K (from 1)")
    parser.add_argument("--turn", action="store_true",
                        help="turn the 3D view a quarter turn as it learns, ending on the saved camera")
    parser.add_argument("--lang", choices=("en", "ja"), default="en", help="language of the caption")
    parser.add_argument("--no-caption", action="store_true",
                        help="no caption band (gate, hidden nodes, alpha, seed, step, loss)")
    return parser


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 2


def run_animate(argv) -> int:
    parser = animate_parser()
    args = parser.parse_args(argv)
    if not args.out.lower().endswith(".gif"):
        parser.error(f"--out names a .gif file, not {args.out!r}")
    if os.path.isdir(args.out):
        parser.error(f"--out {args.out!r} is a folder, not a file")
    folder = os.path.dirname(os.path.abspath(args.out))
    if not os.path.isdir(folder) or not os.access(folder, os.W_OK):
        parser.error(f"cannot write in {folder} (no such folder, or no permission)")
    try:
        size = parse_size(args.size)
        trainer = restore_trainer(experiment_of(args.file, args.run))
        plan = plan_animation(trainer.record.start_step, trainer.step, args.frames, size,
                              args.view, args.seconds, args.turn)
    except ExperimentError as error:
        return _fail(f"refused {args.file}: {error}")
    except (AnimationError, ValueError) as error:
        return _fail(str(error))
    return _write(trainer, plan, args)


def _write(trainer, plan, args) -> int:
    from gui.shell.app import leave_now, make_application

    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM") and \
            not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no display at all: the 2D map, said below

    app = make_application()
    from core.io.animation import frame_snapshots
    from gui.common.i18n import install_translators
    from gui.common.messages import slide_caption
    from gui.files.animation_writer import AnimationWriter
    from gui.views.animation_stage import AnimationStage

    app._translators = install_translators(app, args.lang)
    stage = AnimationStage()
    stage.setWindowTitle("GateLab: animate")
    stage.show()  # the writer waits until the window system has shown it (OpenGL needs that)
    if not stage.is_3d:
        print(f"{PROG}: note: {stage.output.reason}; the 2D map is drawn instead of the 3D view",
              file=sys.stderr)
    # The 3D view's markers (the 2D map writes yt and yp), with the caption only.
    legend = stage.output.marker_key() if not args.no_caption else []
    writer = AnimationWriter(stage, plan, frame_snapshots(trainer, plan), args.out,
                             (lambda _s: "") if args.no_caption else slide_caption, legend)
    error = writer.run_to_end()
    stage.close()
    if error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return leave_now(1)
    print(f"wrote {args.out}: {writer.total} frames, {plan.width} x {plan.height}, "
          f"{writer.written_bytes / 1024:,.0f} KB, in {writer.seconds:.1f} s")
    return leave_now(0)
