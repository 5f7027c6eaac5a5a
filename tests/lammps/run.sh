#!/usr/bin/env bash
# End-to-end tests of the LAMMPS bridge with real LAMMPS, each integration test on both versions:
# Debian's 29 Sep 2021 packages and 4 Feb 2025 built from source. Builds what is missing
# (scripts/setup-lammps: apt packages, Debian source headers, CMake; scripts/setup-lammps --modern:
# ~13 min CPU once), then runs the JUnit tests of java/lammps, which start ./lmp-mtpj, mpirun,
# Java-host mode and the plugin. MTPJ_REQUIRE_NATIVE=1 is set, so a missing build fails instead of
# skipping.
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
# the bridge and the LAMMPS it runs (its plain lmp is tested too): either missing means a rebuild
if [ ! -x "$here/build/native-modern/lmp-mtpj" ] || [ ! -x "$here/build/lammps-modern/bin/lmp" ]; then
  "$here/scripts/setup-lammps" --modern
fi
[ $plugin = 1 ] && "$here/scripts/setup-lammps" --plugin-lammps --no-build
if [ -x "$here/build/lammps-plugin/lmp" ] && [ -z "${MTPJ_PLUGIN_LMP:-}" ]; then
  export MTPJ_PLUGIN_LMP="$here/build/lammps-plugin/lmp"
fi
export MTPJ_REQUIRE_NATIVE=1
exec "$here/scripts/mvn" -Dmtpj.out="${MTPJ_OUT:-target-lammps}" -pl java/lammps -am test \
  -Dtest='org/mtpj/lammps/**/*Test' -Dsurefire.failIfNoSpecifiedTests=false
