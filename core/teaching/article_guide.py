"""The article guide: for each section of the article, the settings that show it in GateLab
and the view to look at (the window's Help > Follow the article; its words are the window's,
translated there).

Sections follow the article's order and carry its headings, so a reader can find them.
"""

from dataclasses import dataclass

from core.model.config import TrainConfig
from core.model.presets import preset_config

# What a section brings forward (the window maps these to its views).
DIAGRAM, MATH, RESULTS, HIDDEN = "diagram", "math", "results", "hidden"


@dataclass(frozen=True)
class GuideSection:
    key: str
    heading: str  # the article's heading, as it is written there
    preset: str  # core.model.presets: the article's run, seed included
    show: str  # DIAGRAM, MATH, RESULTS or HIDDEN
    train: bool  # train the whole run at once (to see its end)
    compare_order: bool = False  # also open it beside the other update order

    def config(self) -> TrainConfig:
        return preset_config(self.preset)


SECTIONS = (
    GuideSection("idea", "3層ニューラルネットワークのアイデア", "article-and", DIAGRAM, False),
    GuideSection("two_layer", "まずは2層のニューラルネットから", "article-and", MATH, False),
    GuideSection("two_layer_code", "2層のニューラルネットワークの実装", "article-and", RESULTS, True),
    GuideSection("three_layer", "3層ニューラルネットワーク", "article-xor", MATH, False),
    GuideSection("three_layer_code", "3層のニューラルネットワークの実装", "article-xor", HIDDEN, True,
                 compare_order=True),
)


def section(key: str) -> GuideSection:
    """The section named `key`; KeyError if there is none."""
    for candidate in SECTIONS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)
