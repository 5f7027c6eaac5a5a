package org.mtpj.cli.daemon;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The process's file-creation mask (libc umask through FFM; the JDK has no API for it). The daemon
 * sets the client's before each command, so the files it creates get the permissions they would
 * get in the command's own JVM. Process-wide: right because the daemon runs one command at a time.
 */
final class ProcessUmask {
    private static final MethodHandle UMASK = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("umask").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private ProcessUmask() {}

    /** Sets the mask and returns the previous one. */
    static int set(int mask) {
        try {
            return (int) UMASK.invokeExact(mask);
        } catch (Throwable t) {
            throw new IllegalStateException("umask", t);
        }
    }
}
