#!/usr/bin/env bash
# The start-up cache (scripts/aot-cache, build/mtpj.aot) holds every class a short command loads
# from build/mtpj.jar, picocli included: a class that the JVM loads from the jar at run time is
# parsed, verified and linked on every start (picocli's Java 5 class files were, until the build
# rewrote them to version 52: scripts/UpgradeClassFiles.java). Checked with the JVM's own class
# loading log (-Xlog:class+load: "source: shared objects file" = from the cache) for ./mtpj
# --version and calc-efs of one 96-atom configuration. Needs the shared references
# ($MTPJ_SHARED or ../shared): skipped (exit 77) without them, a failure in CI
# (tests/lib/require.sh). Refreshes a stale cache first (~5 s).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
shared=${MTPJ_SHARED:-$(cd "$here/.." && pwd)/shared}
. "$here/tests/lib/require.sh"
ref="$shared/reference/mlip2/edge_cases.cfg" pot="$shared/data/amorphous-MgV2O5/pot.mtp"
require_file "$here/build/mtpj.jar" "./setup --no-demo builds it"
require_shared "$ref" "$pot"
"$here/scripts/aot-cache" --check || "$here/scripts/aot-cache" || { echo "FAIL: scripts/aot-cache failed" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/mtpj-aot-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

# loaded CMD...: runs ./mtpj CMD with the class loading log in classes.log
loaded() { MTPJ_JAVA_OPTS="-Xlog:class+load:file=classes.log" "$here/mtpj" "$@" > out.txt 2> err.txt \
  || { echo "FAIL: ./mtpj $* exited with $?:" >&2; tail -3 err.txt >&2; exit 1; }; }
# from_files: the classes of this run read from a class file or jar (whatever its path) instead of the
# cache: every source but the cache ("shared objects file"), the JDK's modules (jrt:/) and the classes
# the JVM makes at run time (__JVM_LookupDefineClass__, __dynamic_proxy__, lambdas named by their host)
from_files() {
  awk '/\[class,load\]/ { s = $0; sub(/.* source: /, "", s)
    if (s ~ /^shared objects file/ || s ~ /^jrt:\// || s ~ /^__[A-Za-z_]+__$/ \
        || ($0 ~ /\$\$Lambda/ && s ~ /^[A-Za-z_$][A-Za-z0-9_$.]*$/)) next
    print }' classes.log
}
check() { # what
  grep -q "picocli.CommandLine source: shared objects file" classes.log \
    || { echo "FAIL: $1: picocli.CommandLine not from the cache: $(grep -F 'picocli.CommandLine ' classes.log)" >&2; exit 1; }
  local files; files=$(from_files)
  [ -z "$files" ] || { echo "FAIL: $1: $(echo "$files" | wc -l) classes loaded from a file, not the cache, e.g.:" >&2; echo "$files" | head -5 >&2; exit 1; }
  echo "   ok: $1: $(grep -c 'source: shared objects file' classes.log) classes from the cache, none from a class file or jar"
}

loaded --version
check "mtpj --version"
awk '{print} /END_CFG/ {exit}' "$ref" > one96.cfg
loaded calc-efs "$pot" one96.cfg out.cfg
check "mtpj calc-efs (96 atoms)"
