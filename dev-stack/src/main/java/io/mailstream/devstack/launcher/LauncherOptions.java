package io.mailstream.devstack.launcher;

import java.nio.file.Path;

/** Command-line options of {@code ./mailstream dev}. */
public record LauncherOptions(Path dataDir, boolean reset, int imapInstances, int pop3Instances, boolean help) {

    // Consecutive ports: a third IMAP instance would put IMAPS on 1995, the first POP3S port.
    public static final int MAX_IMAP_INSTANCES = 2;
    public static final int MAX_POP3_INSTANCES = 5;

    public static final String USAGE = String.join("\n",
            "Usage: ./mailstream dev [options]",
            "",
            "Runs the whole platform on this machine: in-process Kafka and MongoDB, the store,",
            "IMAP and POP3 services. Prints one READY line on stdout when everything answers;",
            "Ctrl-C stops it all.",
            "",
            "Options:",
            "  --data-dir DIR        where data, logs, TLS files and secrets live (default ./data)",
            "  --reset               wipe the data directory first",
            "  --imap-instances N    IMAP service instances, 1-" + MAX_IMAP_INSTANCES + " (default 1)",
            "  --pop3-instances N    POP3 service instances, 1-" + MAX_POP3_INSTANCES + " (default 1)",
            "  --rebuild             rebuild the modules before starting (handled by ./mailstream)",
            "  -h, --help            this text");

    /**
     * Parses {@code args}; {@code defaultDataDir} applies when {@code --data-dir} is absent.
     * Accepts {@code --opt value} and {@code --opt=value}.
     */
    public static LauncherOptions parse(String[] args, Path defaultDataDir) {
        Path dataDir = defaultDataDir;
        boolean reset = false;
        boolean help = false;
        int imap = 1;
        int pop3 = 1;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inlineValue = arg.substring(eq + 1);
            }
            switch (name) {
                case "--data-dir":
                    String dir = inlineValue != null ? inlineValue : value(args, ++i, name);
                    if (dir.isBlank()) {
                        throw new UsageException("--data-dir needs a directory");
                    }
                    dataDir = Path.of(dir);
                    break;
                case "--reset":
                    noValue(name, inlineValue);
                    reset = true;
                    break;
                case "--imap-instances":
                    imap = count(name, inlineValue != null ? inlineValue : value(args, ++i, name), MAX_IMAP_INSTANCES);
                    break;
                case "--pop3-instances":
                    pop3 = count(name, inlineValue != null ? inlineValue : value(args, ++i, name), MAX_POP3_INSTANCES);
                    break;
                case "--rebuild":
                    // Consumed by the ./mailstream script; harmless here.
                    noValue(name, inlineValue);
                    break;
                case "-h":
                case "--help":
                    help = true;
                    break;
                default:
                    throw new UsageException("unknown option: " + arg);
            }
        }
        return new LauncherOptions(dataDir.toAbsolutePath().normalize(), reset, imap, pop3, help);
    }

    /** Instances wanted of the service whose READY key is {@code serviceKey}. */
    public int instances(String serviceKey) {
        switch (serviceKey) {
            case "imap":
                return imapInstances;
            case "pop3":
                return pop3Instances;
            default:
                return 1;
        }
    }

    private static String value(String[] args, int index, String name) {
        if (index >= args.length) {
            throw new UsageException(name + " needs a value");
        }
        return args[index];
    }

    private static void noValue(String name, String inlineValue) {
        if (inlineValue != null) {
            throw new UsageException(name + " takes no value");
        }
    }

    private static int count(String name, String text, int max) {
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a number, not '" + text + "'");
        }
        if (value < 1 || value > max) {
            throw new UsageException(name + " must be between 1 and " + max + ", not " + value);
        }
        return value;
    }

    /** A command line that cannot be run; the message says why. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
