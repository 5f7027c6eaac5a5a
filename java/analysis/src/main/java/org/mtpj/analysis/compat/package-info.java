/**
 * Study-compat mode (analysis-spec §3): the published study's notebooks step by step (stage A CONTCAR
 * writing, B plain-string file order, C Cartesian-as-fractional DiffusionAnalyzer-equivalent, D
 * re-differencing). Every number here is "study-compat (not physical)".
 */
package org.mtpj.analysis.compat;
