# Shared by the demo tests (sourced after $here and $out are set): check(), $num (awk: is it a
# number), run_demo (the first run), common_checks (what holds for every oracle) and finish (the
# second run, which must reuse every step, and the verdict).
num='function ok(x) { return x ~ /^-?[0-9.]+([eE][-+]?[0-9]+)?$/ }'
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; fi; }

# run_demo ARGS...: scripts/demo ARGS --out $out; sets rc, t1 and incomplete (a piece is missing but
# the report exists: the rest is checked, the test fails at the end); exits 1 when the demo failed
run_demo() {
  local t0=$SECONDS
  "$here/scripts/demo" "$@" --out "$out"; rc=$?
  t1=$((SECONDS - t0))
  incomplete=0
  if [ "$rc" = 3 ] && [ -f "$out/report/summary.md" ]; then
    incomplete=1
  elif [ "$rc" = 3 ]; then
    echo "FAIL: the demo is incomplete in this build (list above, also in $out/missing.txt)"; exit 1
  elif [ "$rc" != 0 ]; then
    echo "FAIL: scripts/demo $* exited $rc"; exit 1
  fi
  r=$out/report
}

# common_checks: the checks that hold for every oracle's report in $r
common_checks() {
  check "inputs.json records hashes of every input" "! grep -q '\"missing\"' '$r/inputs.json' && grep -c '[0-9a-f]\{64\}' '$r/inputs.json' | awk '{exit !(\$1 >= 12)}'"
  check "held-out errors finite: energy < 50 meV/atom, forces < 2.5 eV/A, relative force error < 0.6" \
    "awk -F'\t' '$num NR > 1 && \$1 == \"valid\" { v[\$2] = \$3; if (!ok(\$3)) bad = 1 }
       END { exit bad || !(v[\"energy_rmse_per_atom\"] < 0.05 && v[\"force_rmse_component\"] > 0 && v[\"force_rmse_component\"] < 2.5 && v[\"force_rms_relative\"] < 0.6) }' '$r/errors.tsv'"
  check "a converged loop's last MD stayed at or below the threshold; training set grew or the first round converged" \
    "python3 -c \"import json,sys; d=json.load(open('$r/summary.json')); sys.exit(d['al_converged'] and d['final_max_grade'] > d['threshold'])\" && awk -F'\t' 'NR > 1 { n[NR] = \$2; last = NR } END { exit !(last == 2 || n[last] > n[2]) }' '$out/learn/run/rounds.tsv'"
  check "summary states the verdict" "grep -q '## 5. Verdict' '$r/summary.md' && grep -Eq 'agree|NOT agree' '$r/summary.md'"
}

# finish NAME ARGS...: the second run with the same ARGS reuses all 7 steps; then the verdict
# ($timing_extra, if set, follows the first run's time)
finish() {
  local name=$1; shift
  local t0=$SECONDS rc2
  "$here/scripts/demo" "$@" --out "$out" 2> "$out/second-run.log"; rc2=$?
  local t2=$((SECONDS - t0))
  check "second run exits like the first" "[ $rc2 = $rc ]"
  check "second run skips all 7 steps" "[ \$(grep -c 'up to date, skipped' '$out/second-run.log') = 7 ]"
  echo "timing: first run ${t1} s${timing_extra:-}, second run ${t2} s; load $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$incomplete" = 1 ]; then
    echo "FAIL: the report is incomplete; missing in this build:"; sed 's/^/  - /' "$out/missing.txt"; exit 1
  fi
  [ "$fail" = 0 ] && echo "PASS: $name" || { echo "FAIL: $name"; exit 1; }
}
