package org.mtpj.cli.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One core's double-precision peak, from the clock and vector flags of /proc/cpuinfo, for
 * {@code mtpj bench}'s fraction of peak. Assumes two FMA pipes per core (x86 cores since Haswell
 * and Zen 1): scalar 4 FLOP/cycle, vector 4 × lanes (AVX-512 8, AVX2 4, SSE2 2). The clock is the
 * one the kernel reports (in a VM often the nominal one, not the boost clock): a fraction of it is
 * an estimate to ±30 %, not a measurement.
 *
 * @param ghz   clock, GHz (NaN when unknown)
 * @param lanes doubles per vector register
 * @param isa   name of the widest vector set
 */
record CpuPeak(double ghz, int lanes, String isa) {
    /** GFLOP/s of one core with scalar code. */
    double scalarGflops() { return ghz * 4; }

    /** GFLOP/s of one core with full-width vector FMAs. */
    double vectorGflops() { return ghz * 4 * lanes; }

    /** "2.10 GHz, 2 FMA pipes assumed: scalar 8.4, AVX-512 67.1 GFLOP/s per core". */
    String describe() {
        return String.format(Locale.ROOT, "%.2f GHz, 2 FMA pipes assumed: scalar %.1f, %s %.1f GFLOP/s per core", ghz, scalarGflops(), isa,
                vectorGflops());
    }

    /** This machine's, or null when /proc/cpuinfo does not tell. */
    static CpuPeak ofThisMachine() {
        try {
            return parse(Files.readAllLines(Path.of("/proc/cpuinfo")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** From the lines of /proc/cpuinfo (the first processor's), or null without a clock. */
    static CpuPeak parse(List<String> cpuinfo) {
        double mhz = Double.NaN;
        String flags = null;
        for (String l : cpuinfo) {
            int colon = l.indexOf(':');
            if (colon < 0) continue;
            String key = l.substring(0, colon).strip(), value = l.substring(colon + 1).strip();
            if (key.equals("cpu MHz") && Double.isNaN(mhz)) mhz = Double.parseDouble(value);
            if (key.equals("flags") && flags == null) flags = " " + value + " ";
        }
        if (Double.isNaN(mhz) || flags == null) return null;
        if (flags.contains(" avx512f ")) return new CpuPeak(mhz / 1000, 8, "AVX-512");
        if (flags.contains(" avx2 ")) return new CpuPeak(mhz / 1000, 4, "AVX2");
        return new CpuPeak(mhz / 1000, 2, "SSE2");
    }
}
