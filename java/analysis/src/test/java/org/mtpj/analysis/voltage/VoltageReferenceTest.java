package org.mtpj.analysis.voltage;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.UserError;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.testkit.Shared;

class VoltageReferenceTest {
    static final double E_MG = -1.5100;

    @Test
    void reproducesSyntheticReferenceTo1e12() throws IOException {
        EnergyTable t = EnergyTable.read(Shared.file("reference/analysis/voltage_synthetic_A_energies.tsv"));
        List<VoltageReport.Row> rows = VoltageReport.rows(new VoltageProfile(t, E_MG));
        Map<String, Double> ours = new LinkedHashMap<>();
        for (VoltageReport.Row r : rows) ours.put(r.quantity(), r.value());
        List<String> ref = Files.readAllLines(Shared.file("reference/analysis/voltage_synthetic.tsv"));
        assertEquals("case\tquantity\tvalue", ref.get(0));
        int checked = 0;
        for (String line : ref.subList(1, ref.size())) {
            String[] f = line.split("\t");
            assertEquals("A", f[0]);
            assertTrue(ours.containsKey(f[1]), "missing quantity " + f[1] + " in " + ours.keySet());
            double want = Double.parseDouble(f[2]), got = ours.get(f[1]);
            assertEquals(want, got, 1e-12 * Math.abs(want), f[1]);
            checked++;
        }
        assertEquals(9, checked);
        // The first rows are in the reference's order: the file starts like the reference.
        for (int i = 0; i < 9; i++) assertEquals(ref.get(i + 1).split("\t")[1], rows.get(i).quantity());
        // 0.75 lies on the hull line 0.5-1 (to rounding): not a vertex, zero distance.
        assertArrayEquals(new int[] {0, 1, 2, 4}, new VoltageProfile(t, E_MG).hullVertices());
    }

    @Test
    void pairVoltagesAndOffHullDistance() {
        // A point clearly above the hull: (0.5, -0.9) between (0,0) and (1,-2) whose chord is -1.
        EnergyTable t = new EnergyTable(new double[] {0, 0.5, 1}, new double[] {0, -0.9, -2});
        VoltageProfile p = new VoltageProfile(t, -1.0);
        assertArrayEquals(new int[] {0, 2}, p.hullVertices());
        assertEquals(0.1, p.aboveHull(1), 1e-15);
        assertEquals(-(-2 - 0 + 1.0) / 2, p.averageVoltage(0, 2), 1e-15);
        assertEquals(-(-0.9 + 0.5) / 1.0, p.averageVoltage(0, 1), 1e-15);
        assertEquals(0.1, p.formationEnergy(1), 1e-15);
        List<VoltageReport.Row> rows = VoltageReport.rows(p);
        assertEquals("V_avg_0_1", rows.get(0).quantity());
        assertTrue(rows.stream().anyMatch(r -> r.quantity().equals("V_avg_0_0.5")));
        assertTrue(rows.stream().anyMatch(r -> r.quantity().equals("E_above_hull_x0.5")));
    }

    @Test
    void badTablesAreClearErrors(@TempDir Path dir) throws IOException {
        Path unsorted = dir.resolve("u.tsv");
        Files.writeString(unsorted, "x\tE\n0\t-45\n0.5\t-48\n0.25\t-46\n");
        InputFormatException e = assertThrows(InputFormatException.class, () -> EnergyTable.read(unsorted));
        assertTrue(e.getMessage().contains("u.tsv:4"), e.getMessage());
        assertTrue(e.getMessage().contains("sorted"), e.getMessage());
        Path dup = dir.resolve("d.tsv");
        Files.writeString(dup, "x\tE\n0\t-45\n0\t-46\n");
        assertTrue(assertThrows(InputFormatException.class, () -> EnergyTable.read(dup)).getMessage().contains("twice"));
        Path garbage = dir.resolve("g.tsv");
        Files.writeString(garbage, "x\tE\n0\t-45\n0.5\tabc\n");
        assertTrue(assertThrows(InputFormatException.class, () -> EnergyTable.read(garbage)).getMessage().contains("g.tsv:3"));
        Path one = dir.resolve("o.tsv");
        Files.writeString(one, "x\tE\n0\t-45\n");
        assertThrows(InputFormatException.class, () -> EnergyTable.read(one));
        assertThrows(UserError.class, () -> new VoltageProfile(new EnergyTable(new double[] {0, 1}, new double[] {0, 1}), Double.NaN));
    }
}
