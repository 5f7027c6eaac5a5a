#ifndef MTPJ_REGISTER_H
#define MTPJ_REGISTER_H
// Adds pair styles "mtp/java" and "mlip" to the instance's style map (lmp: LAMMPS_NS::LAMMPS*).
// Must be called again after the input command 'clear', which rebuilds the map. 0 = ok.
extern "C" int mtpj_register_styles(void *lmp);
// Java-host mode: the hosting JVM passes its entry points (create, coeff, compute, destroy), so the
// pair style calls into that JVM without JNI; then registers the styles. 0 = ok.
#include <stdint.h>
extern "C" int mtpj_host_register(void *lmp, const int64_t *stubs, int32_t nstubs);
#endif
