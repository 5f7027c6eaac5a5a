package org.mtpj.analysis.compat;

import java.util.Map;
import java.util.TreeMap;
import org.mtpj.core.UserError;

/**
 * The hand-set parameters of the study's notebooks per temperature (analysis-spec §3 table):
 * file subsampling k, smoothing window A (avg_nsteps), row spacing S (ps per exported row), the
 * two {@code arange} stops of the re-differencing, and time_step × step_skip (fs per frame) that
 * sets dt of stage C. The study's dt per frame equals S ps (e.g. 300 000 fs at 600 K, as in its
 * exported table), so the built-in entries use time_step = 2 fs and step_skip = 500·S.
 */
public record StudyParameters(int temperatureK, int every, int avgNsteps, double rowSpacingPs, double tracerStop, double sigmaStop,
                              double timeStepFs, double stepSkip, int studyFiles) {

    private static final Map<Integer, StudyParameters> BUILT_IN = new TreeMap<>();

    static {
        put(300, 20, 34, 250, 4251, 4250, 1001);
        put(600, 1, 11, 300, 4500, 4500, 26);
        put(900, 10, 83, 240, 41040, 41040, 1001);
        put(1000, 10, 80, 200, 4200, 4200, 1001);
        put(1200, 10, 70, 150, 4460, 4650, 1001);
    }

    private static void put(int t, int k, int a, double s, double tracerStop, double sigmaStop, int files) {
        BUILT_IN.put(t, new StudyParameters(t, k, a, s, tracerStop, sigmaStop, 2.0, 500 * s, files));
    }

    /** The study's parameters at a temperature it analysed (300, 600, 900, 1000, 1200 K). */
    public static StudyParameters builtIn(int temperatureK) {
        StudyParameters p = BUILT_IN.get(temperatureK);
        if (p == null) throw new UserError("no built-in study parameters for " + temperatureK + " K; known: " + BUILT_IN.keySet()
                + " K (or give --every, --avg-nsteps, --row-spacing-ps, --tracer-stop, --sigma-stop)");
        return p;
    }

    public static java.util.Collection<StudyParameters> all() { return BUILT_IN.values(); }

    /** {@code studyFiles}: how many CONTCARs the study had at this temperature (0 = unknown). fs per frame in stage C: */
    public double frameFs() { return timeStepFs * stepSkip; }

    public StudyParameters with(Integer k, Integer a, Double s, Double tStop, Double sStop, Double timeStep, Double skip) {
        return new StudyParameters(temperatureK, k != null ? k : every, a != null ? a : avgNsteps, s != null ? s : rowSpacingPs,
                tStop != null ? tStop : tracerStop, sStop != null ? sStop : sigmaStop, timeStep != null ? timeStep : timeStepFs,
                skip != null ? skip : stepSkip, studyFiles);
    }
}
