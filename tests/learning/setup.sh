# Shared start of the learning tests (sourced after $here and $keep are set and options parsed):
# needs lmp, Si.sw of lammps-data and the native bridge (skip 77 locally, a failure in CI); sets $sw,
# mtpj(), fail(), ok(), $t0 and enters a fresh work folder named after $1 (kept with --keep).
. "$here/tests/lib/require.sh"
require_tool lmp
potdir=$(dpkg -L lammps-data 2>/dev/null | grep '/potentials$' | head -n 1 || true)
sw=${potdir:-/usr/share/lammps/potentials}/Si.sw
require_file "$sw" "Debian package lammps-data"
require_file "${MTPJ_NATIVE_BUILD:-$here/build/native}/lmp-mtpj" "native LAMMPS bridge: scripts/setup-lammps"
mtpj() { "$here/mtpj" "$@"; }
work=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
if [ "$keep" = 1 ]; then echo "work folder: $work"; else trap 'rm -rf "$work"' EXIT; fi
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "   ok: $*"; }
t0=$(date +%s)
