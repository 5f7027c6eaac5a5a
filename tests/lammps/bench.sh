#!/usr/bin/env bash
# Speed of pair_style mtp/java in the real LAMMPS on the 768-atom study cell (MLIP-2's reference
# NVE input, 100 steps): LAMMPS's "Pair" time in us/atom-step for threads 1 and 2 (and np 2 with
# --mpi), the Java start time, and mtpj's own profile (MTPJ_PROFILE=1: kernel / gather / scatter,
# first 10 steps apart). Then the same with extrapolation control (mlip.ini select TRUE against a
# level-16 neighbourhood state made by `mtpj calc-grade` from the ten MLIP-2 reference frames):
# its Pair time, the grading overhead (Pair with select minus Pair without) in us/atom-step and
# as a share of the Pair time without, and the grader's own split (rows / b A^-1).
# Needs the shared study data ($MTPJ_SHARED or ../shared) and a built native part
# (scripts/setup-lammps). Prints the machine load: numbers on a busy machine are upper bounds.
#   tests/lammps/bench.sh [--mpi] [--no-select] [STEPS]   ./lmp-mtpj (Debian's LAMMPS + launcher)
#   tests/lammps/bench.sh --lammps PATH [--plugin SO] [--mpi] [STEPS]
# --lammps PATH: side by side, every MTP pair style the lmp at PATH has, on the same input: its own
# 'mtp' (ML-MTP) and 'mlip' (MLIP-2's interface) when 'PATH -h' lists them, and mtpj's mtp/java
# through 'plugin load SO' when it has the PLUGIN package (SO: the plugin built against that LAMMPS,
# default build/native-modern/mtpjplugin.so from scripts/setup-lammps --modern; MTPJ_NATIVE_BUILD is
# not used, it names Debian's bridge for ./lmp-mtpj), with the ratio of each to mtp/java threads 1.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
shared="${MTPJ_SHARED:-$here/../shared}"
mpi=0; steps=100; lammps=""; plugin=""; select=1
while [ $# -gt 0 ]; do
  case "$1" in
    --mpi) mpi=1 ;;
    --no-select) select=0 ;;
    --lammps) lammps=${2:?--lammps needs the path of an lmp executable}; shift ;;
    --plugin) plugin=${2:?--plugin needs the path of mtpjplugin.so}; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    -*) echo "bench.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    *) steps=$1 ;;
  esac
  shift
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp "$shared/reference/lammps-mlip2/in.nve768" "$shared/data/amorphous-MgV2O5/input1.pos" "$shared/data/amorphous-MgV2O5/pot.mtp" "$tmp/"
printf 'mtp-filename pot.mtp\ncalculate-efs TRUE\n' > "$tmp/mlip.ini"
sed -i "s/^run .*/run $steps/; /^dump/d" "$tmp/in.nve768"
load() { echo "load: $(uptime | sed 's/.*load average: //') ($(nproc) cores)"; }
load

# in.nve768 with the pair lines replaced: label, pair_style args, pair_coeff args [, first line]
input() {
  { [ -n "${4:-}" ] && echo "$4"
    sed "s|^pair_style .*|pair_style $2|; s|^pair_coeff .*|pair_coeff $3|" "$tmp/in.nve768"; } > "$tmp/in.$1"
}
# Pair time per atom-step of a finished run, us
pair_us() {
  local pair atoms
  pair=$(awk '/^Pair /{print $5}' "$tmp/log.$1")
  atoms=$(awk '/^Loop time/{print $(NF-1)}' "$tmp/log.$1")
  echo "$pair / $steps / $atoms * 1000000" | bc -l
}
declare -A us
# label, launcher...: runs in.LABEL, prints the Pair time and the profile, keeps the time in us[LABEL]
run() {
  local label=$1; shift
  (cd "$tmp" && MTPJ_PROFILE=1 "$@" -in "in.$label" -log "log.$label" -screen none 2> "prof.$label" >/dev/null) \
    || { echo "$label: run failed"; tail -5 "$tmp/log.$label" "$tmp/prof.$label" 2>/dev/null; return 1; }
  printf '%-22s Pair %8.2f us/atom-step (%s steps x %s atoms); %s\n' "$label" "$(pair_us "$label")" "$steps" \
    "$(awk '/^Loop time/{print $(NF-1)}' "$tmp/log.$label")" "$(grep -h 'Java ready' "$tmp/log.$label" | head -1)"
  sed 's/^/           /' "$tmp/prof.$label"
  us[$label]=$(pair_us "$label")
}

overhead() { # label with select, label without [cpu: also in CPU time, meaningful with threads 1]
  printf '%-10s grading overhead %6.2f us/atom-step = %5.1f %% of Pair without select (target <= 25 %%)\n' "$1" \
    "$(echo "${us[$1]} - ${us[$2]}" | bc -l)" "$(echo "100 * (${us[$1]} - ${us[$2]}) / ${us[$2]}" | bc -l)"
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
if [ -z "$lammps" ]; then
  for t in 1 2; do input "threads$t" "mlip mlip.ini threads $t" "* *"; run "threads$t" "$here/lmp-mtpj"; done
  if [ $mpi = 1 ]; then input np2 "mlip mlip.ini threads 1" "* *"; run np2 mpirun --allow-run-as-root -np 2 "$here/lmp-mtpj"; fi
  if [ $select = 1 ]; then
    cp "$shared/reference/mlip2/dump600K_frames00-09.cfg" "$tmp/train.cfg"
    (cd "$tmp" && "$here/mtpj" calc-grade pot.mtp train.cfg train.cfg graded.cfg --nbh-weight=1 --energy-weight=0 \
      --als-filename state.als > calc-grade.out)
    printf 'mtp-filename pot.mtp\ncalculate-efs TRUE\nselect TRUE\nselect:threshold 2.1\nselect:load-state state.als\n' > "$tmp/select.ini"
    for t in 1 2; do input "select$t" "mlip select.ini threads $t" "* *"; run "select$t" "$here/lmp-mtpj"; done
    overhead select1 threads1 cpu
    overhead select2 threads2
  fi
  load
  exit 0
fi

# --lammps: what this LAMMPS has, from its own help text
[ -x "$lammps" ] || { echo "bench.sh: $lammps is not an executable" >&2; exit 2; }
lammps=$(readlink -f "$lammps")  # the runs start in a temporary folder
"$lammps" -h > "$tmp/help" 2>&1 || true
styles=$(awk '/^\* Pair styles:/{on=1; next} on && /^\*/{exit} on' "$tmp/help")
has_style() { printf ' %s ' $styles | grep -q " $1 "; }
version=$(sed -n 's/^Large-scale Atomic\/Molecular Massively Parallel Simulator - \(.*\)$/\1/p' "$tmp/help" | head -n1)
echo "LAMMPS: $lammps (${version:-version unknown})"
launch=("$lammps"); [ $mpi = 1 ] && launch=(mpirun --allow-run-as-root -np 2 "$lammps")
labels=()
if grep -q 'PLUGIN' <(sed -n '/^Installed packages:/,/^List of individual style/p' "$tmp/help"); then
  plugin=${plugin:-$here/build/native-modern/mtpjplugin.so}
  [ -f "$plugin" ] || { echo "bench.sh: plugin $plugin not built (scripts/setup-lammps --modern, or --plugin SO)" >&2; exit 2; }
  plugin=$(readlink -f "$plugin")
  export MTPJ_CLASSPATH=${MTPJ_CLASSPATH:-$here/build/mtpj.jar}
  [ -f "$MTPJ_CLASSPATH" ] || { echo "bench.sh: $MTPJ_CLASSPATH missing (scripts/mvn -DskipTests package)" >&2; exit 2; }
  for t in 1 2; do
    input "mtp-java-threads$t" "mtp/java pot.mtp threads $t" "* *" "plugin load $plugin"
    labels+=("mtp-java-threads$t")
  done
else
  echo "mtp/java: not measured (this LAMMPS has no PLUGIN package; for Debian's use bench.sh without --lammps)"
fi
# LAMMPS's own styles run without the plugin, so nothing of mtpj is loaded beside them
if has_style mtp; then input "mtp-ML-MTP" "mtp" "* * pot.mtp 0 1 2"; labels+=("mtp-ML-MTP"); else echo "mtp (ML-MTP): not in this LAMMPS"; fi
if has_style mlip; then input "mlip-MLIP-2" "mlip mlip.ini" "* *"; labels+=("mlip-MLIP-2"); else echo "mlip (MLIP-2's interface): not in this LAMMPS"; fi
for l in "${labels[@]}"; do
  run "$l" "${launch[@]}" || true
done
base=${us[mtp-java-threads1]:-}
if [ -n "$base" ]; then
  echo "ratio of Pair time to mtp/java threads 1 (same input, same LAMMPS$([ $mpi = 1 ] && echo ', mpirun -np 2')):"
  for l in "${labels[@]}"; do
    [ -n "${us[$l]:-}" ] && printf '  %-22s %6.2f\n' "$l" "$(echo "${us[$l]} / $base" | bc -l)"
  done
fi
load
