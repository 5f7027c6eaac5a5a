/**
 * MTP evaluation (mtp-spec.md §3): {@link org.mtpj.core.eval.NeighbourList} (complete periodic
 * neighbour search), {@link org.mtpj.core.eval.SiteEvaluator} (site energy, ∂V/∂r_ij and ∂V/∂θ of
 * one neighbourhood; one per thread; used by both the .cfg path and the LAMMPS bridge) and
 * {@link org.mtpj.core.eval.Evaluator} (whole configurations in parallel, results independent of
 * the thread count bit for bit).
 */
package org.mtpj.core.eval;
