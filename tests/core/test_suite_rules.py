"""The suite's own rules hold whatever pytest version is installed."""

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: pytest brings tomli
    import tomli as tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFTEST = ROOT / "tests" / "conftest.py"


def _run(pytester, test_source):
    pytester.makeconftest(CONFTEST.read_text(encoding="utf-8"))
    pytester.makeini("[pytest]\nfilterwarnings = error\n")
    pytester.makepyfile(test_source)
    return pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:xvfb")


def test_an_iterator_as_parametrize_values_fails_collection(pytester):
    result = _run(pytester, """
import itertools, pytest
@pytest.mark.parametrize("a, b", itertools.product((1, 2), (3, 4)))
def test_pair(a, b):
    assert a < b
""")
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*parametrize values are a one-shot product*"])


def test_lists_and_ranges_as_parametrize_values_are_fine(pytester):
    result = _run(pytester, """
import itertools, pytest
@pytest.mark.parametrize("a, b", list(itertools.product((1, 2), (3, 4))))
@pytest.mark.parametrize("c", range(2))
def test_pair(a, b, c):
    assert a < b
""")
    assert result.ret == 0
    result.assert_outcomes(passed=8)


def test_a_deprecation_warning_while_collecting_a_module_fails_the_run(pytester):
    result = _run(pytester, """
import warnings
warnings.warn("old API", DeprecationWarning)
def test_nothing_else():
    assert True
""")
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*DeprecationWarning: old API*"])


def test_the_project_turns_every_warning_into_an_error():
    options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    assert options["filterwarnings"] == ["error"]
