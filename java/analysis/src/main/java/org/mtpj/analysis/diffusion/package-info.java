/** OLS fits: D tracer, D_sigma, Haven ratio, per-axis D with standard errors over a lag window; Arrhenius. */
package org.mtpj.analysis.diffusion;
