// lmp-mtpj: the installed LAMMPS with pair styles mtp/java and mlip added. Same command line as
// lmp (-in, -var, -log, -screen, ...). Note: the input command 'clear' rebuilds LAMMPS's style
// maps and thus drops the two styles (a later 'pair_style mtp/java' fails as unrecognized).
#include <mpi.h>

#include "input.h"
#include "lammps.h"
#include "mtpj_register.h"

using namespace LAMMPS_NS;

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  LAMMPS *lmp = new LAMMPS(argc, argv, MPI_COMM_WORLD);
  mtpj_register_styles(lmp);
  lmp->input->file();
  delete lmp;
  MPI_Barrier(MPI_COMM_WORLD);
  MPI_Finalize();
  return 0;
}
