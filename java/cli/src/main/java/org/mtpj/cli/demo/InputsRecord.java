package org.mtpj.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Report phase: inputs.json, sha256 of every input and product, the parameters (seeds included) and versions. */
final class InputsRecord {
    private InputsRecord() {}

    static void write(Path demo, DemoParameters params, Path file) throws IOException {
        Map<String, Object> in = new LinkedHashMap<>();
        Map<String, Object> files = new LinkedHashMap<>();
        Path repo = Path.of(params.get("repo"));
        for (String f : List.of("demo/lammps/in.oracle", "demo/lammps/in.md", "demo/lammps/pair." + params.get("pair_style"), "demo/lammps/pair.mtp",
                "demo/lammps/pair.mtp-walls", "scripts/demo", "build/mtpj.jar")) addFile(files, f, repo.resolve(f));
        addFile(files, "potential " + params.get("potfile"), Path.of(params.get("potfile")));
        for (String f : List.of("oracle/train.cfg", "oracle/valid.cfg", "oracle/log.lammps", "learn/learn.toml", "learn/run/round-001/untrained.mtp",
                "learn/run/rounds.tsv", "train/train.cfg", "train/pot.mtp", "train/pair_min_dist.txt", "train/walls.txt", "grade/state.als", "md/mtp_T" + params.mdTemperatures().get(0) + "/mlip.ini"))
            addFile(files, f, demo.resolve(f));
        in.put("files_sha256", files);
        in.put("parameters", params.all());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        in.put("versions", v);
        ReportJson.write(file, in);
    }

    private static void addFile(Map<String, Object> files, String label, Path p) throws IOException {
        if (!Files.isRegularFile(p)) { files.put(label, "missing"); return; }
        try (InputStream s = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = s.read(buf)) > 0) md.update(buf, 0, n);
            files.put(label, HexFormat.of().formatHex(md.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
