# Shared start of the MPI tests (sourced after $here and $keep are set, options parsed and the
# shared data required): needs mpirun and the built jar (skip 77 locally, a failure in CI); sets
# $mtpj, mpi=(mpirun ...), fail() and enters a fresh work folder named after $1 (kept with --keep).
require_tool mpirun
require_file "$here/build/mtpj.jar" "./setup --no-demo builds it"
work=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
if [ "$keep" = 1 ]; then echo "work folder: $work"; else trap 'rm -rf "$work"' EXIT; fi
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
mtpj="$here/mtpj"
# root may run the test in containers and CI; Open MPI refuses root without this
mpi=(mpirun --oversubscribe); [ "$(id -u)" = 0 ] && mpi+=(--allow-run-as-root)
