package org.mtpj.lammps.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtpj.core.UserError;

/** pair_coeff * * [NAMES...] → species of each LAMMPS type. */
class TypeMappingTest {
    /** A model with three named species (what a potential with element names would give). */
    private static SiteModel named(String... names) {
        return new SiteModel() {
            @Override public int speciesCount() { return names.length; }
            @Override public String[] speciesNames() { return names; }
            @Override public double cutoff() { return 5; }
            @Override public double minDist() { return 0; }
            @Override public String describe() { return "test"; }
            @Override public SiteKernel newKernel() { return (c, n, s, r, g, off) -> 0; }
        };
    }

    private static PairSession session(SiteModel m) {
        return new PairSession(new PairSettings(Path.of("x.mtp"), null, 0, 0, 1, PairSettings.CloseContactPolicy.WARN), m, 0);
    }

    @Test
    void defaultIsTypeMinusOne() {
        assertArrayEquals(new int[] {-1, 0, 1, 2}, session(named("Mg", "V", "O")).mapTypes(3, List.of()));
        assertArrayEquals(new int[] {-1, 0, 1}, session(named("Mg", "V", "O")).mapTypes(2, List.of()));
    }

    @Test
    void namesMapBySpeciesNameAndNullSkipsAType() {
        assertArrayEquals(new int[] {-1, 2, 0, -1, 1},
                session(named("Mg", "V", "O")).mapTypes(4, List.of("O", "Mg", "NULL", "V")));
    }

    @Test
    void clearErrors() {
        UserError e = assertThrows(UserError.class, () -> session(named("Mg", "V", "O")).mapTypes(4, List.of()));
        assertTrue(e.getMessage().contains("4 atom types but the potential only 3 species"), e.getMessage());
        e = assertThrows(UserError.class, () -> session(named("Mg", "V", "O")).mapTypes(3, List.of("Mg", "Fe", "O")));
        assertTrue(e.getMessage().contains("element 'Fe' (type 2) is not a species of the potential; it has Mg V O"), e.getMessage());
        e = assertThrows(UserError.class, () -> session(named("Mg", "V", "O")).mapTypes(3, List.of("Mg", "V")));
        assertTrue(e.getMessage().contains("3 types, 2 names"), e.getMessage());
        e = assertThrows(UserError.class, () -> session(named("Mg", "V", "O")).mapTypes(2, List.of("NULL", "NULL")));
        assertTrue(e.getMessage().contains("maps no atom type"), e.getMessage());
        e = assertThrows(UserError.class, () -> session(named(new String[] {null, null})).mapTypes(2, List.of("Mg", "V")));
        assertTrue(e.getMessage().contains("not a species"), e.getMessage());
    }
}
