/** The diffusion report page (Markdown + HTML): correct and study-compat numbers side by side. */
package org.mtpj.analysis.report;
