package org.mtpj.lammps.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mtpj.core.UserError;
import org.mtpj.lammps.check.LammpsRunCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtpj check-lammps md.lmp -var T 600}: what would stop or surprise this LAMMPS run, all at once. */
@Command(name = "check-lammps", mixinStandardHelpOptions = true,
        description = {"Check a LAMMPS input with an MTP before running it: everything that would stop it, at once.",
                "Reads the input (and its include files, mlip.ini, the potential, the active-set state, the data file)"
                        + " without running MD and lists: variables the command line would clash with, missing files,"
                        + " an MLIP-2 binary state (with the command that rebuilds mtpj's), MLIP-2 settings and what mtpj does"
                        + " with them, the type -> species mapping, and the expected cost per step, measured on the input's"
                        + " own structure (µs per atom and step, one thread).",
                "Files are looked up as LAMMPS would: relative to the folder it runs in (--run-dir, default: here).",
                "Also reached as ./lmp-mtpj --check -in md.lmp [-var ...].",
                "Exit code 0: nothing would stop the run (warnings may remain); 1: something would (lines marked STOP); 2: bad usage."})
public final class CheckLammpsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "IN.lmp", description = "the LAMMPS input (or -in FILE)")
    Path positional;

    @Option(names = {"-in", "-i"}, paramLabel = "FILE", description = "the LAMMPS input, as lmp takes it")
    Path in;

    @Option(names = {"-var", "-v"}, arity = "2", paramLabel = "NAME VALUE",
            description = "a variable as the run's command line would set it (repeatable; LAMMPS makes it an index variable)")
    List<String> vars;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "the folder LAMMPS would run in (default: the current folder)")
    Path runDir;

    @Option(names = "--no-timing", description = "do not measure the cost per step (saves ~1 s)")
    boolean noTiming;

    @Override
    public Integer call() throws IOException {
        Path input = in != null ? in : positional;
        if (input == null) throw new UserError("check-lammps: give the LAMMPS input (IN.lmp or -in FILE)");
        if (!Files.isRegularFile(input)) throw new UserError(input + ": LAMMPS input not found");
        Path dir = runDir != null ? runDir : Path.of("").toAbsolutePath();
        if (!Files.isDirectory(dir)) throw new UserError("--run-dir " + dir + ": not a folder");
        Map<String, List<String>> cl = new LinkedHashMap<>();
        if (vars != null) for (int i = 0; i + 1 < vars.size(); i += 2) cl.put(vars.get(i), List.of(vars.get(i + 1)));
        var findings = new LammpsRunCheck(input, dir, cl, !noTiming).run();
        PrintWriter out = spec.commandLine().getOut();
        out.println("check-lammps " + input + " (run folder " + dir + (cl.isEmpty() ? "" : ", " + cl) + ")");
        long stops = findings.stream().filter(f -> f.severity().name().equals("STOP")).count();
        long warns = findings.stream().filter(f -> f.severity().name().equals("WARN")).count();
        for (var f : findings) out.println(f);
        out.println(stops == 0 ? "nothing would stop this run" + (warns > 0 ? " (" + warns + " warning" + (warns > 1 ? "s" : "") + ")" : "")
                : stops + " thing" + (stops > 1 ? "s" : "") + " would stop this run (STOP), " + warns + " warning" + (warns == 1 ? "" : "s"));
        out.flush();
        return stops == 0 ? 0 : 1;
    }
}
