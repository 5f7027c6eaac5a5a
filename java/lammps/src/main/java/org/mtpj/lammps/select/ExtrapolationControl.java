package org.mtpj.lammps.select;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.mtpj.core.UserError;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.lammps.bridge.StepHook;
import org.mtpj.lammps.bridge.StepView;
import org.mtpj.lammps.config.MlipIni;
import org.mtpj.train.fit.Weighting;
import org.mtpj.train.grade.ActiveSet;
import org.mtpj.train.grade.ActiveSetState;
import org.mtpj.train.grade.GradeFormat;
import org.mtpj.train.grade.RowWeights;
import org.mtpj.train.grade.SelectionSession;

/**
 * mlip.ini's {@code select TRUE} during MD (mtp-spec §5.2) and {@code write-cfgs}: after every
 * force evaluation the configuration's MaxVol grade γ against the loaded active set (never
 * modified); γ > {@code select:threshold} appends the configuration (positions, types, cell,
 * {@code Feature MV_grade γ}, {@code Feature step}) to {@code select:save-selected};
 * γ > {@code select:threshold-break} (when > 1) stops the run with "Breaking threshold exceeded
 * (MV-grade: γ)". {@code write-cfgs FILE} appends every (skip+1)-th evaluated configuration.
 * Files are appended to, never truncated. Under MPI the grade is the maximum over the ranks and
 * rank 0 writes the gathered configuration (MLIP-2's selection mode is serial only).
 */
final class ExtrapolationControl implements StepHook {
    private final MlipIni.Selection sel;
    private final StepGrader grader;
    private final CfgAppender selected, allCfgs;
    private final int skip;
    private final boolean atomColumn;
    private long evaluations, selectedCount;
    private double maxGrade;
    private long maxGradeStep = -1;

    ExtrapolationControl(MlipIni ini, MtpPotential pot, boolean atomColumn, int threads) {
        this.sel = ini.select;
        this.atomColumn = atomColumn;
        if (sel.enabled()) {
            SelectionSession s = sel.loadState() != null ? loadState(sel.loadState(), pot, ini.mtpFile)
                    : new SelectionSession(pot, iniWeights(sel), sel.thresholdInit());
            this.grader = new StepGrader(pot, s.activeSet(), s.weights(), threads);
            this.selected = sel.saveSelected() != null ? new CfgAppender(sel.saveSelected(), sel.saveCap()) : null;
        } else {
            this.grader = null;
            this.selected = null;
        }
        this.allCfgs = ini.writeCfgs != null ? new CfgAppender(ini.writeCfgs) : null;
        this.skip = ini.writeCfgsSkip;
    }

    /** The state's potential must be mtp-filename's (MLIP-2 would silently use the state's, spec §9 trap 15). */
    static SelectionSession loadState(Path state, MtpPotential pot, Path mtpFile) {
        SelectionSession s = ActiveSetState.load(state);
        MtpPotential p = s.potential();
        if (!Arrays.equals(p.coefficients(), pot.coefficients()) || p.scaling != pot.scaling
                || p.maxDist != pot.maxDist || p.minDist != pot.minDist || p.speciesCount != pot.speciesCount)
            throw new UserError("select:load-state " + state + ": the state was made with another potential than mtp-filename "
                    + mtpFile + " (coefficients differ); make the state with this potential: mtpj calc-grade "
                    + mtpFile.getFileName() + " train.cfg train.cfg out.cfg --nbh-weight=1 --energy-weight=0 --als-filename "
                    + state.getFileName());
        return s;
    }

    /** Row weights of a fresh selector (no state): mlip.ini's select:*-weight keys, MLIP-2's defaults. */
    static RowWeights iniWeights(MlipIni.Selection sel) {
        return new RowWeights(orZero(sel.siteEnergyWeight()), sel.energyWeight() == null ? 1 : sel.energyWeight(),
                orZero(sel.forceWeight()), orZero(sel.stressWeight()), Weighting.parse(sel.weighting()));
    }

    private static double orZero(Double d) { return d == null ? 0 : d; }

    /** The grader takes each site's row from the pair style's own evaluation. */
    @Override
    public SiteObserver siteObserver() { return grader; }

    @Override
    public void afterCompute(StepView v) {
        if ((v.rank() > 0 || SelectionHookFactory.mpiRanks() > 1) && !v.hasCollectives())
            throw new UserError("select TRUE / write-cfgs under MPI need the native bridge with MPI collectives:"
                    + " rebuild it with scripts/build-native, or run serially");
        rank0 = v.rank() == 0;
        boolean writeAll = allCfgs != null && evaluations % (skip + 1L) == 0;
        evaluations++;
        double g = Double.NaN;
        if (grader != null) {
            g = grader.grade(v); // collective: the maximum over all ranks
            v.reportGrade(v.rank() == 0 ? g : 0); // compute pair sums pvector over the ranks
            if (v.wantsAtomGrades()) for (int ii = 0; ii < v.localCount(); ii++) v.reportAtomGrade(ii, grader.atomGrade(ii));
            if (g > maxGrade || maxGradeStep < 0) {
                maxGrade = g;
                maxGradeStep = v.timestep();
            }
        }
        boolean select = grader != null && g > sel.threshold();
        boolean stop = grader != null && sel.breaksRun() && g > sel.thresholdBreak();
        if (select) selectedCount++;
        boolean save = select && selected != null && !selectedFull;
        // the same decision on every rank (g is global): gather the atoms to rank 0, which writes
        if (writeAll || save) {
            Configuration c = gather(v);
            if (c != null) {
                c.features.put("step", Long.toString(v.timestep()));
                if (grader != null) c.features.put("MV_grade", GradeFormat.format(g));
                if (grader != null && atomColumn) c.extraColumns.put("nbh_grades", grades);
                if (writeAll) allCfgs.append(c, atomColumn);
                if (save) selected.append(c, atomColumn);
            }
            if (save) checkCap(v);
        }
        if (stop) {
            // rank 0 must have written the configuration before another rank's error aborts the run
            if (v.ranks() > 1) v.allreduce(new double[1], false);
            throw new UserError("Breaking threshold exceeded (MV-grade: " + GradeFormat.format(g) + ")");
        }
    }

    /**
     * After an append: once select:save-selected's cap is reached (rank 0 knows), every rank stops
     * gathering selected configurations; a warning once. The run goes on, selections are counted.
     */
    private void checkCap(StepView v) {
        if (!sel.saveCap().any()) return;
        String why = selected.capReached();
        if (v.ranks() > 1) {
            double[] full = {why != null ? 1 : 0};
            v.allreduce(full, true);
            selectedFull = full[0] > 0;
        } else {
            selectedFull = why != null;
        }
        if (selectedFull && why != null)
            System.err.println("mtp/java select: WARNING: " + why + " (step " + v.timestep() + "); later selections are counted, not written");
    }

    private boolean selectedFull;
    private double[] packed = new double[0], grades;
    private boolean rank0 = true;

    /** The whole configuration on rank 0 (null on the other ranks). Collective. */
    private Configuration gather(StepView v) {
        int need = StepConfiguration.RECORD * v.localCount();
        if (packed.length < need) packed = new double[need];
        int m = StepConfiguration.pack(v, grader, packed);
        double[] all = packed;
        int total = m;
        if (v.ranks() > 1) {
            double[] count = {m};
            v.allreduce(count, false);
            total = (int) count[0];
            all = v.gatherToRoot(packed, StepConfiguration.RECORD * m, StepConfiguration.RECORD * total);
            if (all == null) return null;
        }
        grades = new double[total];
        boolean[] periodic = {v.periodic(0), v.periodic(1), v.periodic(2)};
        return StepConfiguration.assemble(all, total, v.box(), periodic, grades);
    }

    /** One line for the end of the run. */
    String summary() {
        StringBuilder sb = new StringBuilder("mtp/java select: ").append(evaluations).append(" force evaluations");
        if (grader != null) {
            sb.append(String.format(Locale.ROOT, ", max MV-grade %s (step %d), %d above select:threshold %s",
                    GradeFormat.format(maxGrade), maxGradeStep, selectedCount, sel.threshold()));
            if (selected != null) sb.append(", ").append(selected.written()).append(" appended to ").append(selected.path())
                    .append(selectedFull ? " (cap reached)" : "");
            String t = grader.timing();
            if (!t.isEmpty()) sb.append("; ").append(t);
        }
        if (allCfgs != null) sb.append("; ").append(allCfgs.written()).append(" configurations appended to ").append(allCfgs.path());
        return sb.toString();
    }

    @Override
    public void close() {
        if (evaluations > 0 && rank0) System.err.println(summary());
        if (grader != null) grader.close();
        if (selected != null) selected.close();
        if (allCfgs != null) allCfgs.close();
    }

    /** Neighbourhood grade of local atom ii of the last step (0 when not graded). */
    double atomGrade(int ii) { return grader == null ? 0 : grader.atomGrade(ii); }
}
