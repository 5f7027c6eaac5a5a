package org.mtpj.lammps.it;

import static org.mtpj.lammps.it.NativeLammps.copy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mtpj.lammps.cli.CompareLammpsLog;
import org.mtpj.testkit.Shared;

/**
 * MLIP-2's LAMMPS reference run (in.nve768 on the study's 768-atom cell, its log and dump in
 * ../shared/reference/lammps-mlip2) and what the tests compare it with.
 */
final class ReferenceRun {
    private ReferenceRun() {}

    static Path ref(String name) { return Shared.file("reference/lammps-mlip2/" + name); }

    static Path data(String name) { return Shared.file("data/amorphous-MgV2O5/" + name); }

    /** The reference input unchanged (pair_style mlip mlip.ini through the alias) + our mlip.ini. */
    static void inputs(Path dir) throws IOException {
        copy(ref("in.nve768"), dir, "in.nve768");
        copy(data("input1.pos"), dir, "input1.pos");
        copy(data("pot.mtp"), dir, "pot.mtp");
        Files.writeString(dir.resolve("mlip.ini"), "mtp-filename pot.mtp\ncalculate-efs TRUE\n");
    }

    /** mtpj compare-logs: 0 when the thermo agrees to rtol; the report goes to sink. */
    static int compareLogs(Path a, Path b, double rtol, StringWriter sink) {
        return CompareLammpsLog.compare(a, b, rtol, 0, null, false, new PrintWriter(sink));
    }

    /** The first thermo block's lines as printed, header to the last row (2022+ indents the header). */
    static List<String> thermoRows(Path log) throws IOException {
        List<String> l = Files.readAllLines(log);
        int s = 0;
        while (!l.get(s).stripLeading().startsWith("Step")) s++;
        int e = s;
        while (!l.get(e).startsWith("Loop time")) e++;
        return l.subList(s, e);
    }
}
