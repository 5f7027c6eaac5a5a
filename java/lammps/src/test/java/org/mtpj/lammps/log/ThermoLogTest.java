package org.mtpj.lammps.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thermo blocks with their loop time; warnings between rows are skipped; an unfinished run has no loop time. */
class ThermoLogTest {
    @Test
    void blocksColumnsAndLoopTimes() {
        List<String> lines = List.of("Step Temp PotEng", "       0   4000   -3000", "WARNING: something", "     100   4100   -2990",
                "Loop time of 1.5 on 1 procs for 100 steps with 384 atoms", "", "Step Temp c_msdO[4]", " 100 4000 0", " 200 4010 1.5",
                " 300 3990 3");
        List<ThermoLog.Block> b = ThermoLog.parse(lines, Path.of("log.lammps")).blocks;
        assertEquals(2, b.size());
        assertEquals(2, b.get(0).rows().size());
        assertEquals(4050, b.get(0).mean("Temp"), 1e-12);
        assertEquals(1.5, b.get(0).loopSeconds());
        assertEquals(100, b.get(0).loopSteps());
        assertEquals(3, b.get(1).values("c_msdO[4]")[2]);
        assertEquals(-1, b.get(1).loopSteps());
        assertEquals(Double.NaN, b.get(1).loopSeconds());
    }
}
