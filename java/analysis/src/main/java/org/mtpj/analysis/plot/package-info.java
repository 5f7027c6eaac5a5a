/** XChart helpers shared by the analysis commands: {@link org.mtpj.analysis.plot.Plots} (PNG + SVG, panels, shaded windows). */
package org.mtpj.analysis.plot;
