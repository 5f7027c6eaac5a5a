#!/usr/bin/env bash
# Speed of pair_style mtp/java in the real LAMMPS on the 768-atom study cell (MLIP-2's reference
# NVE input, 100 steps): LAMMPS's "Pair" time in us/atom-step for threads 1 and 2 (and np 2 with
# --mpi), the Java start time, and mtpj's own profile (MTPJ_PROFILE=1: kernel / gather / scatter,
# first 10 steps apart). Then the same with extrapolation control (mlip.ini select TRUE against a
# level-16 neighbourhood state made by `mtpj calc-grade` from the ten MLIP-2 reference frames):
# its Pair time, the grading overhead (Pair with select minus Pair without) in us/atom-step and
# as a share of the Pair time without, and the grader's own split (rows / b A^-1).
# Needs the shared study data ($MTPJ_SHARED or ../shared) and a built
# native part (scripts/setup-lammps). Prints the machine load: numbers on a busy machine are
# upper bounds. Usage: tests/lammps/bench.sh [--mpi] [--no-select] [STEPS]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
shared="${MTPJ_SHARED:-$here/../shared}"
mpi=0; steps=100; select=1
for a in "$@"; do case "$a" in --mpi) mpi=1 ;; --no-select) select=0 ;; *) steps=$a ;; esac; done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp "$shared/reference/lammps-mlip2/in.nve768" "$shared/data/amorphous-MgV2O5/input1.pos" "$shared/data/amorphous-MgV2O5/pot.mtp" "$tmp/"
printf 'mtp-filename pot.mtp\ncalculate-efs TRUE\n' > "$tmp/mlip.ini"
sed -i "s/^run .*/run $steps/; /^dump/d" "$tmp/in.nve768"
echo "load: $(uptime | sed 's/.*load average: //')"
declare -A pair_us
run() { # label, threads, launcher... (mlip.ini: $ini, default plain evaluation)
  local label=$1 threads=$2; shift 2
  cp "$tmp/${ini:-mlip.ini}" "$tmp/mlip.run.ini"
  sed "s/^pair_style .*/pair_style mlip mlip.run.ini threads $threads/" "$tmp/in.nve768" > "$tmp/in.run"
  (cd "$tmp" && MTPJ_PROFILE=1 "$@" -in in.run -log "log.$label" -screen none 2> "prof.$label" >/dev/null)
  local pair atoms
  pair=$(awk '/^Pair /{print $5}' "$tmp/log.$label")
  atoms=$(awk '/^Loop time/{print $(NF-1)}' "$tmp/log.$label")
  pair_us[$label]=$(echo "$pair / $steps / $atoms * 1000000" | bc -l)
  printf '%-10s Pair %8.2f us/atom-step (%s s for %s steps x %s atoms); %s\n' "$label" \
    "${pair_us[$label]}" "$pair" "$steps" "$atoms" "$(grep -h 'Java ready' "$tmp/log.$label" | head -1)"
  sed 's/^/           /' "$tmp/prof.$label"
}
overhead() { # label with select, label without [cpu: also in CPU time, meaningful with threads 1]
  printf '%-10s grading overhead %6.2f us/atom-step = %5.1f %% of Pair without select (target <= 25 %%)\n' "$1" \
    "$(echo "${pair_us[$1]} - ${pair_us[$2]}" | bc -l)" "$(echo "100 * (${pair_us[$1]} - ${pair_us[$2]}) / ${pair_us[$2]}" | bc -l)"
  # in CPU time of LAMMPS's thread (all the work with threads 1; a busy machine does not inflate it):
  # upcall with select (its rows included) - upcall without + the products after it
  [ "${3:-}" = cpu ] || return 0
  local p0 p1 g
  p0=$(sed -n 's/.*LAMMPS thread CPU \([0-9.]*\).*/\1/p' "$tmp/prof.$2")
  p1=$(sed -n 's/.*LAMMPS thread CPU \([0-9.]*\).*/\1/p' "$tmp/prof.$1")
  g=$(sed -n "s/.*CPU of LAMMPS's thread in b A^-1 \([0-9.]*\).*/\1/p" "$tmp/prof.$1")
  [ -n "$p0" ] && [ -n "$p1" ] && [ -n "$g" ] && printf '%-10s in CPU of LAMMPS'"'"'s thread: %.2f us/atom-step (rows %.2f + b A^-1 %.2f) = %.1f %% of the upcall'"'"'s %.2f without select\n' \
    "$1" "$(echo "$p1 - $p0 + $g" | bc -l)" "$(echo "$p1 - $p0" | bc -l)" "$g" "$(echo "100 * ($p1 - $p0 + $g) / $p0" | bc -l)" "$p0"
  return 0
}
run threads1 1 "$here/lmp-mtpj"
run threads2 2 "$here/lmp-mtpj"
[ $mpi = 1 ] && run np2 1 mpirun --allow-run-as-root -np 2 "$here/lmp-mtpj"
if [ $select = 1 ]; then
  cp "$shared/reference/mlip2/dump600K_frames00-09.cfg" "$tmp/train.cfg"
  (cd "$tmp" && "$here/mtpj" calc-grade pot.mtp train.cfg train.cfg graded.cfg --nbh-weight=1 --energy-weight=0 \
    --als-filename state.als > calc-grade.out)
  printf 'mtp-filename pot.mtp\ncalculate-efs TRUE\nselect TRUE\nselect:threshold 2.1\nselect:load-state state.als\n' > "$tmp/select.ini"
  ini=select.ini run select1 1 "$here/lmp-mtpj"
  overhead select1 threads1 cpu
  ini=select.ini run select2 2 "$here/lmp-mtpj"
  overhead select2 threads2
fi
echo "load: $(uptime | sed 's/.*load average: //')"
