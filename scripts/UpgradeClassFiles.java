// Build step (java/cli/pom.xml runs it on build/mtpj.jar right after shading):
//   java scripts/UpgradeClassFiles.java JAR PREFIX...
// rewrites the class files under the given package prefixes (e.g. picocli/) that are older than
// Java 8 (major version < 52) to version 52 with stack maps, in place (a temporary file beside
// the jar, renamed when complete).
//
// Why: the JDK's ahead-of-time cache (scripts/aot-cache) skips classes older than version 50
// ("Old class has been linked"). picocli 4.7.7 ships Java 5 class files (49), so without this
// about 170 picocli classes are loaded from the jar, verified by the old verifier and
// interpreted on every start of ./mtpj. The bytecode itself is left as it is (same
// instructions, constants, attributes); only the version changes and a StackMapTable is computed
// (the ClassFile API of JDK 24+, with the jar's own classes for the type hierarchy). Every
// rewritten class is checked with the JDK's verifier rules before the jar is replaced; any
// failure stops the build.
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.constant.ClassDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

public final class UpgradeClassFiles {
    /** Java 8: the oldest version whose classes the type-checking verifier and the AOT cache take as they are. */
    static final int TARGET_MAJOR = ClassFile.JAVA_8_VERSION;

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java UpgradeClassFiles.java JAR PACKAGE-PREFIX... (e.g. build/mtpj.jar picocli/)");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        List<String> prefixes = List.of(args).subList(1, args.length);
        Map<String, ZipEntry> entries = new LinkedHashMap<>();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                entries.put(e.getName(), e);
                try (InputStream in = zip.getInputStream(e)) { contents.put(e.getName(), in.readAllBytes()); }
            }
        }
        // Stack maps name the common supertype where branches merge: picocli's own types come from
        // the jar, the JDK's from the running JDK.
        ClassHierarchyResolver fromJar = ClassHierarchyResolver.ofResourceParsing((ClassDesc desc) -> {
            byte[] bytes = contents.get(internalName(desc) + ".class");
            return bytes == null ? null : new ByteArrayInputStream(bytes);
        });
        ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                fromJar.orElse(ClassHierarchyResolver.defaultResolver())));
        // Re-emitting every method body makes the builder compute the StackMapTable for the new version.
        ClassTransform upgrade = ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                .andThen((builder, element) -> {
                    if (element instanceof ClassFileVersion) builder.withVersion(TARGET_MAJOR, 0);
                    else builder.with(element);
                });

        int upgraded = 0;
        List<String> problems = new ArrayList<>();
        for (var item : contents.entrySet()) {
            String name = item.getKey();
            if (!name.endsWith(".class") || prefixes.stream().noneMatch(name::startsWith)) continue;
            ClassModel model = classFile.parse(item.getValue());
            if (model.majorVersion() >= TARGET_MAJOR) continue;
            byte[] rewritten;
            try {
                rewritten = classFile.transformClass(model, upgrade);
            } catch (IllegalArgumentException | IllegalStateException e) {
                problems.add(jar + "!/" + name + ": cannot compute stack maps: " + e.getMessage());
                continue;
            }
            classFile.verify(rewritten).forEach(error -> problems.add(jar + "!/" + name + ": " + error.getMessage()));
            item.setValue(rewritten);
            upgraded++;
        }
        if (!problems.isEmpty()) {
            problems.forEach(System.err::println);
            System.err.println("UpgradeClassFiles: " + problems.size() + " problem(s); " + jar + " left as it was");
            System.exit(1);
        }
        if (upgraded == 0) {
            System.out.println("UpgradeClassFiles: no class file below version " + TARGET_MAJOR + " under " + prefixes + " in " + jar);
            return;
        }
        Path temporary = jar.resolveSibling(jar.getFileName() + ".upgrading");
        try (OutputStream file = Files.newOutputStream(temporary); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (var item : contents.entrySet()) {
                ZipEntry original = entries.get(item.getKey());
                ZipEntry copy = new ZipEntry(item.getKey());
                copy.setTime(original.getTime());
                if (original.getComment() != null) copy.setComment(original.getComment());
                if (original.getExtra() != null) copy.setExtra(original.getExtra());
                zip.putNextEntry(copy);
                zip.write(item.getValue());
                zip.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("UpgradeClassFiles: " + upgraded + " class files under " + prefixes
                + " rewritten to version " + TARGET_MAJOR + " with stack maps in " + jar);
    }

    /** "Lpicocli/CommandLine;" -> "picocli/CommandLine". */
    private static String internalName(ClassDesc desc) {
        String descriptor = desc.descriptorString();
        return descriptor.substring(1, descriptor.length() - 1);
    }

    private UpgradeClassFiles() {}
}
