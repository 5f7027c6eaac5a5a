# Shared start of the learning tests (sourced after $here and $keep are set and options parsed):
# needs lmp, Si.sw of lammps-data and the native bridge (skip 77 locally, a failure in CI); sets $sw,
# mtpj(), fail(), ok(), start_frames(), $t0 and enters a fresh work folder named after $1 (kept with --keep).
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

# start_frames CELLS T_VELOCITIES T STEPS: diamond Si of CELLS^3 cubic cells, Stillinger-Weber NVT
# at T K (velocities drawn at T_VELOCITIES), a frame every 100 steps, positions only -> init.cfg;
# the last state -> start.data
start_frames() {
  cat > in.init <<LMP
units metal
atom_style atomic
boundary p p p
lattice diamond 5.431
region box block 0 $1 0 $1 0 $1
create_box 1 box
create_atoms 1 box
mass 1 28.0855
pair_style sw
pair_coeff * * $sw Si
velocity all create $2 42 mom yes rot yes
fix 1 all nvt temp $3 $3 0.1
timestep 0.001
dump d all custom 100 init.dump id type x y z
dump_modify d sort id
run $4
write_data start.data
LMP
  lmp -in in.init -log none -screen none
  mtpj convert init.dump init.cfg --types Si > /dev/null
}
