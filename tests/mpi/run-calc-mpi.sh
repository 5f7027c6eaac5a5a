#!/usr/bin/env bash
# calc-efs, calc-errors and calc-grade on MPI ranks (issue 17): each rank reads and computes its share
# of the configurations, rank 0 writes in input order. Every output must equal the single process's
# byte for byte (OUT.cfg, the error report, the TSVs, the active-set state, the closing summary) for
# mpirun -np 1, 2, 2 ranks x 2 threads and 3 ranks (oversubscribed, uneven shares); a bad
# configuration in rank 1's share stops every rank with the single process's one line and exit 2.
# ~2-4 min on 2 cores. Options: --keep (keep the work folder).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
. "$here/tests/lib/require.sh"
keep=0
for a in "$@"; do case "$a" in --keep) keep=1 ;; *) echo "run-calc-mpi.sh: unknown option $a" >&2; exit 2 ;; esac; done
shared=${MTPJ_SHARED:-$(cd "$here/.." && pwd)/shared}
ref="$shared/reference/mlip2"
pot="$shared/data/amorphous-MgV2O5/pot.mtp"
require_shared "$ref/dump600K_frames00-09.cfg" "$ref/edge_cases.cfg" "$ref/pot_perturbed.mtp" "$pot"
. "$here/tests/mpi/setup.sh" mtpj-mpicalc

# 5 frames of 768 atoms, and 26 small edge cases before them: shares of very different sizes
awk '/BEGIN_CFG/ {n++} n <= 5' "$ref/dump600K_frames00-09.cfg" > frames.cfg
{ cat "$ref/edge_cases.cfg"; echo; cat frames.cfg; } > mixed.cfg
cp "$pot" pot.mtp
cp "$ref/pot_perturbed.mtp" perturbed.mtp

# one command in every setting: RUN=serial|"NP THREADS"; outputs get the setting's suffix
run() { # run SETTING NAME ARGS... (ARGS may contain @ for the suffix)
  local setting=$1 name=$2; shift 2
  local sfx; if [ "$setting" = serial ]; then sfx=serial; else sfx="np${setting% *}-t${setting#* }"; fi
  local args=("${@//@/$sfx}")
  if [ "$setting" = serial ]; then
    "$mtpj" "${args[@]}" > "$name.$sfx.out" 2> "$name.$sfx.err" || { cat "$name.$sfx.err"; fail "$name serially"; }
  else
    "${mpi[@]}" -np "${setting% *}" "$mtpj" "${args[@]}" --threads="${setting#* }" > "$name.$sfx.out" 2> "$name.$sfx.err" \
      || { tail -5 "$name.$sfx.err"; fail "$name under mpirun -np ${setting% *}"; }
  fi
}
same() { # same FILE_SERIAL FILE_MPI WHAT
  cmp -s "$1" "$2" || fail "$3 differs from the single process: $(cmp "$1" "$2" 2>&1 || true); diff: $(diff "$1" "$2" | head -4)"
}
# the closing summary lines without timings (seconds differ between runs) and the outputs' suffixes
summary() {
  sed -E -e 's/[0-9]+[.][0-9]+ s([;) ]|$)/T s\1/g' -e 's/[(][0-9.]+ configurations[/]s[)]//' -e 's/[.][a-z0-9-]+[.](cfg|tsv|als)/.X.\1/g' "$1"
}

for setting in serial "1 1" "2 1" "2 2" "3 1"; do
  thr=(); [ "$setting" = serial ] && thr=(--threads=1)
  run "$setting" efs calc-efs pot.mtp mixed.cfg efs.@.cfg --site-energies "${thr[@]}"
  run "$setting" errors calc-errors perturbed.mtp mixed.cfg --tsv errors.@.tsv "${thr[@]}"
  if [ "$setting" = serial ] || [ "${setting#* }" = 1 ]; then   # calc-grade has no --threads
    if [ "$setting" = serial ]; then
      "$mtpj" calc-grade pot.mtp frames.cfg mixed.cfg grade.serial.cfg --als-filename=grade.serial.als --tsv=grade.serial.tsv > grade.serial.out 2> grade.serial.err \
        || { cat grade.serial.err; fail "calc-grade serially"; }
      "$mtpj" calc-grade pot.mtp frames.cfg mixed.cfg nbh.serial.cfg --nbh-weight=1 --energy-weight=0 --als-filename=nbh.serial.als \
        --tsv=nbh.serial.tsv --atom-tsv=nbh-atoms.serial.tsv > nbh.serial.out 2> nbh.serial.err || { cat nbh.serial.err; fail "calc-grade nbh serially"; }
    else
      np=${setting% *}; s="np$np-t1"
      "${mpi[@]}" -np "$np" "$mtpj" calc-grade pot.mtp frames.cfg mixed.cfg grade.$s.cfg --als-filename=grade.$s.als --tsv=grade.$s.tsv \
        > grade.$s.out 2> grade.$s.err || { tail -5 grade.$s.err; fail "calc-grade under mpirun -np $np"; }
      "${mpi[@]}" -np "$np" "$mtpj" calc-grade pot.mtp frames.cfg mixed.cfg nbh.$s.cfg --nbh-weight=1 --energy-weight=0 --als-filename=nbh.$s.als \
        --tsv=nbh.$s.tsv --atom-tsv=nbh-atoms.$s.tsv > nbh.$s.out 2> nbh.$s.err || { tail -5 nbh.$s.err; fail "calc-grade nbh under mpirun -np $np"; }
    fi
  fi
  [ "$setting" = serial ] && continue
  s="np${setting% *}-t${setting#* }"
  same efs.serial.cfg "efs.$s.cfg" "calc-efs OUT.cfg (-np ${setting% *}, ${setting#* } threads)"
  same errors.serial.out "errors.$s.out" "calc-errors report (-np ${setting% *}, ${setting#* } threads)"
  same errors.serial.tsv "errors.$s.tsv" "calc-errors --tsv (-np ${setting% *}, ${setting#* } threads)"
  [ "$(summary efs.serial.err)" = "$(summary "efs.$s.err")" ] || fail "calc-efs summary (-np ${setting% *}): $(summary "efs.$s.err")"
  [ "$(summary errors.serial.err)" = "$(summary "errors.$s.err")" ] || fail "calc-errors warnings (-np ${setting% *}): $(cat "errors.$s.err")"
  if [ "${setting#* }" = 1 ]; then
    for f in grade.X.cfg grade.X.als grade.X.tsv nbh.X.cfg nbh.X.als nbh.X.tsv nbh-atoms.X.tsv; do
      same "${f/X/serial}" "${f/X/$s}" "calc-grade ${f/.X/} (-np ${setting% *})"
    done
    [ "$(summary grade.serial.err)" = "$(summary "grade.$s.err")" ] || fail "calc-grade summary (-np ${setting% *}): $(cat "grade.$s.err")"
    [ "$(summary nbh.serial.err)" = "$(summary "nbh.$s.err")" ] || fail "calc-grade nbh summary (-np ${setting% *}): $(cat "nbh.$s.err")"
  fi
  echo "   ok: mpirun -np ${setting% *}, ${setting#* } thread(s) per rank: the single process's outputs, byte for byte"
done
# the outputs are real results, not empty files that trivially agree
[ "$(grep -c BEGIN_CFG efs.serial.cfg)" = 31 ] || fail "calc-efs wrote $(grep -c BEGIN_CFG efs.serial.cfg) configurations, expected 31"
grep -q "site_en" efs.serial.cfg || fail "calc-efs --site-energies wrote no site_en column"
grep -q "Errors checked for 31 configurations" errors.serial.out || fail "calc-errors did not check 31 configurations: $(head -8 errors.serial.out)"
[ "$(grep -c MV_grade nbh.serial.cfg)" = 31 ] || fail "calc-grade wrote $(grep -c MV_grade nbh.serial.cfg) grades, expected 31"
grep -q "closer than the potential's min_dist" efs.serial.err || fail "the edge cases' close pairs gave no warning (the combined warning is untested)"
# a rank whose share is empty (more ranks than configurations) writes nothing and waits for the others
awk '/BEGIN_CFG/ {n++} n <= 1' frames.cfg > one.cfg
"$mtpj" calc-efs pot.mtp one.cfg one.serial.cfg > /dev/null 2>&1 || fail "calc-efs of one configuration"
"${mpi[@]}" -np 2 "$mtpj" calc-efs pot.mtp one.cfg one.np2.cfg > one.np2.err 2>&1 || { cat one.np2.err; fail "calc-efs of one configuration on 2 ranks"; }
same one.serial.cfg one.np2.cfg "calc-efs of one configuration on 2 ranks"
echo "   ok: a rank without configurations"

# a bad configuration in rank 1's share (the last frame): the single process's line, once, exit 2, no output
awk '/BEGIN_CFG/ {n++} n == 31 && /AtomData:/ {bad=1} bad == 1 && /^ +[0-9]+ +[0-9]+ / && !done {sub(/^ +[0-9]+ +[0-9]+ /, "   7 x "); done=1} {print}' mixed.cfg > bad.cfg
cmp -s mixed.cfg bad.cfg && fail "could not break the last configuration of bad.cfg"
for cmd in "calc-efs pot.mtp bad.cfg bad.out.cfg" "calc-errors pot.mtp bad.cfg" "calc-grade pot.mtp frames.cfg bad.cfg bad.out.cfg --als-filename=bad.als"; do
  set +e
  "$mtpj" $cmd > /dev/null 2> bad.serial.err; rc1=$?
  "${mpi[@]}" -q -np 2 "$mtpj" $cmd > /dev/null 2> bad.np2.err; rc2=$?   # -q: without mpirun's own notice
  set -e
  name=${cmd%% *}
  [ $rc1 = 2 ] || fail "$name of bad.cfg serially: exit $rc1, expected 2: $(cat bad.serial.err)"
  [ $rc2 = 2 ] || fail "$name of bad.cfg under mpirun -np 2: exit $rc2, expected 2: $(cat bad.np2.err)"
  grep -q "bad.cfg:[0-9]*:" bad.serial.err || fail "$name serially: no file:line: $(cat bad.serial.err)"
  [ "$(wc -l < bad.np2.err)" = 1 ] || fail "$name under mpirun -q: not one line: $(cat bad.np2.err)"
  [ "$(grep '^mtpj' bad.np2.err)" = "$(grep '^mtpj' bad.serial.err)" ] || fail "$name under mpirun says '$(grep '^mtpj' bad.np2.err)', one process '$(grep '^mtpj' bad.serial.err)'"
  [ ! -e bad.out.cfg ] && [ ! -e bad.als ] || fail "$name under mpirun left an output after the error"
  echo "   ok: $name: a bad configuration in rank 1's share: '$(grep '^mtpj' bad.np2.err | cut -c1-90)...', exit 2 on all ranks"
done

# commands that are not MPI-aware still refuse
set +e
"${mpi[@]}" -np 2 "$mtpj" convert frames.cfg conv.xyz > refuse.log 2>&1; rc=$?
set -e
[ "$rc" != 0 ] || fail "convert under mpirun ran (N copies racing for one output)"
grep -q "does not run under mpirun" refuse.log || fail "convert under mpirun: no clear message: $(head -3 refuse.log)"
[ ! -e conv.xyz ] || fail "convert under mpirun left an output"
echo "   ok: convert under mpirun refuses with one line"
echo "PASS: calc-efs, calc-errors and calc-grade under MPI give the single process's outputs"
