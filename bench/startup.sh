#!/usr/bin/env bash
# Whole-process time of short ./mtpj commands, as a user sees it (issue 15): JVM start, class
# loading, JIT warm-up and the work, with the start-up cache (build/mtpj.aot, scripts/aot-cache)
# and without it (MTPJ_AOT=0), in blocks on, off, off, on so that both see the same load.
# Commands: --version; calc-efs of one 96-atom configuration (the first of MLIP-2's edge cases),
# of the ten 768-atom study frames (7680 atoms; default threads and --threads=1) and of them ten
# times over (76800 atoms, where ./mtpj keeps the C2 JIT); calc-grade and
# select-add (neighbourhood mode, one 768-atom frame as training set, the 96-atom configuration
# as new data); convert (one 768-atom frame .cfg -> extended XYZ); info of the study's pot.mtp.
# A third column runs each command through `mtpj daemon` (docs/daemon.md), started for the bench
# and warm from the runs before; its CPU seconds are the client's only (the daemon's work is not
# counted there). --no-daemon leaves it out.
# Prints the median wall-clock and CPU seconds (user + system) of N runs per command and the load
# before and after (wall times on a busy machine are upper bounds; CPU times suffer less).
# --history appends the medians to bench/history.tsv (date, commit, machine, load, command,
# seconds, cpu_seconds).
# Needs the shared study data ($MTPJ_SHARED or ../shared) and a built jar (the cache is refreshed
# if stale). Usage: bench/startup.sh [--runs N] [--history] [--only NAME[,NAME...]] [--no-daemon]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${MTPJ_SHARED:-$(cd "$here/.." && pwd)/shared}
runs=5 history=0 only="" daemon=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift ;;
    --history) history=1 ;;
    --only) only=$2; shift ;;
    --no-daemon) daemon=0 ;;
    *) echo "startup.sh: unknown option $1 (--runs N, --history, --only NAMES, --no-daemon)" >&2; exit 2 ;;
  esac
  shift
done
frames="$shared/reference/mlip2/dump600K_frames00-09.cfg" edge="$shared/reference/mlip2/edge_cases.cfg"
pot="$shared/data/amorphous-MgV2O5/pot.mtp"
for f in "$frames" "$edge" "$pot"; do [ -f "$f" ] || { echo "startup.sh: $f not found (set MTPJ_SHARED)" >&2; exit 2; }; done
[ -f "$here/build/mtpj.jar" ] || { echo "startup.sh: build/mtpj.jar missing (scripts/mvn -DskipTests package)" >&2; exit 2; }
"$here/scripts/aot-cache" --check || "$here/scripts/aot-cache" >&2
work=$(mktemp -d "${TMPDIR:-/tmp}/mtpj-startup.XXXXXX")
export MTPJ_DAEMON_SOCKET="$work/sock/d.sock"
unset MTPJ_DAEMON
trap '"$here/mtpj" daemon stop > /dev/null 2>&1; rm -rf "$work"' EXIT
cd "$work"
if [ $daemon = 1 ]; then mkdir -m 700 sock; "$here/mtpj" daemon start > /dev/null; fi
awk '{print} /END_CFG/ {exit}' "$edge" > one96.cfg
awk '{print} /END_CFG/ {exit}' "$frames" > one768.cfg
cp "$pot" pot.mtp
# the ten study frames ten times (76800 atoms, 11.7 MB): long enough for ./mtpj to keep C2
for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$frames"; echo; done > frames100.cfg

# name|arguments of ./mtpj (in the work folder)
commands=(
  "version|--version"
  "calc-efs-96|calc-efs pot.mtp one96.cfg out.cfg"
  "calc-efs-7680|calc-efs pot.mtp $frames out.cfg"
  "calc-efs-7680-t1|calc-efs pot.mtp $frames out.cfg --threads=1"
  "calc-efs-76800|calc-efs pot.mtp frames100.cfg out.cfg"
  "calc-grade-96|calc-grade pot.mtp one768.cfg one96.cfg graded.cfg --nbh-weight=1 --energy-weight=0 --progress=off"
  "select-add-96|select-add pot.mtp one768.cfg one96.cfg diff.cfg --nbh-weight=1 --energy-weight=0"
  "convert-768|convert one768.cfg one768.xyz --types=Mg,V,O"
  "info|info pot.mtp"
)
names=" ${commands[*]%%|*} "
for n in ${only//,/ }; do
  [[ "$names" == *" $n "* ]] || { echo "startup.sh: --only $n: expected one of${names% }" >&2; exit 2; }
done
load() { cut -d' ' -f1 /proc/loadavg; }
# seconds CACHE ARGS...: "wall cpu" seconds of one ./mtpj run (CACHE 1 with the start-up cache, 0
# without; cpu = user + system of the JVM and its threads, JIT included: less sensitive to load)
# (CACHE d: through the daemon)
seconds() {
  local cache=$1 use_daemon=0; shift
  [ "$cache" = d ] && cache=1 use_daemon=1
  local TIMEFORMAT='%R %U %S' t
  t=$( { time MTPJ_DAEMON=$use_daemon MTPJ_AOT=$cache "$here/mtpj" "$@" > run.out 2> run.err; } 2>&1 ) \
    || { echo "startup.sh: ./mtpj $* failed:" >&2; tail -3 run.err >&2; exit 1; }
  echo "$t" | awk '{printf "%.3f %.3f\n", $1, $2 + $3}'
}
# median: the median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}'; }
# medians "WALL CPU"...: the median wall and the median CPU seconds of these runs
medians() { echo "$(printf '%s\n' "$@" | cut -d' ' -f1 | median) $(printf '%s\n' "$@" | cut -d' ' -f2 | median)"; }

load_before=$(load)
machine=$(lscpu | awk -F: '{k=$1; v=$2; gsub(/^ +| +$/, "", v)} k=="Model name" {m=v} k=="CPU family" {f=v} k=="Model" {n=v} k=="CPU(s)" {c=v}
  END {print m " (family " f " model " n "), " c " CPUs"}')
commit=$(git -C "$here" describe --always --dirty=+ 2>/dev/null || echo unknown)
echo "startup.sh: $(( 2 * ((runs + 1) / 2) )) runs each, cache on/off in blocks; machine: $machine; commit $commit; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-18s %-24s %-24s %-24s\n' command "with cache: wall (cpu)" "without: wall (cpu)" "daemon: wall (client cpu)"
rows=()
for spec in "${commands[@]}"; do
  name=${spec%%|*} args=${spec#*|}
  if [ -n "$only" ] && [[ ",$only," != *",$name,"* ]]; then continue; fi
  # Blocks on, off, off, on (ABBA, so both see the same drift of the load), each after one
  # discarded run: alternating the two run by run made every run of this 2-core VM 0.05-0.2 s
  # slower (calc-efs 7680 atoms: 0.84 s alternating, 0.77 s in blocks, 2026-12-03).
  on=() off=()
  half=$(( (runs + 1) / 2 ))
  for mode in 1 0 0 1; do
    seconds $mode $args > /dev/null
    for ((i = 0; i < half; i++)); do
      if [ $mode = 1 ]; then on+=("$(seconds 1 $args)"); else off+=("$(seconds 0 $args)"); fi
    done
  done
  read -r on_wall on_cpu <<< "$(medians "${on[@]}")"
  read -r off_wall off_cpu <<< "$(medians "${off[@]}")"
  d_cell="-"
  if [ $daemon = 1 ]; then
    d=()
    seconds d $args > /dev/null
    for ((i = 0; i < 2 * half; i++)); do d+=("$(seconds d $args)"); done
    read -r d_wall d_cpu <<< "$(medians "${d[@]}")"
    d_cell="$d_wall ($d_cpu)"
  fi
  printf '%-18s %-24s %-24s %-24s\n' "$name" "$on_wall ($on_cpu)" "$off_wall ($off_cpu)" "$d_cell"
  short=${args//"$frames"/$(basename "$frames")}
  rows+=("mtpj $short|$on_wall|$on_cpu" "MTPJ_AOT=0 mtpj $short|$off_wall|$off_cpu")
  [ $daemon = 0 ] || rows+=("daemon: mtpj $short|$d_wall|$d_cpu")
done
load_after=$(load)
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ $history = 1 ]; then
  file="$here/bench/history.tsv"
  [ -s "$file" ] || printf 'date\tcommit\tmachine\tload\tcommand\tseconds\tcpu_seconds\n' > "$file"
  for row in "${rows[@]}"; do
    IFS='|' read -r command wall cpu <<< "$row"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$commit" "$machine" "$load_before-$load_after" \
      "$command" "$wall" "$cpu" >> "$file"
  done
  echo "appended ${#rows[@]} rows to bench/history.tsv"
fi
