package org.mtpj.cli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuPeakTest {
    @Test
    void clockAndWidestVectorSetOfTheFirstProcessor() {
        CpuPeak p = CpuPeak.parse(List.of("processor\t: 0", "model name\t: AMD EPYC", "cpu MHz\t\t: 2095.992",
                "flags\t\t: fpu sse2 avx fma avx2 avx512f avx512_bf16", "", "processor\t: 1", "cpu MHz\t\t: 3000.000"));
        assertEquals(2.095992, p.ghz(), 1e-12);
        assertEquals("AVX-512", p.isa());
        assertEquals(4 * 2.095992, p.scalarGflops(), 1e-12);
        assertEquals(32 * 2.095992, p.vectorGflops(), 1e-12);
        assertEquals("AVX2", CpuPeak.parse(List.of("cpu MHz : 3000", "flags : sse2 avx avx2 fma")).isa());
        assertEquals(2, CpuPeak.parse(List.of("cpu MHz : 3000", "flags : sse2 avx512_bf16")).lanes(), "avx512_bf16 is not avx512f");
        assertNull(CpuPeak.parse(List.of("flags : sse2")), "no clock, no peak");
    }
}
