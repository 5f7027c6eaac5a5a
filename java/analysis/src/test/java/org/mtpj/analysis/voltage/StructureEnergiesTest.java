package org.mtpj.analysis.voltage;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.analysis.relax.MtpModel;
import org.mtpj.analysis.relax.StructureConversion;
import org.mtpj.core.UserError;
import org.mtpj.core.io.PoscarReader;
import org.mtpj.host.MtpFiles;
import org.mtpj.host.PoscarFiles;
import org.mtpj.testkit.Shared;

class StructureEnergiesTest {
    static final List<String> TYPES = List.of("Mg", "V", "O");

    /** The study's 300 K POSCAR (Mg12 V24 O60, Cartesian) with only the first {@code keep} Mg atoms. */
    static Path withMg(Path src, int keep, Path out) throws IOException {
        List<String> l = Files.readAllLines(src);
        List<String> o = new ArrayList<>(l.subList(0, 5));
        o.add(keep == 0 ? "V O" : "Mg V O");
        o.add(keep == 0 ? "24 60" : keep + " 24 60");
        o.add(l.get(7));
        o.addAll(l.subList(8, 8 + keep));
        o.addAll(l.subList(20, 20 + 84));
        Files.write(out, o);
        return out;
    }

    @Test
    void energiesPerV2O5UnitAndCompositions(@TempDir Path dir) throws IOException {
        Path pot = Shared.file("data/amorphous-MgV2O5/pot.mtp");
        Path src = Shared.file("data/amorphous-MgV2O5/pylro/POSCAR_300K");
        Path full = withMg(src, 12, dir.resolve("full.POSCAR")), half = withMg(src, 6, dir.resolve("half.POSCAR"));
        Path empty = withMg(src, 0, dir.resolve("empty.POSCAR"));
        List<StructureEnergies.Entry> es = StructureEnergies.evaluate(List.of(full, empty, half), pot, TYPES, 1);
        assertEquals(List.of(0.0, 0.5, 1.0), es.stream().map(StructureEnergies.Entry::x).toList()); // sorted by x
        double eFull;
        try (MtpModel m = new MtpModel(MtpFiles.read(pot), 1)) {
            eFull = m.evaluate(StructureConversion.toConfiguration(PoscarFiles.read(full), TYPES, "full")).energy();
        }
        assertEquals(eFull, es.get(2).cellEnergy(), 0);
        assertEquals(eFull * 2 / 24, es.get(2).energyPerV2O5(), 1e-12 * Math.abs(eFull));
        assertEquals(12, es.get(2).nMg());
        assertEquals(24, es.get(0).nV());

        UserError dup = assertThrows(UserError.class, () -> StructureEnergies.evaluate(List.of(full, full), pot, TYPES, 1));
        assertTrue(dup.getMessage().contains("same composition"));
        UserError notMetal = assertThrows(UserError.class, () -> StructureEnergies.energyPerAtom(full, pot, TYPES, 1));
        assertTrue(notMetal.getMessage().contains("Mg metal"), notMetal.getMessage());
        assertThrows(UserError.class, () -> StructureEnergies.evaluate(List.of(full), pot, List.of("Mg", "O"), 1));
    }
}
