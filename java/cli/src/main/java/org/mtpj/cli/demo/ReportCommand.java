package org.mtpj.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes the demo's report folder from the step outputs under {@code --demo}: summary.md,
 * summary.json (the numbers the test checks), errors.tsv, md_runs.tsv, diffusion.tsv,
 * plots (PNG + SVG) and inputs.json (sha256 of every input, versions, seeds, parameters).
 * A hidden {@code mtpj} command: it reads the folder layout of {@code scripts/demo} only.
 * Each phase is its own class that reads its inputs, writes its files and gives its JSON
 * entries and markdown; this class only puts them in order.
 */
@Command(name = "demo-report", hidden = true, mixinStandardHelpOptions = true,
        description = {"Write the demo report folder from the outputs of the demo steps.",
            "Units: D in Å²/ps and cm²/s (1 Å²/ps = 1e-4 cm²/s), forces eV/Å, energies eV, pressure GPa."})
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--demo", required = true, description = "demo output folder (holds oracle/, train/, md/, analysis/)")
    Path demo;

    @Option(names = "--out", required = true, description = "report folder to write")
    Path out;

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(out);
        DemoParameters params = DemoParameters.read(demo);
        List<String> temps = params.mdTemperatures();

        OracleSection oracle = OracleSection.read(demo);
        TrainingSection training = TrainingSection.read(demo, oracle.valid);
        training.writeFiles(out);
        MdSection md = MdSection.read(demo, temps, oracle.atoms(), params.species());
        md.writeFiles(out);
        DiffusionSection diffusion = DiffusionSection.read(demo, params, md);
        diffusion.writeFiles(out, md, params.number("timestep_ps"), params.number("fit_lo"), params.number("fit_hi"));
        ArrheniusSection arrhenius = ArrheniusSection.read(demo, temps, diffusion);
        arrhenius.plot(temps, diffusion, out.resolve("arrhenius"));
        ActiveLearningSection al = ActiveLearningSection.read(demo);
        if (al != null) al.plot(temps, out.resolve("al_grades"));
        InputsRecord.write(demo, params, out.resolve("inputs.json"));

        // summary.json: keys in the order the test and earlier reports have them
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("variant", params.get("variant"));
        oracle.putJson(json);
        training.putJson(json);
        md.putJson(json);
        diffusion.putJson(json);
        arrhenius.putJson(json);
        if (al != null) al.putJson(json);
        json.put("ea_comparison", arrhenius.comparisonJson());
        ReportJson.write(out.resolve("summary.json"), json);

        Map<String, String> p = params.all();
        Path timings = demo.resolve("timings.tsv");
        String summary = SummaryText.title(p) + oracle.markdown(p) + training.markdown(p) + (al == null ? "" : al.markdown(temps, params.oracleName()))
                + md.markdown(p) + diffusion.markdown(p) + arrhenius.markdown()
                + SummaryText.verdict(p, diffusion.agreeCount(), diffusion.compareCount(), diffusion.notDiffusiveCount(), diffusion.evidence() + " " + arrhenius.verdict().strip())
                + SummaryText.end(Files.exists(timings) ? Files.readString(timings) : "");
        Files.writeString(out.resolve("summary.md"), summary);
        System.out.println("report written to " + out.resolve("summary.md"));
        return 0;
    }
}
