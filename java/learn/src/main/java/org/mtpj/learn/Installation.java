package org.mtpj.learn;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where this mtpj is installed: the {@code lmp-mtpj} launcher beside the {@code mtpj} script. */
final class Installation {
    private Installation() {}

    /** $MTPJ_HOME/lmp-mtpj (set by ./mtpj), else beside build/mtpj.jar, else lmp-mtpj on the PATH. */
    static String lmpMtpj() {
        String home = System.getenv("MTPJ_HOME");
        if (home != null && Files.isExecutable(Path.of(home, "lmp-mtpj"))) return Path.of(home, "lmp-mtpj").toString();
        try {
            Path jar = Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = jar.getParent() != null ? jar.getParent().getParent() : null;
            if (root != null && Files.isExecutable(root.resolve("lmp-mtpj"))) return root.resolve("lmp-mtpj").toString();
        } catch (Exception e) {
            // no code source (e.g. a custom class loader): fall back to the PATH
        }
        return "lmp-mtpj";
    }
}
