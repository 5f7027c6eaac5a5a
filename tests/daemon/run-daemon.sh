#!/usr/bin/env bash
# `mtpj daemon` (docs/daemon.md) with the real ./mtpj, build/mtpj-client and JVM processes:
#  1. every served command prints, exits and writes the same through the daemon as in its own JVM,
#     byte for byte and with the same permissions (relative paths from another folder, default
#     output names, bad input, an output equal to an input, the client's umask), and really went
#     through the daemon (its count of served commands);
#  2. a command while another runs gets its own JVM; a closed stdout pipe does not stop a command;
#  3. the client killed mid-command (SIGTERM, SIGINT): the daemon ends like the command's own JVM
#     would: the existing output untouched, no temporary file left;
#  4. a rebuilt jar: the daemon declines and exits, the command runs in its own JVM;
#  5. a daemon killed with -9: commands run in their own JVM; MTPJ_DAEMON=1 starts a new daemon;
#  6. a socket folder others can open is refused; another user's process is not served;
#  7. --idle: the daemon exits after that long without a command.
# Needs the shared study data ($MTPJ_SHARED or ../shared), cc and setsid. ~1 min on 2 cores.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
shared=${MTPJ_SHARED:-$(cd "$here/.." && pwd)/shared}
. "$here/tests/lib/require.sh"
frames="$shared/reference/mlip2/dump600K_frames00-09.cfg" edge="$shared/reference/mlip2/edge_cases.cfg"
pot="$shared/data/amorphous-MgV2O5/pot.mtp"
require_shared "$frames" "$edge" "$pot"
require_tool cc
require_tool setsid
require_file "$here/build/mtpj.jar" "./setup --no-demo builds it"
work=$(mktemp -d "${TMPDIR:-/tmp}/mtpj-daemon.XXXXXX")
export MTPJ_DAEMON_SOCKET="$work/sock/d.sock"
unset MTPJ_DAEMON MTPJ_JAVA_OPTS MTPJ_TRACE
jar_time="$work/jar.time"
touch -r "$here/build/mtpj.jar" "$jar_time"
cleanup() {
  "$here/mtpj" daemon stop > /dev/null 2>&1 || true
  touch -r "$jar_time" "$here/build/mtpj.jar"   # part 4 changes it
  rm -rf "$work"
}
[ "${1:-}" = --keep ] && echo "work folder: $work" || trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "   ok: $*"; }
mtpj() { "$here/mtpj" "$@"; }
# served: how many commands the daemon has run (its status line)
served() { mtpj daemon status | sed -n 's/.* \([0-9][0-9]*\) commands served.*/\1/p'; }
# wait_until SECONDS WHAT CMD...: polls CMD every 0.1 s
wait_until() {
  local t=$1 what=$2 n=0; shift 2
  until "$@"; do n=$((n + 1)); [ $n -lt $((t * 10)) ] || fail "$what: not after $t s"; sleep 0.1; done
}

mkdir -p "$work/in" "$work/own/run" "$work/daemon/run"
cd "$work/in"
cp "$pot" pot.mtp
cp "$frames" frames.cfg
awk '{print} /END_CFG/ {exit}' "$edge" > one96.cfg
awk '{print} /END_CFG/ {exit}' "$frames" > one768.cfg
sed '0,/AtomData/!{0,/^ *[0-9]/s/^\( *[0-9][0-9]* *[0-9]*\) .*/\1 x 1.0 2.0/}' one96.cfg > bad.cfg
cmp -s one96.cfg bad.cfg && fail "could not make bad.cfg"
for k in $(seq 20); do cat "$frames"; echo; done > big.cfg

echo "== 1. the same output, exit code and files as the command's own JVM"
mkdir -m 700 "$work/sock"
mtpj daemon start --idle 10 | grep -q 'started' || fail "daemon start"
commands=(
  "calc-efs ../../in/pot.mtp ../../in/frames.cfg out.cfg"
  "calc-efs ../../in/pot.mtp ./../../in/one96.cfg sub/../out96.cfg --threads=1"
  "calc-errors ../../in/pot.mtp ../../in/frames.cfg"
  "calc-grade ../../in/pot.mtp ../../in/one768.cfg ../../in/one96.cfg graded.cfg --nbh-weight=1 --energy-weight=0 --progress=off"
  "select-add ../../in/pot.mtp ../../in/one768.cfg ../../in/one96.cfg diff.cfg --nbh-weight=1 --energy-weight=0"
  "convert ../../in/one768.cfg out.xyz --types=Mg,V,O"
  "info ../../in/pot.mtp"
  "mindist ../../in/one96.cfg"
  "compare ../../in/frames.cfg out.cfg"
  "calc-efs ../../in/pot.mtp ../../in/bad.cfg bad-out.cfg"
  "calc-efs ../../in/pot.mtp ../../in/missing.cfg x.cfg"
  "calc-efs ../../in/pot.mtp out.cfg out.cfg"
  "convert out.xyz $work/daemon/run/out.xyz"
  "calc-efs --help"
  "calc-efs ../../in/pot.mtp"
)
before=$(served)
umask 027   # the files get the client's umask, not the daemon's (022)
for where in own daemon; do
  cd "$work/$where/run"
  mkdir sub
  k=0
  for c in "${commands[@]}"; do
    k=$((k + 1))
    c=${c//$work\/daemon/$work/$where}
    rc=0
    if [ $where = own ]; then MTPJ_DAEMON=0 "$here/mtpj" $c > "../out.$k" 2> "../err.$k" || rc=$?
    else "$here/mtpj" $c > "../out.$k" 2> "../err.$k" || rc=$?; fi
    echo "$rc" > "../rc.$k"
  done
done
[ "$(served)" = $((before + ${#commands[@]})) ] || fail "the daemon ran $(( $(served) - before )) of ${#commands[@]} commands"
# untimed: the lines with the seconds a step took, which differ from run to run
# (and the one absolute path of the commands, which names each run's own folder)
untimed() { sed -E "s/[0-9]+(\.[0-9]+)? s\b/T s/g; s/[0-9]+(\.[0-9]+)? configurations\/s/R configurations\/s/g; s#$work/own/#$work/daemon/#g" "$1"; }
k=0
for c in "${commands[@]}"; do
  k=$((k + 1))
  for f in out err rc; do
    cmp -s <(untimed "$work/own/$f.$k") <(untimed "$work/daemon/$f.$k") \
      || { diff "$work/own/$f.$k" "$work/daemon/$f.$k" | head -5 >&2; fail "'$c': $f differs"; }
  done
done
grep -q 'bad.cfg:[0-9]' "$work/own/err.10" || fail "bad input: no file:line in $(cat "$work/own/err.10")"
[ "$(cat "$work/own/rc.12")" = 2 ] || fail "OUT = IN was not refused"
umask 022
diff -r "$work/own/run" "$work/daemon/run" > /dev/null || { diff -r "$work/own/run" "$work/daemon/run" | head -5 >&2; fail "the files differ"; }
modes() { (cd "$1" && stat -c '%n %a' *); }
[ "$(modes "$work/own/run")" = "$(modes "$work/daemon/run")" ] || fail "permissions differ: $(modes "$work/own/run") / $(modes "$work/daemon/run")"
modes "$work/daemon/run" | grep -q '^out.cfg 640$' || fail "umask 027 not applied: $(modes "$work/daemon/run")"
[ "$(ls "$work/own/run" | sort | tr '\n' ' ')" = "diff.cfg graded.cfg out.cfg out.xyz out96.cfg selected.cfg state.als sub " ] \
  || fail "unexpected files: $(ls "$work/own/run")"
ok "${#commands[@]} commands: stdout, stderr, exit codes and files identical; all ${#commands[@]} served by the daemon"

echo "== 2. one command at a time; a closed stdout pipe"
cd "$work/daemon/run"
before=$(served)
mtpj calc-efs ../../in/pot.mtp ../../in/big.cfg big-out.cfg 2> big.err &
long=$!
wait_until 20 "the long command running in the daemon" bash -c "\"$here/mtpj\" daemon status | grep -q 'running one now'"
mtpj info ../../in/pot.mtp > info.txt
cmp -s info.txt ../out.7 || fail "info beside a running command: wrong output"
wait $long || fail "the long command failed: $(cat big.err)"
[ "$(served)" = $((before + 1)) ] || fail "the second command should have run in its own JVM"
rm -f big-out.cfg
mtpj calc-errors ../../in/pot.mtp ../../in/frames.cfg | head -1 > /dev/null
[ "$(served)" = $((before + 2)) ] || fail "calc-errors | head"
ok "a second command ran in its own JVM; '| head' did not break the daemon"

echo "== 3. the client killed mid-command"
for sig in TERM INT; do
  echo "old contents" > kept.cfg
  env --default-signal=INT "$here/mtpj" calc-efs ../../in/pot.mtp ../../in/big.cfg kept.cfg 2> kill.err &
  pid=$!
  wait_until 30 "a temporary file of kept.cfg" bash -c "find . -maxdepth 1 -name '.kept.cfg.*.part' -size +0 | grep -q ."
  [ "$(tr '\0' ' ' < /proc/$pid/cmdline | cut -d' ' -f1)" = "$here/build/mtpj-client" ] || fail "not the client: $(tr '\0' ' ' < /proc/$pid/cmdline)"
  kill -$sig $pid
  rc=0; wait $pid || rc=$?
  [ $rc -ge 128 ] || fail "SIG$sig: exit $rc"
  wait_until 10 "the daemon's exit" bash -c "[ ! -e '$MTPJ_DAEMON_SOCKET' ]"
  [ "$(cat kept.cfg)" = "old contents" ] || fail "SIG$sig: the existing output changed"
  [ -z "$(find . -name '*.part')" ] || fail "SIG$sig: temporary files left: $(find . -name '*.part')"
  [ ! -e "$MTPJ_DAEMON_SOCKET.pid" ] || fail "SIG$sig: pid file left"
  mtpj daemon start > /dev/null
done
ok "SIGTERM and SIGINT: output untouched, no temporary file, the daemon gone with the command"

echo "== 4. a rebuilt jar"
touch "$here/build/mtpj.jar"
mtpj info ../../in/pot.mtp > info.txt
cmp -s info.txt ../out.7 || fail "info after the jar changed: wrong output"
wait_until 10 "the daemon's exit after the jar changed" bash -c "[ ! -e '$MTPJ_DAEMON_SOCKET' ]"
touch -r "$jar_time" "$here/build/mtpj.jar"
ok "declined and exited; the command ran in its own JVM"

echo "== 5. a daemon killed with -9; MTPJ_DAEMON=1"
mtpj daemon start > /dev/null
kill -9 "$(cat "$MTPJ_DAEMON_SOCKET.pid")"
sleep 0.2
[ -S "$MTPJ_DAEMON_SOCKET" ] || fail "expected the socket of the killed daemon to remain"
mtpj info ../../in/pot.mtp > info.txt
cmp -s info.txt ../out.7 || fail "info with a dead daemon: wrong output"
MTPJ_DAEMON=1 "$here/mtpj" info ../../in/pot.mtp > info.txt
cmp -s info.txt ../out.7 || fail "info while MTPJ_DAEMON=1 starts a daemon: wrong output"
wait_until 30 "the daemon MTPJ_DAEMON=1 started" bash -c "\"$here/mtpj\" daemon status > /dev/null"
MTPJ_DAEMON=1 "$here/mtpj" info ../../in/pot.mtp > info.txt
cmp -s info.txt ../out.7 && [ "$(served)" = 1 ] || fail "the started daemon did not serve"
MTPJ_DAEMON=0 "$here/mtpj" info ../../in/pot.mtp > /dev/null
[ "$(served)" = 1 ] || fail "MTPJ_DAEMON=0 went to the daemon"
ok "dead daemon: own JVM; MTPJ_DAEMON=1 started one that serves; MTPJ_DAEMON=0 bypasses it"

echo "== 6. only the owner"
mtpj daemon stop > /dev/null
chmod 755 "$work/sock"
rc=0; mtpj daemon run > run.out 2>&1 || rc=$?
[ $rc = 2 ] && [ "$(wc -l < run.out)" = 1 ] && grep -q 'chmod 700' run.out || fail "open folder: exit $rc, $(cat run.out)"
chmod 700 "$work/sock"
if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null; then
  mtpj daemon start > /dev/null
  before=$(served)
  chmod 755 "$work" "$work/sock" "$work/in"; chmod 777 "$MTPJ_DAEMON_SOCKET"
  got=$(cd /tmp && setpriv --reuid=nobody --regid=nogroup --clear-groups "$here/build/mtpj-client" "$MTPJ_DAEMON_SOCKET" 2 info "$work/in/pot.mtp" /bin/echo own-jvm)
  chmod 700 "$work" "$work/sock"
  [ "$got" = "own-jvm info $work/in/pot.mtp" ] || fail "another user's client got: $got"
  [ "$(served)" = "$before" ] || fail "another user's command was served"
  ok "open folder refused (one line, exit 2); user nobody not served (ran its own JVM)"
else
  ok "open folder refused (one line, exit 2); (another user: needs root and setpriv, not checked)"
fi

echo "== 7. --idle"
mtpj daemon stop > /dev/null
mtpj daemon start --idle 0.05 > /dev/null
wait_until 30 "exit after 3 s idle" bash -c "[ ! -e '$MTPJ_DAEMON_SOCKET' ]"
grep -q 'idle for 0.1 min, exiting' "$MTPJ_DAEMON_SOCKET.log" || fail "no idle line in the log: $(tail -2 "$MTPJ_DAEMON_SOCKET.log")"
ok "exited after 3 s without a command"
echo "PASS: tests/daemon/run-daemon.sh"
