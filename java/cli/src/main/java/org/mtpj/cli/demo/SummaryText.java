package org.mtpj.cli.demo;

import java.util.Locale;
import java.util.Map;

/** The frame of the demo's summary.md: title, the verdict, the timings and the list of files; the sections write the rest. */
final class SummaryText {
    private SummaryText() {}

    static String title(Map<String, String> p) {
        String[] species = p.get("species").trim().split("\\s+"), counts = p.get("counts").trim().split("\\s+");
        StringBuilder atoms = new StringBuilder();
        for (int i = 0; i < species.length; i++) atoms.append(i > 0 ? " + " : "").append(counts[i]).append(' ').append(species[i]);
        return "# mtpj demo report (" + p.get("variant") + ", oracle " + p.get("oracle") + ")\n\n"
                + p.get("system") + " (" + atoms + ", " + p.get("density") + " g/cm³). Reference (the oracle): LAMMPS " + p.get("lmp_version")
                + " with " + p.get("oracle_label") + " (`" + p.get("potfile") + "`, `pair_style " + p.get("pair_style") + "`, range "
                + p.get("oracle_range") + " Å). "
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
            // the oracle's reach is a reason only when it exceeds the MTP's cutoff
            double range = Double.parseDouble(p.get("oracle_range")), rcut = Double.parseDouble(p.get("rcut"));
            String reach = range > rcut
                    ? p.get("oracle_short") + "'s interactions reach " + p.get("oracle_range") + " Å while the MTP sees only R_cut = " + p.get("rcut")
                      + " Å, so the long-range part is folded into short-range terms; "
                    : "";
            s.append("Likely reasons, in order" + (reach.isEmpty() ? " (not the reach: R_cut = " + p.get("rcut") + " Å covers " + p.get("oracle_short")
                    + "'s " + p.get("oracle_range") + " Å)" : "") + ": " + (reach.isEmpty() ? "" : "(1) " + reach) +
                    "(" + (reach.isEmpty() ? 1 : 2) + ") the training set is small and correlated (one melt–quench trajectory) and the fit is short (" + p.get("max_iter") +
                    " iterations), see the force errors above; an MTP fitted once, without active learning, can drift into configurations " +
                    "unlike its training set (see the wall energies and extrapolation grades); (" + (reach.isEmpty() ? 2 : 3) + ") the uncertainties come from one short run per temperature (the fit's " +
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
