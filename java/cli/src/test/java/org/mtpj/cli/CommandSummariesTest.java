package org.mtpj.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.mtpj.testkit.Tolerances.MLIP2_ENERGY_PER_ATOM;
import static org.mtpj.testkit.Tolerances.MLIP2_GRADE;
import static org.mtpj.testkit.Tolerances.MLIP2_GRADE_PRINTED;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.cli.core.CoreCommandsTest;
import org.mtpj.cli.core.CoreCommandsTest.Run;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.CfgFiles;
import org.mtpj.testkit.Shared;

/**
 * Commands end with a short summary on stderr of what they computed and where it went, checked
 * against MLIP-2's numbers (reference energies and grades), so a user need not grep the outputs.
 */
class CommandSummariesTest {
    @TempDir Path tmp;

    private static final String POT = Shared.file("data/amorphous-MgV2O5/pot.mtp").toString();
    private static final Path FRAMES = Shared.file("reference/mlip2/dump600K_frames00-09.cfg");
    private static final Path EDGE = Shared.file("reference/mlip2/edge_cases.cfg");

    private static Matcher find(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no line matching " + regex + " in:\n" + text);
        return m;
    }

    @Test
    void calcEfsSaysHowManyConfigurationsTheEnergyRangeAndWhereItWrote() {
        Path out = tmp.resolve("efs.cfg");
        Run r = CoreCommandsTest.run("calc-efs", POT, FRAMES.toString(), out.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out(), "stdout stays empty: the data is OUT.cfg");
        List<Configuration> ref = CfgFiles.readAll(FRAMES);   // MLIP-2's energies
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        long atoms = 0;
        for (Configuration c : ref) {
            lo = Math.min(lo, c.energy / c.size);
            hi = Math.max(hi, c.energy / c.size);
            atoms += c.size;
        }
        Matcher m = find("calc-efs: (\\d+) configurations, (\\d+) atoms; energy (\\S+) to (\\S+) eV/atom; wrote (\\S+)", r.err());
        assertEquals(ref.size(), Integer.parseInt(m.group(1)));
        assertEquals(atoms, Long.parseLong(m.group(2)));
        double printed = 5e-7;   // %.6f
        assertEquals(lo, Double.parseDouble(m.group(3)), MLIP2_ENERGY_PER_ATOM + printed);
        assertEquals(hi, Double.parseDouble(m.group(4)), MLIP2_ENERGY_PER_ATOM + printed);
        assertEquals(out.toString(), m.group(5));
    }

    /** MLIP-2's configuration-mode grades against frames 0-9 (grades_visible.tsv) of frames 0-9 (all ~1), then of edge_cases.cfg. */
    private static List<Double> referenceGrades() throws Exception {
        List<String> rows = Files.readAllLines(Shared.file("reference/mlip2/grades_visible.tsv"));
        return java.util.stream.Stream.concat(rows.stream().filter(l -> l.startsWith("cfg\tdump600K_frames00-09\t")),
                rows.stream().filter(l -> l.startsWith("cfg\tedge_cases\t"))).map(l -> Double.parseDouble(l.split("\t")[4])).toList();
    }

    @Test
    void calcGradeSaysTheLargestGradeHowManyAreAboveTheThresholdsAndWhatItWrote() throws Exception {
        Path in = tmp.resolve("frames-and-edge-cases.cfg");
        List<Configuration> both = new java.util.ArrayList<>(CfgFiles.readAll(FRAMES));
        both.addAll(CfgFiles.readAll(EDGE));
        CfgFiles.writeAll(in, both, org.mtpj.core.io.CfgWriter.Style.LOSSLESS);
        Path out = tmp.resolve("graded.cfg"), state = tmp.resolve("s.als");
        Run r = CoreCommandsTest.run("calc-grade", POT, FRAMES.toString(), in.toString(), out.toString(),
                "--als-filename", state.toString(), "--progress", "off");
        assertEquals(0, r.code(), r.err());
        List<Double> ref = referenceGrades();
        Matcher m = find("calc-grade: (\\d+) configurations graded \\(cfg mode\\); largest grade (\\S+) \\(configuration (\\d+), 0-based\\);"
                + " above 1.1 / 2 / 10: (\\d+) / (\\d+) / (\\d+)", r.err());
        assertEquals(ref.size(), Integer.parseInt(m.group(1)));
        int argmax = 0;
        for (int i = 1; i < ref.size(); i++) if (ref.get(i) > ref.get(argmax)) argmax = i;
        double want = ref.get(argmax);
        assertEquals(want, Double.parseDouble(m.group(2)), MLIP2_GRADE * want + MLIP2_GRADE_PRINTED);
        assertEquals(argmax, Integer.parseInt(m.group(3)));
        double[] thresholds = {1.1, 2, 10};
        for (int k = 0; k < 3; k++) {
            double t = thresholds[k];
            assertEquals(ref.stream().filter(g -> g > t).count(), Long.parseLong(m.group(4 + k)), "above " + t);
        }
        find("calc-grade: active set from " + Pattern.quote(FRAMES.toString()) + ": 10 configurations, \\d+ swaps, \\d+ of \\d+ rows filled", r.err());
        find("calc-grade: wrote " + Pattern.quote(out + ", " + state) + "$", r.err().strip());
        assertTrue(r.out().contains("train: " + FRAMES), r.out());
    }

    @Test
    void calcGradeWithASavedStateNamesTheStateNotTheTrainingFileItIgnores() throws Exception {
        Path state = tmp.resolve("s.als");
        assertEquals(0, CoreCommandsTest.run("calc-grade", POT, FRAMES.toString(), EDGE.toString(), tmp.resolve("a.cfg").toString(),
                "--als-filename", state.toString(), "--progress", "off").code());
        String ignored = tmp.resolve("not-read.cfg").toString();   // does not even exist
        Path out = tmp.resolve("b.cfg");
        Run r = CoreCommandsTest.run("calc-grade", POT, ignored, EDGE.toString(), out.toString(), "--load-state", state.toString(),
                "--progress", "off");
        assertEquals(0, r.code(), r.err());
        assertFalse((r.out() + r.err()).contains("not-read.cfg"), "the ignored TRAIN.cfg is printed:\n" + r.out() + r.err());
        assertTrue(r.out().contains("state: " + state), r.out());
        find("calc-grade: 26 configurations graded \\(cfg mode\\); largest grade \\S+ \\(configuration 2, 0-based\\)", r.err());
        find("calc-grade: wrote " + Pattern.quote(out.toString()) + "$", r.err().strip());
    }
}
