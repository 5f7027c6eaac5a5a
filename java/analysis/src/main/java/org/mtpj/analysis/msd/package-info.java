/** Multi-origin MSD per axis and MSCD by FFT (equal to the direct double loop), analysis-spec §2. */
package org.mtpj.analysis.msd;
