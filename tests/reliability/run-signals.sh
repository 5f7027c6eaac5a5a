#!/usr/bin/env bash
# Ctrl-C (SIGINT) and SIGTERM in the middle of real runs of build/mtpj.jar (through ./mtpj), for
# calc-efs, calc-grade, convert and train (issue 13): no partial file at the final path, an existing
# output untouched, no temporary file left; train still writes its best potential so far.
#
# Why the launcher: a command started with '&' from a non-interactive shell (this script, CI) gets
# SIGINT ignored, and a JVM started with SIGINT ignored keeps ignoring it: Ctrl-C would then do
# nothing, and the test would pass or fail by how it was launched. 'env --default-signal=INT'
# gives the command SIGINT's default disposition, as a terminal would; the script checks in
# /proc that the JVM really does not ignore it before sending it.
# ~1-2 min on 2 cores. Options: --keep (keep the work folder).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
keep=0
for a in "$@"; do case "$a" in --keep) keep=1 ;; *) echo "run-signals.sh: unknown option $a" >&2; exit 2 ;; esac; done
shared=${MTPJ_SHARED:-$(cd "$here/.." && pwd)/shared}
ref="$shared/reference/mlip2/dump600K_frames00-09.cfg"
pot="$shared/data/amorphous-MgV2O5/pot.mtp"
[ -f "$ref" ] && [ -f "$pot" ] || { echo "FAIL: references missing in $shared (set MTPJ_SHARED)" >&2; exit 1; }
[ -f "$here/build/mtpj.jar" ] || { echo "FAIL: build/mtpj.jar missing (./setup --no-demo builds it)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/mtpj-signals.XXXXXX")
if [ $keep = 1 ]; then echo "work folder: $work"; else trap 'rm -rf "$work"' EXIT; fi
cd "$work"
fail() { echo "FAIL: $*" >&2; [ -f err.txt ] && tail -5 err.txt >&2; exit 1; }
ok() { echo "   ok: $*"; }

# inputs: 200 configurations of 768 atoms (several seconds of calc-efs, calc-grade and convert
# each), 1 configuration to train on
for k in $(seq 20); do cat "$ref"; echo; done > big.cfg
awk '{print} /END_CFG/ {exit}' "$ref" > one.cfg
cp "$pot" pot.mtp

# start SIGNAL CMD...: runs ./mtpj CMD in the background, SIGINT at its default disposition
start() {
  env --default-signal=INT "$here/mtpj" "$@" > out.txt 2> err.txt &
  pid=$!
}

# the JVM must not ignore the signal we are about to send (SigIgn bit of SIGINT is 0x2, SIGTERM 0x4000)
assert_deliverable() {
  local sig=$1 mask bit
  mask=$(awk '/^SigIgn:/ {print $2}' "/proc/$pid/status")
  if [ "$sig" = INT ]; then bit=2; else bit=16384; fi
  (( (16#$mask & bit) == 0 )) || fail "the JVM ignores SIG$sig (SigIgn $mask): the test would prove nothing"
}

# wait_for_temp NAME: until a non-empty temporary file of output NAME exists (the command is mid-write)
wait_for_temp() {
  local name=$1 n=0
  until find . -maxdepth 1 -name ".$name.*.part" -size +0 | grep -q .; do
    kill -0 "$pid" 2> /dev/null || fail "the command ended before writing $name"
    n=$((n + 1)); [ $n -lt 2400 ] || fail "no temporary file of $name after 120 s"
    sleep 0.05
  done
}

# stop SIG: sends it, waits, checks the exit code says interrupted (128 + signal number)
stop() {
  local sig=$1 code=0
  assert_deliverable "$sig"
  kill -s "$sig" "$pid"
  wait "$pid" || code=$?
  local want=$((128 + $(kill -l "$sig")))
  [ "$code" = "$want" ] || fail "exit code $code after SIG$sig, expected $want (interrupted)"
}

no_temp_files() {
  local left
  left=$(find . -maxdepth 1 -name '.*.part')
  [ -z "$left" ] || fail "temporary files left: $left"
}

untouched() { # untouched FILE...: still the earlier run's content
  for f in "$@"; do [ "$(cat "$f")" = "an earlier result" ] || fail "$f changed"; done
}

earlier() { for f in "$@"; do echo "an earlier result" > "$f"; done; }

for sig in INT TERM; do
  echo "== SIG$sig"
  earlier efs.cfg
  start calc-efs pot.mtp big.cfg efs.cfg --threads 1
  wait_for_temp efs.cfg; sleep 0.3; stop $sig
  untouched efs.cfg; no_temp_files; ok "calc-efs: old output kept, no partial file"

  earlier graded.cfg state.als
  start calc-grade pot.mtp one.cfg big.cfg graded.cfg --als-filename state.als --progress off
  wait_for_temp graded.cfg; sleep 0.3; stop $sig
  untouched graded.cfg state.als; no_temp_files; ok "calc-grade: old output and state kept, no partial file"

  earlier big.dump
  start convert big.cfg big.dump --to lammps-dump
  wait_for_temp big.dump; sleep 0.3; stop $sig
  untouched big.dump; no_temp_files; ok "convert: old output kept, no partial file"

  earlier trained.mtp
  start train pot.mtp one.cfg --trained-pot-name trained.mtp --max-iter 1000000 --bfgs-conv-tol 0 --threads 1 --progress off
  n=0
  until grep -q "MTPR from" out.txt; do
    kill -0 "$pid" 2> /dev/null || fail "train ended before training"
    n=$((n + 1)); [ $n -lt 2400 ] || fail "train did not start within 120 s"
    sleep 0.05
  done
  sleep 1; stop $sig
  grep -q "interrupted: best potential so far" err.txt || fail "train did not say it wrote its best potential"
  "$here/mtpj" info trained.mtp > info.txt 2>&1 || fail "train's best-so-far potential does not read: $(cat info.txt)"
  grep -q "^trained *yes" info.txt || fail "mtpj info trained.mtp: $(cat info.txt)"
  no_temp_files; ok "train: best potential so far written whole"
done
echo "signals: 8 passed, 0 failed"
