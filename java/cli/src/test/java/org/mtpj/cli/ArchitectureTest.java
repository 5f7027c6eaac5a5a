package org.mtpj.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.*;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/ARCHITECTURE.md, checked on the compiled main classes of every module:
 * core ← host ← train ← analysis/lammps ← learn ← cli, and a core that does no host I/O (no
 * paths or files, no processes, no foreign memory, no stdout/stderr, no threads, no picocli). bench and
 * testkit may use anything and are not checked.
 */
class ArchitectureTest {
    /** Main classes only: a test may open files and start threads to check the core. */
    private static final ImportOption MAIN_CLASSES = location -> !location.contains("/test-classes/");

    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(MAIN_CLASSES).importPackages("org.mtpj");

    /** What a pure core (any package given) must not use. */
    static ArchRule pure(String packageRoot) {
        return noClasses().that().resideInAPackage(packageRoot + "..")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.lang.foreign..", "picocli..")
                .orShould().dependOnClassesThat().belongToAnyOf(File.class, FileInputStream.class, FileOutputStream.class, FileReader.class,
                        FileWriter.class, RandomAccessFile.class, FileChannel.class, ProcessBuilder.class, Runtime.class)
                .orShould().dependOnClassesThat().belongToAnyOf(Executors.class, ExecutorService.class, ForkJoinPool.class)
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().areAssignableTo(Thread.Builder.class)
                .orShould().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.mtpj.host..", "org.mtpj.train..", "org.mtpj.analysis..",
                        "org.mtpj.lammps..", "org.mtpj.learn..", "org.mtpj.cli..", "org.mtpj.bench..")
                .because("the core takes and returns streams, a warning sink and a runner; files, stderr and threads are the host's"
                        + " (docs/ARCHITECTURE.md)");
    }

    static final ArchRule LAYERS = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("core").definedBy("org.mtpj.core..")
            .layer("host").definedBy("org.mtpj.host..")
            .layer("train").definedBy("org.mtpj.train..")
            .layer("analysis").definedBy("org.mtpj.analysis..")
            .layer("lammps").definedBy("org.mtpj.lammps..")
            .layer("learn").definedBy("org.mtpj.learn..")
            .layer("cli").definedBy("org.mtpj.cli..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("learn").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("analysis").mayOnlyBeAccessedByLayers("learn", "cli")
            .whereLayer("lammps").mayOnlyBeAccessedByLayers("learn", "cli")
            .whereLayer("train").mayOnlyBeAccessedByLayers("analysis", "lammps", "learn", "cli")
            .whereLayer("host").mayOnlyBeAccessedByLayers("train", "analysis", "lammps", "learn", "cli")
            .because("a module depends only on the modules below it (docs/ARCHITECTURE.md)");

    @Test
    void theCoreIsPure() {
        pure("org.mtpj.core").check(MAIN);
    }

    @Test
    void noModuleDependsUpward() {
        LAYERS.check(MAIN);
    }

    /** The purity rule is not vacuous: a class that breaks each part of it is caught for each. */
    @Test
    void thePurityRuleCatchesEveryKindOfViolation() {
        JavaClasses impure = new ClassFileImporter().importPackages("org.mtpj.cli.architecturefixture");
        EvaluationResult r = pure("org.mtpj.cli.architecturefixture").evaluate(impure);
        String report = String.join("\n", r.getFailureReport().getDetails());
        assertTrue(r.hasViolation());
        for (String expected : new String[] {"java.nio.file.Path", "java.io.File", "java.lang.foreign.Arena", "picocli.CommandLine",
                "java.util.concurrent.Executors", "java.lang.Thread", "java.lang.Runtime", "System.out", "System.err", "org.mtpj.host.Warnings"})
            assertTrue(report.contains(expected), "no violation naming " + expected + " in:\n" + report);
    }
}
