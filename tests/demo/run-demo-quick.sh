#!/usr/bin/env bash
# End-to-end: scripts/demo --quick makes its report, the numbers in it are finite and in range,
# and a second run reuses every step. Output: work/demo-quick/ (git-ignored).
# Exit 0 pass; 1 a check failed or a step failed/is not yet available (the demo names it).
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
out=${MTPJ_DEMO_OUT:-$here/work/demo-quick}
. "$here/tests/demo/lib.sh"
run_demo --quick
# the oracle's species (LAMMPS type order) from the demo's parameters: the checks below hold for any oracle
species=$(awk -F'\t' '$1 == "species" { print $2 }' "$out/parameters.tsv")
nsp=$(wc -w <<<"$species"); last_sp=${species##* }
# without species the per-species counts below (n < 6 * nsp, ...) would pass on nothing
[ "$nsp" -ge 1 ] || { echo "FAIL: $out/parameters.tsv has no species row (expected: species<TAB>Si ...)"; exit 1; }
echo "oracle: $(awk -F'\t' '$1 == "oracle" { print $2 }' "$out/parameters.tsv"), species: $species"
for f in summary.md summary.json errors.tsv md_runs.tsv diffusion.tsv inputs.json parity_forces.png arrhenius.png; do
  check "report has $f" "[ -s '$r/$f' ]"
done
check "one MSD plot per temperature" "[ \$(ls '$r'/msd_T*.png 2>/dev/null | wc -l) -ge 3 ]"
common_checks
# in range: finite numbers, sensible magnitudes (liquids: SiO2 at 4000-5000 K, Si at 1700-3000 K)
check "MD temperatures within 10 % of target, pressures finite and |P| < 30 GPa, 2 potentials x >= 3 T" \
  "awk -F'\t' '$num NR > 1 { n++; if (!ok(\$3) || !ok(\$4)) bad = 1; d = \$3 / \$2 - 1; if (d > 0.1 || d < -0.1) bad = 1; if (\$4 > 30 || \$4 < -30) bad = 1 }
     END { exit bad || n < 6 }' '$r/md_runs.tsv'"
check "D finite and positive with positive standard errors; classical D_$last_sp in 0.05-5 A^2/ps, MTP D in 0.005-50" \
  "awk -F'\t' -v sp='$last_sp' '$num NR > 1 { n++; if (!ok(\$4) || !ok(\$5) || \$4 <= 0 || \$5 <= 0) bad = 1
       if (\$1 == \"classical\" && \$3 == sp && (\$4 < 0.05 || \$4 > 5)) bad = 1
       if (\$1 == \"mtp\" && (\$4 < 0.005 || \$4 > 50)) bad = 1 }
     END { exit bad || n < 6 * $nsp }' '$r/diffusion.tsv'"
check "D from mtpj agrees with LAMMPS' own single-origin MSD within a factor 3 (classical $last_sp)" \
  "awk -F'\t' -v sp='$last_sp' 'NR > 1 && \$1 == \"classical\" && \$3 == sp { q = \$4 / \$8; if (!(q > 1/3 && q < 3)) bad = 1 } END { exit bad }' '$r/diffusion.tsv'"
check "safety walls lie below the closest pair of each kind in the data (zero on every training configuration)" \
  "awk 'FNR == NR { m[\$1] = \$2; next } { if (!(\$2 > 0 && \$2 < m[\$1])) bad = 1; n++ }
     END { exit bad || n != $nsp * ($nsp + 1) / 2 }' '$out/train/pair_min_dist.txt' '$out/train/walls.txt'"
check "extrapolation reported for every MTP run: number of selected configurations and the largest grade" \
  "awk -F'\t' '$num NR == 1 { for (i = 1; i <= NF; i++) c[\$i] = i; next }
     \$1 == \"mtp\" { n++; if (!(\$c[\"preselected\"] ~ /^[0-9]+\$/) || !ok(\$c[\"max_grade\"]) || \$c[\"max_grade\"] <= 0) bad = 1 } END { exit bad || n < 3 }' '$r/md_runs.tsv'"
check "active learning ran: rounds in summary.json (al_rounds >= 1, threshold, final_max_grade) and in summary.md, grade plot" \
  "python3 -c \"import json,sys; d=json.load(open('$r/summary.json')); sys.exit(not (d['al_rounds'] >= 1 and d['threshold'] > 1 and d['final_max_grade'] > 0))\" && grep -q '## 2a. Active learning' '$r/summary.md' && [ -s '$r/al_grades.png' ]"
check "every run carries the diffusive check; non-diffusive comparisons are counted and named in the verdict" \
  "python3 -c \"import json,sys; d=json.load(open('$r/summary.json')); md=open('$r/summary.md').read(); n=sum(not c['diffusive'] for c in d['comparison'])
sys.exit(not (len(d['diffusion']) == 6 * $nsp and all(isinstance(x['diffusive'], bool) for x in d['diffusion']) and n == d['not_diffusive_count']
  and (('comparisons rest on fit windows where the MSD is not diffusive' in md) if n else ('Every run is diffusive' in md))))\""
check "the verdict compares activation energies" "python3 -c \"import json,sys; d=json.load(open('$r/summary.json')); sys.exit(not set(d['ea_comparison']) == set('$species'.split()))\" && grep -q 'Activation energies:' '$r/summary.md'"
finish "demo --quick" --quick
