"""Force RMS carried by pairs beyond R in Vashishta SiO2 (1990) configurations (.cfg): what an MTP with cutoff R cannot see.
Pair term as LAMMPS pair vashishta evaluates it: V(r) = H/r^eta + Zi Zj e^2/r exp(-r/l1) - D/r^4 exp(-r/l4) - W/r^6,
shifted so that V and V' vanish at rc = 10 A; force on a pair -(V'(r) - V'(rc)). Three-body terms end at 2.6 A.
Parameters: /usr/share/lammps/potentials/SiO.1990.vashishta (lammps-data); species 0 = Si, 1 = O.
Usage: python3 demo/tools/vashishta_far_forces.py valid.cfg [R ...]   (docs/demo-long-range.md)
Refuses (exit 2) a file that is not of this two-species set, e.g. the default si-sw demo's valid.cfg."""
import sys, numpy as np
USAGE = "usage: python3 demo/tools/vashishta_far_forces.py valid.cfg [R ...] (the held-out set of scripts/demo --oracle vashishta)"
def refuse(where, what):
    # one line, file:line and what was expected; exit 2 as for any bad input
    print("%s: %s; this tool has Vashishta SiO2 parameters only (species 0 = Si, 1 = O): use the data of scripts/demo --oracle vashishta" % (where, what), file=sys.stderr)
    sys.exit(2)
E2 = 14.399645  # e^2/(4 pi eps0) in eV*A
P = {(0,0): (0.82023, 11, 1.6, 1.6, 999, 0.0, 4.43, 0.0), (1,1): (743.848, 7, -0.8, -0.8, 999, 22.1179, 4.43, 0.0),
     (0,1): (163.859, 9, 1.6, -0.8, 999, 44.2357, 4.43, 0.0)}
P[(1,0)] = P[(0,1)]; RC = 10.0
def dV(r, p):
    H, eta, zi, zj, l1, D, l4, W = p
    return (-eta*H/r**(eta+1) + zi*zj*E2*np.exp(-r/l1)*(-1/r**2 - 1/(l1*r)) - D*np.exp(-r/l4)*(-4/r**5 - 1/(l4*r**4)) + 6*W/r**7)
def configs(path):
    lines = open(path).read().split('\n'); i = 0
    while i < len(lines):
        if lines[i].strip() == 'BEGIN_CFG':
            cell = None; atoms = []; begin = i + 1
            while lines[i].strip() != 'END_CFG':
                s = lines[i].strip()
                if s.startswith('Size'): i += 1; n = int(lines[i])
                elif s.startswith('Supercell'): cell = np.array([[float(x) for x in lines[i+k].split()] for k in (1,2,3)]); i += 3
                elif s.startswith('AtomData'):
                    for k in range(n):
                        atoms.append([float(x) for x in lines[i+1+k].split()])
                        if atoms[-1][1] not in (0, 1): refuse("%s:%d" % (path, i+2+k), "atom type %g, expected 0 (Si) or 1 (O)" % atoms[-1][1])
                    i += n
                i += 1
            a = np.array(atoms)
            if set(a[:,1].astype(int)) != {0, 1}: refuse("%s:%d" % (path, begin), "a configuration without both species, expected Si (0) and O (1)")
            yield cell, a[:,1].astype(int), a[:,2:5], a[:,5:8]
        i += 1
if len(sys.argv) < 2: print(USAGE, file=sys.stderr); sys.exit(2)
radii = [float(x) for x in sys.argv[2:]] or [5.0, 6.0, 7.0]
far2 = {R: 0.0 for R in radii}; tot2 = 0.0; n = 0
for cell, typ, pos, F in configs(sys.argv[1]):
    inv = np.linalg.inv(cell); N = len(typ)
    ff = {R: np.zeros((N,3)) for R in radii}
    shifts = [np.array([a,b,c]) @ cell for a in (-1,0,1) for b in (-1,0,1) for c in (-1,0,1)]
    for i in range(N):
        d = pos - pos[i]; d -= np.round(d @ inv) @ cell
        for s in shifts:
            v = d + s; r = np.linalg.norm(v, axis=1)
            m = (r > 0.1) & (r < RC)
            for t in (0,1):
                mt = m & (typ == t)
                if not mt.any(): continue
                p = P[(typ[i], t)]
                f = -(dV(r[mt], p) - dV(RC, p))  # >0 repulsive along +r
                fv = -(f / r[mt])[:,None] * v[mt]   # force on i
                for R in radii:
                    sel = r[mt] > R
                    ff[R][i] += fv[sel].sum(axis=0)
    for R in radii: far2[R] += (ff[R]**2).sum()
    tot2 += (F**2).sum(); n += N
if n == 0: refuse(sys.argv[1] + ":1", "no configuration (BEGIN_CFG ... END_CFG), expected the held-out .cfg")
print("configurations' atoms: %d; oracle force RMS %.4f eV/A" % (n, np.sqrt(tot2/(3*n))))
for R in radii:
    print("R = %.1f A: force RMS from pairs beyond R %.4f eV/A = %.3f of the force RMS" % (R, np.sqrt(far2[R]/(3*n)), np.sqrt(far2[R]/tot2)))
