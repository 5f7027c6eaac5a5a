package org.mtpj.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.mtpj.analysis.cli.AnalysisCommands;
import org.mtpj.cli.core.CoreCommands;
import org.mtpj.core.UserError;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.lammps.cli.LammpsCommands;
import org.mtpj.train.cli.TrainCommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mtpj} command line. Subcommands come from each module's *Commands class; their
 * argument order mirrors MLIP-2's {@code mlp} where the two overlap.
 *
 * <p>Exit codes: {@link ExitCodes} (all of them, also shown by {@code mtpj --help}).
 */
@Command(name = "mtpj", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = {"Moment Tensor Potentials in Java: evaluation, training, active learning, LAMMPS coupling, analysis.",
                "Units: LAMMPS metal (Å, eV, ps, bar); .cfg files: Å, eV, eV/Å, PlusStress in eV."},
        footer = {"", ExitCodes.HELP},
        subcommandsRepeatable = false)
public final class Main implements Runnable {
    static final String VERSION = "mtpj 0.1.0";

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** All subcommand objects, in the order `mtpj --help` lists them. */
    static List<Object> subcommands() {
        List<Object> all = new ArrayList<>();
        all.addAll(CoreCommands.all());
        all.addAll(TrainCommands.all());
        all.addAll(org.mtpj.learn.cli.LearnCommands.all());
        all.addAll(LammpsCommands.all());
        all.addAll(AnalysisCommands.all());
        all.add(new BatchCommand());
        all.add(new org.mtpj.cli.daemon.DaemonCommand());
        all.add(new org.mtpj.cli.demo.ReportCommand());   // hidden: scripts/demo's report step
        return all;
    }

    /** A configured command line (also used by tests, which call execute() in-process). */
    public static CommandLine commandLine() {
        return configured(subcommands());
    }

    /**
     * The command line for these arguments, with only the subcommand they name: picocli builds the
     * model of every registered command by reflection, which costs most of a short command's start
     * (~0.2 s for all of them). Help, unknown names and options go to the full command line.
     */
    public static CommandLine commandLineFor(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            for (Object sub : subcommands()) {
                Command c = sub.getClass().getAnnotation(Command.class);
                if (c != null && (c.name().equals(args[0]) || List.of(c.aliases()).contains(args[0]))) return configured(List.of(sub));
            }
        }
        return commandLine();
    }

    private static CommandLine configured(List<Object> subcommands) {
        CommandLine cl = new CommandLine(new Main());
        for (Object sub : subcommands) cl.addSubcommand(sub);
        cl.setExecutionExceptionHandler(Main::handle);
        // picocli passes Errors through untouched: an OutOfMemoryError would end as a stack trace
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cl.setExecutionStrategy(parsed -> {
            try {
                return run.execute(parsed);
            } catch (OutOfMemoryError e) {
                return outOfMemory(parsed.commandSpec().commandLine().getErr());
            }
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            if (quietRank()) return ExitCodes.BAD_INPUT;
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("mtpj: " + ex.getMessage());
            err.println("Try 'mtpj " + ex.getCommandLine().getCommandName() + " --help'.");
            return ExitCodes.BAD_INPUT;
        });
        return cl;
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        Throwable t = ex;
        while (t.getCause() != null && !(t instanceof InputFormatException) && !(t instanceof UserError)) t = t.getCause();
        // under mpirun rank 0 says an input error once (every rank meets the same one, or Ranks.agree sent it there)
        if (t instanceof org.mtpj.host.OtherRankFailed || ((t instanceof InputFormatException || t instanceof UserError) && quietRank()))
            return t instanceof UserError ue ? ue.exitCode() : ExitCodes.BAD_INPUT;
        if (t instanceof InputFormatException || t instanceof UserError) {
            err.println("mtpj: " + t.getMessage());
            return t instanceof UserError ue ? ue.exitCode() : ExitCodes.BAD_INPUT;
        }
        // the outermost I/O exception says what was being done ("cannot write X: ..."), its cause only why
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof java.io.IOException || c instanceof java.io.UncheckedIOException) {
                err.println("mtpj: I/O error: " + ioMessage(c));
                return ExitCodes.BAD_INPUT;
            }
        }
        if (t instanceof OutOfMemoryError) return outOfMemory(err);
        // A bug, not the user's fault: one line plus where, and a hint to get the full trace.
        StackTraceElement[] st = t.getStackTrace();
        err.println("mtpj: internal error: " + t + (st.length > 0 ? " at " + st[0] : "")
                + " (set MTPJ_TRACE=1 for the full trace; please report it)");
        if ("1".equals(System.getenv("MTPJ_TRACE"))) t.printStackTrace(err);
        return ExitCodes.INTERNAL_ERROR;
    }

    /** A file system exception's message is often the bare path: add what went wrong. */
    private static String ioMessage(Throwable t) {
        if (t instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            String why = fs.getReason() != null ? fs.getReason()
                    : fs instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : fs instanceof java.nio.file.NoSuchFileException ? "not found"
                    : fs.getClass().getSimpleName();
            return fs.getFile() + ": " + why;
        }
        return String.valueOf(t.getMessage());
    }

    /** One line and exit code 3 (ExitCodes.OUT_OF_MEMORY); the heap is what the user can change. */
    private static int outOfMemory(PrintWriter err) {
        long maxMiB = Runtime.getRuntime().maxMemory() >> 20;
        err.println("mtpj: out of memory (Java heap " + maxMiB + " MiB): raise it, e.g. MTPJ_JAVA_OPTS=-Xmx16g ./mtpj ...,"
                + " or use a smaller input");
        err.flush();
        return ExitCodes.OUT_OF_MEMORY;
    }

    /** Commands that share their work over MPI ranks when started by mpirun (docs/mpi.md). */
    static final java.util.Set<String> MPI_COMMANDS = java.util.Set.of("train", "calc-efs", "calc-grade", "calc-errors");

    /** An MPI rank other than 0: it leaves input errors (the same on every rank) to rank 0. */
    static boolean quietRank() {
        return org.mtpj.host.Ranks.launchedSize() > 1 && org.mtpj.host.Ranks.launchedRank() != 0;
    }

    public static void main(String[] args) {
        // numbers in every file and table are C-style whatever the user's locale (de_DE would print 0,5)
        java.util.Locale.setDefault(java.util.Locale.ROOT);
        // without picocli: building even the top-level command model costs more than the JVM's own start
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            System.out.println(VERSION);
            return;
        }
        if (org.mtpj.host.Ranks.launchedSize() > 1 && args.length > 0 && !MPI_COMMANDS.contains(args[0])) {
            // N copies of one command would each do all the work and race for its outputs
            if (!quietRank())
                System.err.println("mtpj: '" + args[0] + "' does not run under mpirun (MPI: " + String.join(", ", new java.util.TreeSet<>(MPI_COMMANDS))
                        + "); run it without mpirun, it uses every core through --threads");
            System.exit(2);
        }
        System.exit(commandLineFor(args).execute(args));
    }
}
