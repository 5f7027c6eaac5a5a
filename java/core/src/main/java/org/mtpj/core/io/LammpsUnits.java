package org.mtpj.core.io;

/** LAMMPS {@code metal} unit constants as LAMMPS itself uses them, so conversions invert LAMMPS' own exactly. */
public final class LammpsUnits {
    private LammpsUnits() {}

    /** bar·Å³ per eV: LAMMPS' {@code force->nktv2p} in metal units (update.cpp), not the CODATA value 1.602176634e6. */
    public static final double BAR_A3_PER_EV = 1.6021765e6;
}
