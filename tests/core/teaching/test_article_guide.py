"""core.teaching.article_guide: one entry per section of the article, in its order, each with
the article's run (seed included) and the view to look at."""

import pytest

from core.model.presets import preset_config
from core.teaching.article_guide import DIAGRAM, HIDDEN, MATH, RESULTS, SECTIONS, section
from core.training.trainer import Trainer


def test_the_sections_follow_the_articles_headings_in_order():
    headings = [s.heading for s in SECTIONS]
    assert headings == ["3層ニューラルネットワークのアイデア", "まずは2層のニューラルネットから",
                        "2層のニューラルネットワークの実装", "3層ニューラルネットワーク",
                        "3層のニューラルネットワークの実装"]
    assert {s.show for s in SECTIONS} == {DIAGRAM, MATH, RESULTS, HIDDEN}


def test_each_section_sets_up_the_articles_run():
    for entry in SECTIONS:
        assert entry.config() == preset_config(entry.preset)
    assert section("two_layer").config().hidden_nodes == 0
    assert section("three_layer_code").config().update_order == "article"
    with pytest.raises(KeyError):
        section("nope")


def test_the_three_layer_code_section_gives_the_articles_printed_table():
    run = Trainer(section("three_layer_code").config())
    run.run()
    assert [f"{p:.2f}" for p in run.predictions()] == ["0.08", "0.92", "0.92", "0.07"]
