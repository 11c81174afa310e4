#!/usr/bin/env bash
# Run every benchmark side by side with its bare baseline and write docs/benchmarks.md
# (about 20 minutes; set-up as for the tests: system packages, a venv, pinned dependencies).
# Extra arguments go to the benchmark runner: --quick, --only startup,idle, --out FILE, --json FILE.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
python=$("$here/bootstrap.sh" test | tail -n 1)
cd "$root"
unset DISPLAY WAYLAND_DISPLAY PULSE_SERVER
exec "$python" -m tests.benchmarks.run "$@"
