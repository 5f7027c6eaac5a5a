package org.mtpj.analysis.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtpj.core.UserError;
import org.mtpj.core.io.PoscarReader;
import org.mtpj.core.model.Configuration;
import org.mtpj.core.model.Structure;
import org.mtpj.host.CfgFiles;
import org.mtpj.host.PoscarFiles;
import org.mtpj.testkit.Shared;
import picocli.CommandLine;

class RelaxCommandTest {
    final StringWriter text = new StringWriter();

    RelaxCommand parse(String... args) {
        CommandLine cl = new CommandLine(new RelaxCommand());
        cl.setOut(new PrintWriter(text));
        cl.parseArgs(args);
        return cl.getCommand();
    }

    @Test
    void studyStructureWithStudyPotential(@TempDir Path dir) throws Exception {
        Path pot = Shared.file("data/amorphous-MgV2O5/pot.mtp");
        Path poscar = Shared.file("data/amorphous-MgV2O5/pylro/POSCAR_300K");
        // Too few steps: written, marked and exit 1, never called converged.
        Path out = dir.resolve("short.POSCAR");
        assertEquals(1, parse(pot.toString(), poscar.toString(), out.toString(), "--types", "Mg,V,O", "--steps", "5", "--threads", "1").call());
        assertTrue(text.toString().contains("NOT CONVERGED"), text.toString());
        assertTrue(Files.readAllLines(out).get(0).contains("NOT_CONVERGED"));
        // Enough steps at a loose criterion: converged, lower energy, same atoms.
        Path cfg = dir.resolve("relaxed.cfg");
        assertEquals(0, parse(pot.toString(), poscar.toString(), cfg.toString(), "--types", "Mg,V,O", "--fmax", "0.05", "--threads", "1").call());
        List<Configuration> r = CfgFiles.readAll(cfg);
        assertEquals(1, r.size());
        assertEquals(96, r.get(0).size);
        assertTrue(r.get(0).features.get("mtpj_relax").startsWith("converged"));
        assertTrue(r.get(0).energy < -1084.0, "energy " + r.get(0).energy); // the start is -1083.98 eV
        Structure s = PoscarFiles.read(poscar);
        assertEquals(s.cell().get(0, 0), r.get(0).lattice[0][0], 0); // --cell fixed
    }

    @Test
    void structuresThePotentialCannotDescribe(@TempDir Path dir) throws Exception {
        Path pot = Shared.file("data/amorphous-MgV2O5/pot.mtp");
        Path alpo4 = Shared.file("data/amorphous-MgV2O5/pylro/S812/POSCAR.1");
        UserError e = assertThrows(UserError.class,
                () -> parse(pot.toString(), alpo4.toString(), dir.resolve("o.POSCAR").toString(), "--types", "Mg,V,O").call());
        assertTrue(e.getMessage().contains("cannot describe"), e.getMessage());
        Path poscar = Shared.file("data/amorphous-MgV2O5/pylro/POSCAR_300K");
        assertThrows(UserError.class, () -> parse(pot.toString(), poscar.toString(), dir.resolve("o.POSCAR").toString()).call());
        Path badCfg = dir.resolve("bad.cfg");
        Files.writeString(badCfg, """
                BEGIN_CFG
                 Size
                    1
                 Supercell
                    5 0 0
                    0 5 0
                    0 0 5
                 AtomData:  id type cartes_x cartes_y cartes_z
                    1 3 0 0 0
                END_CFG
                """);
        UserError t = assertThrows(UserError.class, () -> parse(pot.toString(), badCfg.toString(), dir.resolve("o.cfg").toString()).call());
        assertTrue(t.getMessage().contains("type 3"), t.getMessage());
        assertThrows(UserError.class, () -> parse(pot.toString(), poscar.toString(), dir.resolve("o.cfg").toString(), "--types", "Mg,V,O",
                "--cell", "cubic").call());
    }
}
