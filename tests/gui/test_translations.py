"""The Japanese translation is complete, compiled, and keeps what code and readers rely on.

The committed `resources/i18n/gatelab_ja.ts` is compared with what pyside6-lupdate extracts from the
current gui/*/*.py, so a new tr() string without a Japanese translation fails here by name. To update:
`pyside6-lupdate gui/*/*.py -ts resources/i18n/gatelab_ja.ts`, translate, then
`pyside6-lrelease resources/i18n/gatelab_ja.ts -qm resources/i18n/gatelab_ja.qm`.
"""

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "i18n" / "gatelab_ja.ts"
QM_FILE = ROOT / "resources" / "i18n" / "gatelab_ja.qm"

# Python format fields ({0}, {0:,}, {name}) and QProgressBar's %v / %m
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%[vmp]")
MARKUP = re.compile(r"</?[A-Za-z]+|&[A-Za-z]+;")
ACCELERATOR = re.compile(r"&([A-Za-z0-9])")
ARTICLE_TERMS = ("学習率", "ステップ数", "隠れ層", "二乗誤差", "予測値", "真の値", "入力", "活性化関数",
                 "勾配降下法")


def read_ts(path: Path) -> dict:
    """{(context, source, comment): (translation text, its type attribute)} of every message."""
    messages = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            key = (name, message.findtext("source"), message.findtext("comment") or "")
            messages[key] = (translation.text or "", translation.get("type"))
    return messages


def finished(messages: dict) -> dict:
    return {key: text for key, (text, kind) in messages.items() if kind is None and text.strip()}


def lupdate_command() -> list[str]:
    found = shutil.which("pyside6-lupdate")
    if found:
        return [found]
    import PySide6

    for name in ("lupdate", "lupdate.exe"):
        binary = Path(PySide6.__file__).parent / name
        if binary.exists():
            return [str(binary)]
    pytest.fail("pyside6-lupdate not found: install PySide6-Essentials")


@pytest.fixture(scope="module")
def committed() -> dict:
    return read_ts(TS_FILE)


def test_every_gui_string_has_a_japanese_translation(tmp_path, committed):
    extracted_ts = tmp_path / "extracted.ts"
    sources = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "gui").glob("*/*.py"))]
    result = subprocess.run([*lupdate_command(), *sources, "-ts", str(extracted_ts)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    extracted = read_ts(extracted_ts)
    assert len(extracted) > 300, f"lupdate found only {len(extracted)} strings:\n{result.stdout}"
    translated = finished(committed)
    missing = [key for key in extracted if key not in translated]
    listing = "\n".join(f"  [{context}] {source!r}" for context, source, _ in missing)
    assert not missing, (
        f"{len(missing)} GUI string(s) have no finished Japanese translation in {TS_FILE.name}:\n"
        f"{listing}\nRun pyside6-lupdate, translate them, then pyside6-lrelease.")


def test_every_message_in_the_ts_file_is_finished(committed):
    unfinished = [(context, source) for key, (text, kind) in committed.items()
                  for context, source, _ in [key] if kind is not None or not text.strip()]
    assert not unfinished, f"unfinished or obsolete messages: {unfinished}"


def test_compiled_qm_matches_the_ts_file(qapp, committed):
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(QM_FILE)), f"{QM_FILE} does not load"
    stale = []
    for (context, source, comment), text in finished(committed).items():
        got = translator.translate(context, source, comment or None)
        if got != text:
            stale.append(f"  [{context}] {source!r}: .qm has {got!r}")
    assert not stale, (f"{QM_FILE.name} is stale; run pyside6-lrelease {TS_FILE.name}:\n"
                       + "\n".join(stale))


def test_translations_keep_placeholders_markup_and_accelerators(committed):
    problems = []
    for (context, source, _), (text, _kind) in committed.items():
        for pattern, what in ((PLACEHOLDER, "placeholders"), (MARKUP, "markup")):
            if sorted(pattern.findall(source)) != sorted(pattern.findall(text)):
                problems.append(f"  [{context}] {what} differ: {source!r} -> {text!r}")
        accelerator = ACCELERATOR.search(MARKUP.sub("", source))
        if accelerator and f"(&{accelerator.group(1).upper()})" not in text:
            problems.append(f"  [{context}] accelerator &{accelerator.group(1)} lost: {text!r}")
    assert not problems, "\n".join(problems)


def test_japanese_uses_the_articles_terms(committed):
    everything = "\n".join(text for text, _ in committed.values())
    absent = [term for term in ARTICLE_TERMS if term not in everything]
    assert not absent, f"the article's terms are missing from the translation: {absent}"


def test_qts_own_file_dialog_speaks_japanese_too(qapp):
    """"&Look in:" and "Files of &type:" stayed English: qtbase_ja.qm has Qt 5's texts."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    from gui.common.file_dialogs import file_dialog
    from gui.common.i18n import install_translators

    translators = install_translators(qapp, "ja")
    try:
        dialog = file_dialog(None, "x", str(ROOT), "All files (*)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert "場所:" in labels and "ファイルの種類:" in labels
        assert not any("Look in" in text or "Files of" in text for text in labels)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_every_option_value_has_a_japanese_name(qapp):
    """The Advanced options and sentences built from the settings showed English values
    ("更新方式 online、活性化関数 sigmoid")."""
    from core.model.config import ACTIVATIONS, INITS, LOSSES, MODES, UPDATE_ORDERS
    from gui.common.i18n import install_translators
    from gui.common.messages import option_name
    from gui.controls.advanced_options import AdvancedOptions

    options = [*MODES, *ACTIVATIONS, *LOSSES, *INITS, *UPDATE_ORDERS]
    translators = install_translators(qapp, "ja")
    try:
        ours = translators[0]
        untranslated = [v for v in options if not ours.translate("Messages", v)]
        assert untranslated == []
        assert option_name("squared") == "二乗誤差" and option_name("online") == "オンライン"
        panel = AdvancedOptions()
        shown = {panel._combos["loss"].itemText(i) for i in range(panel._combos["loss"].count())}
        assert shown == {"二乗誤差", "交差エントロピー"}
        assert panel.values()["loss"] == "squared"  # the value itself is unchanged
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_the_japanese_follows_the_glossary():
    """One term per concept (docs/glossary.md): the drifting ones are gone."""
    text = TS_FILE.read_text(encoding="utf-8")
    for avoided in ("初期の重み", "学習モード", "未解決", "ほぼ確実"):
        assert avoided not in text, avoided
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    for term in ("重みの初期値", "更新方式", "解けなかった", "二乗誤差", "学習率"):
        assert term in glossary and term in text, term


def test_run_names_are_in_the_users_language(qapp):
    from core.model.config import TrainConfig
    from gui.common.i18n import install_translators
    from gui.run.session import RunSession

    translators = install_translators(qapp, "ja")
    try:
        session = RunSession(TrainConfig(seed=4, loss="cross-entropy"), use_engine=False)
        expected = "1: XOR、隠れ層 2、学習率 0.5、シード 4、教科書の順序、交差エントロピー"
        assert session.run_infos()[0].name == expected
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_the_japanese_follows_the_articles_words_and_one_width_of_brackets():
    """The article writes 閾値; option names appear as the boxes show them (not online:,
    'textbook'); brackets around Japanese text are full-width, never mixed with half-width."""
    cjk = re.compile(r"\(([^()]*[\u3040-\u30ff\u4e00-\u9fff][^()]*)\)")  # half-width ( and )
    english_values = re.compile(r"^(online|batch|squared|cross-entropy|uniform|xavier|textbook|article):")
    for (context, source, _), (text, _) in read_ts(TS_FILE).items():
        where = f"{context}: {source!r} -> {text!r}"
        assert "しきい値" not in text, where
        assert not english_values.search(text) and ". batch:" not in text, where
        assert "'textbook'" not in text and "'article'" not in text, where
        assert not cjk.search(text), where
        assert "最終の損失" not in text and "たぶん" not in text, where
