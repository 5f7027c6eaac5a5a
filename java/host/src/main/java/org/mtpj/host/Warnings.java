package org.mtpj.host;

import java.util.function.Consumer;

/** The command line's warning sink: one line on stderr per warning the core's readers give. */
public final class Warnings {
    private Warnings() {}

    /** Prints "mtpj: warning: MESSAGE" on stderr. */
    public static final Consumer<String> STDERR = msg -> System.err.println("mtpj: warning: " + msg);

    /** Prints the message as it is (messages that carry their own "warning:" prefix). */
    public static final Consumer<String> STDERR_PLAIN = System.err::println;
}
