# Sourced by .ci/run and .ci/refresh-pins. The Pythons that pyproject.toml accepts and CI knows.
CI_PYTHON_VERSIONS="3.10 3.11 3.12 3.13"
CI_OLDEST=3.10
CI_NEWEST=3.13

# Prints the path of an interpreter for version X.Y (on PATH, or under pyenv), or fails.
find_python() {
  local version="$1" candidate
  for candidate in "python$version" /root/.pyenv/versions/"$version".*/bin/python \
                   "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$version".*/bin/python; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       [ "$("$candidate" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" = "$version" ]; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}
