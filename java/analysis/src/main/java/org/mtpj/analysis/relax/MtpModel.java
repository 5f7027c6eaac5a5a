package org.mtpj.analysis.relax;

import org.mtpj.core.UserError;
import org.mtpj.core.eval.EvaluationResult;
import org.mtpj.core.eval.Evaluator;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.WorkerPool;

/** The MTP as an {@link EnergyModel}: energy, forces and PlusStress from the core evaluator. */
public final class MtpModel implements EnergyModel, AutoCloseable {
    private final WorkerPool pool;
    private final Evaluator evaluator;
    private final MtpPotential pot;

    public MtpModel(MtpPotential pot, int threads) {
        this.pot = pot;
        this.pool = WorkerPool.start(Math.max(1, threads));
        this.evaluator = new Evaluator(pot, pool);
    }

    /** Refuses configurations with species the potential does not have. */
    public void check(Configuration c, String name) {
        for (int i = 0; i < c.size; i++)
            if (c.types[i] < 0 || c.types[i] >= pot.speciesCount)
                throw new UserError(name + ": atom " + (i + 1) + " has type " + c.types[i] + " but the potential describes only "
                        + pot.speciesCount + " species (types 0.." + (pot.speciesCount - 1) + ")");
    }

    @Override
    public Evaluation evaluate(Configuration c) {
        EvaluationResult r = evaluator.evaluate(c);
        return new Evaluation(r.energy, r.forces, r.plusStress);
    }

    public MtpPotential potential() { return pot; }

    @Override
    public void close() { pool.close(); }
}
