#!/usr/bin/env bash
# Speed of pair_style mtp/java in the real LAMMPS on the 768-atom study cell (MLIP-2's reference
# NVE input, 100 steps): LAMMPS's "Pair" time in us/atom-step for threads 1 and 2 (and np 2 with
# --mpi), the Java start time, and mtpj's own profile (MTPJ_PROFILE=1: kernel / gather / scatter,
# first 10 steps apart). Needs the shared study data ($MTPJ_SHARED or ../shared) and a built
# native part (scripts/setup-lammps). Prints the machine load: numbers on a busy machine are
# upper bounds. Usage: tests/lammps/bench.sh [--mpi] [STEPS]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
shared="${MTPJ_SHARED:-$here/../shared}"
mpi=0; steps=100
for a in "$@"; do case "$a" in --mpi) mpi=1 ;; *) steps=$a ;; esac; done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp "$shared/reference/lammps-mlip2/in.nve768" "$shared/data/amorphous-MgV2O5/input1.pos" "$shared/data/amorphous-MgV2O5/pot.mtp" "$tmp/"
printf 'mtp-filename pot.mtp\ncalculate-efs TRUE\n' > "$tmp/mlip.ini"
sed -i "s/^run .*/run $steps/; /^dump/d" "$tmp/in.nve768"
echo "load: $(uptime | sed 's/.*load average: //')"
run() { # label, threads, launcher...
  local label=$1 threads=$2; shift 2
  sed "s/^pair_style .*/pair_style mlip mlip.ini threads $threads/" "$tmp/in.nve768" > "$tmp/in.run"
  (cd "$tmp" && MTPJ_PROFILE=1 "$@" -in in.run -log "log.$label" -screen none 2> "prof.$label" >/dev/null)
  local pair atoms
  pair=$(awk '/^Pair /{print $5}' "$tmp/log.$label")
  atoms=$(awk '/^Loop time/{print $(NF-1)}' "$tmp/log.$label")
  printf '%-10s Pair %8.2f us/atom-step (%s s for %s steps x %s atoms); %s\n' "$label" \
    "$(echo "$pair / $steps / $atoms * 1000000" | bc -l)" "$pair" "$steps" "$atoms" "$(grep -h 'Java ready' "$tmp/log.$label" | head -1)"
  sed 's/^/           /' "$tmp/prof.$label"
}
run threads1 1 "$here/lmp-mtpj"
run threads2 2 "$here/lmp-mtpj"
[ $mpi = 1 ] && run np2 1 mpirun --allow-run-as-root -np 2 "$here/lmp-mtpj"
echo "load: $(uptime | sed 's/.*load average: //')"
