package org.mtpj.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.mtpj.cli.core.CoreCommandsTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.cli.core.CoreCommandsTest.Run;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.CfgFiles;
import org.mtpj.testkit.Shared;

/**
 * Issue 13's extreme geometry and untrained potentials: the commands that evaluate say so once on
 * stderr (the numbers are still written: the user may want them), with the closest pair.
 */
class GeometryWarningsTest {
    @TempDir Path dir;

    private String f(String name) { return dir.resolve(name).toString(); }

    @BeforeEach
    void inputs() throws Exception {
        Path pot = Shared.file("data/amorphous-MgV2O5/pot.mtp");
        Files.copy(pot, dir.resolve("pot.mtp"));
        // the same potential without its coefficients: an untrained file
        String text = Files.readString(pot);
        String untrained = text.substring(0, text.indexOf("\tradial_coeffs")) + text.substring(text.indexOf("alpha_moments_count"), text.indexOf("species_coeffs"));
        Files.writeString(dir.resolve("untrained.mtp"), untrained);
        List<Configuration> cfgs = CfgFiles.readAll(Shared.file("reference/mlip2/dump600K_frames00-09.cfg")).subList(0, 2);
        Files.writeString(dir.resolve("ok.cfg"), CfgWriter.format(cfgs, CfgWriter.Style.LOSSLESS));
        Configuration c = cfgs.get(1).copy();
        // atom 2 put 0.01 Å from atom 1
        for (int a = 0; a < 3; a++) c.positions[3 + a] = c.positions[a] + (a == 0 ? 0.01 : 0);
        Files.writeString(dir.resolve("close.cfg"), CfgWriter.format(List.of(cfgs.get(0), c), CfgWriter.Style.LOSSLESS));
    }

    private String closeWarning(String command) throws Exception {
        long line = Files.readAllLines(dir.resolve("close.cfg")).lastIndexOf("BEGIN_CFG") + 1;
        return "mtpj " + command + ": warning: 1 neighbour pair closer than the potential's min_dist 1.390 Å in 1 configuration,"
                + " where the potential was never fitted (energies and forces there are unreliable); the closest: atoms 1 and 2 at 0.01000 Å ("
                + f("close.cfg") + ":" + line + ": configuration 2)";
    }

    private static List<String> warnings(Run r) {
        return r.err().lines().filter(l -> l.contains("warning")).toList();
    }

    @Test
    void closePairsAreCountedAndTheClosestNamed() throws Exception {
        Run efs = run("calc-efs", f("pot.mtp"), f("close.cfg"), f("out.cfg"));
        assertEquals(0, efs.code(), efs.err());
        assertEquals(List.of(closeWarning("calc-efs")), warnings(efs));
        assertEquals(2, CfgFiles.readAll(dir.resolve("out.cfg")).size());
        Run errors = run("calc-errors", f("pot.mtp"), f("close.cfg"));
        assertEquals(0, errors.code(), errors.err());
        assertEquals(List.of(closeWarning("calc-errors")), warnings(errors));
        Run grade = run("calc-grade", f("pot.mtp"), f("ok.cfg"), f("close.cfg"), f("graded.cfg"), "--als-filename", f("s.als"));
        assertEquals(0, grade.code(), grade.err());
        assertEquals(List.of(closeWarning("calc-grade")), warnings(grade));
        Run relax = run("relax", f("pot.mtp"), f("close.cfg"), f("relaxed.cfg"), "--steps", "1", "--threads", "1");
        assertTrue(relax.code() == 0 || relax.code() == 1, relax.err());
        assertEquals(List.of(closeWarning("relax")), warnings(relax));
    }

    @Test
    void ordinaryInputsGiveNoWarning() {
        Run efs = run("calc-efs", f("pot.mtp"), f("ok.cfg"), f("out.cfg"));
        assertEquals(0, efs.code(), efs.err());
        // only the closing summary
        assertEquals(List.of(), warnings(efs), efs.err());
        assertEquals(1, efs.err().lines().count(), efs.err());
        assertTrue(efs.err().startsWith("calc-efs: 2 configurations"), efs.err());
    }

    @Test
    void anUntrainedPotentialIsNamed() {
        String expected = "warning: " + f("untrained.mtp") + " is untrained (no radial_coeffs, species_coeffs or moment_coeffs): energies and"
                + " forces from its placeholder coefficients mean nothing; train it first (mtpj train)";
        Run efs = run("calc-efs", f("untrained.mtp"), f("ok.cfg"), f("out.cfg"));
        assertEquals(0, efs.code(), efs.err());
        assertEquals(List.of("mtpj calc-efs: " + expected), warnings(efs));
        Run relax = run("relax", f("untrained.mtp"), f("ok.cfg"), f("relaxed.cfg"), "--steps", "1", "--threads", "1");
        assertTrue(relax.code() == 0 || relax.code() == 1, relax.err());
        assertEquals(List.of("mtpj relax: " + expected), warnings(relax));
    }
}
