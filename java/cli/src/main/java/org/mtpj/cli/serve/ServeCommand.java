package org.mtpj.cli.serve;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mtpj.core.UserError;
import org.mtpj.core.eval.CloseContacts;
import org.mtpj.core.eval.EvaluationResult;
import org.mtpj.core.eval.Evaluator;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.MtpPotential;
import org.mtpj.host.MtpFiles;
import org.mtpj.host.OutputGuard;
import org.mtpj.host.ThreadsOption;
import org.mtpj.host.WorkerPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mtpj serve POT.mtp}: one long-lived evaluator for a client process (the ASE calculator
 * of python/mtpj_ase): requests on stdin, replies on stdout ({@link ServeProtocol}), until stdin
 * closes, so the JVM ends with its client. A bad request is one line on stderr and an error reply;
 * the server goes on.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve evaluations over stdin/stdout (ASE calculator).",
            "",
            "One long-lived process evaluates every structure sent on stdin, for programs that drive many evaluations"
                    + " (the ASE calculator python/mtpj_ase: relaxations, MD)."
                    + " Requests and replies are a header line plus little-endian binary numbers (docs/ase.md)."
                    + " Ends when stdin closes. A bad request gets an error reply and one line on stderr; the next one is served.",
            "Units: Å, eV, eV/Å; PlusStress in eV (virial -σV, positive under compression).", ""})
public final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "POT.mtp", description = "The potential (.mtp format 1.1.0).")
    Path pot;

    @Mixin ThreadsOption threads;

    @Override
    public Integer call() {
        OutputGuard.of("serve").input(pot).check();
        MtpPotential p = MtpFiles.read(pot);
        PrintWriter err = spec.commandLine().getErr();
        String untrained = p.untrainedWarning(pot);
        if (untrained != null) say(err, untrained);
        // The protocol owns stdout: anything else printed to System.out would corrupt a reply.
        PrintStream previousOut = System.out;
        OutputStream out = new BufferedOutputStream(previousOut, 1 << 16);
        System.setOut(System.err);
        InputStream in = new BufferedInputStream(System.in, 1 << 16);
        CloseContacts contacts = new CloseContacts(p.minDist);
        boolean warned = false;
        long served = 0, refused = 0;
        try (WorkerPool pool = WorkerPool.start(threads.workers())) {
            Evaluator ev = new Evaluator(p, pool);
            out.write(ServeProtocol.hello(p.speciesCount, p.cutoff()).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (true) {
                Configuration c;
                try {
                    c = ServeProtocol.read(in);
                } catch (ServeProtocol.BadRequest e) {
                    refused++;
                    refuse(err, out, "request " + (served + refused) + ": " + e.getMessage());
                    continue;
                }
                if (c == null) break;
                try {
                    long t0 = System.nanoTime();
                    EvaluationResult r = ev.evaluate(c);
                    long t1 = System.nanoTime();
                    // after the evaluation, which refuses what the scan could not take (non-finite positions)
                    contacts.scan(c, "request " + (served + refused + 1));
                    ServeProtocol.writeResult(out, r, t1 - t0);
                    served++;
                } catch (UserError e) {
                    refused++;
                    refuse(err, out, "request " + (served + refused) + ": " + e.getMessage());
                }
                if (!warned && contacts.pairs() > 0) {
                    say(err, contacts.warning());
                    warned = true;
                }
            }
        } catch (IOException e) {
            // the client went away (stdin ended inside a request, or stdout closed): nothing to answer
            say(err, "stopped: " + e.getMessage());
        } finally {
            System.setOut(previousOut);
        }
        // the project's closing summary: what was served
        say(err, served + " structure" + (served == 1 ? "" : "s") + " evaluated, " + refused + " request" + (refused == 1 ? "" : "s") + " refused");
        return 0;
    }

    private static void refuse(PrintWriter err, OutputStream out, String message) throws IOException {
        say(err, message);
        ServeProtocol.writeError(out, message);
    }

    private static void say(PrintWriter err, String line) {
        err.println("mtpj serve: " + line);
        err.flush();
    }
}
