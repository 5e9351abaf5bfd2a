"""The article's two runs, as settings the window's Presets menu and `train --preset` share.

Each preset brings its seed, so it gives the same run after "New seed": seed 659 with the
article's update order reproduces the article's XOR table (0.08, 0.92, 0.92, 0.07); every
seed solves AND (200 of 200 measured), so 0 is as good as any.
"""

from core.model.config import TrainConfig

PRESETS = {
    "article-and": dict(gate="and", hidden_nodes=0, alpha=0.5, steps=1000, seed=0),
    "article-xor": dict(gate="xor", hidden_nodes=2, alpha=0.5, steps=2000, seed=659,
                        update_order="article"),
}


def preset_config(name: str) -> TrainConfig:
    """A preset's settings (every other setting at its default); KeyError if unknown."""
    return TrainConfig(**PRESETS[name])
