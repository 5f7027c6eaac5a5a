// pair_style mtp/java: see pair_mtp_java.h. Written from LAMMPS's documented Pair contract
// (full list, newton on, ev_init / virial_fdotr_compute), no code copied from other styles.
#include "pair_mtp_java.h"

#include <cmath>
#include <cstdio>
#include <cstring>

#include "atom.h"
#include "comm.h"
#include "domain.h"
#include "error.h"
#include "force.h"
#include "memory.h"
#include "neigh_list.h"
#include "neighbor.h"
#include "update.h"
#include "utils.h"
#include <mpi.h>
#if !MTPJ_NEIGH_ADD_REQUEST
#include "neigh_request.h"
#endif

#include "mtpj_jvm.h"

using namespace LAMMPS_NS;

// Collectives for the Java side (selection mode under MPI): plain MPI C calls on LAMMPS's world.
static int32_t mtpj_allreduce(void *comm, double *buf, int32_t n, int32_t op)
{
  MPI_Comm world = *static_cast<MPI_Comm *>(comm);
  return MPI_Allreduce(MPI_IN_PLACE, buf, n, MPI_DOUBLE, op == 1 ? MPI_MAX : MPI_SUM, world) == MPI_SUCCESS ? 0 : 1;
}

static int32_t mtpj_gather(void *comm, const double *send, int32_t n, double *recv)
{
  MPI_Comm world = *static_cast<MPI_Comm *>(comm);
  int me = 0, np = 1;
  MPI_Comm_rank(world, &me);
  MPI_Comm_size(world, &np);
  std::vector<int> counts(np, 0), displs(np, 0);
  int count = n;
  if (MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, world) != MPI_SUCCESS) return 1;
  for (int r = 1; r < np; r++) displs[r] = displs[r - 1] + counts[r - 1];
  return MPI_Gatherv(const_cast<double *>(send), count, MPI_DOUBLE, recv, counts.data(), displs.data(), MPI_DOUBLE, 0,
                     world) == MPI_SUCCESS ? 0 : 1;
}

static std::string fmt_seconds(double s)
{
  char buf[32];
  snprintf(buf, sizeof(buf), "%.3f", s);
  return buf;
}

PairMTPJava::PairMTPJava(LAMMPS *lmp) :
    Pair(lmp), api(nullptr), handle(0), cutoff(0.0), close_warned(false), msg(8192, 0), potential_in_coeff(false)
{
  single_enable = 0;
  restartinfo = 0;
  one_coeff = 1;
  manybody_flag = 1;
  centroidstressflag = CENTROID_AVAIL;  // site-energy form: the pair virial goes to the central atom
  // 'compute ID all pair mtp/java' (compute pair sums pvector over the ranks; rank 0 holds the totals):
  // c_ID[1] = the configuration's MV-grade (select TRUE), c_ID[2] = neighbour pairs closer than min_dist
  nextra = 2;
  pvector = new double[2];
  pvector[0] = pvector[1] = 0.0;
}

PairMTPJava::~PairMTPJava()
{
  if (api && handle > 0) api->destroy(handle);
  delete[] pvector;
  if (allocated) {
    memory->destroy(setflag);
    memory->destroy(cutsq);
  }
}

std::string PairMTPJava::style_name() const
{
  return force->pair_style ? std::string(force->pair_style) : std::string("mtp/java");
}

// Debian's LAMMPS has no exceptions: the error call ends the process. With stdout redirected
// its screen message can be lost, so the message also goes to stderr (once per rank for one()).
void PairMTPJava::fatal_all(const std::string &what)
{
  std::string text = "pair_style " + style_name() + ": " + what;
  if (comm->me == 0) fprintf(stderr, "ERROR: %s\n", text.c_str());
  fflush(stderr);
  error->all(FLERR, text);
}

void PairMTPJava::fatal_one(const std::string &what)
{
  std::string text = "pair_style " + style_name() + ": " + what;
  fprintf(stderr, "ERROR on proc %d: %s\n", comm->me, text.c_str());
  fflush(stderr);
  error->one(FLERR, text);
}

void PairMTPJava::allocate()
{
  allocated = 1;
  int n = atom->ntypes;
  memory->create(setflag, n + 1, n + 1, "pair:setflag");
  memory->create(cutsq, n + 1, n + 1, "pair:cutsq");
  for (int i = 0; i <= n; i++)
    for (int j = 0; j <= n; j++) setflag[i][j] = 0;
}

void PairMTPJava::settings(int narg, char **arg)
{
  // 'pair_style mtp' is ML-MTP's form: no potential here, it comes with pair_coeff
  potential_in_coeff = style_name() == "mtp";
  if (narg < 1 && !potential_in_coeff)
    fatal_all("expected 'pair_style " + style_name() + " POTENTIAL.mtp [threads N]' or 'pair_style " + style_name() +
              " mlip.ini [threads N]'");
  if (!api) {
    std::string err;
    double t0 = MPI_Wtime();
    api = mtpj::java_api(err);
    if (!api) fatal_all(err);
    if (comm->me == 0)
      utils::logmesg(lmp, "mtp/java: Java ready in " + fmt_seconds(MPI_Wtime() - t0) + " s\n");
  }
  if (handle > 0) {  // pair_style given again with the same style: start over
    api->destroy(handle);
    handle = 0;
  }
  std::vector<std::string> args(arg, arg + narg);
  if (potential_in_coeff) {
    style_keywords = args;
    if (comm->me == 0)
      utils::logmesg(lmp, "mtp/java: 'pair_style mtp' runs mtpj's mtp/java (this LAMMPS has no ML-MTP pair style);"
                          " potential and species from 'pair_coeff * * POT.mtp SPECIES...'\n");
    return;
  }
  create_model(args);
}

void PairMTPJava::create_model(const std::vector<std::string> &args)
{
  std::string joined;
  for (size_t i = 0; i < args.size(); i++) {
    if (i) joined += '\n';
    joined += args[i];
  }
  msg[0] = 0;
  handle = api->create(joined.c_str(), comm->me, msg.data(), (int32_t) msg.size());
  if (handle <= 0) fatal_all(msg.data());
  if (comm->me == 0 && msg[0]) utils::logmesg(lmp, std::string(msg.data()) + "\n");
}

void PairMTPJava::coeff(int narg, char **arg)
{
  int first_name = 2;
  if (potential_in_coeff) {
    if (narg < 3 || strcmp(arg[0], "*") != 0 || strcmp(arg[1], "*") != 0)
      fatal_all("expected 'pair_coeff * * POTENTIAL.mtp SPECIES...' (ML-MTP form: one species index, element or NULL per atom type)");
    if (handle > 0) {  // a second pair_coeff: the potential may have changed
      api->destroy(handle);
      handle = 0;
    }
    std::vector<std::string> args{arg[2]};
    args.insert(args.end(), style_keywords.begin(), style_keywords.end());
    create_model(args);
    first_name = 3;
  }
  if (handle <= 0) fatal_all("pair_coeff before a successful pair_style");
  if (narg < 2 || strcmp(arg[0], "*") != 0 || strcmp(arg[1], "*") != 0)
    fatal_all("expected 'pair_coeff * *' or 'pair_coeff * * ELEMENT...' (one name or NULL per atom type)");
  if (!allocated) allocate();
  int ntypes = atom->ntypes;
  std::string names;
  for (int i = first_name; i < narg; i++) {
    if (i > first_name) names += '\n';
    names += arg[i];
  }
  std::vector<int32_t> species(ntypes + 1, -1);
  msg[0] = 0;
  if (api->coeff(handle, ntypes, names.c_str(), species.data(), &cutoff, msg.data(), (int32_t) msg.size()) != 0)
    fatal_all(msg.data());
  if (comm->me == 0 && msg[0]) utils::logmesg(lmp, std::string(msg.data()) + "\n");
  for (int i = 1; i <= ntypes; i++)
    for (int j = 1; j <= ntypes; j++) setflag[i][j] = (species[i] >= 0 && species[j] >= 0) ? 1 : 0;
}

void PairMTPJava::init_style()
{
  if (force->newton_pair == 0)
    fatal_all("requires 'newton on' (forces on ghost atoms are returned by LAMMPS's reverse communication)");
  if (strcmp(update->unit_style, "metal") != 0)
    fatal_all(std::string("requires 'units metal' (the potential is in eV and Angstrom), not units ") +
              update->unit_style);
  if (handle <= 0) fatal_all("pair_coeff * * missing");
  close_warned = false;  // init_style runs at the start of every run and minimize: one warning each
#if MTPJ_NEIGH_ADD_REQUEST
  neighbor->add_request(this, NeighConst::REQ_FULL);
#else
  int r = neighbor->request(this, instance_me);
  neighbor->requests[r]->half = 0;
  neighbor->requests[r]->full = 1;
#endif
}

double PairMTPJava::init_one(int i, int j)
{
  if (setflag[i][j] == 0) fatal_all("all pair coeffs are not set (pair_coeff * * ...)");
  return cutoff;
}

void PairMTPJava::compute(int eflag, int vflag)
{
  ev_init(eflag, vflag);

  MtpjStep s;
  memset(&s, 0, sizeof(s));
  s.struct_size = sizeof(MtpjStep);
  s.abi_version = MTPJ_ABI_VERSION;
  s.timestep = (int64_t) update->ntimestep;
  s.inum = list->inum;
  s.nlocal = atom->nlocal;
  s.nall = atom->nlocal + atom->nghost;
  s.ilist = list->ilist;
  s.numneigh = list->numneigh;
  s.firstneigh = list->firstneigh;
  if (s.nall > 0) {  // x[0] of an empty subdomain may be invalid
    s.x = atom->x[0];
    s.f = atom->f[0];
    s.type = atom->type;
    s.tag = atom->tag;
    s.vatom = (vflag_atom && vatom) ? vatom[0] : nullptr;
    s.eatom = (eflag_atom && eatom) ? eatom : nullptr;
    s.cvatom = (cvflag_atom && cvatom) ? cvatom[0] : nullptr;
  }
  s.eflag_global = eflag_global;
  s.eflag_atom = eflag_atom;
  s.vflag_global = vflag_global;
  s.vflag_atom = vflag_atom;
  s.vflag_fdotr = vflag_fdotr;
  s.cvflag_atom = cvflag_atom;
  s.neighmask = NEIGHMASK;
  s.tag_bytes = (int32_t) sizeof(tagint);
  s.rank = comm->me;
  for (int k = 0; k < 3; k++) {
    s.boxlo[k] = domain->boxlo[k];
    s.boxhi[k] = domain->boxhi[k];
    s.periodic[k] = domain->periodicity[k];
  }
  s.tilt[0] = domain->xy;
  s.tilt[1] = domain->xz;
  s.tilt[2] = domain->yz;
  // per-atom grades go to the custom vector of 'fix ID all property/atom d_mvgrade', when defined
  int custom_flag = -1, custom_cols = -1;
  int custom = atom->find_custom("mvgrade", custom_flag, custom_cols);
  if (custom >= 0 && custom_flag == 1 && custom_cols == 0 && s.nall > 0) s.atom_grade = atom->dvector[custom];
  s.nprocs = comm->nprocs;
  s.comm = &world;
  s.allreduce = mtpj_allreduce;
  s.gather = mtpj_gather;
  s.errbuf = msg.data();
  s.errlen = (int32_t) msg.size();
  msg[0] = 0;

  if (api->compute(handle, &s) != 0) fatal_one(msg.data());
  pvector[0] = s.grade;
  close_contacts(s);

  if (eflag_global) eng_vdwl += s.energy;
  if (vflag_global && !vflag_fdotr)
    for (int k = 0; k < 6; k++) virial[k] += s.virial[k];
  if (vflag_fdotr) virial_fdotr_compute();
}

// Close contacts of this step over all ranks: the count for thermo (c_ID[2]), a warning once per
// run, or with 'min_dist error' an error on every rank. Every rank takes part in the collectives.
void PairMTPJava::close_contacts(const MtpjStep &s)
{
  long long entries = (long long) s.close_entries, total = 0;
  MPI_Allreduce(&entries, &total, 1, MPI_LONG_LONG, MPI_SUM, world);
  long long pairs = total / 2;  // each pair is listed from both of its atoms
  pvector[1] = comm->me == 0 ? (double) pairs : 0.0;
  if (pairs == 0 || s.close_policy == 0 || (s.close_policy == 1 && close_warned)) return;

  struct { double d; int rank; } mine, best;
  mine.d = s.close_entries > 0 ? s.close_min : HUGE_VAL;
  mine.rank = comm->me;
  MPI_Allreduce(&mine, &best, 1, MPI_DOUBLE_INT, MPI_MINLOC, world);
  long long ids[2] = {(long long) s.close_id_i, (long long) s.close_id_j};
  MPI_Bcast(ids, 2, MPI_LONG_LONG, best.rank, world);
  char text[512];
  snprintf(text, sizeof(text),
           "%lld neighbour pair%s closer than the potential's min_dist %.4g A at step %lld, where the potential"
           " was never fitted (energies and forces there are unreliable); the closest: atoms %lld and %lld at %.4g A",
           pairs, pairs == 1 ? "" : "s", s.min_dist, (long long) update->ntimestep, ids[0], ids[1], best.d);
  if (s.close_policy == 2) fatal_all(std::string(text) + " (pair_style keyword 'min_dist error')");
  close_warned = true;
  if (comm->me == 0)
    error->warning(FLERR, "pair_style " + style_name() + ": " + text +
                              "; warned once per run, the count per step is c_ID[2] of 'compute ID all pair " +
                              style_name() + "'; 'min_dist error' makes it an error");
}
