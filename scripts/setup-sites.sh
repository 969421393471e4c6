#!/usr/bin/env bash
# The static-site generators of the recipe tests (tests/browser/sites.test.mjs,
# docs/embedding.md), apart from scripts/setup.sh because only these tests
# need them: Hugo from Debian, MkDocs and pymdown-extensions from PyPI in a
# virtual environment under target/sites-venv. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hugo >/dev/null; then
  apt-get install -y -qq hugo >/dev/null
fi
venv=target/sites-venv
if [ ! -x "$venv/bin/mkdocs" ] || ! "$venv/bin/python" -c "import pymdownx" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "mkdocs>=1.6,<2" "pymdown-extensions>=10,<11"
fi
