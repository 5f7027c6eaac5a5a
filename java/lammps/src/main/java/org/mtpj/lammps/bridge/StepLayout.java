package org.mtpj.lammps.bridge;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * Java mirror of {@code native/mtpj_step.h} (struct MtpjStep): one force evaluation as raw
 * pointers into LAMMPS's arrays plus the flags of {@code ev_init}. The C side writes
 * {@code struct_size} and {@code abi_version}; {@link #check} refuses anything else, so a jar and
 * a native build that do not match give an error instead of garbage.
 */
final class StepLayout {
    private StepLayout() {}

    /** Must equal MTPJ_ABI_VERSION in mtpj_step.h. */
    static final int ABI_VERSION = 5;
    /** Earlier ABIs are still accepted: same offsets, shorter (3: no collectives, 4: no close contacts). */
    static final int ABI_WITHOUT_COLLECTIVES = 3, ABI_WITHOUT_CLOSE_CONTACTS = 4;

    static final StructLayout LAYOUT = MemoryLayout.structLayout(
            JAVA_LONG.withName("struct_size"),
            JAVA_LONG.withName("timestep"),
            ADDRESS.withName("ilist"),
            ADDRESS.withName("numneigh"),
            ADDRESS.withName("firstneigh"),
            ADDRESS.withName("x"),
            ADDRESS.withName("type"),
            ADDRESS.withName("tag"),
            ADDRESS.withName("f"),
            ADDRESS.withName("eatom"),
            ADDRESS.withName("vatom"),
            ADDRESS.withName("cvatom"),
            ADDRESS.withName("errbuf"),
            JAVA_DOUBLE.withName("energy"),
            MemoryLayout.sequenceLayout(6, JAVA_DOUBLE).withName("virial"),
            MemoryLayout.sequenceLayout(3, JAVA_DOUBLE).withName("boxlo"),
            MemoryLayout.sequenceLayout(3, JAVA_DOUBLE).withName("boxhi"),
            MemoryLayout.sequenceLayout(3, JAVA_DOUBLE).withName("tilt"),
            ADDRESS.withName("atom_grade"),
            JAVA_DOUBLE.withName("grade"),
            JAVA_INT.withName("abi_version"),
            JAVA_INT.withName("inum"),
            JAVA_INT.withName("nlocal"),
            JAVA_INT.withName("nall"),
            JAVA_INT.withName("eflag_global"),
            JAVA_INT.withName("eflag_atom"),
            JAVA_INT.withName("vflag_global"),
            JAVA_INT.withName("vflag_atom"),
            JAVA_INT.withName("vflag_fdotr"),
            JAVA_INT.withName("cvflag_atom"),
            JAVA_INT.withName("neighmask"),
            JAVA_INT.withName("tag_bytes"),
            JAVA_INT.withName("errlen"),
            JAVA_INT.withName("rank"),
            MemoryLayout.sequenceLayout(3, JAVA_INT).withName("periodic"),
            JAVA_INT.withName("nprocs"), // ABI 3 had 4 bytes of padding here and ended
            ADDRESS.withName("comm"),
            ADDRESS.withName("allreduce"),
            ADDRESS.withName("gather"),
            JAVA_DOUBLE.withName("min_dist"), // ABI 4 ended here
            JAVA_DOUBLE.withName("close_min"),
            JAVA_LONG.withName("close_entries"),
            JAVA_LONG.withName("close_id_i"),
            JAVA_LONG.withName("close_id_j"),
            JAVA_INT.withName("close_policy"),
            MemoryLayout.paddingLayout(4));

    /** Size of the ABI 3 struct: everything before nprocs plus C's padding. */
    static final long SIZE_WITHOUT_COLLECTIVES = LAYOUT.byteOffset(groupElement("nprocs")) + 4;
    /** Size of the ABI 4 struct: everything before min_dist. */
    static final long SIZE_WITHOUT_CLOSE_CONTACTS = LAYOUT.byteOffset(groupElement("min_dist"));

    static long off(String name) { return LAYOUT.byteOffset(groupElement(name)); }

    static final long STRUCT_SIZE = off("struct_size"), TIMESTEP = off("timestep"), ILIST = off("ilist"),
            NUMNEIGH = off("numneigh"), FIRSTNEIGH = off("firstneigh"), X = off("x"), TYPE = off("type"),
            TAG = off("tag"), F = off("f"), EATOM = off("eatom"), VATOM = off("vatom"), CVATOM = off("cvatom"), ERRBUF = off("errbuf"),
            ENERGY = off("energy"), VIRIAL = off("virial"), BOXLO = off("boxlo"), BOXHI = off("boxhi"),
            TILT = off("tilt"), ATOM_GRADE = off("atom_grade"), GRADE = off("grade"), ABI = off("abi_version"), INUM = off("inum"), NLOCAL = off("nlocal"),
            NALL = off("nall"), EFLAG_GLOBAL = off("eflag_global"), EFLAG_ATOM = off("eflag_atom"),
            VFLAG_GLOBAL = off("vflag_global"), VFLAG_ATOM = off("vflag_atom"), VFLAG_FDOTR = off("vflag_fdotr"), CVFLAG_ATOM = off("cvflag_atom"),
            NEIGHMASK = off("neighmask"), TAG_BYTES = off("tag_bytes"), ERRLEN = off("errlen"), RANK = off("rank"),
            PERIODIC = off("periodic"), NPROCS = off("nprocs"), COMM = off("comm"), ALLREDUCE = off("allreduce"),
            GATHER = off("gather"), MIN_DIST = off("min_dist"), CLOSE_MIN = off("close_min"),
            CLOSE_ENTRIES = off("close_entries"), CLOSE_ID_I = off("close_id_i"), CLOSE_ID_J = off("close_id_j"),
            CLOSE_POLICY = off("close_policy");

    /** Throws when the C struct is not the one this class describes. */
    static void check(long structSize, int abi) {
        if (abi == ABI_WITHOUT_COLLECTIVES && structSize == SIZE_WITHOUT_COLLECTIVES) return;
        if (abi == ABI_WITHOUT_CLOSE_CONTACTS && structSize == SIZE_WITHOUT_CLOSE_CONTACTS) return;
        if (structSize != LAYOUT.byteSize() || abi != ABI_VERSION)
            throw new IllegalStateException("native bridge and mtpj jar do not match (struct size " + structSize
                    + " vs " + LAYOUT.byteSize() + ", ABI " + abi + " vs " + ABI_VERSION
                    + "): rebuild with scripts/build-native and the jar with ./mtpj --version");
    }
}
