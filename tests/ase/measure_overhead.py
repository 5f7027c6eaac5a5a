"""Overhead per call of MtpjCalculator on a 96-atom cell: the Python call's wall time minus the
server's evaluation time (the pipe, the protocol, ASE's bookkeeping and the server's close-contact
scan). Printed, never asserted: the machine is shared. Usage: measure_overhead.py CELL.cfg"""
import os
import sys
import time

import numpy as np

from cfg_text import read_cfg
from mtpj_ase import MtpjCalculator

WARM_UP, CALLS = 200, 500


def measure(atoms, calc):
    atoms.calc = calc
    call, evaluation = [], []
    for k in range(WARM_UP + CALLS):
        atoms.positions[k % len(atoms), 0] += 1e-6  # a new structure each call, so nothing is cached
        t = time.perf_counter()
        atoms.get_forces()
        call.append(time.perf_counter() - t)
        evaluation.append(calc.last_evaluation_seconds)
    call, evaluation = np.array(call[WARM_UP:]), np.array(evaluation[WARM_UP:])
    return np.median(call), np.median(evaluation), np.median(call - evaluation), np.percentile(call - evaluation, 10)


atoms = read_cfg(sys.argv[1])[0].atoms(["Mg", "V", "O"])
for threads in (1, None):
    with MtpjCalculator(pot=os.environ["MTPJ_POT"], species=["Mg", "V", "O"], threads=threads) as calc:
        c, e, o, o10 = measure(atoms, calc)
    print("overhead per call, %d atoms, threads %s: call %.3f ms, evaluation %.3f ms, overhead median %.3f ms"
          " (10th percentile %.3f ms; goal <= 2 ms); load average %.1f %.1f %.1f on %d cores"
          % ((len(atoms), threads or "all", 1e3 * c, 1e3 * e, 1e3 * o, 1e3 * o10) + os.getloadavg() + (os.cpu_count(),)))
