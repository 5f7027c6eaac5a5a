#!/usr/bin/env bash
# mtpj learn with the real ab initio oracle (issue 12): Debian's CP2K labels a tiny system.
#   8-atom diamond Si (one cubic cell, Gamma point, SZV basis, 100 Ry: a few CPU seconds per label);
#   4 unlabelled start frames (Stillinger-Weber MD by Debian's lmp) are labelled by CP2K first,
#   round 1 trains on them, its MD at 1500 K leaves the training domain, CP2K labels what MaxVol
#   selects and round 2 trains on the grown set. Checked: every training configuration carries
#   CP2K's label (EFS_by CP2K, energy, forces, PlusStress), each label's folder keeps CP2K's input and
#   output, and a second call relabels nothing. Prints seconds per label (wall and CP2K's own time).
# Slow (CP2K): runs with MTPJ_SLOW_TESTS=1 (run-tests without --fast, so CI). Needs cp2k + cp2k-data,
# lmp + Si.sw and the native bridge: skipped (exit 77) when missing, a failure in CI. Options: --keep.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
keep=0
for a in "$@"; do case "$a" in --keep) keep=1 ;; *) echo "run-learn-cp2k.sh: unknown option $a" >&2; exit 2 ;; esac; done
. "$here/tests/lib/require.sh"
[ "${MTPJ_SLOW_TESTS:-0}" = 1 ] || require_missing SLOW "slow test: set MTPJ_SLOW_TESTS=1 (./run-tests without --fast does)"
require_tool cp2k
require_file /usr/share/cp2k/BASIS_MOLOPT "Debian package cp2k-data"
. "$here/tests/learning/setup.sh" mtpj-learn-cp2k

echo "== 0. start frames: 8-atom diamond Si, SW MD at 600 K, a frame every 100 steps (positions only)"
start_frames 1 1200 600 300
[ "$(grep -c BEGIN_CFG init.cfg)" = 4 ] || fail "expected 4 start frames"

cat > learn.toml <<TOML
[run]
dir = "run"
max_rounds = 2
max_new_per_round = 3
threads = 2
seed = 5

[data]
train = "init.cfg"

[potential]
species = ["Si"]
level = 4
max_dist = 4.5
radial_basis_size = 6

[train]
max_iter = 60
pretrain_iter = 20

[md]
temperatures = [1500]
steps = 200
start = "start.data"
thermo_every = 20

[selection]
threshold = 1.5
threshold_break = 10.0

[oracle]
type = "cp2k"
basis = "SZV-MOLOPT-SR-GTH"
cutoff_ry = 100
rel_cutoff_ry = 30
threads = 1
timeout_minutes = 10
TOML

echo "== 1. learn with the CP2K oracle (2 rounds at most)"
rc=0; mtpj learn -c learn.toml > learn1.log 2>&1 || rc=$?
tail -n 8 learn1.log | sed 's/^/   /'
[ $rc = 0 ] || [ $rc = 1 ] || fail "mtpj learn exited $rc (see learn1.log)"
[ "$(grep -cE 'EFS_by[[:space:]]+CP2K' run/round-001/train.cfg)" = 4 ] || fail "round 1's training set is not the 4 frames labelled by CP2K"
ok "4 start frames labelled by CP2K"
[ -f run/round-002/train.cfg ] || fail "round 1 did not label anything (no run/round-002/train.cfg; see learn1.log)"
n2=$(grep -c BEGIN_CFG run/round-002/train.cfg); l2=$(grep -cE 'EFS_by[[:space:]]+CP2K' run/round-002/train.cfg)
[ "$n2" -gt 4 ] && [ "$n2" = "$l2" ] || fail "round 2's training set: $l2 of $n2 configurations labelled by CP2K (want > 4, all)"
[ "$(grep -c PlusStress run/round-002/train.cfg)" = "$n2" ] || fail "a label without PlusStress"
for d in run/initial-label/0001 run/round-001/label/0001; do
  [ -s "$d/mtpj.inp" ] && grep -q 'ENERGY| Total FORCE_EVAL' "$d/mtpj.out" || fail "$d lacks CP2K's input or output"
done
ok "round 2 trains on $n2 configurations, all labelled by CP2K (energy, forces, PlusStress); CP2K's files kept per label"
labels=$(ls -d run/initial-label/[0-9]*/ run/round-*/label/[0-9]*/ | wc -l)
cp2k_s=$(cat run/initial-label/*/mtpj.out run/round-*/label/*/mtpj.out | awk '/^ CP2K +1 +1\.0 / && NF == 7 { s += $7 } END { printf "%.1f", s }')
echo "   $labels CP2K labels, CP2K's own time $cp2k_s s in total ($(awk -v s="$cp2k_s" -v n="$labels" 'BEGIN { printf "%.1f", s / n }') s per label, load $(cut -d' ' -f1 /proc/loadavg))"

echo "== 2. a second call relabels nothing"
before=$(ls run/initial-label/*/mtpj.out run/round-*/label/*/mtpj.out | xargs stat -c '%n %Y %s' | sha256sum)
rc=0; mtpj learn -c learn.toml > learn2.log 2>&1 || rc=$?
[ $rc = 0 ] || [ $rc = 1 ] || fail "second call exited $rc (learn2.log)"
[ "$(ls run/initial-label/*/mtpj.out run/round-*/label/*/mtpj.out | xargs stat -c '%n %Y %s' | sha256sum)" = "$before" ] \
  || fail "the second call ran CP2K again on a labelled configuration"
ok "second call: no configuration relabelled"
echo "run-learn-cp2k.sh: all passed in $(( $(date +%s) - t0 )) s"
