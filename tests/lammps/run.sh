#!/usr/bin/env bash
# End-to-end tests of the LAMMPS bridge with Debian's real LAMMPS: builds the native part if
# needed (scripts/setup-lammps: apt packages, Debian source headers, CMake), then runs the JUnit
# tests of java/lammps, which start ./lmp-mtpj, mpirun, Java-host mode and the plugin check.
# MTPJ_REQUIRE_NATIVE=1 is set, so a missing native build fails instead of skipping.
# Options: --slow (also the 2000-step NVE drift test, ~1-2 min CPU); --plugin (also build a
# PLUGIN-enabled LAMMPS, scripts/setup-lammps --plugin-lammps, and test real 'plugin load'; the
# test runs whenever build/lammps-plugin/lmp exists).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
plugin=0
for a in "$@"; do
  case "$a" in
    --slow) export MTPJ_SLOW_TESTS=1 ;;
    --plugin) plugin=1 ;;
    *) echo "run.sh: unknown option $a" >&2; exit 2 ;;
  esac
done
if [ ! -x "$here/build/native/lmp-mtpj" ] || [ ! -f "$here/third_party/lammps-src/src/version.h" ]; then
  "$here/scripts/setup-lammps"
fi
[ $plugin = 1 ] && "$here/scripts/setup-lammps" --plugin-lammps --no-build
if [ -x "$here/build/lammps-plugin/lmp" ] && [ -z "${MTPJ_PLUGIN_LMP:-}" ]; then
  export MTPJ_PLUGIN_LMP="$here/build/lammps-plugin/lmp"
fi
export MTPJ_REQUIRE_NATIVE=1
exec "$here/scripts/mvn" -Dmtpj.out="${MTPJ_OUT:-target-lammps}" -pl java/lammps -am test \
  -Dtest='org/mtpj/lammps/**/*Test' -Dsurefire.failIfNoSpecifiedTests=false
