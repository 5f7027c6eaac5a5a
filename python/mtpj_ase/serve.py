"""The client side of `mtpj serve`: one long-lived JVM behind a pair of pipes.

Wire format (the server's org.mtpj.cli.serve.ServeProtocol; docs/ase.md): a header line, then
little-endian binary numbers, so nothing is formatted or parsed per atom.

    server, once: "mtpj-serve 1 SPECIES_COUNT CUTOFF\n"
    request:      "efs N PBC\n", 9 float64 cell rows (A), N int32 species, 3N float64 positions (A)
    reply:        "ok N EVAL_NS\n", float64 energy (eV), PlusStress (eV; xx yy zz yz xz xy),
                  3N forces (eV/A), N site energies (eV)
              or  "error MESSAGE\n"
"""
import os
import shutil
import subprocess
import weakref

import numpy as np

PROTOCOL_VERSION = 1


class MtpjServeError(RuntimeError):
    """The server refused a request (its message says why) or is gone."""


def default_launcher():
    """$MTPJ, else the repository's ./mtpj next to this package's python/ folder, else mtpj on the PATH."""
    if os.environ.get("MTPJ"):
        return os.environ["MTPJ"]
    repo_launcher = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "mtpj")
    if os.access(repo_launcher, os.X_OK):
        return repo_launcher
    found = shutil.which("mtpj")
    if found is None:
        raise MtpjServeError("mtpj not found: pass mtpj='path/to/mtpj' or set MTPJ")
    return found


def _stop(proc):
    """Closes the server's stdin (it ends by itself then); kills it only if it does not."""
    if proc.poll() is not None:
        return
    try:
        proc.stdin.close()
    except OSError:
        pass
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    proc.stdout.close()


class ServeProcess:
    """One `mtpj serve POT` process; evaluate() sends one structure and returns its results.

    The JVM ends when its stdin closes: at close(), when this object is collected, at interpreter
    exit, and also when the Python process dies (the operating system closes the pipe).
    """

    def __init__(self, pot, mtpj=None, threads=None):
        cmd = [mtpj or default_launcher(), "serve", os.fspath(pot)]
        if threads is not None:
            cmd += ["--threads", str(int(threads))]
        # stderr is inherited: the server's warnings and refusals reach the user's terminal
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self._finalizer = weakref.finalize(self, _stop, self.proc)
        hello = self.proc.stdout.readline().decode("ascii", "replace").split()
        if len(hello) != 4 or hello[0] != "mtpj-serve":
            self.close()
            raise MtpjServeError("mtpj serve did not start (exit code %s; its message is above)" % self.proc.returncode)
        if int(hello[1]) != PROTOCOL_VERSION:
            self.close()
            raise MtpjServeError("mtpj serve speaks protocol %s, expected %d" % (hello[1], PROTOCOL_VERSION))
        self.species_count = int(hello[2])
        self.cutoff = float(hello[3])
        #: wall time of the last evaluation inside the server (s), to tell it from the protocol's cost
        self.last_evaluation_seconds = float("nan")

    @property
    def pid(self):
        return self.proc.pid

    def evaluate(self, cell, pbc, types, positions):
        """Energy (eV), PlusStress (eV, .cfg order), forces (N x 3, eV/A), site energies (eV).

        cell: 3 x 3 rows (A); pbc: 3 booleans; types: N species indices (the .mtp order);
        positions: N x 3 (A).
        """
        positions = np.ascontiguousarray(positions, dtype="<f8").reshape(-1, 3)
        n = len(positions)
        types = np.ascontiguousarray(types, dtype="<i4").reshape(n)
        flags = "".join("1" if p else "0" for p in pbc)
        message = b"".join([("efs %d %s\n" % (n, flags)).encode("ascii"),
                            np.ascontiguousarray(cell, dtype="<f8").reshape(9).tobytes(),
                            types.tobytes(), positions.tobytes()])
        try:
            self.proc.stdin.write(message)
            self.proc.stdin.flush()
            header = self.proc.stdout.readline()
        except (BrokenPipeError, ValueError):
            header = b""
        if not header:
            raise MtpjServeError("mtpj serve has ended (exit code %s; its message is above)" % self.proc.poll())
        line = header.decode("utf-8", "replace").rstrip("\n")
        if line.startswith("error "):
            raise MtpjServeError("mtpj serve: " + line[len("error "):])
        words = line.split()
        if len(words) != 3 or words[0] != "ok" or int(words[1]) != n:
            raise MtpjServeError("mtpj serve: unexpected reply %r" % header[:80])
        self.last_evaluation_seconds = int(words[2]) * 1e-9
        size = 8 * (7 + 4 * n)
        data = self.proc.stdout.read(size)
        if len(data) != size:
            raise MtpjServeError("mtpj serve ended inside a reply")
        numbers = np.frombuffer(data, dtype="<f8")
        energy = float(numbers[0])
        plus_stress = numbers[1:7].copy()
        forces = numbers[7:7 + 3 * n].reshape(n, 3).copy()
        site_energies = numbers[7 + 3 * n:].copy()
        return energy, plus_stress, forces, site_energies

    def close(self):
        """Ends the server (idempotent)."""
        self._finalizer()
