package io.mailstream.store.mime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Manual tool: prints ENVELOPE and BODYSTRUCTURE of every corpus file. */
final class CorpusDump {
    public static void main(String[] args) throws Exception {
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                MessageAnalysis a = MessageAnalyzer.analyze(Files.readAllBytes(p));
                System.out.println("== " + p.getFileName());
                System.out.println("ENV " + ImapSyntax.envelope(a.envelope()));
                System.out.println("BS  " + ImapSyntax.body(a.bodyStructure(), true));
                System.out.println("IDX " + a.parts());
                System.out.println("SRCH date=" + a.search().sentDate() + " at=" + a.search().sentAt()
                        + " text=" + a.search().bodyText().length());
            }
        }
    }
}
