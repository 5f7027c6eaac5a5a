# Sourced by the tests/*/run-*.sh scripts: the shell side of org.mtpj.testkit.Required.
# require_missing KIND MESSAGE: a required program or file is missing. Locally the script is
# skipped (exit 77, which ./run-tests counts as skipped, not passed); it FAILS (exit 1) when the
# run is strict: CI=true, or MTPJ_REQUIRE_<KIND>=1 (KIND = NATIVE for programs and build outputs,
# SHARED for ../shared). .ci/run sets them all.
SKIP_EXIT=77
# CI set to anything but empty, false or 0 (CI=true in this project's CI).
in_ci() { case "${CI:-}" in ''|false|0) return 1 ;; *) return 0 ;; esac; }
# is_strict KIND: a missing KIND is a failure in this run (CI, or MTPJ_REQUIRE_<KIND>=1), not a skip.
is_strict() { local switch="MTPJ_REQUIRE_$1"; in_ci || [ "${!switch:-0}" = 1 ]; }
require_missing() {
  local kind=$1 msg=$2 switch="MTPJ_REQUIRE_$1"
  if is_strict "$kind"; then
    echo "FAIL: $msg (a failure, not a skip, because CI=true or $switch=1)" >&2; exit 1
  fi
  echo "SKIP: $msg"; exit $SKIP_EXIT
}
# require_tool NAME: NAME on the PATH.
require_tool() { command -v "$1" > /dev/null || require_missing NATIVE "program '$1' not on the PATH (./setup installs it)"; }
# require_file PATH HOW: a file of the machine or the build.
require_file() { [ -e "$1" ] || require_missing NATIVE "$1 not found ($2)"; }
# require_shared PATH...: files below ../shared.
require_shared() { local f; for f in "$@"; do [ -e "$f" ] || require_missing SHARED "$f not found (set MTPJ_SHARED to the shared folder)"; done; }
