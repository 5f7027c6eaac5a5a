package org.mtpj.core.eval;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.mtpj.core.UserError;
import org.mtpj.core.model.Configuration;

class CloseContactsTest {
    /** Atoms at x = 0, 3, 3.4 and 6 Å in a 10 Å cube: one pair 0.4 Å apart, the others ≥ 2.6 Å. */
    static Configuration row() {
        Configuration c = new Configuration(4);
        c.latticeRows = 3;
        for (int k = 0; k < 3; k++) c.lattice[k][k] = 10;
        double[] x = {0, 3, 3.4, 6};
        for (int i = 0; i < 4; i++) {
            c.positions[3 * i] = x[i];
            c.ids[i] = 11 + i;
        }
        return c;
    }

    @Test
    void countsEachPairOnceAndKeepsTheClosest() {
        CloseContacts cc = new CloseContacts(1.0);
        Configuration far = row();
        far.positions[6] = 5;
        cc.scan(far, "a.cfg:1: configuration 1");
        assertEquals(0, cc.pairs());
        assertNull(cc.warning());
        cc.scan(row(), "a.cfg:20: configuration 2");
        Configuration closer = row();
        closer.positions[6] = 3.01;
        cc.scan(closer, "a.cfg:40: configuration 3");
        assertEquals(2, cc.pairs());
        assertEquals("warning: 2 neighbour pairs closer than the potential's min_dist 1.000 Å in 2 configurations, where the potential"
                + " was never fitted (energies and forces there are unreliable); the closest: atoms 12 and 13 at 0.01000 Å (a.cfg:40: configuration 3)",
                cc.warning());
    }

    @Test
    void periodicImagesCountToo() {
        // one atom in a 0.9 Å cube: its six nearest images are 0.9 Å away, three pairs
        Configuration c = new Configuration(1);
        c.latticeRows = 3;
        for (int k = 0; k < 3; k++) c.lattice[k][k] = 0.9;
        CloseContacts cc = new CloseContacts(1.0);
        cc.scan(c, "w");
        assertEquals(3, cc.pairs());
        assertTrue(cc.warning().endsWith("the closest: atoms 1 and 1 at 0.9000 Å (w)"), cc.warning());
    }

    @Test
    void atomsOnTopOfEachOtherAreAnErrorNamingTheConfiguration() {
        Configuration c = row();
        c.positions[6] = 3;
        UserError e = assertThrows(UserError.class, () -> new CloseContacts(1.0).scan(c, "a.cfg:7: configuration 1"));
        assertEquals("a.cfg:7: configuration 1: atoms 12 and 13 are at distance 0", e.getMessage());
    }
}
