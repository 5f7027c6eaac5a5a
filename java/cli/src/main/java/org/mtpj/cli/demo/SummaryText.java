package org.mtpj.cli.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text of the demo's summary.md: what each step did, the numbers, the plots, the verdict. */
final class SummaryText {
    private SummaryText() {}

    static String markdown(Map<String, String> p, int nTrain, int nValid, Map<String, Double> ev, Map<String, Double> et,
                           double parityRmse, String runsTsv, String cmpRows, String evidence, int agree, int total,
                           Map<String, String[]> arr, List<String> msdPlots, boolean parity, boolean selectionActive, double maxWall, int selected, double maxGrade, String timings) {
        StringBuilder s = new StringBuilder();
        s.append("# mtpj demo report (").append(p.get("variant")).append(")\n\n");
        s.append("SiO2 (128 Si + 256 O, 2.20 g/cm³). Reference: LAMMPS ").append(p.get("lmp_version"))
                .append(" with Vashishta's 1990 potential (`").append(p.get("potfile")).append("`). ")
                .append("Everything below was made by `scripts/demo").append(p.get("variant").equals("quick") ? " --quick" : "")
                .append("`; the exact inputs (sha256), versions and seeds are in `inputs.json`.\n\n");

        s.append("## 1. Reference data (oracle)\n\n");
        s.append(String.format(Locale.ROOT, "Random start, soft push-off (%s steps), melt at 6000 K (%s steps), then ramps of %s steps to each of %s K " +
                        "with %s steps held at each; a configuration every %s steps (1 fs) with energy, forces and the virial (PlusStress, kinetic part excluded). " +
                        "%d training and %d held-out configurations (the last %s of every hold, later in time than its training frames).%n%n",
                p.get("npush"), p.get("nmelt"), p.get("nramp"), p.get("hold_temps"), p.get("nhold"), p.get("every"), nTrain, nValid,
                pct(p.get("valid_frac"))));

        s.append("## 2. MTP training and errors on held-out configurations\n\n");
        s.append(String.format(Locale.ROOT, "`mtpj new-potential` level %s, 2 species, R_cut %s Å (R_min %s Å), radial basis %s; `mtpj train` " +
                        "(%s BFGS iterations at most; weights energy %s, force %s, stress %s), then `mtpj calc-errors`.%n%n",
                p.get("level"), p.get("rcut"), p.get("min_dist"), p.get("rbsize"), p.get("max_iter"), p.get("w_energy"), p.get("w_force"), p.get("w_stress")));
        s.append("| quantity | training | held-out |\n|---|---|---|\n");
        row(s, "energy RMSE (meV/atom)", 1e3, "Energy per atom/RMS absolute difference", et, ev);
        row(s, "force RMSE per component (eV/Å)", 1, "Forces/RMS absolute difference", et, ev);
        row(s, "force RMS relative error", 1, "Forces/RMS(ForceDiff) / RMS(Force)", et, ev);
        row(s, "stress RMSE (GPa)", 1, "Stresses (in GPa)/RMS absolute difference", et, ev);
        s.append('\n');
        if (parity) s.append(String.format(Locale.ROOT, "![force parity](parity_forces.png)%n%nForce parity on the held-out set (RMSE %.3f eV/Å per component).%n%n", parityRmse));

        s.append("## 3. Molecular dynamics\n\n");
        s.append(String.format(Locale.ROOT, "NVT (Nosé–Hoover, 0.1 ps) from the oracle's structure at each temperature: %s equilibration steps with the " +
                        "potential, then %s production steps, positions every %s steps. MTP: `./lmp-mtpj` with `pair_style mtp/java`, extrapolation " +
                        "control on (grade threshold %s, stop above %s; configurations above the threshold go to `preselected.cfg`). Classical: Debian's `lmp`.%n%n",
                p.get("neq"), p.get("nprod"), p.get("md_every"), p.get("sel_threshold"), p.get("sel_break")));
        if ("1".equals(p.get("walls"))) s.append(String.format(Locale.ROOT, "The MTP runs add short-range safety walls (`pair_style soft`, A = %s eV: %s), each just below the " +
                "closest pair of that kind in the training data, so they change nothing on any training configuration; they keep the MD " +
                "out of the region the MTP never saw, where it has no repulsion. Largest wall energy seen in the MTP runs: %s eV " +
                "(0 = the walls were never touched at the printed steps).%n%n", p.get("wall_A"), p.get("wall_list"), ReportCommand.g(maxWall)));
        else s.append("The MTP runs have no safety walls: active learning taught the MTP the configurations its MD reaches.\n\n");
        s.append(tsvToMarkdown(runsTsv)).append('\n');
        if (selectionActive && !Double.isNaN(maxGrade)) s.append(String.format(Locale.ROOT, "Extrapolation: the largest grade in the MTP runs " +
                "was %.2f (threshold %s; 1 = like the training set, well above ~2 = extrapolating); %d configurations above the threshold " +
                "were saved to `preselected.cfg` — the candidates an active-learning step would label with the oracle and add to the " +
                "training set.%n%n", maxGrade, p.get("sel_threshold"), selected));
        if (!selectionActive) s.append("**Extrapolation grades were not computed**: this mtpj build's pair style ignores `select TRUE` " +
                "(see the mtp/java WARNING in the MD logs), so the MTP runs carry no extrapolation check.\n\n");

        s.append("## 4. Diffusion\n\n");
        s.append(String.format(Locale.ROOT, "`mtpj msd` (all time origins, centre-of-mass drift removed) and `mtpj diffusion` (straight-line fit of MSD " +
                "over %s–%s ps, D = slope/6). The uncertainty is the larger of the fit's standard error and the standard error of the " +
                "mean of D over %s consecutive blocks of the run (each fitted over %s–%s ps). D in Å²/ps (1 Å²/ps = 1e-4 cm²/s); `z` = |ΔD| / combined " +
                "uncertainty; agree means z ≤ %.0f. All numbers in `diffusion.tsv`.%n%n",
                p.get("fit_lo"), p.get("fit_hi"), p.get("nblocks"), p.get("fit_lo"), p.get("fit_hi_block"), ReportCommand.AGREE_Z));
        s.append("| T (K) | species | D Vashishta | D MTP | MTP/Vashishta | z | |\n|---|---|---|---|---|---|---|\n").append(cmpRows).append('\n');
        for (String img : msdPlots) s.append("![").append(img).append("](").append(img).append(")\n");
        s.append("\n![Arrhenius](arrhenius.png)\n\n");
        if (!arr.isEmpty()) {
            s.append("`mtpj arrhenius` (ln D against 1/T):\n\n| potential | species | E_a (eV) | ± se (eV) | D0 (cm²/s) |\n|---|---|---|---|---|\n");
            for (String[] w : arr.values()) s.append("| ").append(w[0]).append(" | ").append(w[1]).append(" | ").append(w[2]).append(" | ")
                    .append(w[3]).append(" | ").append(w.length > 4 ? w[4] : "").append(" |\n");
            s.append('\n');
        }

        s.append("## 5. Verdict\n\n");
        if (agree == total) {
            s.append(String.format(Locale.ROOT, "**The MTP and the classical potential give the same diffusion coefficients within the uncertainties** (%d of %d). %s%n%n",
                    agree, total, evidence));
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
        if (!timings.isEmpty()) {
            s.append("## Timings\n\n").append(tsvToMarkdown(timings)).append('\n');
        }
        s.append("Files: `errors.tsv`, `md_runs.tsv`, `diffusion.tsv`, `summary.json`, `inputs.json`, plots as PNG and SVG.\n");
        return s.toString();
    }

    private static void row(StringBuilder s, String label, double scale, String key, Map<String, Double> t, Map<String, Double> v) {
        s.append("| ").append(label).append(" | ").append(String.format(Locale.ROOT, "%.4g", t.get(key) * scale)).append(" | ")
                .append(String.format(Locale.ROOT, "%.4g", v.get(key) * scale)).append(" |\n");
    }

    private static String pct(String frac) {
        return String.format(Locale.ROOT, "%.0f %%", Double.parseDouble(frac) * 100);
    }

    static String tsvToMarkdown(String tsv) {
        String[] lines = tsv.strip().split("\n");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String[] w = lines[i].split("\t", -1);
            s.append("| ").append(String.join(" | ", w)).append(" |\n");
            if (i == 0) s.append("|").append("---|".repeat(w.length)).append('\n');
        }
        return s.toString();
    }
}
