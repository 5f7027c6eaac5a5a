package org.mtpj.learn;

import org.mtpj.core.eval.Evaluator;
import org.mtpj.core.io.ErrorReport;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.CfgFiles;
import org.mtpj.host.WorkerPool;

import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** The errors of a potential on a labelled set, as the round table shows them (MLIP-2's report numbers). */
final class ErrorSummary {
    private ErrorSummary() {}

    static void put(ObjectNode into, MtpPotential pot, Path set, int threads) {
        List<Configuration> cfgs = CfgFiles.readAll(set);
        ErrorReport report = new ErrorReport();
        try (WorkerPool pool = WorkerPool.start(threads)) {
            Evaluator ev = new Evaluator(pot, pool);
            for (Configuration ref : cfgs) {
                Configuration check = ref.copy();
                ev.evaluateInto(check);
                report.add(check, ref);
            }
        }
        into.put("configurations", cfgs.size());
        into.put("energy_rms_eV_per_atom", report.energyPerAtom().rms(1));
        into.put("force_rms_eV_per_A", report.forces().rms(3));
        into.put("force_rms_relative", report.forces().rmsRatio());
        into.put("stress_rms_eV", report.stress().rms(9));
    }
}
