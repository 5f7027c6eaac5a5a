package org.mtpj.lammps.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mtpj.core.UserError;
import org.mtpj.lammps.host.LammpsHost;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code mtpj lammps -in FILE [-var NAME VALUE ...] [-log FILE] [-screen FILE|none] ...}: runs
 * LAMMPS inside this JVM with pair style mtp/java (and its alias mlip) evaluated in the same JVM.
 */
@Command(name = "lammps",
        customSynopsis = "mtpj lammps -in FILE [-var NAME VALUE...] [-log FILE] [-screen FILE|none] [other lmp options]",
        description = {"Run a LAMMPS input inside this JVM (Java-host mode).",
                "Debian's liblammps is called through FFM; pair_style mtp/java (alias mlip) is evaluated in this JVM.",
                "Arguments are those of lmp: -in FILE (required), -var NAME VALUE..., -log FILE, -screen FILE|none, -echo ...",
                "Units: whatever the input sets (mtp/java requires 'units metal': A, eV, ps, bar).",
                "Serial only (for MPI use ./lmp-mtpj under mpirun). A LAMMPS error ends the process with exit code 1,"
                        + " as with lmp. Needs build/native/libmtpj_lammps.so (scripts/setup-lammps) or $MTPJ_NATIVE_BUILD."})
public final class LammpsCommand implements Callable<Integer> {
    @Option(names = "--help", usageHelp = true, description = "show this help")
    boolean help;

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Path input = null;
        List<String> rest = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if (a.equals("-in") || a.equals("-i")) {
                if (k + 1 >= args.size()) throw new UserError(a + " needs an input file");
                input = Path.of(args.get(++k));
            } else {
                rest.add(a);
            }
        }
        if (input == null) throw new UserError("missing -in FILE (the LAMMPS input script)");
        if (!Files.isRegularFile(input)) throw new UserError("input file " + input + " not found");
        try (LammpsHost host = new LammpsHost(rest, LammpsHost.defaultHelper())) {
            host.file(input);
        }
        return 0;
    }

    /** Stand-alone entry (tests start it in a child JVM). */
    public static void main(String[] argv) {
        CommandLine cl = new CommandLine(new LammpsCommand());
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            System.err.println("mtpj: " + ex.getMessage());
            return 2;
        });
        System.exit(cl.execute(argv));
    }
}
