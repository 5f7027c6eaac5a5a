package org.mtpj.cli.demo;

import static org.mtpj.cli.demo.ReportFormat.f1;
import static org.mtpj.cli.demo.ReportFormat.f3;
import static org.mtpj.cli.demo.ReportFormat.g;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mtpj.core.UserError;
import org.mtpj.lammps.log.ThermoLog;

/**
 * Report phase 3: the production MD runs (md/POT_TT/log.lammps, preselected.cfg) as md_runs.tsv:
 * temperature, pressure, speed, LAMMPS' MSD at the end, wall energies and extrapolation.
 */
final class MdSection {
    static final List<String> POTENTIALS = List.of("classical", "mtp");

    /** The production run (last thermo block) of "pot_T<T>". */
    private final Map<String, ThermoLog.Block> production = new TreeMap<>();
    private final List<String> species;
    private final StringBuilder runs;
    private final List<Map<String, Object>> runJson = new ArrayList<>();
    /** False when a pair style log says the extrapolation grades were not computed. */
    private boolean selectionActive = true;
    /** Largest energy found in the MTP runs' safety walls (eV, at thermo steps). */
    private double maxWall = 0;
    /** Over all MTP runs: configurations written to preselected.cfg, and the largest grade at the printed steps. */
    private int totalSelected = 0;
    private double maxGradeAll = Double.NaN;

    private MdSection(List<String> species) {
        this.species = species;
        runs = new StringBuilder("potential\tT_target_K\tT_mean_K\tP_mean_GPa\tsteps\tloop_s\tus_per_atom_step\t");
        for (String sp : species) runs.append("msd_end_").append(sp).append("_A2\t");
        runs.append("wall_E_max_eV\tpreselected\tmax_grade\n");
    }

    /** The runs of both potentials at every temperature; species in LAMMPS type order (their MSD columns c_msd<species>[4]). */
    static MdSection read(Path demo, List<String> temps, int natoms, List<String> species) throws IOException {
        MdSection s = new MdSection(species);
        for (String pot : POTENTIALS) for (String T : temps) s.readRun(demo, pot, T, natoms);
        return s;
    }

    private void readRun(Path demo, String pot, String T, int natoms) throws IOException {
        Path dir = demo.resolve("md/" + pot + "_T" + T);
        List<ThermoLog.Block> blocks = ThermoLog.read(dir.resolve("log.lammps")).blocks;
        if (blocks.isEmpty()) throw new UserError("demo report: no finished run in " + dir.resolve("log.lammps"));
        ThermoLog.Block b = blocks.get(blocks.size() - 1);
        production.put(pot + "_T" + T, b);
        int presel = 0;
        double maxGrade = Double.NaN;
        Path ps = dir.resolve("preselected.cfg");
        boolean selOff = pot.equals("mtp") && Files.readString(dir.resolve("log.lammps")).contains("extrapolation grades are not computed");
        if (selOff) selectionActive = false;
        if (pot.equals("mtp") && b.columns().contains("v_grade"))
            for (double gr : b.values("v_grade")) maxGrade = Double.isNaN(maxGrade) ? gr : Math.max(maxGrade, gr);
        if (pot.equals("mtp") && Files.exists(ps)) {
            for (String line : Files.readAllLines(ps)) {
                if (line.strip().equals("BEGIN_CFG")) presel++;
                if (line.contains("MV_grade")) {
                    double gr = Double.parseDouble(line.substring(line.indexOf("MV_grade") + 8).strip());
                    maxGrade = Double.isNaN(maxGrade) ? gr : Math.max(maxGrade, gr);
                }
            }
        }
        if (pot.equals("mtp")) {
            totalSelected += presel;
            if (!Double.isNaN(maxGrade)) maxGradeAll = Double.isNaN(maxGradeAll) ? maxGrade : Math.max(maxGradeAll, maxGrade);
        }
        double us = b.loopSeconds() / b.loopSteps() / natoms * 1e6;
        double wallMax = 0;
        if (b.columns().contains("v_ewall")) for (double w : b.values("v_ewall")) wallMax = Math.max(wallMax, w);
        if (pot.equals("mtp")) maxWall = Math.max(maxWall, wallMax);
        double pGpa = b.mean("Press") * 1e-4;
        List<String> msdEnd = new ArrayList<>();
        Map<String, Object> rj = new LinkedHashMap<>();
        rj.put("potential", pot); rj.put("T_target_K", Double.parseDouble(T)); rj.put("T_mean_K", b.mean("Temp"));
        rj.put("P_mean_GPa", pGpa); rj.put("us_per_atom_step", us);
        for (String sp : species) {
            double[] msd = b.values("c_msd" + sp + "[4]");
            msdEnd.add(f3(msd[msd.length - 1]));
            rj.put("msd_end_" + sp + "_A2", msd[msd.length - 1]);
        }
        runs.append(String.join("\t", pot, T, f1(b.mean("Temp")), f3(pGpa), Long.toString(b.loopSteps()), f1(b.loopSeconds()), f1(us),
                String.join("\t", msdEnd), pot.equals("mtp") ? g(wallMax) : "", pot.equals("mtp") ? (selOff ? "not computed" : Integer.toString(presel)) : "",
                Double.isNaN(maxGrade) ? "" : g(maxGrade))).append('\n');
        if (pot.equals("mtp")) { rj.put("preselected", presel); rj.put("max_grade", maxGrade); rj.put("wall_E_max_eV", wallMax); }
        runJson.add(rj);
    }

    /** The production run of one potential at one temperature. */
    ThermoLog.Block production(String pot, String T) { return production.get(pot + "_T" + T); }

    /** Mean over the temperatures of P(MTP) − P(classical) at the same volume (GPa). */
    double pressureDifferenceGPa(List<String> temps) {
        double pDiff = 0;
        for (String T : temps) pDiff += (production("mtp", T).mean("Press") - production("classical", T).mean("Press")) * 1e-4 / temps.size();
        return pDiff;
    }

    void writeFiles(Path out) throws IOException {
        Files.writeString(out.resolve("md_runs.tsv"), runs);
    }

    void putJson(Map<String, Object> json) {
        json.put("md_runs", runJson);
        json.put("selection_active", selectionActive);
        json.put("selected_configurations", totalSelected);
        json.put("max_grade", maxGradeAll);
    }

    String markdown(Map<String, String> p) {
        StringBuilder s = new StringBuilder("## 3. Molecular dynamics\n\n");
        s.append(String.format(Locale.ROOT, "NVT (Nosé–Hoover, 0.1 ps) from the oracle's structure at each temperature: %s equilibration steps with the " +
                        "potential, then %s production steps, positions every %s steps. MTP: `./lmp-mtpj` with `pair_style mtp/java`, extrapolation " +
                        "control on (grade threshold %s, stop above %s; configurations above the threshold go to `preselected.cfg`). Classical: Debian's `lmp`.%n%n",
                p.get("neq"), p.get("nprod"), p.get("md_every"), p.get("sel_threshold"), p.get("sel_break")));
        if ("1".equals(p.get("walls"))) s.append(String.format(Locale.ROOT, "The MTP runs add short-range safety walls (`pair_style soft`, A = %s eV: %s), each just below the " +
                "closest pair of that kind in the training data, so they change nothing on any training configuration; they keep the MD " +
                "out of the region the MTP never saw, where it has no repulsion. Largest wall energy seen in the MTP runs: %s eV " +
                "(0 = the walls were never touched at the printed steps).%n%n", p.get("wall_A"), p.get("wall_list"), g(maxWall)));
        else s.append("The MTP runs have no safety walls: active learning taught the MTP the configurations its MD reaches.\n\n");
        s.append(ReportFormat.tsvToMarkdown(runs.toString())).append('\n');
        if (selectionActive && !Double.isNaN(maxGradeAll)) s.append(String.format(Locale.ROOT, "Extrapolation: the largest grade in the MTP runs " +
                "was %.2f (threshold %s; 1 = like the training set, well above ~2 = extrapolating); %d configurations above the threshold " +
                "were saved to `preselected.cfg` — the candidates an active-learning step would label with the oracle and add to the " +
                "training set.%n%n", maxGradeAll, p.get("sel_threshold"), totalSelected));
        if (!selectionActive) s.append("**Extrapolation grades were not computed**: this mtpj build's pair style ignores `select TRUE` " +
                "(see the mtp/java WARNING in the MD logs), so the MTP runs carry no extrapolation check.\n\n");
        return s.toString();
    }
}
