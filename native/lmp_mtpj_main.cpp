// lmp-mtpj: the installed LAMMPS with pair styles mtp/java and mlip added. Same command line as
// lmp (-in, -var, -log, -screen, ...). Limitation: the input command 'clear' rebuilds LAMMPS's
// style tables and so drops the two styles (a later 'pair_style mtp/java' stops with
// "Unrecognized pair style"); the launcher warns when the input file contains 'clear'.
#include <mpi.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "input.h"
#include "lammps.h"
#include "mtpj_register.h"
#if MTPJ_LAMMPS_THROWS
#include "exceptions.h"
#endif

using namespace LAMMPS_NS;

// The -in/-i file of the command line, if any.
static const char *input_file(int argc, char **argv)
{
  for (int k = 1; k + 1 < argc; k++)
    if (strcmp(argv[k], "-in") == 0 || strcmp(argv[k], "-i") == 0) return argv[k + 1];
  return nullptr;
}

static bool uses_clear(const char *path)
{
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string first, second;
    words >> first;
    if (first == "clear" && !(words >> second)) return true;
  }
  return false;
}

static void run(int argc, char **argv)
{
  LAMMPS *lmp = new LAMMPS(argc, argv, MPI_COMM_WORLD);
  mtpj_register_styles(lmp);
  lmp->input->file();
  delete lmp;
}

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  const char *in = input_file(argc, argv);
  if (rank == 0 && in && uses_clear(in))
    fprintf(stderr,
            "lmp-mtpj: WARNING: %s uses 'clear'; after it pair styles mtp/java and mlip are no longer "
            "registered (LAMMPS rebuilds its style tables) - split the input into separate runs instead\n",
            in);
#if MTPJ_LAMMPS_THROWS
  // this LAMMPS's error calls throw (the message is printed already): end as lmp does, exit code 1,
  // MPI_Abort for an error on one rank
  try {
    run(argc, argv);
  } catch (LAMMPSAbortException &) {
    MPI_Abort(MPI_COMM_WORLD, 1);
  } catch (LAMMPSException &) {
    MPI_Barrier(MPI_COMM_WORLD);
    MPI_Finalize();
    return 1;
  }
#else
  run(argc, argv);  // an error ends the process inside LAMMPS
#endif
  MPI_Barrier(MPI_COMM_WORLD);
  MPI_Finalize();
  return 0;
}
