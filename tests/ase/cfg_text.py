"""Reads .cfg files (mtp-spec.md section 2) into ASE Atoms for the tests: the structures and what
`mtpj calc-efs --site-energies` wrote for them. Test-side only: the calculator never reads .cfg."""
import numpy as np
from ase import Atoms


class Cfg:
    """One configuration: cell rows as given (0-3), species, positions and the computed numbers."""

    def __init__(self):
        self.cell_rows = []
        self.columns = {}
        self.energy = None
        self.plus_stress = None

    def column(self, *names):
        return np.column_stack([self.columns[n] for n in names])

    def atoms(self, species):
        """ASE Atoms: periodic along the given Supercell rows, the other cell rows zero."""
        cell = np.zeros((3, 3))
        if self.cell_rows:
            cell[:len(self.cell_rows)] = self.cell_rows
        pbc = [k < len(self.cell_rows) for k in range(3)]
        symbols = [species[int(t)] for t in self.columns["type"]]
        return Atoms(symbols=symbols, positions=self.column("cartes_x", "cartes_y", "cartes_z"), cell=cell, pbc=pbc)

    @property
    def forces(self):
        return self.column("fx", "fy", "fz")


def read_cfg(path):
    """Every configuration of a .cfg file, in order."""
    configs = []
    with open(path) as f:
        lines = iter(f.read().splitlines())
    for line in lines:
        word = line.strip()
        if word == "BEGIN_CFG":
            cfg = Cfg()
        elif word == "Size":
            size = int(next(lines))
        elif word == "Supercell":
            # one to three rows follow, until the next keyword
            while True:
                line = next(lines)
                values = line.split()
                if len(values) != 3 or not _numbers(values):
                    break
                cfg.cell_rows.append([float(v) for v in values])
            word = line.strip()
        if word.startswith("AtomData:"):
            names = word.split()[1:]
            rows = np.array([[float(v) for v in next(lines).split()] for _ in range(size)]).reshape(size, len(names))
            cfg.columns = {name: rows[:, k] for k, name in enumerate(names)}
        elif word == "Energy":
            cfg.energy = float(next(lines))
        elif word.startswith("PlusStress:"):
            cfg.plus_stress = np.array([float(v) for v in next(lines).split()])
        elif word == "END_CFG":
            configs.append(cfg)
    return configs


def _numbers(words):
    try:
        [float(w) for w in words]
        return True
    except ValueError:
        return False
