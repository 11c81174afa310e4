#!/usr/bin/env bash
# Run the whole test suite: lint, types, architecture contracts, unit, UI and end-to-end tests
# (a private Xvfb, trayer, D-Bus and PulseAudio are started by the tests themselves).
# Extra arguments go to pytest (e.g. -k tray, -m "not e2e").
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
python=$("$here/bootstrap.sh" test | tail -n 1)
bin=$(dirname "$python")
cd "$root"
echo "== ruff";         "$bin/ruff" check . && "$bin/ruff" format --check .
echo "== mypy";         "$bin/mypy"
echo "== import-linter"; "$bin/lint-imports"
echo "== translations"; "$python" packaging/tools/update_translations.py --check
echo "== pytest"
unset DISPLAY WAYLAND_DISPLAY PULSE_SERVER
exec "$python" -m pytest "$@"
