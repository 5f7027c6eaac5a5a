package org.mtpj.learn;

/**
 * The oracle ran but cannot give this one configuration a label to trust (SCF not converged, the
 * calculation failed after its set-up was accepted, the per-configuration time limit): the learner
 * reports it, records it beside the labels ({@code NNNN.skipped}, so a rerun does not try again)
 * and leaves it out of the training set. A broken set-up (program missing, bad input) is a
 * {@link org.mtpj.core.UserError} instead and stops the round.
 */
public final class LabelSkipped extends RuntimeException {
    public LabelSkipped(String reason) {
        super(reason);
    }
}
