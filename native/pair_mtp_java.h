// pair_style mtp/java (alias mlip): a Moment Tensor Potential evaluated in Java (mtpj).
// The shim holds no physics: per step it hands LAMMPS's arrays to Java in one FFM upcall.
#ifndef MTPJ_PAIR_MTP_JAVA_H
#define MTPJ_PAIR_MTP_JAVA_H

#include <cstdint>
#include <string>
#include <vector>

#include "pair.h"
#include "mtpj_step.h"

namespace LAMMPS_NS {

class PairMTPJava : public Pair {
 public:
  explicit PairMTPJava(class LAMMPS *);
  ~PairMTPJava() override;
  void compute(int, int) override;
  void settings(int, char **) override;
  void coeff(int, char **) override;
  void init_style() override;
  double init_one(int, int) override;

  static Pair *creator(class LAMMPS *lmp) { return new PairMTPJava(lmp); }

 private:
  const MtpjJavaApi *api;
  int64_t handle;
  double cutoff;
  bool close_warned;      // the close-contact warning was given in this run (reset by init_style)
  std::vector<char> msg;  // message buffer shared with Java
  // ML-MTP's input form ('pair_style mtp' + 'pair_coeff * * pot.mtp 0 1 2'): the potential comes
  // with pair_coeff, so the Java model is created there, with these pair_style keywords
  bool potential_in_coeff;
  std::vector<std::string> style_keywords;
  void create_model(const std::vector<std::string> &args);
  std::string style_name() const;
  void fatal_all(const std::string &what);  // same error on every rank
  void fatal_one(const std::string &what);  // this rank only (MPI_Abort)
  void allocate();
  void close_contacts(const MtpjStep &s);
};

}  // namespace LAMMPS_NS
#endif
