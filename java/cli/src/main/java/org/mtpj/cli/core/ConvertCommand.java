package org.mtpj.cli.core;

import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.mtpj.core.model.Cell;
import org.mtpj.host.InputFiles;
import org.mtpj.core.io.PoscarReader;
import org.mtpj.core.io.PoscarWriter;
import org.mtpj.core.model.Structure;
import org.mtpj.core.io.Frame;
import org.mtpj.core.io.LammpsDumpReader;
import org.mtpj.core.io.XdatcarReader;
import org.mtpj.core.UserError;
import org.mtpj.core.io.CfgReader;
import org.mtpj.core.io.CfgWriter;
import org.mtpj.core.io.InputFormatException;
import org.mtpj.core.io.LammpsDataReader;
import org.mtpj.core.io.LammpsDumpWriter;
import org.mtpj.host.OutputGuard;
import org.mtpj.host.AtomicOutput;
import org.mtpj.core.io.ExtendedXyzReader;
import org.mtpj.core.io.ExtendedXyzWriter;
import org.mtpj.core.io.vasp.OszicarEnergies;
import org.mtpj.core.io.vasp.OutcarReader;
import org.mtpj.core.io.vasp.VasprunReader;
import org.mtpj.core.model.Configuration;
import org.mtpj.host.CfgFiles;
import org.mtpj.host.LammpsDataFiles;
import org.mtpj.host.LammpsDumpFiles;
import org.mtpj.host.PoscarFiles;
import org.mtpj.lammps.log.EnergyVirialTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mtpj convert IN... OUT}: between .cfg, extended XYZ, POSCAR, LAMMPS dumps and data files,
 * and from VASP outputs (OUTCAR, vasprun.xml, XDATCAR) into training sets (docs/convert.md).
 */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Convert structure formats; VASP runs into training sets.",
            "",
            "Formats: .cfg, extended XYZ, POSCAR, LAMMPS dump and data files; VASP OUTCAR, vasprun.xml and XDATCAR (input only).",
            "Like MLIP-2's `mlp convert-cfg` (which writes POSCAR and data files as output only). Formats are"
                    + " guessed from the names (.cfg; OUTCAR*; vasprun*.xml; XDATCAR*; .xyz/.extxyz; POSCAR/CONTCAR/.vasp; .lammpstrj/.dump/dump*;"
                    + " .data/data.*/.lmp) unless --from/--to are given.",
            "VASP (docs/convert.md): one configuration per ionic step with TOTEN, forces, the stress as PlusStress (eV)"
                    + " and Feature EFS_by VASP (VASP_not_converged for a step that hit NELM), as MLIP-2's"
                    + " convert-cfg --input-format=vasp-outcar. A run killed mid-step keeps its complete steps (warning)."
                    + " XDATCAR: positions and cells, energies from the OSZICAR beside it. Extended XYZ: ASE's keys (energy, stress"
                    + " in eV/Å³ with PlusStress = -stress·V, or virial in eV; Lattice, pbc); other keys are features.",
            "Several inputs (files or folders of runs: every OUTCAR* in them, or vasprun*.xml where a folder has no"
                    + " OUTCAR) go into one OUT, with progress on stderr; species by element name: --types, else in order"
                    + " of appearance. --append adds to an existing .cfg instead of replacing it.",
            "Several configurations written to POSCAR or data files go to OUT0, OUT1, ... (one file each);"
                    + " a dump gets them all as frames (with fx fy fz when the first has forces; cells rotated"
                    + " into LAMMPS' triclinic form, positions wrapped with image flags).",
            "Dump input: frames are sorted by atom id; image flags ix iy iz are applied (unwrapped positions);"
                    + " forces fx fy fz, when the dump has them, are kept (eV/Å).",
            "Species: .cfg types are 0-based; LAMMPS type t is species t-1; --types names species 0, 1, ..."
                    + " (needed for POSCAR output and to map element names of POSCARs/dumps).",
            "Dump + --thermo TABLE (labelled .cfg from an MD run): each dump frame gets Energy and PlusStress from"
                    + " the table row of its step (frames without a row are skipped): a table whose first line names the"
                    + " columns ('#' and unit suffixes like pe(eV) ignored), e.g. from fix print ... title"
                    + " \"# step pe vol pxx pyy pzz pxy pxz pyz\": step and pe (eV) required; pxx..pyz in bar, VIRIAL ONLY"
                    + " (compute pressure NULL virial: LAMMPS' default pressure adds the kinetic part), give"
                    + " PlusStress = P·V/1.6021765e6 eV (LAMMPS' own factor) (xx yy zz yz xz xy, positive under compression); vol (Å³), when"
                    + " given, must equal the box volume. Forces are the dump's fx fy fz.",
            "--valid-out FILE: the last --valid-fraction of the configurations (rounded, at least one) go to FILE"
                    + " instead of OUT: held-out data later in time than the training data (the input is read twice).",
            "Units Å throughout. Prints 'Processed N configurations'.", ""})
public final class ConvertCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "IN... OUT", hideParamSyntax = true,
            description = "Inputs (files, or folders of VASP runs), then the output file (replaced, or with --append extended).")
    List<Path> files;

    /** The input being read (one at a time) and the output. */
    private Path in, out;

    @Option(names = "--from", paramLabel = "FORMAT", description = "Input format: cfg, outcar, vasprun, xdatcar, extxyz, poscar, lammps-dump, lammps-data.")
    String from;

    @Option(names = "--to", paramLabel = "FORMAT", description = "Output format: cfg, extxyz, poscar, lammps-data, lammps-dump.")
    String to;

    @Option(names = "--types", paramLabel = "Mg,V,O", split = ",", description = "Element symbols of species 0, 1, ...")
    List<String> types;

    @Option(names = "--append", description = ".cfg output: add the configurations to OUT's (kept as they are) instead of replacing them.")
    boolean append;

    @Option(names = "--lossy", description = ".cfg output in MLIP-2's default fixed-point style instead of lossless %%.16e.")
    boolean lossy;

    @Option(names = "--last", description = "Convert only the last configuration/frame.")
    boolean last;

    @Option(names = "--thermo", paramLabel = "TABLE",
            description = "Dump input: per-step energy and virial-only pressure table (step pe [vol] [pxx pyy pzz pxy pxz pyz]) that labels the frames.")
    Path thermo;

    @Option(names = "--valid-out", paramLabel = "FILE", description = ".cfg output: write the last --valid-fraction of the configurations here instead.")
    Path validOut;

    @Option(names = "--valid-fraction", defaultValue = "0.2", paramLabel = "F",
            description = "With --valid-out: fraction held out, 0 <= F < 1 (default: ${DEFAULT-VALUE}).")
    double validFraction;

    enum Format { CFG, POSCAR, LAMMPS_DUMP, LAMMPS_DATA, OUTCAR, VASPRUN, XDATCAR, EXTXYZ;
        boolean onlyIn() { return this == OUTCAR || this == VASPRUN || this == XDATCAR; }
    }

    static Format parseFormat(String s, String option) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "cfg" -> Format.CFG;
            case "outcar", "vasp-outcar" -> Format.OUTCAR;
            case "vasprun", "vasprun.xml", "vasp-xml" -> Format.VASPRUN;
            case "xdatcar" -> Format.XDATCAR;
            case "poscar", "vasp", "contcar", "vasp-poscar" -> Format.POSCAR;
            case "lammps-dump", "dump" -> Format.LAMMPS_DUMP;
            case "lammps-data", "data", "lammps-datafile" -> Format.LAMMPS_DATA;
            case "extxyz", "xyz" -> Format.EXTXYZ;
            default -> throw new UserError(option + " " + s + ": expected cfg, outcar, vasprun, xdatcar, extxyz, poscar, lammps-dump or lammps-data");
        };
    }

    static Format guess(Path p, String option) {
        Format f = guessOrNull(p);
        if (f == null) throw new UserError("cannot tell the format of " + p + " from its name; give " + option + " cfg|outcar|vasprun|xdatcar|extxyz|poscar|lammps-dump|lammps-data");
        return f;
    }

    static Format guessOrNull(Path p) {
        if (p.getFileName() == null) return null;
        String n = p.getFileName().toString();
        String l = n.toLowerCase(Locale.ROOT);
        if (l.endsWith(".cfg")) return Format.CFG;
        if (l.startsWith("outcar")) return Format.OUTCAR;
        if (l.startsWith("xdatcar")) return Format.XDATCAR;
        if (l.startsWith("vasprun") && (l.endsWith(".xml") || l.endsWith(".xml.gz"))) return Format.VASPRUN;
        if (l.contains("poscar") || l.contains("contcar") || l.endsWith(".vasp")) return Format.POSCAR;
        if (l.endsWith(".lammpstrj") || l.endsWith(".lammpstrj.gz") || l.endsWith(".dump") || l.startsWith("dump")) return Format.LAMMPS_DUMP;
        if (l.endsWith(".data") || l.startsWith("data.") || l.endsWith(".lmp")) return Format.LAMMPS_DATA;
        if (l.endsWith(".xyz") || l.endsWith(".extxyz") || l.endsWith(".xyz.gz") || l.endsWith(".extxyz.gz")) return Format.EXTXYZ;
        return null;
    }

    @Override
    public Integer call() {
        out = files.get(files.size() - 1);
        Format given = from != null ? parseFormat(from, "--from") : null;
        List<Path> inputs = RunFolders.expand(files.subList(0, files.size() - 1), given);
        OutputGuard guard = OutputGuard.of("convert").inputs(inputs).output(out).output(validOut);
        for (Path p : inputs) if (given == Format.XDATCAR || (given == null && guessOrNull(p) == Format.XDATCAR)) guard.input(oszicarOf(p));
        guard.check();
        Format fout = to != null ? parseFormat(to, "--to") : guess(out, "--to");
        if (fout.onlyIn()) throw new UserError("--to " + fout.name().toLowerCase(Locale.ROOT) + ": mtpj reads VASP outputs but does not write them");
        if (append && (fout != Format.CFG || validOut != null)) throw new UserError("--append adds to a .cfg output (and not with --valid-out)");
        if (inputs.size() > 1 && (last || (fout != Format.CFG && fout != Format.LAMMPS_DUMP && fout != Format.EXTXYZ)))
            throw new UserError(inputs.size() + " inputs go into one .cfg, extended XYZ or dump output (not with --last); " + out + " is " + fout);
        in = inputs.get(0);
        Format fin = given != null ? given : guess(in, "--from");
        if (thermo != null && fin != Format.LAMMPS_DUMP) throw new UserError("--thermo labels the frames of a LAMMPS dump; the input is " + fin);
        if (validOut != null && (fout != Format.CFG || last)) throw new UserError("--valid-out splits .cfg output (and not with --last)");
        if (!(validFraction >= 0 && validFraction < 1)) throw new UserError("--valid-fraction must be in [0, 1), got " + validFraction);
        String[] names = types == null ? null : types.stream().map(String::trim).toArray(String[]::new);
        PrintWriter msg = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // readers' warnings are "FILE:LINE: what" or "warning: ..."; each line says it is a warning
        java.util.function.Consumer<String> warn = w -> err.println("mtpj convert: " + (w.startsWith("warning") ? w : "warning: " + w));
        EnergyVirialTable labels = thermo == null ? null : EnergyVirialTable.read(thermo);
        if (inputs.size() > 1 && labels != null) throw new UserError("--thermo labels one dump; give one input with it");
        // held out: the last configurations, counted in a first pass so that memory stays one configuration
        int held = 0, trainLimit = Integer.MAX_VALUE;
        if (validOut != null) {
            int n = 0;
            try (Source src = openAll(inputs, given, names, new SpeciesByName(names, w -> { }), labels, false)) {
                while (src.next() != null) n++;
            }
            held = (int) Math.floor(n * validFraction + 0.5);
            if (held < 1 && validFraction > 0) held = 1;
            if (held >= n && n > 0) throw new UserError("--valid-fraction " + validFraction + " of " + n + " configurations leaves none for " + out);
            trainLimit = n - held;
        }
        int count = 0;
        SpeciesByName species = new SpeciesByName(names, warn);
        try (Source src = openAll(inputs, given, names, species, labels, true)) {
            Configuration cur = src.next();
            if (last) {
                for (Configuration nx; (nx = src.next()) != null; ) cur = nx;
            }
            if (cur == null) throw new UserError(in + ": no configurations" + (labels != null ? " with a row in " + thermo : ""));
            if (fout == Format.CFG) {
                CfgWriter.Style style = lossy ? CfgWriter.Style.MLIP2_DEFAULT : CfgWriter.Style.LOSSLESS;
                // both files are committed together at the end: a failure leaves neither
                try (CfgWriter w = append ? AppendedCfg.open(out, style) : CfgFiles.create(out, style);
                     CfgWriter v = validOut != null ? CfgFiles.create(validOut, style) : null) {
                    while (cur != null && count < trainLimit) {
                        write(w::write, cur, src);
                        count++;
                        cur = last ? null : src.next();
                    }
                    while (v != null && cur != null) {
                        write(v::write, cur, src);
                        count++;
                        cur = src.next();
                    }
                    w.commit();
                    if (v != null) v.commit();
                }
            } else if (fout == Format.EXTXYZ) {
                if (species.names().isEmpty()) throw new UserError("extended XYZ output needs --types (element symbols of species 0, 1, ...)");
                try (AtomicOutput o = AtomicOutput.create(out)) {
                    ExtendedXyzWriter w = new ExtendedXyzWriter(o.writer(StandardCharsets.UTF_8), species.names());
                    while (cur != null) {
                        write(w::write, cur, src);
                        count++;
                        cur = last ? null : src.next();
                    }
                    o.commit();
                }
            } else if (fout == Format.LAMMPS_DUMP) {
                try (LammpsDumpWriter w = LammpsDumpFiles.create(out, cur.forces != null)) {
                    while (cur != null) {
                        write(w::write, cur, src);
                        count++;
                        cur = last ? null : src.next();
                    }
                    w.commit();
                }
            } else {
                Configuration next = last ? null : src.next();
                boolean many = next != null;
                while (cur != null) {
                    Path target = many ? out.resolveSibling(out.getFileName() + Integer.toString(count)) : out;
                    OutputGuard.of("convert").input(in).output(target).check();
                    writeOne(fout, cur, names, target);
                    count++;
                    cur = next;
                    next = cur == null || last ? null : src.next();
                }
            }
        }
        msg.println("Processed " + count + " configurations" + (inputs.size() > 1 ? " from " + inputs.size() + " files" : "") + (validOut != null ? " (" + (count - held) + " to " + out + ", " + held + " to " + validOut + ")" : ""));
        msg.flush();
        return 0;
    }

    /** Writes c, the configuration src returned last; a configuration the format cannot hold is named by file:line. */
    private static void write(java.util.function.Consumer<Configuration> writer, Configuration c, Source src) {
        try {
            writer.accept(c);
        } catch (UserError e) {
            throw new UserError(src.where() + ": " + e.getMessage(), e.exitCode());
        }
    }

    private void writeOne(Format f, Configuration c, String[] names, Path target) {
        switch (f) {
            case POSCAR -> PoscarFiles.write(new PoscarWriter(), toStructure(c, names), target);
            case LAMMPS_DATA -> LammpsDataFiles.write(c, names, 0, "written by mtpj convert from " + in, target);
            default -> throw new IllegalStateException(f.toString());
        }
    }

    /** A POSCAR structure: atoms grouped by species in type order (stable within a species). */
    static Structure toStructure(Configuration c, String[] names) {
        if (names == null) throw new UserError("POSCAR output needs --types (element symbols of species 0, 1, ...)");
        if (!(c.isPeriodic(0) && c.isPeriodic(1) && c.isPeriodic(2)))
            throw new UserError("POSCAR output needs a 3-D periodic cell; this configuration has " + c.latticeRows + " Supercell row(s)");
        Integer[] order = new Integer[c.size];
        for (int i = 0; i < c.size; i++) {
            order[i] = i;
            if (c.types[i] >= names.length)
                throw new UserError("atom " + c.ids[i] + " has species " + c.types[i] + " but --types names only " + names.length);
        }
        Arrays.sort(order, (a, b) -> Integer.compare(c.types[a], c.types[b]));
        String[] sym = new String[c.size];
        double[][] cart = new double[c.size][];
        for (int k = 0; k < c.size; k++) {
            int i = order[k];
            sym[k] = names[c.types[i]];
            cart[k] = new double[] {c.positions[3 * i], c.positions[3 * i + 1], c.positions[3 * i + 2]};
        }
        String comment = c.features.getOrDefault("source", c.features.getOrDefault("note", "mtpj"));
        return Structure.ofBlocks(comment.replace('\n', ' '), new Cell(c.lattice), sym, cart, null);
    }

    /** Configurations from any input format, one at a time. */
    interface Source extends AutoCloseable {
        Configuration next();

        /** "FILE:LINE" (and which configuration) of the configuration returned last, for messages. */
        String where();

        @Override
        void close();
    }

    /**
     * All inputs as one stream of configurations, each input in its own (guessed or --from) format;
     * with progress lines on stderr when there are several.
     */
    private Source openAll(List<Path> inputs, Format given, String[] names, SpeciesByName species, EnergyVirialTable labels, boolean progress) {
        PrintWriter err = spec.commandLine().getErr();
        return new Source() {
            int k = -1, fromThis;
            Source cur;

            public Configuration next() {
                while (true) {
                    if (cur != null) {
                        Configuration c = cur.next();
                        if (c != null) { fromThis++; return c; }
                        cur.close();
                        cur = null;
                        if (progress && inputs.size() > 1) {
                            err.println("mtpj convert: [" + (k + 1) + "/" + inputs.size() + "] " + in + ": " + fromThis + " configuration(s)");
                            err.flush();
                        }
                    }
                    if (++k >= inputs.size()) return null;
                    in = inputs.get(k);
                    fromThis = 0;
                    cur = open(given != null ? given : guess(in, "--from"), names, species, labels, species.warnings());
                }
            }

            public String where() { return cur != null ? cur.where() : String.valueOf(in); }

            public void close() { if (cur != null) cur.close(); }
        };
    }

    private Source open(Format f, String[] names, SpeciesByName species, EnergyVirialTable labels, java.util.function.Consumer<String> warn) {
        switch (f) {
            case OUTCAR -> {
                OutcarReader r = OutcarReader.of(InputFiles.openStream(in), in.toString(), warn);
                return byElementName(r::next, r::where, r::elements, r::close, species);
            }
            case VASPRUN -> {
                VasprunReader r = VasprunReader.of(InputFiles.openStream(in), in.toString(), warn);
                return byElementName(r::next, r::where, r::elements, r::close, species);
            }
            case XDATCAR -> {
                Path osz = oszicarOf(in);
                OszicarEnergies energies = osz != null
                        ? OszicarEnergies.of(new InputStreamReader(InputFiles.openStream(osz), StandardCharsets.ISO_8859_1), osz.toString()) : null;
                XdatcarReader r = PoscarFiles.openXdatcar(in, names == null ? null : List.of(names), warn);
                return new XdatcarSource(r, energies, species, warn);
            }
            case EXTXYZ -> {
                ExtendedXyzReader r = ExtendedXyzReader.of(new InputStreamReader(InputFiles.openStream(in), StandardCharsets.ISO_8859_1), in.toString(), warn);
                return byElementName(r::next, r::where, r::elements, r::close, species);
            }
            case CFG -> {
                CfgReader r = CfgFiles.open(in).nonEmpty().onWarning(warn);
                return new Source() {
                    public String where() { return r.where(); }
                    public Configuration next() {
                        Configuration c = r.next();
                        return c == null ? null : checkSpecies(c, names, in.toString(), i -> r.lastConfigurationLine());
                    }
                    public void close() { r.close(); }
                };
            }
            case POSCAR -> {
                Structure s = PoscarFiles.read(in, names == null ? null : List.of(names));
                Configuration c = fromStructure(s, names, warn);
                return single(() -> c);
            }
            case LAMMPS_DATA -> {
                LammpsDataReader d = LammpsDataFiles.read(in);
                if (names != null && d.typeNames.length > names.length)
                    warn.accept(in + " declares " + d.typeNames.length + " atom types but --types names " + names.length);
                return single(() -> checkSpecies(d.configuration, names, in.toString(), i -> d.atomLines[i]));
            }
            case LAMMPS_DUMP -> {
                LammpsDumpReader r = LammpsDumpFiles.open(in, warn).keepForces();
                return new Source() {
                    int unlabelled;
                    Frame last;

                    public String where() { return last == null ? in.toString() : last.file + ":" + last.line + ": frame of step " + last.step; }

                    public Configuration next() {
                        Frame fr = r.next();
                        while (fr != null && labels != null && labels.at(fr.step) == null) {
                            unlabelled++;
                            fr = r.next();
                        }
                        if (fr == null) {
                            if (unlabelled > 0) warn.accept(unlabelled + " dump frame(s) without a row in " + labels.file + " skipped");
                            unlabelled = 0;
                            return null;
                        }
                        last = fr;
                        Configuration c = fromFrame(fr, names);
                        if (labels != null) label(c, labels.at(fr.step), labels.file, fr.step);
                        return c;
                    }
                    public void close() { r.close(); }
                };
            }
            default -> throw new IllegalStateException();
        }
    }

    /** The OSZICAR of the run of an XDATCAR (XDATCAR -> OSZICAR, XDATCAR.2 -> OSZICAR.2), or null when there is none. */
    static Path oszicarOf(Path xdatcar) {
        Path osz = xdatcar.resolveSibling(xdatcar.getFileName().toString().replaceFirst("(?i)xdatcar", "OSZICAR"));
        return Files.isRegularFile(osz) && !osz.equals(xdatcar) ? osz : null;
    }

    /** A VASP or extended XYZ reader's configurations with their species renumbered by element name. */
    private Source byElementName(Supplier<Configuration> next, Supplier<String> where, Supplier<List<String>> elements, Runnable close, SpeciesByName species) {
        return new Source() {
            int[] map;

            public Configuration next() {
                Configuration c = next.get();
                if (c == null) return null;
                List<String> els = elements.get();
                if (map == null || map.length != els.size()) map = species.map(els, in.toString()); // an XYZ file may name new elements later
                for (int i = 0; i < c.size; i++) c.types[i] = map[c.types[i]];
                return c;
            }

            public String where() { return where.get(); }

            public void close() { close.run(); }
        };
    }

    /** A species beyond --types would be written under a wrong or missing name. */
    static Configuration checkSpecies(Configuration c, String[] names, String file, java.util.function.IntToLongFunction lineOfAtom) {
        if (names == null) return c;
        for (int i = 0; i < c.size; i++)
            if (c.types[i] >= names.length)
                throw new InputFormatException(file, lineOfAtom.applyAsLong(i), "atom id " + c.ids[i] + " has species " + c.types[i] + " (0-based) but --types names only "
                        + names.length + " (" + String.join(",", names) + ")");
        return c;
    }

    /** Energy and PlusStress of one table row; the row's volume, when given, must be the frame's. */
    static void label(Configuration c, EnergyVirialTable.Row row, Path table, long step) {
        c.energy = row.energy();
        double v = c.volume();
        if (!Double.isNaN(row.volume())) {
            // the dump's box bounds and LAMMPS' vol agree to their printed digits
            if (!(Math.abs(row.volume() / v - 1) <= 1e-9))
                throw new InputFormatException(table.toString(), row.line(), "vol " + row.volume() + " Å³ differs from the dump's box volume " + v + " Å³ at step " + step);
            v = row.volume();
        }
        c.plusStress = row.plusStress(v);
    }

    private Source single(Supplier<Configuration> s) {
        return new Source() {
            boolean done;
            public String where() { return in.toString(); }
            public Configuration next() {
                if (done) return null;
                done = true;
                return s.get();
            }
            public void close() { }
        };
    }

    static Configuration fromStructure(Structure s, String[] names, java.util.function.Consumer<String> warn) {
        List<String> species = names != null ? List.of(names) : s.speciesOrder();
        if (names == null)
            warn.accept("no --types: species numbered in the POSCAR's order " + String.join(",", s.speciesOrder()));
        Configuration c = new Configuration(s.size());
        c.latticeRows = 3;
        c.lattice[0] = s.cell().row(0);
        c.lattice[1] = s.cell().row(1);
        c.lattice[2] = s.cell().row(2);
        double[][] r = s.cartesian();
        for (int i = 0; i < s.size(); i++) {
            int t = species.indexOf(s.symbol(i));
            if (t < 0) throw new UserError("element " + s.symbol(i) + " of the POSCAR is not in --types " + String.join(",", species));
            c.types[i] = t;
            System.arraycopy(r[i], 0, c.positions, 3 * i, 3);
        }
        return c;
    }

    static Configuration fromFrame(Frame f, String[] names) {
        int[] order = f.orderById();
        Configuration c = new Configuration(f.size);
        c.latticeRows = 3;
        for (int k = 0; k < 3; k++) c.lattice[k] = f.cell.row(k);
        List<String> species = names == null ? null : List.of(names);
        double[] o = f.origin == null ? new double[3] : f.origin;
        if (f.forces != null) c.forces = new double[3 * f.size];
        for (int k = 0; k < f.size; k++) {
            int r = order[k];
            int t;
            if (f.elements != null && species != null) {
                t = species.indexOf(f.elements[r]);
                if (t < 0) throw new InputFormatException(f.file, f.lineOfRow(r), "element " + f.elements[r] + " of atom id " + f.ids[r]
                        + " is not in --types " + String.join(",", species));
            } else if (f.types != null && f.types[r] > 0) {
                t = f.types[r] - 1;
                if (species != null && t >= species.size())
                    throw new InputFormatException(f.file, f.lineOfRow(r), "atom id " + f.ids[r] + " has type " + f.types[r]
                            + " but --types names only " + species.size() + " (" + String.join(",", species) + ")");
            } else {
                throw new UserError(f.file + ":" + f.line + ": the dump has no type column (and no element column with --types)");
            }
            c.types[k] = t;
            for (int a = 0; a < 3; a++) c.positions[3 * k + a] = f.positions[3 * r + a] - o[a];
            if (c.forces != null) System.arraycopy(f.forces, 3 * r, c.forces, 3 * k, 3);
            if (f.images != null) // wrapped with image flags: keep the unwrapped position
                for (int v = 0; v < 3; v++)
                    for (int a = 0; a < 3; a++) c.positions[3 * k + a] += f.images[3 * r + v] * c.lattice[v][a];
        }
        c.features.put("source", "dump_step_" + f.step);
        return c;
    }
}
