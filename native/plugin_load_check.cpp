// Test helper: Debian's LAMMPS has no PLUGIN package, so this program does what 'plugin load'
// does (dlopen, dlsym "lammpsplugin_init", call it with a registration callback) and then runs
// an input like lmp. Usage: plugin-load-check PLUGIN.so [lmp arguments...]
#include <dlfcn.h>
#include <mpi.h>

#include <cstdio>
#include <cstring>

#include "force.h"
#include "input.h"
#include "lammps.h"
#include "lammpsplugin.h"
#if MTPJ_LAMMPS_THROWS
#include "exceptions.h"
#endif

using namespace LAMMPS_NS;

static int registered = 0;

static void register_style(lammpsplugin_t *p, void *ptr)
{
  LAMMPS *lmp = static_cast<LAMMPS *>(ptr);
  if (strcmp(p->style, "pair") != 0) return;
  // the plugin's creator returns the Pair* as void*; same representation
  (*lmp->force->pair_map)[p->name] = (Force::PairCreator) p->creator.v1;
  registered++;
}

int main(int argc, char **argv)
{
  if (argc < 2) {
    fprintf(stderr, "usage: plugin-load-check PLUGIN.so [lmp arguments...]\n");
    return 2;
  }
  MPI_Init(&argc, &argv);
  void *h = dlopen(argv[1], RTLD_NOW | RTLD_GLOBAL);
  if (!h) {
    fprintf(stderr, "plugin-load-check: dlopen failed: %s\n", dlerror());
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  void *init = dlsym(h, "lammpsplugin_init");
  if (!init) {
    fprintf(stderr, "plugin-load-check: no symbol lammpsplugin_init in %s\n", argv[1]);
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  argv[1] = argv[0];
  LAMMPS *lmp = new LAMMPS(argc - 1, argv + 1, MPI_COMM_WORLD);
  ((lammpsplugin_initfunc) init)(lmp, h, (void *) &register_style);
  fprintf(stderr, "plugin-load-check: %d pair styles registered by lammpsplugin_init\n", registered);
#if MTPJ_LAMMPS_THROWS
  try {  // as lmp: the error is printed already, exit code 1
    lmp->input->file();
  } catch (LAMMPSAbortException &) {
    MPI_Abort(MPI_COMM_WORLD, 1);
  } catch (LAMMPSException &) {
    MPI_Finalize();
    return 1;
  }
#else
  lmp->input->file();
#endif
  delete lmp;
  MPI_Finalize();
  return 0;
}
