"""MtpjCalculator (python/mtpj_ase) with Debian's python3-ase against `mtpj calc-efs`, finite
differences and MD. Run by tests/ase/run-ase.sh, which prepares $MTPJ_ASE_WORK:
  edge.in.cfg / edge.out.cfg     MLIP-2's edge cases (96 atoms periodic in x, y; clusters, dimers)
  cell96.in.cfg / cell96.out.cfg the study's 96-atom cell (input1.pos), periodic in x, y, z
  frame768.in.cfg / frame768.out.cfg  a 768-atom frame of the 600 K MD
(*.out.cfg: `mtpj calc-efs --site-energies`), and sets MTPJ, MTPJ_POT and MTPJ_NVE_LOG.
"""
import os
import signal
import subprocess
import sys
import time
import unittest
import warnings

import numpy as np
from ase import units
from ase.calculators.calculator import PropertyNotImplementedError
from ase.md.velocitydistribution import MaxwellBoltzmannDistribution, Stationary
from ase.io.lammpsdata import write_lammps_data
from ase.md.verlet import VelocityVerlet
from ase.optimize import BFGS

from cfg_text import read_cfg
from mtpj_ase import MtpjCalculator, MtpjServeError

WORK = os.environ["MTPJ_ASE_WORK"]
POT = os.environ["MTPJ_POT"]
SPECIES = ["Mg", "V", "O"]

# in.nve768_2000steps's masses (LAMMPS types 1 2 3)
LAMMPS_MASSES = {"Mg": 24.305, "V": 50.9415, "O": 15.9999}

# Same model, same doubles sent in binary: only the documented 1e-12 is allowed (relative for
# energies and stresses, whose size is ~1e3 eV; absolute eV/A for forces).
SAME = 1e-12


def setUpModule():
    # ASE 3.22's optimisers and MD open /dev/null for logfile=None and never close it (here, not at
    # import: unittest's runner resets the warning filters before the tests run)
    warnings.filterwarnings("ignore", category=ResourceWarning, message="unclosed file <_io.TextIOWrapper name='/dev/null'")


def structures(name):
    """(Atoms, reference .cfg) pairs of one prepared file."""
    inputs, outputs = read_cfg(os.path.join(WORK, name + ".in.cfg")), read_cfg(os.path.join(WORK, name + ".out.cfg"))
    assert len(inputs) == len(outputs) > 0
    return [(i.atoms(SPECIES), o) for i, o in zip(inputs, outputs)]


class CalculatorTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.calc = MtpjCalculator(pot=POT, species=SPECIES)

    @classmethod
    def tearDownClass(cls):
        cls.calc.close()

    def cell96(self):
        atoms, _ = structures("cell96")[0]
        atoms.calc = self.calc
        return atoms

    def test_equals_calc_efs_on_edge_cases_cell96_and_frame768(self):
        worst = {"energy": 0.0, "forces": 0.0, "energies": 0.0, "stress": 0.0}
        count = 0
        for name in ("edge", "cell96", "frame768"):
            for atoms, ref in structures(name):
                atoms.calc = self.calc
                e = atoms.get_potential_energy()
                d = abs(e - ref.energy)
                self.assertLessEqual(d, SAME * max(1.0, abs(ref.energy)), "%s: energy %r vs calc-efs %r" % (name, e, ref.energy))
                worst["energy"] = max(worst["energy"], d)
                self.assertEqual(e, self.calc.get_property("free_energy", atoms))
                d = np.abs(atoms.get_forces() - ref.forces).max()
                self.assertLessEqual(d, SAME, name + ": forces")
                worst["forces"] = max(worst["forces"], d)
                d = np.abs(atoms.get_potential_energies() - ref.columns["site_en"]).max()
                self.assertLessEqual(d, SAME * max(1.0, np.abs(ref.columns["site_en"]).max()), name + ": per-atom energies")
                worst["energies"] = max(worst["energies"], d)
                if atoms.pbc.all():
                    # ASE: (1/V) dE/d(strain), positive = tensile; .cfg PlusStress = -sigma V
                    want = -ref.plus_stress / atoms.get_volume()
                    d = np.abs(atoms.get_stress() - want).max()
                    self.assertLessEqual(d, SAME * np.abs(want).max(), name + ": stress")
                    worst["stress"] = max(worst["stress"], d)
                else:
                    with self.assertRaises(PropertyNotImplementedError):
                        atoms.get_stress()
                count += 1
        print("\n  %d structures: max |dE| %.1e eV, |dF| %.1e eV/A, |dE_i| %.1e eV, |d stress| %.1e eV/A^3"
              % (count, worst["energy"], worst["forces"], worst["energies"], worst["stress"]))

    def test_forces_are_minus_energy_gradient(self):
        atoms = self.cell96()
        forces = atoms.get_forces()
        # truncation error ~ h^2 (measured: 7e-7 eV/A at h = 1e-4, 1.7e-7 at 5e-5), rounding ~ 1/h
        # (2e-8 eV/A at h = 1e-5): at 2e-5 about 4e-8 eV/A in all
        h = 2e-5
        worst = 0.0
        for i in (0, 12, 40, 95):  # Mg, V, O atoms
            for axis in range(3):
                e = []
                for step in (h, -h):
                    moved = atoms.copy()
                    moved.calc = self.calc
                    moved.positions[i, axis] += step
                    e.append(moved.get_potential_energy())
                numeric = -(e[0] - e[1]) / (2 * h)
                worst = max(worst, abs(numeric - forces[i, axis]))
        print("\n  max |F + dE/dx| %.1e eV/A (central differences, h = %g A)" % (worst, h))
        self.assertLess(worst, 1e-7)

    def test_stress_is_energy_strain_derivative(self):
        atoms = self.cell96()
        stress = atoms.get_stress(voigt=True)
        volume = atoms.get_volume()
        h = 1e-5
        worst = 0.0
        # Voigt xx yy zz yz xz xy; a shear strain h is split over both symmetric entries
        pairs = [(0, 0), (1, 1), (2, 2), (1, 2), (0, 2), (0, 1)]
        for k, (a, b) in enumerate(pairs):
            e = []
            for step in (h, -h):
                strain = np.zeros((3, 3))
                strain[a, b] += step / 2
                strain[b, a] += step / 2
                deformed = atoms.copy()
                deformed.set_cell(atoms.cell.array @ (np.eye(3) + strain), scale_atoms=True)
                deformed.calc = self.calc
                e.append(deformed.get_potential_energy())
            numeric = (e[0] - e[1]) / (2 * h) / volume
            worst = max(worst, abs(numeric - stress[k]))
        print("\n  max |stress - (1/V) dE/d(strain)| %.1e eV/A^3 (stress up to %.1e)" % (worst, np.abs(stress).max()))
        # measured 1.3e-9 eV/A^3 at h = 1e-5 (2e-8 of the largest component): differences of E ~ 1e3 eV
        self.assertLess(worst, 1e-7 * np.abs(stress).max())

    def test_bfgs_relaxation_converges(self):
        atoms = self.cell96()
        start = atoms.get_potential_energy()
        converged = BFGS(atoms, logfile=None).run(fmax=0.05, steps=2000)
        self.assertTrue(converged, "BFGS did not reach fmax 0.05 eV/A in 2000 steps")
        self.assertLessEqual(np.linalg.norm(atoms.get_forces(), axis=1).max(), 0.05)
        self.assertLess(atoms.get_potential_energy(), start)
        print("\n  BFGS: %.4f -> %.4f eV" % (start, atoms.get_potential_energy()))

    def test_velocity_verlet_conserves_energy_like_lammps(self):
        """100 steps of ASE's VelocityVerlet and of LAMMPS's fix nve (pair_style mtp/java) from the
        same positions and velocities: ASE's total energy must stay as constant as LAMMPS's."""
        atoms = self.cell96()
        atoms.set_masses([LAMMPS_MASSES[s] for s in atoms.get_chemical_symbols()])
        MaxwellBoltzmannDistribution(atoms, temperature_K=600, rng=np.random.default_rng(4928459))
        Stationary(atoms)
        start = os.path.join(WORK, "nve-start.data")
        write_lammps_data(start, atoms, specorder=SPECIES, velocities=True, units="metal")
        md = VelocityVerlet(atoms, timestep=1.0 * units.fs)
        ase_total = [atoms.get_total_energy()]
        for _ in range(100):
            md.run(1)
            ase_total.append(atoms.get_total_energy())
        ase_total = np.array(ase_total)
        spread = ase_total.max() - ase_total.min()
        print("\n  ASE VelocityVerlet, 96 atoms, 100 steps of 1 fs from 600 K: total energy spread %.2e eV,"
              " drift %.2e eV (%.2e eV/atom)" % (spread, ase_total[-1] - ase_total[0], (ase_total[-1] - ase_total[0]) / len(atoms)))
        lmp = os.environ.get("MTPJ_LMP")
        if not lmp:
            require_missing("lmp-mtpj (the native LAMMPS build) for the LAMMPS side of this comparison")
        lammps_total = run_lammps_nve(lmp, start, 100)
        lammps_spread = lammps_total.max() - lammps_total.min()
        print("  LAMMPS fix nve, same start: spread %.2e eV, drift %.2e eV; max |E_ASE - E_LAMMPS| over the steps %.2e eV"
              % (lammps_spread, lammps_total[-1] - lammps_total[0], np.abs(ase_total - lammps_total).max()))
        self.assertEqual(len(lammps_total), len(ase_total))
        # the same trajectory: the programs differ only in their unit constants (amu A^2/ps^2 in eV:
        # LAMMPS 1.0364269e-4, ASE's CODATA ~6e-8 relative apart), ~1e-6 eV on this kinetic energy
        self.assertLess(np.abs(ase_total - lammps_total).max(), 1e-5)
        # and ASE keeps the total energy as constant as LAMMPS does
        self.assertLessEqual(spread, lammps_spread * (1 + 1e-3))

    def test_cluster_has_no_stress(self):
        atoms, _ = structures("edge")[2]  # a dimer, no cell
        atoms.calc = self.calc
        self.assertTrue(np.isfinite(atoms.get_potential_energy()))
        with self.assertRaises(PropertyNotImplementedError):
            atoms.get_stress()

    def test_unknown_element_is_refused_before_the_server(self):
        atoms = self.cell96()
        atoms[0].symbol = "Fe"
        with self.assertRaisesRegex(ValueError, "Fe"):
            atoms.get_potential_energy()

    def test_wrong_species_count_is_refused(self):
        with self.assertRaisesRegex(ValueError, "3 species"):
            MtpjCalculator(pot=POT, species=["Mg", "O"])

    def test_missing_potential_is_an_error_with_the_exit_code(self):
        with self.assertRaisesRegex(MtpjServeError, "exit code 2"):
            MtpjCalculator(pot=os.path.join(WORK, "no-such.mtp"), species=SPECIES)

    def test_refused_request_then_next_one_served(self):
        atoms = self.cell96()
        server = self.calc.server
        with self.assertRaisesRegex(MtpjServeError, "species 7"):
            server.evaluate(atoms.cell.array, atoms.pbc, [7] * len(atoms), atoms.positions)
        self.assertTrue(np.isfinite(atoms.get_potential_energy()))


class ServeProtocolTest(unittest.TestCase):
    """`mtpj serve` itself, on raw pipes: bad requests, end of input."""

    def start(self):
        proc = subprocess.Popen([os.environ["MTPJ"], "serve", POT, "--threads", "1"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.assertTrue(proc.stdout.readline().startswith(b"mtpj-serve 1 3 "))
        return proc

    def test_bad_requests_get_one_error_line_each_and_the_server_goes_on(self):
        proc = self.start()
        cell = np.diag([10.0, 10.0, 10.0]).astype("<f8").tobytes()
        dimer = np.array([[0, 0, 0], [2.0, 0, 0]], dtype="<f8").tobytes()
        bad = [b"hello\n",                                           # not a header
               b"efs two 111\n",                                     # N not a number
               b"efs 2 1x1\n",                                       # PBC not 0/1
               b"efs 2 111\n" + cell + np.array([0, 9], "<i4").tobytes() + dimer,            # species 9 of 3
               b"efs 2 111\n" + cell + np.array([0, 2], "<i4").tobytes()
               + np.array([[0, 0, 0], [np.nan, 0, 0]], "<f8").tobytes(),                    # NaN position
               b"efs 2 111\n" + bytes(72) + np.array([0, 2], "<i4").tobytes() + dimer]      # zero cell, periodic
        for request in bad:
            proc.stdin.write(request)
            proc.stdin.flush()
            reply = proc.stdout.readline()
            self.assertTrue(reply.startswith(b"error request "), reply)
        good = b"efs 2 000\n" + bytes(72) + np.array([0, 2], "<i4").tobytes() + dimer
        proc.stdin.write(good)
        proc.stdin.flush()
        self.assertTrue(proc.stdout.readline().startswith(b"ok 2 "))
        self.assertEqual(len(proc.stdout.read(8 * (7 + 4 * 2))), 8 * 15)
        _, err = proc.communicate()
        self.assertEqual(proc.returncode, 0)
        lines = err.decode().splitlines()
        self.assertEqual(len(lines), len(bad) + 1, err.decode())
        self.assertTrue(all(line.startswith("mtpj serve: request ") and line.count("request ") == 1 for line in lines[:-1]), err.decode())
        self.assertEqual(lines[-1], "mtpj serve: 1 structure evaluated, %d requests refused" % len(bad))

    def test_ends_when_stdin_closes_inside_a_request(self):
        proc = self.start()
        proc.stdin.write(b"efs 5 111\n" + bytes(30))
        _, err = proc.communicate()
        self.assertEqual(proc.returncode, 0)
        self.assertIn(b"input ended inside a request", err)


class JvmLifetimeTest(unittest.TestCase):
    """The JVM ends with the Python process, however that ends."""

    # the child finds mtpj_ase through the PYTHONPATH it inherits
    CHILD = ("import os, signal, sys; from mtpj_ase import MtpjCalculator; "
             "c = MtpjCalculator(pot=%r, species=%r); print(c.server.pid, flush=True); how = sys.argv[1]\n"
             "if how == 'exit': sys.exit(0)\n"
             "if how == '_exit': os._exit(0)\n"
             "if how == 'kill': os.kill(os.getpid(), signal.SIGKILL)\n")

    def check(self, how):
        code = self.CHILD % (POT, SPECIES)
        child = subprocess.run([sys.executable, "-c", code, how], stdout=subprocess.PIPE, check=False)
        pid = int(child.stdout.split()[0])
        # the JVM sees end of input and stops; wait for it, generously (this machine is shared)
        for _ in range(600):
            if not alive(pid):
                return
            time.sleep(0.1)
        os.kill(pid, signal.SIGKILL)
        self.fail("mtpj serve (pid %d) still running 60 s after its Python process ended (%s)" % (pid, how))

    def test_normal_exit(self):
        self.check("exit")

    def test_exit_without_cleanup(self):
        self.check("_exit")

    def test_python_killed(self):
        self.check("kill")


def alive(pid):
    """Whether pid runs (a zombie waiting for its parent to reap it has ended)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def require_missing(what):
    """tests/lib/require.sh's rule: a missing program skips locally and fails in CI."""
    strict = os.environ.get("CI", "") not in ("", "false", "0") or os.environ.get("MTPJ_REQUIRE_NATIVE") == "1"
    if strict:
        raise AssertionError(what + " is missing (a failure, not a skip, because CI=true or MTPJ_REQUIRE_NATIVE=1)")
    raise unittest.SkipTest(what + " is missing")


def run_lammps_nve(lmp, data, steps):
    """Total energy (eV) at every step of a LAMMPS NVE run with the calculator's potential."""
    folder = os.path.dirname(data)
    masses = "".join("mass %d %r\n" % (k + 1, LAMMPS_MASSES[s]) for k, s in enumerate(SPECIES))
    with open(os.path.join(folder, "in.nve"), "w") as f:
        f.write("units metal\natom_style atomic\nboundary p p p\nread_data %s\n%s"
                "pair_style mtp/java %s threads 1\npair_coeff * *\n"
                "neighbor 0.5 bin\nneigh_modify every 1 delay 0 check yes\ntimestep 0.001\nfix 1 all nve\n"
                "thermo_style custom step pe ke etotal\nthermo_modify format float %%.15g\nthermo 1\nrun %d\n"
                % (data, masses, POT, steps))
    subprocess.run([lmp, "-in", "in.nve", "-log", "log.nve", "-screen", "none"], cwd=folder, check=True)
    total, column = [], None
    with open(os.path.join(folder, "log.nve")) as f:
        for line in f:
            words = line.split()
            if words[:1] == ["Step"]:
                column = words.index("TotEng")
            elif words[:1] == ["Loop"]:
                column = None
            elif column is not None and words and words[0].isdigit():
                total.append(float(words[column]))
    return np.array(total)


if __name__ == "__main__":
    unittest.main(verbosity=2)
