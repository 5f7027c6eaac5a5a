// Finds or creates the one JVM of this process and fetches the Java entry points of the bridge.
#ifndef MTPJ_JVM_H
#define MTPJ_JVM_H
#include <string>
#include "mtpj_step.h"

namespace mtpj {
// The entry points, or nullptr with a one-line reason in err. Creates the JVM on first use
// (libjvm from MTPJ_JAVA_HOME, JAVA_HOME if it is >= 22, or the build-time JDK); reuses a JVM
// that already runs in this process (Java-host mode, a re-loaded plugin). Thread: LAMMPS's main.
const MtpjJavaApi *java_api(std::string &err);
// Java-host mode: the entry points handed over directly by the JVM that hosts LAMMPS.
void set_java_api(const int64_t *stubs);
}  // namespace mtpj
#endif
