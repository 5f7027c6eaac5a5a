"""MtpjCalculator: an ASE calculator on one long-lived `mtpj serve` process."""
import numpy as np
from ase.calculators.calculator import Calculator, all_changes
from ase.data import atomic_numbers, chemical_symbols

from .serve import ServeProcess


class MtpjCalculator(Calculator):
    """Energy, forces, stress and per-atom energies of a Moment Tensor Potential (.mtp).

    pot: the .mtp file; species: chemical symbols in the potential's species order (species 0
    first), e.g. ["Mg", "V", "O"]; mtpj: the mtpj launcher (default: $MTPJ, the repository's
    ./mtpj, or mtpj on the PATH); threads: evaluation threads (default: all cores).

    Units are ASE's: eV, eV/A, stress in eV/A^3. Sign: ASE's stress is (1/V) dE/d(strain),
    positive = tensile; mtpj's PlusStress W (eV, as in .cfg files) is the virial -sigma V,
    positive under compression, so stress = -W / V (same Voigt order xx yy zz yz xz xy).
    Stress is given for cells periodic along all three axes only.

    One JVM serves every calculation; it ends at close(), when the calculator is collected, or
    when Python exits.
    """

    implemented_properties = ["energy", "free_energy", "forces", "stress", "energies"]

    def __init__(self, pot, species, mtpj=None, threads=None, **kwargs):
        Calculator.__init__(self, **kwargs)
        self.species = list(species)
        if len(set(self.species)) != len(self.species):
            raise ValueError("species %s names one element twice" % self.species)
        # atomic number -> species index (-1: not in the potential), one lookup per call for all atoms
        self._type_of_number = np.full(len(chemical_symbols), -1, dtype="<i4")
        for k, symbol in enumerate(self.species):
            if symbol not in atomic_numbers:
                raise ValueError("species %s: %r is not a chemical symbol" % (self.species, symbol))
            self._type_of_number[atomic_numbers[symbol]] = k
        self.server = ServeProcess(pot, mtpj=mtpj, threads=threads)
        if len(self.species) != self.server.species_count:
            self.server.close()
            raise ValueError("%s has %d species, but species=%s names %d"
                             % (pot, self.server.species_count, self.species, len(self.species)))

    def calculate(self, atoms=None, properties=("energy",), system_changes=all_changes):
        Calculator.calculate(self, atoms, properties, system_changes)
        atoms = self.atoms
        types = self._type_of_number[atoms.numbers]
        if (types < 0).any():
            unknown = sorted(set(chemical_symbols[z] for z in atoms.numbers[types < 0]))
            raise ValueError("elements %s are not among the potential's species %s" % (unknown, self.species))
        energy, plus_stress, forces, site_energies = self.server.evaluate(
            atoms.cell.array, atoms.pbc, types, atoms.positions)
        self.results = {"energy": energy, "free_energy": energy, "forces": forces, "energies": site_energies}
        if atoms.pbc.all():
            self.results["stress"] = -plus_stress / atoms.get_volume()

    @property
    def last_evaluation_seconds(self):
        """Time the server spent evaluating in the last calculation (the rest of a call is overhead)."""
        return self.server.last_evaluation_seconds

    def close(self):
        """Ends the mtpj serve process (idempotent)."""
        self.server.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
