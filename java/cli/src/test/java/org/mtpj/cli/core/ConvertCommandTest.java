package org.mtpj.cli.core;

import static org.junit.jupiter.api.Assertions.*;
import static org.mtpj.cli.core.CoreCommandsTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.io.LammpsDataReader;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.CfgFiles;
import org.mtpj.host.LammpsDataFiles;
import org.mtpj.testkit.Shared;

class ConvertCommandTest {
    @TempDir Path tmp;

    @Test
    void dumpFramesBecomeTheReferenceConfigurations() {
        Path dump = Shared.file("data/amorphous-MgV2O5/dump_600K.lammpstrj");
        Path out = tmp.resolve("frames.cfg");
        CoreCommandsTest.Run r = run("convert", dump.toString(), out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Processed "), r.out());
        List<Configuration> ours = CfgFiles.readAll(out);
        List<Configuration> ref = CfgFiles.readAll(Shared.file("reference/mlip2/dump600K_frames00-09.cfg"));
        for (int k = 0; k < ref.size(); k++) {
            Configuration a = ref.get(k), b = ours.get(k);
            assertEquals(a.features.get("source"), b.features.get("source"));
            assertArrayEquals(a.types, b.types);
            assertArrayEquals(a.positions, b.positions, "frame " + k);
            for (int row = 0; row < 3; row++) assertArrayEquals(a.lattice[row], b.lattice[row]);
            assertNotNull(b.forces, "the dump's fx fy fz are kept");
        }
        // the dump's own numbers (its MD run), atoms in id order: first rows of step 0
        assertArrayEquals(new double[] {-1.41145, 0.257024, 0.24837, 0.318122, 0.539079, -0.2693},
                java.util.Arrays.copyOf(ours.get(0).forces, 6));
    }

    @Test
    void lammpsDataAndPoscarRoundTrips() throws Exception {
        Path ref = Shared.file("reference/mlip2/dump600K_frames00-09.cfg");
        Configuration a = CfgFiles.readAll(ref).get(3);
        Path data = tmp.resolve("data.mgvo");
        CoreCommandsTest.Run r = run("convert", ref.toString(), data.toString(), "--to", "lammps-data", "--types", "Mg,V,O", "--last");
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(data);
        assertTrue(text.contains("768 atoms\n3 atom types\n"), text.substring(0, 300));
        assertTrue(text.contains("1 24.305 # Mg\n2 50.942 # V\n3 15.999 # O\n"), text.substring(0, 400));
        LammpsDataReader d = LammpsDataFiles.read(data);
        Configuration last = CfgFiles.readAll(ref).get(9);
        assertArrayEquals(last.types, d.configuration.types);
        for (int i = 0; i < 3 * last.size; i++) assertEquals(last.positions[i], d.configuration.positions[i], 1e-12);
        assertArrayEquals(new String[] {"Mg", "V", "O"}, d.typeNames);

        // data -> cfg through the command, poscar -> cfg
        Path back = tmp.resolve("back.cfg");
        assertEquals(0, run("convert", data.toString(), back.toString()).code());
        assertEquals(768, CfgFiles.readAll(back).get(0).size);

        Path one = tmp.resolve("one.cfg");
        Files.writeString(one, org.mtpj.core.io.CfgWriter.format(List.of(a), org.mtpj.core.io.CfgWriter.Style.LOSSLESS));
        Path poscar = tmp.resolve("POSCAR");
        assertEquals(0, run("convert", one.toString(), poscar.toString(), "--types", "Mg,V,O").code());
        Path fromPoscar = tmp.resolve("p.cfg");
        assertEquals(0, run("convert", poscar.toString(), fromPoscar.toString(), "--types", "Mg,V,O").code());
        Configuration p = CfgFiles.readAll(fromPoscar).get(0);
        // POSCAR groups atoms by species (stable within a species)
        int k = 0;
        for (int t = 0; t < 3; t++)
            for (int i = 0; i < a.size; i++) {
                if (a.types[i] != t) continue;
                assertEquals(t, p.types[k]);
                for (int ax = 0; ax < 3; ax++) assertEquals(a.positions[3 * i + ax], p.positions[3 * k + ax], 1e-8);
                k++;
            }
        assertEquals(a.size, k);
    }

    @Test
    void cfgToDumpAndBackKeepsPositions() {
        Path ref = Shared.file("reference/mlip2/dump600K_frames00-09.cfg");
        Path dump = tmp.resolve("frames.lammpstrj");
        assertEquals(0, run("convert", ref.toString(), dump.toString()).code());
        Path back = tmp.resolve("back.cfg");
        assertEquals(0, run("convert", dump.toString(), back.toString()).code());
        List<Configuration> a = CfgFiles.readAll(ref), b = CfgFiles.readAll(back);
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.get(k).features.get("source"), b.get(k).features.get("source"));
            assertArrayEquals(a.get(k).types, b.get(k).types);
            for (int i = 0; i < a.get(k).positions.length; i++) assertEquals(a.get(k).positions[i], b.get(k).positions[i], 1e-12);
            assertArrayEquals(a.get(k).forces, b.get(k).forces, 1e-12, "forces survive cfg -> dump -> cfg");
        }
    }

    @Test
    void triclinicCellsAreRotatedIntoLammpsForm() throws Exception {
        // a rotated, sheared cell: energy-relevant geometry (distances, fractional coordinates) must survive
        Path in = tmp.resolve("tri.cfg");
        Files.writeString(in, "BEGIN_CFG\n Size\n 2\n Supercell\n 0 5 0\n 0 1 6\n 7 0.5 0.2\n"
                + " AtomData: id type cartes_x cartes_y cartes_z fx fy fz\n 1 0 0.1 0.2 0.3 1 0 0\n 2 1 3 4 2 0 1 0\nEND_CFG\n");
        Path data = tmp.resolve("tri.data"), dump = tmp.resolve("tri.dump");
        assertEquals(0, run("convert", in.toString(), data.toString()).code());
        assertEquals(0, run("convert", in.toString(), dump.toString()).code());
        Configuration a = CfgFiles.readAll(in).get(0);
        Configuration d = LammpsDataFiles.read(data).configuration;
        Path fromDump = tmp.resolve("tri_back.cfg");
        assertEquals(0, run("convert", dump.toString(), fromDump.toString()).code());
        Configuration u = CfgFiles.readAll(fromDump).get(0);
        for (Configuration c : List.of(d, u)) {
            assertEquals(0, c.lattice[0][1]);
            assertEquals(0, c.lattice[0][2]);
            assertEquals(0, c.lattice[1][2]);
            assertEquals(dist(a, 0, 1), dist(c, 0, 1), 1e-12);
            assertEquals(a.volume(), c.volume(), 1e-12);
        }
        String text = Files.readString(dump);
        assertTrue(text.contains("ITEM: BOX BOUNDS xy xz yz pp pp pp"));
        assertTrue(text.contains("ITEM: ATOMS id type x y z ix iy iz fx fy fz\n"));
        String[] rows = text.substring(text.indexOf("fx fy fz\n") + 9).split("\n");
        double[][] f = new double[2][3];
        for (int i = 0; i < 2; i++) {
            String[] w = rows[i].trim().split(" ");
            for (int k = 0; k < 3; k++) f[i][k] = Double.parseDouble(w[8 + k]);
        }
        // F' . a'_v = F . a_v for every lattice vector (a pure identity would fail: the cell turned)
        for (int i = 0; i < 2; i++)
            for (int v = 0; v < 3; v++) {
                double before = 0, after = 0;
                for (int k = 0; k < 3; k++) {
                    before += a.forces[3 * i + k] * a.lattice[v][k];
                    after += f[i][k] * u.lattice[v][k];
                }
                assertEquals(before, after, 1e-12, "atom " + i + " vector " + v);
            }
        // dump -> cfg keeps the dump's (rotated) forces
        for (int i = 0; i < 2; i++) assertArrayEquals(f[i], java.util.Arrays.copyOfRange(u.forces, 3 * i, 3 * i + 3));
    }

    private static double dist(Configuration c, int i, int j) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
            double d = c.positions[3 * i + k] - c.positions[3 * j + k];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    @Test
    void severalConfigurationsGoToNumberedFiles() {
        Path ref = Shared.file("reference/mlip2/dump600K_frames00-09.cfg");
        CoreCommandsTest.Run r = run("convert", ref.toString(), tmp.resolve("POSCAR").toString(), "--types", "Mg,V,O");
        assertEquals(0, r.code(), r.err());
        assertEquals("Processed 10 configurations\n", r.out());
        assertTrue(Files.exists(tmp.resolve("POSCAR0")));
        assertTrue(Files.exists(tmp.resolve("POSCAR9")));
    }

    @Test
    void userMistakesAreOneLine() {
        Path edge = Shared.file("reference/mlip2/edge_cases.cfg");
        CoreCommandsTest.Run r = run("convert", edge.toString(), tmp.resolve("POSCAR").toString(), "--types", "Mg,V,O");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("mtpj: POSCAR output needs a 3-D periodic cell"), r.err());
        CoreCommandsTest.Run n = run("convert", edge.toString(), tmp.resolve("POSCAR").toString());
        assertEquals(2, n.code());
        assertTrue(n.err().contains("--types"), n.err());
        CoreCommandsTest.Run g = run("convert", edge.toString(), tmp.resolve("out.txt").toString());
        assertEquals(2, g.code());
        assertTrue(g.err().contains("--to"), g.err());
    }

    /** A dump frame of two atoms in a 10 × 12 × 8 Å box whose origin is not 0. */
    static String frame(long step) {
        return "ITEM: TIMESTEP\n" + step + "\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n-5 5\n0 12\n1 9\n"
                + "ITEM: ATOMS id type x y z fx fy fz\n1 1 -4 1 2 0.5 -0.25 1\n2 2 " + step / 10.0 + " 6 8 -0.5 0.25 -1\n";
    }

    @Test
    void dumpWithEnergyVirialTableBecomesLabelledTrainAndValidSets() throws Exception {
        Path dump = tmp.resolve("frames.dump"), table = tmp.resolve("efs.txt");
        Files.writeString(dump, frame(0) + frame(10) + frame(20));
        // step 10 has no row: skipped; pressures in bar, LAMMPS order xx yy zz xy xz yz
        double perEv = org.mtpj.core.io.LammpsUnits.BAR_A3_PER_EV / 960;   // bar for which P·V is 1 eV
        Files.write(table, List.of("# T(K) step pe(eV) vol(A^3) pxx pyy pzz pxy pxz pyz",
                "4000 0 -12.5 960 " + perEv + " " + 2 * perEv + " " + 3 * perEv + " " + 4 * perEv + " " + 5 * perEv + " " + 6 * perEv,
                "4000 20 -11.25 960 0 0 0 0 0 " + -perEv));
        Path train = tmp.resolve("train.cfg"), valid = tmp.resolve("valid.cfg");
        CoreCommandsTest.Run r = run("convert", dump.toString(), train.toString(), "--thermo", table.toString(),
                "--valid-out", valid.toString(), "--valid-fraction", "0.5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Processed 2 configurations (1 to "), r.out());
        assertTrue(r.err().contains("1 dump frame(s) without a row"), r.err());
        Configuration a = CfgFiles.readAll(train).get(0);
        assertEquals(1, CfgFiles.readAll(train).size());
        assertEquals(-12.5, a.energy);
        // .cfg order xx yy zz yz xz xy
        double[] want = {1, 2, 3, 6, 5, 4};
        for (int k = 0; k < 6; k++) assertEquals(want[k], a.plusStress[k], 1e-12, "component " + k);
        assertArrayEquals(new double[] {1, 1, 1, 5, 6, 7}, a.positions, "relative to the box origin");
        assertArrayEquals(new int[] {0, 1}, a.types);
        assertArrayEquals(new double[] {0.5, -0.25, 1, -0.5, 0.25, -1}, a.forces);
        assertEquals(10, a.lattice[0][0]);
        List<Configuration> v = CfgFiles.readAll(valid);
        assertEquals(1, v.size());
        assertEquals(-11.25, v.get(0).energy);
        assertEquals(-1, v.get(0).plusStress[3], 1e-12);
        assertEquals(7, v.get(0).positions[3], 1e-12, "step 20's frame");

        // vol that is not the box volume: an error naming the table line
        Files.write(table, List.of("step pe vol pxx pyy pzz pxy pxz pyz", "0 -12.5 961 0 0 0 0 0 0"));
        r = run("convert", dump.toString(), train.toString(), "--thermo", table.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("efs.txt:2") && r.err().contains("box volume"), r.err());
        // without pressures: energy only
        Files.write(table, List.of("step pe", "0 -1", "10 -2", "20 -3"));
        assertEquals(0, run("convert", dump.toString(), train.toString(), "--thermo", table.toString()).code());
        List<Configuration> all = CfgFiles.readAll(train);
        assertEquals(3, all.size());
        assertEquals(-2, all.get(1).energy);
        assertNull(all.get(1).plusStress);
    }
}
