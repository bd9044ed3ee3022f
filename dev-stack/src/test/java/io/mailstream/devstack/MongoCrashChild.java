package io.mailstream.devstack;

import java.nio.file.Path;

import org.bson.Document;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * Child process of {@link EmbeddedMongoCrashTest}: serves a persistent embedded MongoDB, makes
 * acknowledged inserts through the driver, reports each on stdout, then waits to be killed.
 */
public final class MongoCrashChild {

    private MongoCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int inserts = Integer.parseInt(args[1]);
        EmbeddedMongo mongo = EmbeddedMongo.persistent(dataDir, 0).start();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> messages = client.getDatabase("crash").getCollection("messages")
                    .withWriteConcern(WriteConcern.ACKNOWLEDGED);
            for (int i = 0; i < inserts; i++) {
                messages.insertOne(new Document("seq", i).append("body", "message " + i));
                System.out.println("ACK " + i);
            }
            System.out.println("DONE");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
