package org.mtpj.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mtpj.cli.Main;

class DaemonServerTest {
    @Test
    void servesTheShortCommandsOnFilesOnly() {
        assertTrue(DaemonServer.servable(new String[] {"calc-efs", "pot.mtp", "/home/u/dev/in.cfg", "out.cfg"}));
        assertTrue(DaemonServer.servable(new String[] {"info", "pot.mtp"}));
        assertFalse(DaemonServer.servable(new String[] {}));
        assertFalse(DaemonServer.servable(new String[] {"train", "pot.mtp", "train.cfg"}));
        assertFalse(DaemonServer.servable(new String[] {"learn", "learn.toml"}));
        assertFalse(DaemonServer.servable(new String[] {"--version"}));
        // the standard streams are the client's
        assertFalse(DaemonServer.servable(new String[] {"convert", "-", "out.xyz"}));
        assertFalse(DaemonServer.servable(new String[] {"calc-efs", "pot.mtp", "in.cfg", "/dev/stdout"}));
        assertFalse(DaemonServer.servable(new String[] {"calc-errors", "pot.mtp", "db.cfg", "--tsv=/dev/stderr"}));
        assertFalse(DaemonServer.servable(new String[] {"mindist", "/proc/self/fd/0"}));
    }

    @Test
    void theHelpNamesEveryServedCommand() {
        String help = Main.commandLine().getSubcommands().get("daemon").getUsageMessage();
        for (String c : DaemonServer.SERVED) assertTrue(help.contains(c + ",") || help.contains(c + " "), c + " missing in:\n" + help);
    }
}
