package org.mtpj.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;

/**
 * A demo folder in the layout scripts/demo writes, with known numbers: parameters.tsv, the
 * production block of every MD log (md/POT_TT/log.lammps, LAMMPS' MSD of each species growing
 * 6 Å²/ps), the D_tracer row of 'mtpj diffusion --blocks' (D = 1, 0.4, 0.15 Å²/ps at the first,
 * second and third temperature, 5 % error) and the 'mtpj arrhenius' table (Ea 2.1 ± 0.09 eV).
 */
final class DemoFolderFixture {
    private DemoFolderFixture() {}

    /** Writes it all under demo; diffusive(pot/T, species) says which runs are diffusive over the window. */
    static void write(Path demo, String oracleShort, List<String> species, List<String> temps, BiPredicate<String, String> diffusive)
            throws IOException {
        Files.writeString(demo.resolve("parameters.tsv"), "md_temps\t" + String.join(" ", temps) + "\nfit_lo\t2\nfit_hi\t5\ntimestep_ps\t0.001\n"
                + "nblocks\t4\nfit_hi_block\t2.4\nspecies\t" + String.join(" ", species) + "\noracle_short\t" + oracleShort + "\n");
        for (String pot : MdSection.POTENTIALS)
            for (int i = 0; i < temps.size(); i++) {
                String t = temps.get(i);
                writeLog(demo, pot, t, species);
                for (String sp : species) writeDiffusionTable(demo, pot, t, sp, new double[] {1e-4, 0.4e-4, 0.15e-4}[i], diffusive.test(pot + "/" + t, sp));
            }
        for (String pot : MdSection.POTENTIALS)
            for (String sp : species) {
                Path dir = Files.createDirectories(demo.resolve("analysis/arrhenius_" + pot + "_" + sp));
                Files.writeString(dir.resolve("arrhenius.tsv"), "quantity\tvalue\tstderr\tunit\nEa\t2.1\t0.09\teV\nD0\t0.015\t\tcm2/s\n");
            }
    }

    /** A production block of Step, Temp, Press and LAMMPS' MSD of each species (1 ps = 1000 steps of 1 fs). */
    private static void writeLog(Path demo, String pot, String t, List<String> species) throws IOException {
        Path dir = Files.createDirectories(demo.resolve("md/" + pot + "_T" + t));
        StringBuilder log = new StringBuilder("Step Temp Press");
        for (String sp : species) log.append(" c_msd").append(sp).append("[4]");
        log.append('\n');
        for (int k = 0; k <= 5; k++) {
            log.append(String.format(Locale.ROOT, "%d %s 10000", 1000 * k, t));
            for (int s = 0; s < species.size(); s++) log.append(' ').append(6 * k);
            log.append('\n');
        }
        log.append("Loop time of 2 on 1 procs for 5000 steps with 384 atoms\n");
        Files.writeString(dir.resolve("log.lammps"), log);
    }

    /** The D_tracer row of 'mtpj diffusion --blocks' with a 5 % error; not diffusive: log-log slope 0.80 ± 0.02. */
    private static void writeDiffusionTable(Path demo, String pot, String t, String sp, double d, boolean diffusive) throws IOException {
        Path dir = Files.createDirectories(demo.resolve("analysis/" + pot + "_T" + t + "/" + sp));
        List<String> rows = new ArrayList<>();
        rows.add("case\twindow_ps\tquantity\tvalue_cm2s\tstderr_cm2s\tstderr_calibrated_cm2s\tloglog_slope\tloglog_slope_stderr\tdiffusive"
                + "\tblocks_cm2s\tstderr_blocks_cm2s\tstderr_combined_cm2s");
        rows.add(String.join("\t", pot + "_T" + t, "2-5", "D_tracer", Double.toString(d), Double.toString(d / 1000), Double.toString(0.05 * d),
                diffusive ? "0.95" : "0.80", "0.02", diffusive ? "yes" : "no", d + "," + d, Double.toString(0.01 * d), Double.toString(0.05 * d)));
        Files.write(dir.resolve("diffusion.tsv"), rows);
    }
}
