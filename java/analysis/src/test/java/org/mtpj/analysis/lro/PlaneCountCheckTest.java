package org.mtpj.analysis.lro;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.host.PoscarFiles;
import org.mtpj.analysis.cli.LroCommand;
import org.mtpj.core.io.PoscarReader;
import org.mtpj.core.model.Structure;
import org.mtpj.testkit.Shared;
import picocli.CommandLine;

/**
 * The cell-size dependence: the study's 96-atom cell (12 Mg) has 2 Mg per plane along b, and its
 * 2×2×2 replica gives another O[010]. 'lro' states the plane count and warns for b (and only b) in
 * the small cell.
 */
class PlaneCountCheckTest {
    static final Path POSCAR = Shared.file("data/amorphous-MgV2O5/pylro/POSCAR_300K");
    static final List<Direction> DIRS = List.of(Direction.parse("0,1,0"));

    static LroResult replicated(int n) {
        Structure s = PoscarFiles.read(POSCAR);
        List<double[]> f = new ArrayList<>();
        for (int i = 0; i < s.size(); i++)
            if (s.atomicNumber(i) == 12)
                for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) for (int c = 0; c < n; c++) {
                    double[] p = s.fractional(i);
                    f.add(new double[] {(p[0] + a) / n, (p[1] + b) / n, (p[2] + c) / n});
                }
        double[][] rows = s.cell().rows();
        double[][] big = new double[3][3];
        for (int r = 0; r < 3; r++) for (int k = 0; k < 3; k++) big[r][k] = rows[r][k] * n;
        return LroResult.compute("x" + n, 12, f.toArray(double[][]::new), big, DIRS, FibonacciSphere.points(20), false);
    }

    @Test
    void smallCellIsWarnedAlongBAndTheReplicaDiffers() {
        LroResult small = replicated(1), big = replicated(2);
        // the same structure, O[010] 0.051 in the cell and 0.231 replicated: the definition depends on the cell size
        assertTrue(big.order()[0] > 3 * small.order()[0], small.order()[0] + " vs " + big.order()[0]);
        assertArrayEquals(new int[] {8, 8, 4}, big.dims());
        assertEquals(List.of(), PlaneCountCheck.warnings(List.of("x2"), List.of(big), "Mg"), "12 or more Mg per plane in the replica");
        List<String> w = PlaneCountCheck.warnings(List.of("POSCAR_300K"), List.of(small), "Mg");
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("WARNING: along b the cell is too small") && w.get(0).contains("12 Mg atoms in 6 planes, 2 per plane"), w.get(0));
    }

    @Test
    void commandStatesThePlaneCountAndWarns(@TempDir Path out) {
        StringWriter so = new StringWriter(), se = new StringWriter();
        CommandLine cl = new CommandLine(new LroCommand());
        cl.setOut(new PrintWriter(so, true));
        cl.setErr(new PrintWriter(se, true));
        assertEquals(0, cl.execute(POSCAR.toString(), "--species", "Mg", "--out", out.toString(), "--no-progress", "--plots", "none"));
        assertTrue(so.toString().contains("POSCAR_300K: 4 6 2 planes along a b c (12 atoms: 3, 2, 6 per plane)"), so.toString());
        assertEquals(1, se.toString().lines().filter(l -> l.startsWith("WARNING: along b")).count(), se.toString());
        assertEquals(1, se.toString().lines().filter(l -> l.startsWith("WARNING")).count(), se.toString());
        assertTrue(new CommandLine(new LroCommand()).getUsageMessage().contains("Cell size enters the definition"));
    }
}
