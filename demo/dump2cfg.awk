# mtpj demo: LAMMPS oracle output -> .cfg (MLIP-2 text format, lossless %.16e numbers).
#
# Usage: awk -f dump2cfg.awk -v train=TRAIN.cfg -v valid=VALID.cfg -v valid_frac=0.2 \
#            efs_T<T>.txt frames_T<T>.dump [efs_T<T2>.txt frames_T<T2>.dump ...]
# Files come in pairs: the energy/virial table written by in.oracle's `fix print` (columns
# T step pe(eV) vol(Å^3) Pxx Pyy Pzz Pxy Pxz Pyz, virial-only pressure in bar), then the dump of
# the same stage (`id type x y z fx fy fz`, sorted by id, orthogonal box). Frames are matched by
# timestep; a frame without its energy line is skipped. Within each stage, the LAST valid_frac of
# the frames go to VALID (time-separated from the training frames), the rest to TRAIN.
#
# Conversions: LAMMPS types t (1 = Si, 2 = O) -> .cfg species t-1; positions relative to the box
# origin; PlusStress (eV) = virial = P_virial(bar) * V(Å^3) / 1.602176634e6, same sign as LAMMPS'
# pressure (positive under compression), order xx yy zz yz xz xy. Kinetic part is excluded because
# in.oracle uses `compute pressure NULL virial`.
# Prints one summary line per stage to stderr: T and the frames sent to train/valid.

function fail(msg) { printf("dump2cfg: %s:%d: %s\n", FILENAME, FNR, msg) > "/dev/stderr"; bad = 1; exit 2 }

function flush_stage(   n, nv, k, out) {
    if (nframes == 0) return
    nv = int(nframes * valid_frac + 0.5)
    if (nv < 1 && valid_frac > 0) nv = 1
    for (k = 1; k <= nframes; k++) {
        out = (k > nframes - nv) ? valid : train
        printf("%s", text[k]) > out
        delete text[k]
    }
    printf("dump2cfg: T=%s K: %d frames -> %d train, %d valid\n", stageT, nframes, nframes - nv, nv) > "/dev/stderr"
    ntrain += nframes - nv; nvalid += nv
    nframes = 0
}

BEGIN {
    if (train == "" || valid == "") { print "dump2cfg: need -v train=FILE -v valid=FILE" > "/dev/stderr"; bad = 1; exit 2 }
    if (valid_frac == "") valid_frac = 0.2
    EV_PER_BAR_A3 = 1.0 / 1.602176634e6
    printf("") > train; printf("") > valid
    filepair = 0
}

FNR == 1 { filepair++; if (filepair % 2 == 1) { flush_stage(); delete E; state = "" } }

# --- odd files: energy / virial table ---
filepair % 2 == 1 {
    if ($1 ~ /^#/ || NF == 0) next
    if (NF != 10) fail("expected 10 columns: T step pe vol Pxx Pyy Pzz Pxy Pxz Pyz")
    stageT = $1
    E[$2] = $3; VOL[$2] = $4
    for (c = 1; c <= 6; c++) P[$2, c] = $(4 + c)
    next
}

# --- even files: LAMMPS dump custom frames ---
/^ITEM: TIMESTEP/ { state = "step"; next }
state == "step" { step = $1; state = ""; next }
/^ITEM: NUMBER OF ATOMS/ { state = "natoms"; next }
state == "natoms" { natoms = $1 + 0; state = ""; next }
/^ITEM: BOX BOUNDS/ {
    if (NF != 6 && NF != 9) fail("unexpected BOX BOUNDS line")
    if (NF == 9) fail("triclinic boxes are not supported by the demo converter")
    state = "box"; nb = 0; next
}
state == "box" { nb++; lo[nb] = $1; hi[nb] = $2; if (nb == 3) state = ""; next }
/^ITEM: ATOMS/ {
    if ($0 !~ /ITEM: ATOMS id type x y z fx fy fz/) fail("expected columns id type x y z fx fy fz")
    state = "atoms"; na = 0
    keep = (step in E)
    if (keep) {
        vol = (hi[1] - lo[1]) * (hi[2] - lo[2]) * (hi[3] - lo[3])
        if (vol / VOL[step] > 1 + 1e-9 || vol / VOL[step] < 1 - 1e-9) fail("box volume differs from the energy table at step " step)
        s = sprintf("BEGIN_CFG\n Size\n    %d\n Supercell\n", natoms)
        s = s sprintf("    %.16e %.16e %.16e\n", hi[1] - lo[1], 0, 0)
        s = s sprintf("    %.16e %.16e %.16e\n", 0, hi[2] - lo[2], 0)
        s = s sprintf("    %.16e %.16e %.16e\n", 0, 0, hi[3] - lo[3])
        s = s " AtomData:  id type       cartes_x      cartes_y      cartes_z           fx          fy          fz\n"
    }
    next
}
state == "atoms" {
    if (NF != 8) fail("expected 8 numbers per atom row")
    na++
    if ($1 != na) fail("atom ids must be 1..N in order (use dump_modify sort id)")
    if (keep) s = s sprintf("    %d %d %.16e %.16e %.16e %.16e %.16e %.16e\n", $1, $2 - 1, $3 - lo[1], $4 - lo[2], $5 - lo[3], $6, $7, $8)
    if (na == natoms) {
        state = ""
        if (keep) {
            f = VOL[step] * EV_PER_BAR_A3
            s = s sprintf(" Energy\n    %.16e\n", E[step])
            s = s " PlusStress:  xx          yy          zz          yz          xz          xy\n"
            # LAMMPS order xx yy zz xy xz yz -> cfg order xx yy zz yz xz xy
            s = s sprintf("     %.16e %.16e %.16e %.16e %.16e %.16e\n", P[step,1]*f, P[step,2]*f, P[step,3]*f, P[step,6]*f, P[step,5]*f, P[step,4]*f)
            s = s sprintf(" Feature   source\tmtpj-demo oracle SiO.1990.vashishta\n")
            s = s sprintf(" Feature   step\t%s\n", step)
            s = s sprintf(" Feature   temperature_K\t%s\n", stageT)
            s = s "END_CFG\n\n"
            text[++nframes] = s
        }
    }
    next
}
{ fail("unexpected line") }

END {
    if (bad) exit 2
    if (state == "atoms") { FILENAME = FILENAME; fail("truncated last frame") }
    flush_stage()
    printf("dump2cfg: %d train + %d valid configurations\n", ntrain, nvalid) > "/dev/stderr"
}
