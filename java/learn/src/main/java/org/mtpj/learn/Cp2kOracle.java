package org.mtpj.learn;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mtpj.core.UserError;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.AtomicOutput;

/**
 * The ab initio oracle that runs anywhere: CP2K (Debian's {@code cp2k}, data in {@code cp2k-data}),
 * one ENERGY_FORCE single point per configuration in its work folder ({@code mtpj.inp} from
 * {@link Cp2kInput}, output {@code mtpj.out}, program messages {@code cp2k.log}), read by
 * {@link Cp2kOutput} and converted by {@link Cp2kUnits}.
 *
 * <p>What is trusted: a converged SCF of an accepted input. An SCF that did not converge, a run
 * that stopped after its SCF had started, or one past the time limit is {@link LabelSkipped} (the
 * configuration is reported and left out); an input CP2K refuses before its SCF (missing basis,
 * a typo in the template) or a program that cannot start stops the round.
 */
public final class Cp2kOracle implements Oracle {
    /** [oracle] settings of type "cp2k" (docs/learn.md). template null = the built-in input. */
    public record Settings(List<String> program, Path template, String basis, double cutoffRy, double relCutoffRy,
                           int mpiRanks, int threads, double timeoutMinutes) {}

    private final Settings settings;
    private final String[] species;
    private final Cp2kInput input;

    public Cp2kOracle(Settings settings, String[] species) {
        this.settings = settings;
        this.species = species.clone();
        String template;
        if (settings.template() == null) {
            template = Cp2kInput.builtInTemplate();
        } else {
            try {
                template = Files.readString(settings.template(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new UserError("cannot read the CP2K template " + settings.template() + ": " + e.getMessage());
            }
        }
        this.input = new Cp2kInput(template, species, settings.basis(), settings.cutoffRy(), settings.relCutoffRy());
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "CP2K (%s, %d MPI rank(s) x %d thread(s)): %s", String.join(" ", settings.program()),
                settings.mpiRanks(), settings.threads(), settings.template() != null ? "template " + settings.template()
                        : "built-in PBE input, " + settings.basis() + ", cutoff " + settings.cutoffRy() + " Ry");
    }

    @Override
    public Configuration label(Configuration cfg, Path work) {
        Configuration q = LabelCheck.unlabelled(cfg);
        if (q.latticeRows != 3) throw new UserError("the CP2K oracle labels 3-D periodic cells; this configuration has "
                + q.latticeRows + " Supercell row(s)");
        for (int t : q.types)
            if (t < 0 || t >= species.length) throw new UserError("species " + t + " is not named by [potential] species");
        Path inp = work.resolve("mtpj.inp"), outFile = work.resolve("mtpj.out"), log = work.resolve("cp2k.log");
        AtomicOutput.writeString(inp, input.text(q), StandardCharsets.UTF_8);
        List<String> cmd = ExternalProcess.underMpi(settings.mpiRanks(), settings.program());
        cmd.addAll(List.of("-i", "mtpj.inp", "-o", "mtpj.out"));
        int rc = ExternalProcess.runLimited(cmd, work, log, Map.of("OMP_NUM_THREADS", Integer.toString(settings.threads())),
                settings.timeoutMinutes() * 60);
        if (rc == ExternalProcess.TIMED_OUT)
            throw new LabelSkipped(String.format(Locale.ROOT, "CP2K ran past the time limit of %s min ([oracle] timeout_minutes); see %s",
                    settings.timeoutMinutes(), outFile));
        if (!Files.isRegularFile(outFile))
            throw new UserError("CP2K (" + String.join(" ", cmd) + ") wrote no output (exit " + rc + "); see " + log);
        Cp2kOutput o = Cp2kOutput.read(outFile);
        if (!o.scfConverged()) throw new LabelSkipped("CP2K's SCF did not converge; see " + outFile);
        if (rc != 0) {
            String why = "CP2K stopped (exit " + rc + "): " + (o.abort() != null ? o.abort() : "no [ABORT] message") + "; see " + outFile;
            if (o.scfStarted()) throw new LabelSkipped(why);
            throw new UserError(why + " (the input was refused before the SCF: check the template and [oracle] settings)");
        }
        if (Double.isNaN(o.energyHartree())) throw new UserError(outFile + ": no 'ENERGY| Total FORCE_EVAL' line");
        if (o.forcesHartreePerBohr() == null)
            throw new UserError(outFile + ": no 'ATOMIC FORCES in [a.u.]' block; the input needs &FORCE_EVAL &PRINT &FORCES ON");
        if (o.elements().length != q.size)
            throw new UserError(outFile + ": forces of " + o.elements().length + " atoms, expected " + q.size);
        for (int i = 0; i < q.size; i++)
            if (!o.elements()[i].equals(species[q.types[i]]))
                throw new UserError(outFile + ": atom " + (i + 1) + " is " + o.elements()[i] + ", expected " + species[q.types[i]]);
        q.energy = o.energyHartree() * Cp2kUnits.EV_PER_HARTREE;
        q.forces = new double[3 * q.size];
        for (int k = 0; k < q.forces.length; k++) q.forces[k] = o.forcesHartreePerBohr()[k] * Cp2kUnits.EV_PER_A_PER_HARTREE_PER_BOHR;
        if (o.stressGpa() != null) q.plusStress = Cp2kUnits.plusStress(o.stressGpa(), q.volume());
        q.features.put("EFS_by", "CP2K");
        return LabelCheck.check(cfg, q, outFile.toString());
    }
}
