#!/usr/bin/env bash
# Run AcuMat from this checkout: sets everything up on first use, then starts the app.
# Any arguments go to `acumat` (e.g. --minimized, status --json).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
python=$("$here/bootstrap.sh" runtime | tail -n 1)
exec "$(dirname "$python")/acumat" "$@"
