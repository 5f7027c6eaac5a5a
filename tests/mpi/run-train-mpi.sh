#!/usr/bin/env bash
# MPI training (issue 17): `mpirun -np N ./mtpj train …` shares the configurations over the ranks
# and sums their contributions exactly (core.math.ExactSum), so the trained potential is the same
# file, byte for byte, for 1 process, 2 ranks, 4 ranks (oversubscribed) and 2 threads per rank.
# (calc-efs, calc-errors, calc-grade under MPI and the refusal of the other commands: run-calc-mpi.sh.)
# ~2-4 min on 2 cores. Options: --keep (keep the work folder).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
. "$here/tests/lib/require.sh"
keep=0
for a in "$@"; do case "$a" in --keep) keep=1 ;; *) echo "run-train-mpi.sh: unknown option $a" >&2; exit 2 ;; esac; done
shared=${MTPJ_SHARED:-$(cd "$here/.." && pwd)/shared}
ref="$shared/reference/mlip2/dump600K_frames00-09.cfg"
require_shared "$ref"
. "$here/tests/mpi/setup.sh" mtpj-mpi

# 5 configurations of 768 atoms: shares of 3+2 (2 ranks) and 2+1+1+1 (4 ranks) configurations
awk '/BEGIN_CFG/ {n++} n <= 5' "$ref" > train.cfg
"$mtpj" new-potential --level=8 --species=Mg,V,O --min-dist=1.5 --max-dist=5.0 untrained.mtp > /dev/null
args=(untrained.mtp train.cfg --max-iter=12 --pretrain-iter=4 --seed=11 --progress=off)

"$mtpj" train "${args[@]}" --threads=1 --trained-pot-name=serial.mtp > serial.log 2>&1 || { tail -5 serial.log; fail "serial training"; }
for run in "2 1" "4 1" "2 2"; do
  set -- $run
  out="np$1-t$2.mtp"
  "${mpi[@]}" -np "$1" "$mtpj" train "${args[@]}" --threads="$2" --trained-pot-name="$out" > "np$1-t$2.log" 2>&1 \
    || { tail -5 "np$1-t$2.log"; fail "mpirun -np $1 train --threads=$2"; }
  grep -q "per MPI rank x $1 ranks" "np$1-t$2.log" || fail "np $1: the log does not show $1 ranks (did MPI start?)"
  [ "$(grep -c '^MTPR from' "np$1-t$2.log")" = 1 ] || fail "np $1: more than one rank printed the header"
  cmp -s serial.mtp "$out" || fail "mpirun -np $1 --threads=$2 trained a different potential than one process: $(cmp serial.mtp "$out" || true)"
  # the final error report: each rank evaluates its share, the exact sums combine into the one-process report
  [ "$(sed -n '/TRAIN ERRORS/,/^___*$/p' serial.log | tail -n +2)" = "$(sed -n '/TRAIN ERRORS/,/^___*$/p' "np$1-t$2.log" | tail -n +2)" ] \
    || fail "mpirun -np $1: the TRAIN ERRORS report differs from one process's"
  echo "   ok: mpirun -np $1, $2 thread(s) per rank: the same potential, byte for byte"
done
# the serial run is a real fit (not a no-op that trivially agrees)
cmp -s untrained.mtp serial.mtp && fail "training changed nothing"
grep -q "Training done" serial.log || fail "no 'Training done' line in the serial log"

# more ranks than configurations: a rank whose share is empty after the start of the file (2 on 3)
awk '/BEGIN_CFG/ {n++} n <= 2' train.cfg > two.cfg
"$mtpj" train untrained.mtp two.cfg --max-iter=3 --pretrain-iter=2 --seed=11 --progress=off --threads=1 --trained-pot-name=two-serial.mtp > two-serial.log 2>&1 \
  || { tail -5 two-serial.log; fail "serial training on 2 configurations"; }
"${mpi[@]}" -np 3 "$mtpj" train untrained.mtp two.cfg --max-iter=3 --pretrain-iter=2 --seed=11 --progress=off --threads=1 --trained-pot-name=two-np3.mtp > two-np3.log 2>&1 \
  || { tail -5 two-np3.log; fail "mpirun -np 3 train on 2 configurations (a rank with nothing to read)"; }
cmp -s two-serial.mtp two-np3.mtp || fail "3 ranks on 2 configurations trained a different potential than one process"
echo "   ok: 3 ranks on 2 configurations (one rank with an empty share): the same potential"

echo "PASS: MPI training gives the same potential for 1, 2 and 4 ranks"
