"""Overhead per call of MtpjCalculator on a 96-atom cell: the Python call's wall time minus the
server's evaluation time (pipe, protocol, ASE's bookkeeping, the server's close-contact scan, and
any wait for a free core). Printed, never asserted (the machine is shared: on a loaded machine
the median includes the scheduler's waits; the 10th percentile is close to the cost itself).
Usage: measure_overhead.py CELL.cfg   (MTPJ_POT: the potential)"""
import os
import sys
import time

import numpy as np

from cfg_text import read_cfg
from mtpj_ase import MtpjCalculator

WARM_UP, CALLS = 200, 500
SPECIES = ["Mg", "V", "O"]


def measure(atoms, calc):
    atoms.calc = calc
    call, evaluation = [], []
    for k in range(WARM_UP + CALLS):
        atoms.positions[k % len(atoms), 0] += 1e-6  # a new structure each call, so nothing is cached
        t = time.perf_counter()
        atoms.get_forces()
        call.append(time.perf_counter() - t)
        evaluation.append(calc.last_evaluation_seconds)
    return np.array(call[WARM_UP:]), np.array(evaluation[WARM_UP:])


atoms = read_cfg(sys.argv[1])[0].atoms(SPECIES)
for threads in (1, None):
    with MtpjCalculator(pot=os.environ["MTPJ_POT"], species=SPECIES, threads=threads) as calc:
        call, evaluation = measure(atoms, calc)
    overhead = 1e3 * (call - evaluation)
    print("overhead per call, %d atoms, threads %s: call %.3f ms, evaluation %.3f ms (medians);"
          " overhead median %.3f ms, 10th percentile %.3f ms, min %.3f ms (goal <= 2 ms); load average %.1f %.1f %.1f on %d cores"
          % ((len(atoms), threads or "all", 1e3 * np.median(call), 1e3 * np.median(evaluation),
              np.median(overhead), np.percentile(overhead, 10), overhead.min()) + os.getloadavg() + (os.cpu_count(),)))
