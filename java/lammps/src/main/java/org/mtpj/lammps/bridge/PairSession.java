package org.mtpj.lammps.bridge;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.mtpj.host.WorkerPool;
import org.mtpj.core.UserError;

/**
 * One {@code pair_style mtp/java} instance on one MPI rank: the model, the type-to-species map,
 * the worker threads and the per-step scratch. {@link #compute} reads LAMMPS's arrays in place.
 *
 * <p>Two phases per step, so that results do not depend on the thread count (bit for bit):
 * (1) in parallel, each local atom's in-cutoff neighbours are gathered, its site energy and
 * gradients computed into per-atom slots of shared arrays, and its own force and virial summed;
 * (2) on LAMMPS's thread, the reaction forces, per-atom energy/virial and totals are accumulated
 * in list order, by LAMMPS's thread for each chunk of atoms as soon as it and all chunks before
 * it are evaluated, so it overlaps with the other threads' phase 1 (and with one thread it runs
 * right after each chunk, gradients still in cache). Phase 2 costs a few additions per neighbour
 * entry, about 2% of an MTP step.
 */
final class PairSession implements AutoCloseable {
    /** The whole address space, for reading neighbour rows at raw addresses without allocation. */
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    private static final int CHUNK = 8;

    final PairSettings settings;
    final SiteModel model;
    final int rank;
    private final WorkerPool pool;
    private final Worker[] workers;
    private final List<StepHook> hooks = new ArrayList<>();
    /** The hooks' site observers, and which of them want this step's sites. */
    private final StepHook.SiteObserver[] observers;
    private final boolean[] observing;
    private boolean anyObserving;
    private final StepView view = new StepView(this);
    private final AtomicInteger nextChunk = new AtomicInteger();
    /** chunkDone[c] == stepMark: all atoms of chunk c are evaluated this step (set by their thread). */
    private AtomicIntegerArray chunkDone = new AtomicIntegerArray(0);
    private int stepMark, scatterNext;
    private volatile boolean workerFailed;
    private final StepProfile profile = StepProfile.ENABLED ? new StepProfile() : null;
    /** speciesOfType[t] for LAMMPS type t (1-based); -1 = type not handled. Null before pair_coeff. */
    private int[] speciesOfType;
    private double cutsq;
    /** The model's min_dist squared: neighbours closer than that are counted as close contacts. */
    private final double minDistSq;

    // current step (valid during compute)
    long timestep;
    int inum, nlocal, nall, neighmask, tagBytes;
    double energy;
    /** MPI collectives of the shim (bridge ABI 4), for hooks. */
    final Collectives collectives = new Collectives();
    /** Outputs of the hooks for this step: the configuration's grade, LAMMPS's per-atom grade vector (or null). */
    double grade;
    MemorySegment atomGradeOut;
    final double[] box = new double[9];
    /** domain->periodicity per axis (for hooks that write the configuration). */
    final boolean[] periodic = new boolean[3];
    private MemorySegment ilist, numneigh, firstneigh, x, type, tag;
    // per local atom ii and per kept neighbour entry (entries of ii start at entryOff[ii])
    int[] centralSpecies = new int[0], kept = new int[0], entryOff = new int[0];
    double[] site = new double[0];
    /**
     * Per local atom ii: sum of its own g (force on i, 3) and its atomic virial -r_a g_b summed over
     * its entries (9: xx yy zz xy xz yz yx zx zy; MLIP-2 puts the whole pair term on the central atom).
     */
    double[] ownForce = new double[0], ownVirial = new double[0];
    private double[] reaction = new double[0];
    /** Species of every local and ghost atom this step (-1: type not handled); derived from type[]. */
    private int[] speciesOfAtom = new int[0];
    // scatter state of the current step
    private MemorySegment eatomSeg, vatomSeg, cvatomSeg;
    private boolean virialHere;
    private final double[] vir = new double[6];
    private double energySum;
    int[] entryJ = new int[0], entrySpecies = new int[0];
    double[] entryR = new double[0], entryG = new double[0];

    PairSession(PairSettings settings, SiteModel model, int rank) {
        this.settings = settings;
        this.model = model;
        this.rank = rank;
        double rc = model.cutoff();
        this.cutsq = rc * rc;
        this.minDistSq = model.minDist() * model.minDist();
        this.pool = new WorkerPool("mtpj-pair-worker", settings.threads());
        this.workers = new Worker[settings.threads()];
        for (int w = 0; w < workers.length; w++) workers[w] = new Worker(model.newKernel());
        for (StepHook.Factory f : ServiceLoader.load(StepHook.Factory.class, PairSession.class.getClassLoader())) {
            StepHook h = f.create(settings, model);
            if (h != null) hooks.add(h);
        }
        this.observers = hooks.stream().map(StepHook::siteObserver).filter(o -> o != null).toArray(StepHook.SiteObserver[]::new);
        this.observing = new boolean[observers.length];
    }

    boolean hasHooks() { return !hooks.isEmpty(); }

    /**
     * pair_coeff: names empty → type t is species t-1; else one element name (or NULL) per type,
     * matched against the model's species names. Returns the map for types 1..ntypes.
     */
    int[] mapTypes(int ntypes, List<String> names) {
        int c = model.speciesCount();
        int[] map = new int[ntypes + 1];
        map[0] = -1;
        if (names.isEmpty()) {
            if (c != Integer.MAX_VALUE && ntypes > c)
                throw new UserError("the data has " + ntypes + " atom types but the potential only " + c
                        + " species (type t is species t-1); use 'pair_coeff * * NAME...' with NULL for extra types");
            for (int t = 1; t <= ntypes; t++) map[t] = t - 1;
        } else {
            if (names.size() != ntypes)
                throw new UserError("pair_coeff * * needs one element name (or NULL) per atom type: " + ntypes
                        + " types, " + names.size() + " names given");
            String[] known = model.speciesNames();
            for (int t = 1; t <= ntypes; t++) {
                String n = names.get(t - 1);
                if (n.equals("NULL")) { map[t] = -1; continue; }
                if (known == null) {
                    // numbers are species indices (0-based), also accepted without names in the file
                    map[t] = speciesIndex(n, c);
                    continue;
                }
                int s = -1;
                for (int k = 0; k < known.length; k++) if (known[k] != null && known[k].equals(n)) s = k;
                if (s < 0) {
                    int asIndex = tryIndex(n, c);
                    if (asIndex < 0)
                        throw new UserError("element '" + n + "' (type " + t + ") is not a species of the potential; it has "
                                + String.join(" ", known));
                    s = asIndex;
                }
                map[t] = s;
            }
        }
        boolean any = false;
        for (int t = 1; t <= ntypes; t++) any |= map[t] >= 0;
        if (!any) throw new UserError("pair_coeff maps no atom type to a species");
        this.speciesOfType = map;
        return map;
    }

    private static int tryIndex(String n, int c) {
        try {
            int s = Integer.parseInt(n);
            return s >= 0 && s < c ? s : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int speciesIndex(String n, int c) {
        int s = tryIndex(n, c);
        if (s < 0)
            throw new UserError("the potential has no species names, so 'pair_coeff * * " + n + " ...' cannot be mapped;"
                    + " use 'pair_coeff * *' (type t = species t-1) or species numbers 0.." + (c - 1));
        return s;
    }

    double cutoff() { return model.cutoff(); }

    /** One force evaluation; see the class comment. */
    void compute(MemorySegment step) {
        if (speciesOfType == null) throw new UserError("pair_coeff * * missing");
        if (profile != null) profile.begin();
        int abi = step.get(JAVA_INT, StepLayout.ABI);
        StepLayout.check(step.get(JAVA_LONG, StepLayout.STRUCT_SIZE), abi);
        if (abi >= 4)
            collectives.bind(step.get(JAVA_INT, StepLayout.NPROCS), step.get(ADDRESS, StepLayout.COMM),
                    step.get(ADDRESS, StepLayout.ALLREDUCE), step.get(ADDRESS, StepLayout.GATHER));
        timestep = step.get(JAVA_LONG, StepLayout.TIMESTEP);
        inum = step.get(JAVA_INT, StepLayout.INUM);
        nlocal = step.get(JAVA_INT, StepLayout.NLOCAL);
        nall = step.get(JAVA_INT, StepLayout.NALL);
        neighmask = step.get(JAVA_INT, StepLayout.NEIGHMASK);
        tagBytes = step.get(JAVA_INT, StepLayout.TAG_BYTES);
        boolean eflagAtom = step.get(JAVA_INT, StepLayout.EFLAG_ATOM) != 0;
        boolean vflagAtom = step.get(JAVA_INT, StepLayout.VFLAG_ATOM) != 0;
        virialHere = step.get(JAVA_INT, StepLayout.VFLAG_GLOBAL) != 0 && step.get(JAVA_INT, StepLayout.VFLAG_FDOTR) == 0;
        for (int k = 0; k < 3; k++) {
            box[k] = step.get(JAVA_DOUBLE, StepLayout.BOXLO + 8L * k);
            box[3 + k] = step.get(JAVA_DOUBLE, StepLayout.BOXHI + 8L * k);
            box[6 + k] = step.get(JAVA_DOUBLE, StepLayout.TILT + 8L * k);
            periodic[k] = step.get(JAVA_INT, StepLayout.PERIODIC + 4L * k) != 0;
        }
        energy = 0;
        grade = 0;
        MemorySegment ag = step.get(ADDRESS, StepLayout.ATOM_GRADE);
        atomGradeOut = ag.address() == 0 ? null : ag.reinterpret(8L * nlocal);
        java.util.Arrays.fill(vir, 0);
        anyObserving = false;
        for (int k = 0; k < observers.length; k++) anyObserving |= observing[k] = observers[k].beginStep(inum);
        if (inum == 0 || nall == 0) {
            writeTotals(step, 0, vir);
            if (abi >= StepLayout.ABI_VERSION) writeCloseContacts(step, 0, 0, -1, -1);
            runHooks();
            step.set(JAVA_DOUBLE, StepLayout.GRADE, grade);
            return;
        }
        ilist = seg(step, StepLayout.ILIST, 4L * inum);
        numneigh = seg(step, StepLayout.NUMNEIGH, 4L * nlocal);
        firstneigh = seg(step, StepLayout.FIRSTNEIGH, 8L * nlocal);
        x = seg(step, StepLayout.X, 24L * nall);
        type = seg(step, StepLayout.TYPE, 4L * nall);
        tag = seg(step, StepLayout.TAG, (long) tagBytes * nall);
        MemorySegment f = seg(step, StepLayout.F, 24L * nall);
        eatomSeg = eflagAtom ? seg(step, StepLayout.EATOM, 8L * nall) : null;
        vatomSeg = vflagAtom ? seg(step, StepLayout.VATOM, 48L * nall) : null;
        cvatomSeg = step.get(JAVA_INT, StepLayout.CVFLAG_ATOM) != 0 ? seg(step, StepLayout.CVATOM, 72L * nall) : null;

        prepareEntries();
        mapAtoms();
        beginScatter();
        nextChunk.set(0);
        startChunks();
        // LAMMPS's thread (worker 0) also runs phase 2, in list order, for every chunk whose
        // atoms are all evaluated; the serial part thus overlaps with the other threads' work
        pool.forEachWorker(w -> workers[w].evaluate(w == 0));
        long scatter0 = profile != null ? System.nanoTime() : 0;
        long scatterCpu0 = profile != null ? StepProfile.cpuNow() : 0;
        endScatter(f);
        long scatterCpu = profile != null ? StepProfile.cpuNow() - scatterCpu0 : 0;
        energy = energySum;
        writeTotals(step, energySum, vir);
        if (abi >= StepLayout.ABI_VERSION) reportCloseContacts(step);
        if (profile != null) {
            long kernel = 0, gather = 0, sc = 0, workerCpu = 0;
            for (Worker w : workers) {
                kernel += w.kernelNanos; gather += w.gatherNanos; sc += w.scatterNanos; workerCpu += w.cpuNanos;
                w.kernelNanos = w.gatherNanos = w.scatterNanos = w.cpuNanos = 0;
            }
            profile.end(inum, kernel, gather, System.nanoTime() - scatter0 + sc, scatterCpu, workerCpu);
        }
        runHooks();
        step.set(JAVA_DOUBLE, StepLayout.GRADE, grade);
    }

    private void startChunks() {
        int chunks = (inum + CHUNK - 1) / CHUNK;
        if (chunkDone.length() < chunks) {
            chunkDone = new AtomicIntegerArray(chunks + chunks / 4 + 1);
            stepMark = 0;
        }
        stepMark++;
        scatterNext = 0;
        workerFailed = false;
        nextChunk.set(0);
    }

    /**
     * Phase 2 for the evaluated prefix of the list (LAMMPS's thread only). With {@code all}, waits
     * for the other threads' last chunks; returns early if one of them failed (its error is
     * rethrown by the pool).
     */
    private void drainScatter(boolean all) {
        while (scatterNext < inum) {
            int c = scatterNext / CHUNK;
            if (chunkDone.get(c) != stepMark) {
                if (!all || workerFailed) return;
                Thread.onSpinWait();
                continue;
            }
            int end = Math.min(inum, scatterNext + CHUNK);
            for (int ii = scatterNext; ii < end; ii++) scatterAtom(ii);
            scatterNext = end;
        }
    }

    private void beginScatter() {
        // reaction forces are gathered in a Java array first (indirect writes are cheaper there),
        // then added to LAMMPS's f in one sequential pass
        if (reaction.length < 3 * nall) reaction = new double[3 * nall + 3 * nall / 4];
        java.util.Arrays.fill(reaction, 0, 3 * nall, 0.0);
        energySum = 0;
    }

    /**
     * Phase 2 for local atom ii. Called in list order (so results do not depend on the thread
     * count): energy, per-atom energy, the atom's own force and virial (summed in phase 1) and
     * the reaction forces on its neighbours.
     */
    private void scatterAtom(int ii) {
        if (centralSpecies[ii] < 0) return;
        final double[] fr = reaction, g = entryG;
        final int[] js = entryJ;
        int i = ilist.getAtIndex(JAVA_INT, ii);
        energySum += site[ii];
        if (eatomSeg != null) eatomSeg.setAtIndex(JAVA_DOUBLE, i, eatomSeg.getAtIndex(JAVA_DOUBLE, i) + site[ii]);
        fr[3 * i] += ownForce[3 * ii];
        fr[3 * i + 1] += ownForce[3 * ii + 1];
        fr[3 * i + 2] += ownForce[3 * ii + 2];
        for (int k = entryOff[ii], end = k + kept[ii]; k < end; k++) {
            int jo = 3 * js[k];
            fr[jo] -= g[3 * k];
            fr[jo + 1] -= g[3 * k + 1];
            fr[jo + 2] -= g[3 * k + 2];
        }
        // MLIP-2's convention: the whole pair term goes to the central atom (mtp-spec.md §3.6)
        final double[] w = ownVirial;
        final int o = 9 * ii;
        if (vatomSeg != null || virialHere) {
            double xx = w[o], yy = w[o + 1], zz = w[o + 2];
            double xy = 0.5 * (w[o + 3] + w[o + 6]), xz = 0.5 * (w[o + 4] + w[o + 7]), yz = 0.5 * (w[o + 5] + w[o + 8]);
            if (vatomSeg != null) {
                long vo = 6L * i;
                add(vatomSeg, vo, xx); add(vatomSeg, vo + 1, yy); add(vatomSeg, vo + 2, zz);
                add(vatomSeg, vo + 3, xy); add(vatomSeg, vo + 4, xz); add(vatomSeg, vo + 5, yz);
            }
            if (virialHere) {
                vir[0] += xx; vir[1] += yy; vir[2] += zz; vir[3] += xy; vir[4] += xz; vir[5] += yz;
            }
        }
        if (cvatomSeg != null) {
            long co = 9L * i;
            for (int c = 0; c < 9; c++) add(cvatomSeg, co + c, w[o + c]);
        }
    }

    private static void add(MemorySegment s, long index, double v) {
        s.setAtIndex(JAVA_DOUBLE, index, s.getAtIndex(JAVA_DOUBLE, index) + v);
    }

    private void endScatter(MemorySegment f) {
        final double[] fr = reaction;
        for (int k = 0, n = 3 * nall; k < n; k++) f.setAtIndex(JAVA_DOUBLE, k, f.getAtIndex(JAVA_DOUBLE, k) + fr[k]);
    }

    private void runHooks() {
        for (StepHook h : hooks) h.afterCompute(view);
    }

    /** This rank's close contacts of the step, merged over the workers (closest first by distance, then list order). */
    private void reportCloseContacts(MemorySegment step) {
        long entries = 0;
        Worker best = null;
        for (Worker w : workers) {
            entries += w.closeEntries;
            if (w.closeEntries > 0 && (best == null || w.closeR2 < best.closeR2
                    || (w.closeR2 == best.closeR2 && w.closeII < best.closeII))) best = w;
        }
        if (best == null) writeCloseContacts(step, 0, 0, -1, -1);
        else writeCloseContacts(step, entries, Math.sqrt(best.closeR2), tagOf(best.closeI), tagOf(best.closeJ));
        for (Worker w : workers) w.closeEntries = 0;
    }

    private void writeCloseContacts(MemorySegment step, long entries, double closest, long idI, long idJ) {
        step.set(JAVA_DOUBLE, StepLayout.MIN_DIST, model.minDist());
        step.set(JAVA_LONG, StepLayout.CLOSE_ENTRIES, entries);
        step.set(JAVA_DOUBLE, StepLayout.CLOSE_MIN, closest);
        step.set(JAVA_LONG, StepLayout.CLOSE_ID_I, idI);
        step.set(JAVA_LONG, StepLayout.CLOSE_ID_J, idJ);
        step.set(JAVA_INT, StepLayout.CLOSE_POLICY, minDistSq > 0 ? settings.closeContacts().code : 0);
    }

    private static void writeTotals(MemorySegment step, double e, double[] vir) {
        step.set(JAVA_DOUBLE, StepLayout.ENERGY, e);
        for (int k = 0; k < 6; k++) step.set(JAVA_DOUBLE, StepLayout.VIRIAL + 8L * k, vir[k]);
    }

    private static MemorySegment seg(MemorySegment step, long field, long bytes) {
        MemorySegment p = step.get(ADDRESS, field);
        if (p.address() == 0) throw new IllegalStateException("LAMMPS passed a null array at offset " + field);
        return p.reinterpret(bytes);
    }

    /** Sizes the per-atom and per-entry arrays; entries of atom ii get room for all numneigh[i]. */
    private void prepareEntries() {
        if (centralSpecies.length < inum) {
            int n = Math.max(inum, centralSpecies.length * 5 / 4);
            centralSpecies = new int[n]; kept = new int[n]; entryOff = new int[n + 1]; site = new double[n];
            ownForce = new double[3 * n]; ownVirial = new double[9 * n];
        }
        int total = 0;
        for (int ii = 0; ii < inum; ii++) {
            entryOff[ii] = total;
            total += numneigh.getAtIndex(JAVA_INT, ilist.getAtIndex(JAVA_INT, ii));
        }
        entryOff[inum] = total;
        if (entryJ.length < total) {
            int n = Math.max(total, entryJ.length * 5 / 4);
            entryJ = new int[n]; entrySpecies = new int[n]; entryR = new double[3 * n]; entryG = new double[3 * n];
        }
    }

    /** One sequential pass over type[] so the gather reads a species per neighbour from a Java array. */
    private void mapAtoms() {
        if (speciesOfAtom.length < nall) speciesOfAtom = new int[nall + nall / 4];
        final int[] map = speciesOfType, out = speciesOfAtom;
        for (int i = 0; i < nall; i++) out[i] = map[type.getAtIndex(JAVA_INT, i)];
    }

    int ilistAt(int ii) { return ilist.getAtIndex(JAVA_INT, ii); }

    long tagOf(int i) { return tagBytes == 8 ? tag.getAtIndex(JAVA_LONG, i) : tag.getAtIndex(JAVA_INT, i); }

    double positionOf(int i, int axis) { return x.getAtIndex(JAVA_DOUBLE, 3L * i + axis); }

    /** Sum of g over atom ii's entries (force on i) and its atomic virial -r_a g_b (9 components). */
    private void ownTerms(int ii, int from, int to) {
        final double[] g = entryG, r = entryR;
        double fx = 0, fy = 0, fz = 0, xx = 0, yy = 0, zz = 0, xy = 0, xz = 0, yz = 0, yx = 0, zx = 0, zy = 0;
        for (int k = from; k < to; k++) {
            double gx = g[3 * k], gy = g[3 * k + 1], gz = g[3 * k + 2];
            double dx = r[3 * k], dy = r[3 * k + 1], dz = r[3 * k + 2];
            fx += gx; fy += gy; fz += gz;
            xx -= dx * gx; yy -= dy * gy; zz -= dz * gz;
            xy -= dx * gy; xz -= dx * gz; yz -= dy * gz;
            yx -= dy * gx; zx -= dz * gx; zy -= dz * gy;
        }
        ownForce[3 * ii] = fx; ownForce[3 * ii + 1] = fy; ownForce[3 * ii + 2] = fz;
        final double[] w = ownVirial;
        final int o = 9 * ii;
        w[o] = xx; w[o + 1] = yy; w[o + 2] = zz; w[o + 3] = xy; w[o + 4] = xz; w[o + 5] = yz;
        w[o + 6] = yx; w[o + 7] = zx; w[o + 8] = zy;
    }

    /**
     * Local atom ii's neighbours inside the cutoff into the entry arrays (from entryOff[ii]);
     * returns the end index. Reads LAMMPS's list and positions in place. Entries closer than
     * min_dist are counted in w.
     */
    private int gather(int ii, int i, int mask, double rc2, Worker w) {
        final double min2 = minDistSq;
        final MemorySegment xs = x;
        final int[] spa = speciesOfAtom;
        double xi = xs.getAtIndex(JAVA_DOUBLE, 3L * i), yi = xs.getAtIndex(JAVA_DOUBLE, 3L * i + 1),
                zi = xs.getAtIndex(JAVA_DOUBLE, 3L * i + 2);
        int n = numneigh.getAtIndex(JAVA_INT, i);
        long row = firstneigh.getAtIndex(ADDRESS, i).address();
        final int[] js = entryJ, sp = entrySpecies;
        final double[] r = entryR;
        int m = entryOff[ii];
        for (int k = 0; k < n; k++) {
            int j = ALL.get(JAVA_INT, row + 4L * k) & mask;
            int sj = spa[j];
            if (sj < 0) continue;
            double dx = xs.getAtIndex(JAVA_DOUBLE, 3L * j) - xi;
            double dy = xs.getAtIndex(JAVA_DOUBLE, 3L * j + 1) - yi;
            double dz = xs.getAtIndex(JAVA_DOUBLE, 3L * j + 2) - zi;
            double r2 = dx * dx + dy * dy + dz * dz;
            if (r2 >= rc2) continue;
            if (r2 == 0)
                throw new UserError("atoms with ids " + tagOf(i) + " and " + tagOf(j)
                        + " are at the same position (step " + timestep + ")");
            if (r2 < min2) w.closeContact(r2, ii, i, j);
            js[m] = j;
            sp[m] = sj;
            r[3 * m] = dx; r[3 * m + 1] = dy; r[3 * m + 2] = dz;
            m++;
        }
        return m;
    }

    /** Per-thread phase 1: takes chunks of local atoms until none are left. */
    private final class Worker {
        private final SiteModel.SiteKernel kernel;
        long kernelNanos, gatherNanos, scatterNanos;
        /** CPU time of this thread in phase 1 (unlike the wall times above, it excludes time descheduled). */
        long cpuNanos;
        /** This step's neighbour entries closer than min_dist, and the closest (squared distance, list index, atom indices). */
        long closeEntries;
        double closeR2;
        int closeII, closeI, closeJ;

        Worker(SiteModel.SiteKernel kernel) { this.kernel = kernel; }

        void closeContact(double r2, int ii, int i, int j) {
            if (closeEntries++ == 0 || r2 < closeR2 || (r2 == closeR2 && ii < closeII)) {
                closeR2 = r2; closeII = ii; closeI = i; closeJ = j;
            }
        }

        void evaluate(boolean main) {
            try {
                run(main);
            } catch (Throwable t) {
                workerFailed = true;
                throw t;
            }
        }

        private void run(boolean main) {
            final int[] spa = speciesOfAtom;
            final int mask = neighmask;
            final double rc2 = cutsq;
            final boolean timed = profile != null;
            final long cpu0 = timed ? StepProfile.cpuNow() : 0;
            for (int c; (c = nextChunk.getAndAdd(CHUNK)) < inum; ) {
                int end = Math.min(inum, c + CHUNK);
                for (int ii = c; ii < end; ii++) {
                    long t0 = timed ? System.nanoTime() : 0;
                    int i = ilist.getAtIndex(JAVA_INT, ii);
                    int ci = spa[i];
                    centralSpecies[ii] = ci;
                    if (ci < 0) { kept[ii] = 0; site[ii] = 0; continue; }
                    int off = entryOff[ii];
                    int m = gather(ii, i, mask, rc2, this);
                    kept[ii] = m - off;
                    long t1 = timed ? System.nanoTime() : 0;
                    site[ii] = kernel.siteEnergy(ci, m - off, entrySpecies, entryR, entryG, off);
                    long t2 = timed ? System.nanoTime() : 0;
                    if (anyObserving) observe(ii, ci);
                    ownTerms(ii, off, m);
                    if (timed) {
                        long t3 = System.nanoTime();
                        gatherNanos += t1 - t0;
                        kernelNanos += t2 - t1;
                        scatterNanos += t3 - t2;
                    }
                }
                chunkDone.set(c / CHUNK, stepMark); // volatile write: publishes this chunk's results
                if (main) drain(false);
            }
            if (main) drain(true);
            if (timed) cpuNanos += StepProfile.cpuNow() - cpu0;
        }

        private void observe(int ii, int species) {
            for (int k = 0; k < observers.length; k++) if (observing[k]) observers[k].afterSite(ii, species, kernel);
        }

        private void drain(boolean all) {
            long t0 = profile != null ? System.nanoTime() : 0;
            drainScatter(all);
            if (profile != null) scatterNanos += System.nanoTime() - t0;
        }
    }

    @Override
    public void close() {
        if (profile != null) System.err.println(profile.report(rank, workers.length));
        pool.close();
        for (StepHook h : hooks) h.close();
        collectives.close();
    }
}
