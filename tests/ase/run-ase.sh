#!/usr/bin/env bash
# The ASE calculator (python/mtpj_ase, docs/ase.md) with Debian's python3-ase and a real
# `mtpj serve`: energies, forces, per-atom energies and stress equal `mtpj calc-efs` (1e-12) on
# MLIP-2's edge cases, the study's 96-atom cell and a 768-atom MD frame; forces and stress against
# central differences; BFGS converges; 100 Verlet steps conserve energy as LAMMPS's fix nve does
# from the same start (./lmp-mtpj); bad requests; the JVM ends with Python
# (tests/ase/test_calculator.py). Then the overhead
# per call on the 96-atom cell is measured and printed (tests/ase/measure_overhead.py; no
# assertion on time). Skipped (exit 77) without a python3 that imports ase, or without the native
# LAMMPS build for the MD comparison (MTPJ_NATIVE_BUILD, as for tests/lammps); a failure in CI.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
. "$here/tests/lib/require.sh"
shared=${MTPJ_SHARED:-$(cd "$here/.." && pwd)/shared}
pot=$shared/data/amorphous-MgV2O5/pot.mtp
require_shared "$pot" "$shared/data/amorphous-MgV2O5/input1.pos" "$shared/reference/mlip2/edge_cases.cfg" \
  "$shared/reference/mlip2/dump600K_frames00-09.cfg"
# Debian's python3-ase lives in /usr/bin/python3's dist-packages; a python3 earlier on the PATH may not see it
py=
for p in ${MTPJ_PYTHON:-} python3 /usr/bin/python3; do
  if command -v "$p" > /dev/null && "$p" -c 'import ase, numpy' 2> /dev/null; then py=$p; break; fi
done
[ -n "$py" ] || require_missing NATIVE "no python3 that imports ase and numpy (Debian: apt-get install python3-ase; ./setup installs it)"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mtpj=$here/mtpj
# the structures and calc-efs's numbers for them (the reference the calculator must equal)
cp "$shared/reference/mlip2/edge_cases.cfg" "$tmp/edge.in.cfg"
"$mtpj" convert "$shared/data/amorphous-MgV2O5/input1.pos" "$tmp/cell96.in.cfg" --from lammps-data --types Mg,V,O > /dev/null
awk '{ print } /^END_CFG/ { exit }' "$shared/reference/mlip2/dump600K_frames00-09.cfg" > "$tmp/frame768.in.cfg"
for s in edge cell96 frame768; do
  "$mtpj" calc-efs "$pot" "$tmp/$s.in.cfg" "$tmp/$s.out.cfg" --site-energies --progress off 2> "$tmp/$s.err" \
    || { cat "$tmp/$s.err"; exit 1; }
done
export MTPJ="$mtpj" MTPJ_POT="$pot" MTPJ_ASE_WORK="$tmp"
# LAMMPS with pair_style mtp/java for the MD comparison, when built (else that test skips, or fails in CI)
[ -x "${MTPJ_NATIVE_BUILD:-$here/build/native}/lmp-mtpj" ] && export MTPJ_LMP="$here/lmp-mtpj"
export PYTHONPATH="$here/python:$here/tests/ase${PYTHONPATH:+:$PYTHONPATH}"
cd "$here/tests/ase"
# (the edge cases hold dimers closer than min_dist on purpose: the server warns once about them)
"$py" -m unittest -v test_calculator 2>&1 | tee "$tmp/unittest.log" || { echo "FAIL: tests/ase"; exit 1; }
"$py" measure_overhead.py "$tmp/cell96.in.cfg"
if grep -q '^OK (skipped=' "$tmp/unittest.log"; then echo "SKIP: tests/ase: some tests were skipped (above)"; exit $SKIP_EXIT; fi
echo "PASS: ASE calculator"
