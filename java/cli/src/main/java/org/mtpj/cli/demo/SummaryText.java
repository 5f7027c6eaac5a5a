package org.mtpj.cli.demo;

import java.util.Locale;
import java.util.Map;

/** The frame of the demo's summary.md: title, the verdict, the timings and the list of files; the sections write the rest. */
final class SummaryText {
    private SummaryText() {}

    static String title(Map<String, String> p) {
        return "# mtpj demo report (" + p.get("variant") + ")\n\n"
                + "SiO2 (128 Si + 256 O, 2.20 g/cm³). Reference: LAMMPS " + p.get("lmp_version")
                + " with Vashishta's 1990 potential (`" + p.get("potfile") + "`). "
                + "Everything below was made by `scripts/demo" + (p.get("variant").equals("quick") ? " --quick" : "")
                + "`; the exact inputs (sha256), versions and seeds are in `inputs.json`.\n\n";
    }

    /**
     * D agreement (agree of total (T, species) pairs, notDiffusive of them on windows where the MSD is not diffusive), its
     * evidence, and the activation-energy sentence.
     */
    static String verdict(Map<String, String> p, int agree, int total, int notDiffusive, String evidence) {
        StringBuilder s = new StringBuilder("## 5. Verdict\n\n");
        if (notDiffusive > 0)
            s.append(String.format(Locale.ROOT, "**%d of %d comparisons rest on fit windows where the MSD is not diffusive** (marked %s in section 4): "
                    + "there the two potentials are compared by their mobility on the same time scale, not by diffusion coefficients.%n%n",
                    notDiffusive, total, DiffusionSection.NOT_DIFFUSIVE_MARK.strip()));
        if (agree == total) {
            s.append(String.format(Locale.ROOT, "**The MTP and the classical potential give the same %s within the uncertainties** (%d of %d). %s%n%n",
                    notDiffusive > 0 ? "D over the fit window" : "diffusion coefficients", agree, total, evidence));
        } else {
            s.append(String.format(Locale.ROOT, "**The MTP and the classical potential do NOT agree within the quoted uncertainties for %d of %d (T, species) pairs** " +
                    "(they agree for the other %d%s). ", total - agree, total, agree,
                    total - agree == 1 ? "; with a 2-sigma criterion about 1 comparison in 20 differs by chance alone" : ""));
            s.append(evidence).append(' ');
            s.append("Likely reasons, in order: (1) Vashishta's interactions reach 10 Å (screened Coulomb and charge–dipole terms) " +
                    "while the MTP sees only R_cut = " + p.get("rcut") + " Å, so the long-range part is folded into short-range terms; " +
                    "(2) the training set is small and correlated (one melt–quench trajectory) and the fit is short (" + p.get("max_iter") +
                    " iterations), see the force errors above; an MTP fitted once, without active learning, can drift into configurations " +
                    "unlike its training set (see the wall energies and extrapolation grades); (3) the uncertainties come from one short run per temperature (the fit's " +
                    "standard error or the scatter of a few blocks of it, itself uncertain); independent seeds scatter by about ±20–30 %.\n\n");
        }
        return s.toString();
    }

    /** The step timings of scripts/demo (timings.tsv), if any, and the list of files. */
    static String end(String timings) {
        String s = timings.isEmpty() ? "" : "## Timings\n\n" + ReportFormat.tsvToMarkdown(timings) + '\n';
        return s + "Files: `errors.tsv`, `md_runs.tsv`, `diffusion.tsv`, `summary.json`, `inputs.json`, plots as PNG and SVG.\n";
    }
}
