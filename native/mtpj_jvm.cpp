// JVM discovery and the JNI bootstrap of the bridge. After the bootstrap every call into Java
// is a plain C call through an FFM upcall stub (no JNI per step).
#include "mtpj_jvm.h"

#include <dlfcn.h>
#include <jni.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#ifndef MTPJ_DEFAULT_JAVA_HOME
#define MTPJ_DEFAULT_JAVA_HOME ""
#endif
#ifndef MTPJ_DEFAULT_CLASSPATH
#define MTPJ_DEFAULT_CLASSPATH ""
#endif

namespace {
const char *kEntryClass = "org.mtpj.lammps.bridge.NativeEntry";

typedef jint (*GetCreatedVMs)(JavaVM **, jsize, jsize *);
typedef jint (*CreateVM)(JavaVM **, void **, void *);

MtpjJavaApi g_api;
bool g_ready = false;

bool file_exists(const std::string &p) {
  struct stat st;
  return !p.empty() && stat(p.c_str(), &st) == 0;
}

int jdk_major(const std::string &home) {  // from $home/release, 0 if unknown
  std::ifstream in(home + "/release");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("JAVA_VERSION=\"", 0) == 0) return std::atoi(line.c_str() + 14);
  }
  return 0;
}

std::string env(const char *name) {
  const char *v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

// Which libjvm.so to load; explains the choice in err when none fits.
std::string find_libjvm(std::string &err) {
  std::vector<std::pair<std::string, std::string>> candidates = {
      {"MTPJ_JAVA_HOME", env("MTPJ_JAVA_HOME")},
      {"JAVA_HOME", env("JAVA_HOME")},
      {"the JDK found at build time", MTPJ_DEFAULT_JAVA_HOME}};
  std::string tried;
  for (auto &c : candidates) {
    if (c.second.empty()) continue;
    std::string lib = c.second + "/lib/server/libjvm.so";
    int major = jdk_major(c.second);
    if (!file_exists(lib)) {
      tried += " " + c.first + "=" + c.second + " (no lib/server/libjvm.so);";
      continue;
    }
    if (major != 0 && major < 22) {
      tried += " " + c.first + "=" + c.second + " (Java " + std::to_string(major) + " < 22);";
      continue;
    }
    return lib;
  }
  err = "no JDK >= 22 found for the mtp/java pair style:" + tried +
        " set MTPJ_JAVA_HOME to a JDK 22+ (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)";
  return std::string();
}

std::vector<std::string> split_ws(const std::string &s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

// toString() of a pending Java exception (and clears it).
std::string exception_text(JNIEnv *e) {
  jthrowable t = e->ExceptionOccurred();
  if (!t) return "unknown Java error";
  e->ExceptionClear();
  jclass c = e->GetObjectClass(t);
  jmethodID m = e->GetMethodID(c, "toString", "()Ljava/lang/String;");
  std::string out = "Java exception";
  if (m) {
    jstring s = (jstring) e->CallObjectMethod(t, m);
    if (s && !e->ExceptionCheck()) {
      const char *u = e->GetStringUTFChars(s, nullptr);
      out = u;
      e->ReleaseStringUTFChars(s, u);
    }
  }
  e->ExceptionClear();
  return out;
}

JavaVM *get_or_create_vm(std::string &err, std::string &classpath) {
  classpath = env("MTPJ_CLASSPATH");
  if (classpath.empty()) classpath = MTPJ_DEFAULT_CLASSPATH;

  // A JVM may already run in this process (Java-host mode, plugin re-loaded after 'clear').
  GetCreatedVMs get_vms = (GetCreatedVMs) dlsym(RTLD_DEFAULT, "JNI_GetCreatedJavaVMs");
  void *lib = nullptr;
  if (!get_vms) {
    std::string path = find_libjvm(err);
    if (path.empty()) return nullptr;
    lib = dlopen(path.c_str(), RTLD_NOW | RTLD_GLOBAL);
    if (!lib) {
      err = "cannot load " + path + ": " + dlerror();
      return nullptr;
    }
    get_vms = (GetCreatedVMs) dlsym(lib, "JNI_GetCreatedJavaVMs");
  }
  JavaVM *vm = nullptr;
  jsize n = 0;
  if (get_vms && get_vms(&vm, 1, &n) == JNI_OK && n > 0) return vm;

  if (!lib) {  // symbol was global but no VM: load it properly to get JNI_CreateJavaVM
    std::string path = find_libjvm(err);
    if (path.empty()) return nullptr;
    lib = dlopen(path.c_str(), RTLD_NOW | RTLD_GLOBAL);
    if (!lib) {
      err = "cannot load " + path + ": " + dlerror();
      return nullptr;
    }
  }
  CreateVM create = (CreateVM) dlsym(lib, "JNI_CreateJavaVM");
  if (!create) {
    err = "libjvm has no JNI_CreateJavaVM";
    return nullptr;
  }
  if (classpath.empty() || !file_exists(classpath.substr(0, classpath.find(':')))) {
    err = "the mtpj classes are not found: MTPJ_CLASSPATH='" + classpath +
          "' (build them with ./mtpj --version or scripts/build-native, or set MTPJ_CLASSPATH to build/mtpj.jar)";
    return nullptr;
  }
  std::vector<std::string> opts = {"-Djava.class.path=" + classpath, "--enable-native-access=ALL-UNNAMED", "-Xrs",
                                   "-Xss16m"};
  std::vector<std::string> user = split_ws(env("MTPJ_JVM_OPTS"));
  bool user_gc = false;
  for (auto &o : user) user_gc |= (o.rfind("-XX:+Use", 0) == 0 && o.find("GC") != std::string::npos);
  if (!user_gc) opts.push_back("-XX:+UseSerialGC");  // fastest start; few GC threads per rank
  for (auto &o : user) opts.push_back(o);
  std::vector<JavaVMOption> jopts(opts.size());
  for (size_t i = 0; i < opts.size(); i++) {
    jopts[i].optionString = const_cast<char *>(opts[i].c_str());
    jopts[i].extraInfo = nullptr;
  }
  JavaVMInitArgs args;
#ifdef JNI_VERSION_21
  args.version = JNI_VERSION_21;
#else
  args.version = JNI_VERSION_10;
#endif
  args.nOptions = (jint) jopts.size();
  args.options = jopts.data();
  args.ignoreUnrecognized = JNI_FALSE;
  JNIEnv *e = nullptr;
  jint rc = create(&vm, (void **) &e, &args);
  if (rc != JNI_OK) {
    err = "JNI_CreateJavaVM failed (code " + std::to_string(rc) + "); check MTPJ_JVM_OPTS='" + env("MTPJ_JVM_OPTS") + "'";
    return nullptr;
  }
  return vm;
}
}  // namespace

namespace mtpj {
void set_java_api(const int64_t *a) {
  g_api.create = (int64_t(*)(const char *, int32_t, char *, int32_t)) (intptr_t) a[0];
  g_api.coeff = (int32_t(*)(int64_t, int32_t, const char *, int32_t *, double *, char *, int32_t)) (intptr_t) a[1];
  g_api.compute = (int32_t(*)(int64_t, MtpjStep *)) (intptr_t) a[2];
  g_api.destroy = (void (*)(int64_t)) (intptr_t) a[3];
  g_ready = true;
}

const MtpjJavaApi *java_api(std::string &err) {
  if (g_ready) return &g_api;
  std::string classpath;
  JavaVM *vm = get_or_create_vm(err, classpath);
  if (!vm) return nullptr;
  JNIEnv *e = nullptr;
  if (vm->GetEnv((void **) &e, JNI_VERSION_10) != JNI_OK) {
    if (vm->AttachCurrentThread((void **) &e, nullptr) != JNI_OK) {
      err = "cannot attach LAMMPS's thread to the JVM";
      return nullptr;
    }
  }
  // Through the system class loader: FindClass inside an FFM downcall (Java-host mode) would use
  // the boot loader and not see the class path.
  jclass cl_class = e->FindClass("java/lang/ClassLoader");
  jmethodID get_sys = cl_class ? e->GetStaticMethodID(cl_class, "getSystemClassLoader", "()Ljava/lang/ClassLoader;") : nullptr;
  jobject loader = get_sys ? e->CallStaticObjectMethod(cl_class, get_sys) : nullptr;
  jmethodID load = loader ? e->GetMethodID(cl_class, "loadClass", "(Ljava/lang/String;)Ljava/lang/Class;") : nullptr;
  jclass entry = nullptr;
  if (load) {
    jstring name = e->NewStringUTF(kEntryClass);
    entry = (jclass) e->CallObjectMethod(loader, load, name);
  }
  if (!entry || e->ExceptionCheck()) {
    err = std::string("cannot load ") + kEntryClass + " from class path '" + classpath + "': " + exception_text(e);
    return nullptr;
  }
  jmethodID stubs = e->GetStaticMethodID(entry, "stubs", "(I)[J");
  if (!stubs) {
    err = std::string(kEntryClass) + ".stubs(int) not found: " + exception_text(e);
    return nullptr;
  }
  jlongArray arr = (jlongArray) e->CallStaticObjectMethod(entry, stubs, (jint) MTPJ_ABI_VERSION);
  if (!arr || e->ExceptionCheck()) {
    err = "bootstrap of the Java side failed: " + exception_text(e);
    return nullptr;
  }
  if (e->GetArrayLength(arr) != 4) {
    err = "Java side returned an unexpected entry table (mtpj jar and native build do not match)";
    return nullptr;
  }
  jlong a[4];
  e->GetLongArrayRegion(arr, 0, 4, a);
  int64_t b[4] = {a[0], a[1], a[2], a[3]};
  set_java_api(b);
  return &g_api;
}
}  // namespace mtpj
