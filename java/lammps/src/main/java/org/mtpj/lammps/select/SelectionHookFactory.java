package org.mtpj.lammps.select;

import org.mtpj.lammps.bridge.MtpSiteModel;
import org.mtpj.lammps.bridge.PairSettings;
import org.mtpj.lammps.bridge.SiteModel;
import org.mtpj.lammps.bridge.StepHook;
import org.mtpj.lammps.config.MlipIni;

/**
 * Installs {@link ExtrapolationControl} when mlip.ini has {@code select TRUE} or
 * {@code write-cfgs}; registered in {@code META-INF/services/org.mtpj.lammps.bridge.StepHook$Factory}.
 * Under MPI the grade is reduced over the ranks and rank 0 writes the gathered configuration
 * (MLIP-2 is serial-only there, spec §9 trap 24), through the shim's collectives (bridge ABI 4).
 */
public final class SelectionHookFactory implements StepHook.Factory {
    /** mlip.ini key (mtpj only): also write the per-atom grades as an AtomData column {@code nbh_grades}. */
    public static final String NBH_GRADES_KEY = "select:nbh-grades";

    @Override
    public StepHook create(PairSettings settings, SiteModel model) {
        MlipIni ini = settings.ini();
        if (ini == null || !(ini.select.enabled() || ini.writeCfgs != null)) return null;
        if (!(model instanceof MtpSiteModel mtp)) return null;
        return new ExtrapolationControl(ini, mtp.potential(), "TRUE".equals(ini.values.get(NBH_GRADES_KEY)), settings.threads());
    }

    /** MPI world size from the launcher's environment (Open MPI, MPICH/Hydra, Slurm); 1 if unknown. */
    static int mpiRanks() {
        for (String key : new String[] {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE"}) {
            String v = System.getenv(key);
            if (v == null) continue;
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException ignored) {
                // try the next one
            }
        }
        return 1;
    }
}
