package io.mailstream.devstack.launcher;

import java.io.PrintStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Launcher progress: one line each on stderr (stdout carries only the READY line), also logged. */
public final class Log {

    private static final Logger LOG = LoggerFactory.getLogger("io.mailstream.devstack.launcher");
    private static volatile PrintStream console = System.err;

    private Log() {
    }

    public static void console(PrintStream stream) {
        console = stream;
    }

    public static void info(String message) {
        console.println("[mailstream] " + message);
        LOG.info(message);
    }

    public static void warn(String message) {
        console.println("[mailstream] WARNING: " + message);
        LOG.warn(message);
    }

    public static void error(String message) {
        console.println("[mailstream] ERROR: " + message);
        LOG.error(message);
    }
}
