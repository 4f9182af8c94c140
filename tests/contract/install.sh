#!/usr/bin/env bash
# Installs the pinned schemathesis into .data/contract-venv (a Python virtual environment of the
# project's own); does nothing when that environment already holds exactly requirements.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.data/contract-venv
requirements=tests/contract/requirements.txt
stamp="$venv/requirements.txt"
if [ -x "$venv/bin/st" ] && cmp -s "$requirements" "$stamp"; then exit 0; fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check --requirement "$requirements"
cp "$requirements" "$stamp"
