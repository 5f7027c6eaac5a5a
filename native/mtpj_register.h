#ifndef MTPJ_REGISTER_H
#define MTPJ_REGISTER_H
// Adds pair styles "mtp/java" and "mlip" to the instance's style map (lmp: LAMMPS_NS::LAMMPS*).
// Must be called again after the input command 'clear', which rebuilds the map. 0 = ok.
extern "C" int mtpj_register_styles(void *lmp);
#endif
