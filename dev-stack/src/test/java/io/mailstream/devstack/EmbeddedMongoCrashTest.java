package io.mailstream.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Sorts;

/** Acknowledged writes survive SIGKILL of the process that serves them. */
class EmbeddedMongoCrashTest {

    private static final int INSERTS = 50;

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedInsertsSurviveAKilledServerProcess() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"),
                MongoCrashChild.class.getName(), dataDir.toString(), String.valueOf(INSERTS))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int acknowledged = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("DONE")) {
                if (line.startsWith("ACK ")) {
                    acknowledged++;
                }
            }
        } finally {
            // SIGKILL right after the last acknowledgement: no shutdown hook, no final commit.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).isEqualTo(INSERTS);

        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(dataDir, 0).start();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            List<Integer> seqs = client.getDatabase("crash").getCollection("messages")
                    .find().sort(Sorts.ascending("seq")).map(doc -> doc.getInteger("seq"))
                    .into(new ArrayList<>());
            assertThat(seqs).hasSize(INSERTS);
            assertThat(seqs.get(INSERTS - 1)).isEqualTo(INSERTS - 1);
        }
    }
}
