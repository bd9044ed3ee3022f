package io.mailstream.devstack.launcher;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;

import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.jboss.logmanager.handlers.FileHandler;

/**
 * Logging of the launcher JVM (Kafka, MongoDB, launcher): everything to
 * {@code DATA/logs/dev-stack.log}, warnings also to stderr (Kafka's and mongo-java-server's only from errors up).
 * Nothing goes to stdout.
 */
public final class LauncherLogging {

    public static final String FILE = "dev-stack.log";

    private LauncherLogging() {
    }

    public static void configure(Path logsDir) {
        Logger root = LogContext.getLogContext().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        PatternFormatter formatter = new PatternFormatter("%d{HH:mm:ss,SSS} %-5p [%c{1.}] (%t) %s%e%n");
        try {
            FileHandler file = new FileHandler(formatter, logsDir.resolve(FILE).toFile(), true);
            file.setAutoFlush(true);
            file.setLevel(Level.INFO);
            root.addHandler(file);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("cannot open " + logsDir.resolve(FILE), e);
        }
        ConsoleHandler console = new ConsoleHandler(ConsoleHandler.Target.SYSTEM_ERR, formatter);
        console.setLevel(Level.WARNING);
        // Kafka warns about routine things (bootstrapping an empty log, closing clients twice),
        // mongo-java-server about every non-unique index it keeps no structure for: file only.
        console.setFilter(record -> record.getLevel().intValue() >= Level.SEVERE.intValue()
                || !isChatty(record.getLoggerName()));
        root.addHandler(console);
        root.setLevel(Level.INFO);
        // Launcher progress reaches the console through Log, not twice through the handler.
        Logger launcher = LogContext.getLogContext().getLogger("io.mailstream.devstack.launcher");
        launcher.setUseParentHandlers(false);
        launcher.addHandler(file(root));
    }

    private static boolean isChatty(String logger) {
        return logger != null && (logger.startsWith("org.apache.kafka") || logger.startsWith("kafka.")
                || logger.startsWith("de.bwaldvogel"));
    }

    private static Handler file(Logger root) {
        for (Handler handler : root.getHandlers()) {
            if (handler instanceof FileHandler) {
                return handler;
            }
        }
        throw new IllegalStateException("file handler missing");
    }
}
