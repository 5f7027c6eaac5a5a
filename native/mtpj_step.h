/* One force evaluation as the Java side sees it: raw pointers into LAMMPS's own arrays (nothing
 * copied) plus the flags of ev_init. The layout is mirrored by org.mtpj.lammps.bridge.StepLayout;
 * struct_size and abi_version are checked there, so a mismatch is an error, never garbage.
 * Plain C on purpose (no LAMMPS types): 64-bit fields first, then 32-bit ones. */
#ifndef MTPJ_STEP_H
#define MTPJ_STEP_H
#include <stdint.h>

#define MTPJ_ABI_VERSION 5

typedef struct MtpjStep {
  int64_t struct_size;      /* sizeof(MtpjStep) */
  int64_t timestep;         /* update->ntimestep */
  const int *ilist;         /* inum local atom indices */
  const int *numneigh;      /* indexed by atom index i */
  int *const *firstneigh;   /* firstneigh[i]: numneigh[i] neighbour indices (local or ghost), masked by neighmask */
  const double *x;          /* 3*nall positions, atom-major (x[0] of LAMMPS's double**) */
  const int *type;          /* nall LAMMPS types, 1-based */
  const void *tag;          /* nall atom ids (tagint, tag_bytes wide); for the selection hook */
  double *f;                /* 3*nall forces: added to (ghost slots are reverse-communicated by LAMMPS) */
  double *eatom;            /* per-atom energy or NULL (eflag_atom = 0) */
  double *vatom;            /* 6*nall per-atom virial (xx yy zz xy xz yz) or NULL */
  double *cvatom;           /* 9*nall centroid atomic virial (xx yy zz xy xz yz yx zx zy, ab = r_a f_b) or NULL */
  char *errbuf;             /* error message out (NUL-terminated, errlen bytes) */
  double energy;            /* out: sum of site energies of the local atoms */
  double virial[6];         /* out: global virial, only filled when vflag_global && !vflag_fdotr */
  double boxlo[3], boxhi[3], tilt[3]; /* box (tilt = xy xz yz), for the selection hook */
  double *atom_grade;       /* out (select TRUE): per-atom vector d_mvgrade of fix property/atom (local atoms), or NULL */
  double grade;             /* out (select TRUE): MV-grade of this configuration (0 without selection) */
  int32_t abi_version;      /* MTPJ_ABI_VERSION */
  int32_t inum, nlocal, nall;
  int32_t eflag_global, eflag_atom, vflag_global, vflag_atom, vflag_fdotr, cvflag_atom;
  int32_t neighmask;        /* NEIGHMASK of this LAMMPS build (0x3FFFFFFF in 2021, 0x1FFFFFFF later) */
  int32_t tag_bytes;        /* sizeof(tagint) */
  int32_t errlen;
  int32_t rank;             /* MPI rank (comm->me) */
  int32_t periodic[3];      /* domain->periodicity */
  /* ABI 4 (appended, so ABI 3's offsets are unchanged): collectives for the selection hook */
  int32_t nprocs;           /* comm->nprocs */
  void *comm;               /* opaque context for the two callbacks (LAMMPS's world communicator) */
  /* in place over all ranks, op 0 = sum, 1 = max; returns 0 on success */
  int32_t (*allreduce)(void *comm, double *buf, int32_t n, int32_t op);
  /* every rank sends n doubles; rank 0 receives them concatenated in rank order into recv (its
   * size is the sum of all n, known to the caller from an allreduce); returns 0 on success */
  int32_t (*gather)(void *comm, const double *send, int32_t n, double *recv);
  /* ABI 5 (appended): close contacts. Entries of this rank's local atoms' neighbour lists closer
   * than the potential's min_dist (its radial basis starts there: the potential never saw such a
   * pair). Each pair is listed from both of its atoms, possibly on two ranks, so the pairs of a
   * step are the sum of close_entries over the ranks / 2. */
  double min_dist;          /* out: the potential's min_dist (A), 0 = no such limit (soft test potential) */
  double close_min;         /* out: the shortest close entry's distance (A); meaningful when close_entries > 0 */
  int64_t close_entries;    /* out */
  int64_t close_id_i, close_id_j; /* out: atom ids of the shortest close entry */
  int32_t close_policy;     /* out: pair_style 'min_dist warn' (1, default) or 'min_dist error' (2); 0 = not counted */
} MtpjStep;

/* The Java entry points (FFM upcall stubs), fetched once per process by mtpj_java_api(). Every
 * function catches everything on the Java side: a non-zero return means "error, message in buf". */
typedef struct MtpjJavaApi {
  /* pair_style arguments, '\n'-separated. Returns a handle > 0; on error 0 and msg in buf.
   * On success buf holds an info text for the log (may be empty). */
  int64_t (*create)(const char *args, int32_t rank, char *buf, int32_t buflen);
  /* pair_coeff element names after "* *", '\n'-separated (empty string: none given).
   * Writes species_of_type[1..ntypes] (-1 = not handled) and the cutoff. 0 = ok. */
  int32_t (*coeff)(int64_t handle, int32_t ntypes, const char *names, int32_t *species_of_type,
                   double *cutoff, char *buf, int32_t buflen);
  int32_t (*compute)(int64_t handle, MtpjStep *step);
  void (*destroy)(int64_t handle);
} MtpjJavaApi;

#endif
