// How the styles get into a LAMMPS instance: direct registration (launcher, Java-host mode) and
// the PLUGIN package's lammpsplugin_init (for 'plugin load' in a PLUGIN-enabled LAMMPS).
#include "mtpj_register.h"

#include <string>

#include "force.h"
#include "lammps.h"
#include "pair_mtp_java.h"
#include "mtpj_jvm.h"
#if MTPJ_HAVE_PLUGIN_HEADER
#include "lammpsplugin.h"
#include "version.h"
#endif

using namespace LAMMPS_NS;

extern "C" int mtpj_register_styles(void *lmp)
{
  if (!lmp) return 1;
  LAMMPS *l = static_cast<LAMMPS *>(lmp);
  (*l->force->pair_map)["mtp/java"] = &PairMTPJava::creator;
  (*l->force->pair_map)["mlip"] = &PairMTPJava::creator;  // unchanged MLIP-2 inputs run as well
  // inputs written for LAMMPS's own ML-MTP ('pair_style mtp'), but never in place of a native one
  if (l->force->pair_map->find("mtp") == l->force->pair_map->end()) (*l->force->pair_map)["mtp"] = &PairMTPJava::creator;
  return 0;
}

extern "C" int mtpj_host_register(void *lmp, const int64_t *stubs, int32_t nstubs)
{
  if (!stubs || nstubs != 4) return 2;
  mtpj::set_java_api(stubs);
  return mtpj_register_styles(lmp);
}

#if MTPJ_HAVE_PLUGIN_HEADER
static void *plugin_creator(void *lmp)
{
  return PairMTPJava::creator(static_cast<LAMMPS *>(lmp));
}

extern "C" void lammpsplugin_init(void *lmp, void *handle, void *regfunc)
{
  lammpsplugin_regfunc reg = (lammpsplugin_regfunc) regfunc;
  // 'mtp' (ML-MTP's input form) only where this LAMMPS has no ML-MTP of its own
  bool native_mtp = static_cast<LAMMPS *>(lmp)->force->pair_map->count("mtp") > 0;
  const char *names[] = {"mtp/java", "mlip", "mtp"};
  for (const char *name : names) {
    if (native_mtp && std::string(name) == "mtp") continue;
    lammpsplugin_t plugin;
    plugin.version = LAMMPS_VERSION;
    plugin.style = "pair";
    plugin.name = name;
    plugin.info = "Moment Tensor Potential evaluated in Java (mtpj)";
    plugin.author = "mtpj";
    plugin.creator.v1 = (lammpsplugin_factory1 *) &plugin_creator;
    plugin.handle = handle;
    (*reg)(&plugin, lmp);
  }
}
#endif
