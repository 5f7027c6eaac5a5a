package org.mtpj.analysis.compat;

import static org.junit.jupiter.api.Assertions.*;
import static org.mtpj.testkit.Tolerances.ANALYSIS_REFERENCE;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtpj.testkit.Shared;

/** Study-compat mode against compat_600K.tsv, compat_600K_table.tsv, compat_600K_frames.txt and the study's CONTCARs. */
class StudyCompatGoldenTest {
    static final String STUDY = "data/amorphous-MgV2O5/study_msd/600K/vasp_files_600";

    static void close(double e, double a, String what) {
        assertTrue(Math.abs(e - a) <= ANALYSIS_REFERENCE * Math.abs(e), what + ": expected " + e + " got " + a);
    }

    static Map<String, Double> reference(String caseName) throws Exception {
        Map<String, Double> m = new HashMap<>();
        for (String l : Files.readAllLines(Shared.file("reference/analysis/compat_600K.tsv"))) {
            String[] t = l.split("\t");
            if (t[0].equals(caseName)) m.put(t[1], Double.parseDouble(t[2]));
        }
        return m;
    }

    static StudyPipeline.Outcome run(Path input) {
        return StudyPipeline.run(input, StudyParameters.builtIn(600), null, new PrintStream(new ByteArrayOutputStream()), w -> fail(w));
    }

    @Test
    void stageAWritesTheStudyContcarsByteForByte() throws Exception {
        List<String> texts = StudyContcars.fromDump(Shared.file("data/amorphous-MgV2O5/dump_600K.lammpstrj"), w -> fail(w));
        assertEquals(26, texts.size());
        for (int i = 0; i < 26; i++) {
            String study = Files.readString(Shared.file(STUDY + "/CONTCAR" + (i + 1)));
            assertEquals(study, texts.get(i), "CONTCAR" + (i + 1));
        }
    }

    @Test
    void stageBOrderIsPlainStringSort() throws Exception {
        List<String> expected = new ArrayList<>();
        for (String l : Files.readAllLines(Shared.file("reference/analysis/compat_600K_frames.txt")))
            if (!l.isBlank()) expected.add(Path.of(l.strip()).getFileName().toString());
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 26; i++) names.add("CONTCAR" + i);
        assertEquals(expected, StudyFileOrder.select(names, 1));
        assertEquals(List.of("CONTCAR1", "CONTCAR11", "CONTCAR13"), StudyFileOrder.select(names, 2).subList(0, 3));
    }

    static void checkAll(StudyPipeline.Outcome o, Map<String, Double> ref) {
        StudyAnalyzer.Fit f = o.stageC().fit();
        close(ref.get("pmg_D"), f.d(), "pmg_D");
        close(ref.get("pmg_D_sigma"), f.dStd(), "pmg_D_sigma");
        close(ref.get("pmg_D_charge"), f.dCharge(), "pmg_D_charge");
        close(ref.get("pmg_D_charge_sigma"), f.dChargeStd(), "pmg_D_charge_sigma");
        close(ref.get("pmg_D_a"), f.dA(), "pmg_D_a");
        close(ref.get("pmg_D_b"), f.dB(), "pmg_D_b");
        close(ref.get("pmg_D_c"), f.dC(), "pmg_D_c");
        close(ref.get("pmg_Haven_ratio"), f.haven(), "pmg_Haven_ratio");
        checkStageD(o.stageD(), ref);
    }

    static void checkStageD(StudyRedifferencing.Result d, Map<String, Double> ref) {
        close(ref.get("pub_slope_tracer"), d.slopeTracer(), "pub_slope_tracer");
        close(ref.get("pub_D_tracer"), d.dTracer(), "pub_D_tracer");
        close(ref.get("pub_slope_sigma"), d.slopeSigma(), "pub_slope_sigma");
        close(ref.get("pub_D_sigma"), d.dSigma(), "pub_D_sigma");
        close(ref.get("pub_Haven"), d.haven(), "pub_Haven");
    }

    @Test
    void folderOfContcarsReproducesCompatTsv() throws Exception {
        checkAll(run(Shared.file(STUDY)), reference("600K"));
    }

    @Test
    void dumpReproducesCompatTsvThroughStageA() throws Exception {
        StudyPipeline.Outcome o = run(Shared.file("data/amorphous-MgV2O5/dump_600K.lammpstrj"));
        checkAll(o, reference("600K"));
        close(3.4309270604771522e-06, o.stageD().dTracer(), "spec §6 D_tracer");
    }

    @Test
    void exportedTableStageDOnly() throws Exception {
        StudyPipeline.Outcome o = run(Shared.file("data/amorphous-MgV2O5/study_msd/600K/md_50ps_exported.txt"));
        assertNull(o.stageC());
        checkStageD(o.stageD(), reference("600K-from-exported-table"));
    }

    @Test
    void stageCTableMatchesReference() throws Exception {
        StudyMsdTable t = run(Shared.file(STUDY)).stageC().table();
        List<String> lines = Files.readAllLines(Shared.file("reference/analysis/compat_600K_table.tsv"));
        assertEquals("lag\tdt_fs\tMSD_A2\tMSD_a\tMSD_b\tMSD_c\tMSCD_A2", lines.get(0));
        assertEquals(t.rows(), lines.size() - 1);
        for (int k = 0; k < t.rows(); k++) {
            String[] r = lines.get(k + 1).split("\t");
            double[] ours = {k, t.dtFs()[k], t.msd()[k], t.msdA()[k], t.msdB()[k], t.msdC()[k], t.mscd()[k]};
            for (int c = 0; c < 7; c++) {
                double e = Double.parseDouble(r[c]);
                if (e == 0) assertEquals(0.0, ours[c], 1e-12, "row " + k + " col " + c);
                else close(e, ours[c], "row " + k + " col " + c);
            }
        }
    }

    @Test
    void builtInTableHasTheFiveTemperatures() {
        assertEquals(5, StudyParameters.all().size());
        assertEquals(300000.0, StudyParameters.builtIn(600).frameFs());
        assertEquals(83, StudyParameters.builtIn(900).avgNsteps());
        assertThrows(org.mtpj.core.UserError.class, () -> StudyParameters.builtIn(700));
    }

    /** The published values are printed to 7 digits: equal after rounding to that precision. */
    static void published(double printed, double ours, String what) {
        assertEquals(String.format("%.6e", printed), String.format("%.6e", ours), what);
    }

    @Test
    void reproducesPublished1200KFromAllCONTCARs() {
        StudyPipeline.Outcome o = StudyPipeline.run(Shared.file("data/amorphous-MgV2O5/study_msd/1200K/vasp_files_1000"),
                StudyParameters.builtIn(1200), null, new PrintStream(new ByteArrayOutputStream()), w -> fail(w));
        assertEquals(101, o.frameOrder().size());
        published(8.725519e-06, o.stageD().dTracer(), "1200 K D_tracer");
        published(9.177662e-06, o.stageD().dSigma(), "1200 K D_sigma");
        assertEquals(0.95073, o.stageD().haven(), 5e-6);
    }

    @Test
    void reproducesPublished1000KFromTheExportedTable() {
        StudyPipeline.Outcome o = StudyPipeline.run(Shared.file("data/amorphous-MgV2O5/study_msd/1000K/md_50ps_exported.txt"),
                StudyParameters.builtIn(1000), null, new PrintStream(new ByteArrayOutputStream()), w -> fail(w));
        published(5.651171e-06, o.stageD().dTracer(), "1000 K D_tracer");
        published(6.403158e-06, o.stageD().dSigma(), "1000 K D_sigma");
        assertEquals(0.8826, o.stageD().haven(), 5e-5);
    }
}
