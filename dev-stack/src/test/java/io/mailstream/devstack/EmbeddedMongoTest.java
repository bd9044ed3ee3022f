package io.mailstream.devstack;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.inc;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;

class EmbeddedMongoTest {

    private static final int THREADS = 8;
    private static final int INCREMENTS_PER_THREAD = 250;

    @TempDir
    Path dataDir;

    @Test
    void findOneAndUpdateIncIsAtomicUnderConcurrency() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(dataDir, 0).start();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> counters = client.getDatabase("test").getCollection("counters");
            counters.insertOne(new Document("_id", "mailbox-1").append("uidNext", 0L));

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<List<Long>>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    results.add(pool.submit(allocate(counters, INCREMENTS_PER_THREAD)));
                }
                Set<Long> distinct = new HashSet<>();
                int total = 0;
                for (Future<List<Long>> result : results) {
                    List<Long> values = result.get(120, TimeUnit.SECONDS);
                    total += values.size();
                    distinct.addAll(values);
                }
                assertThat(total).isEqualTo(THREADS * INCREMENTS_PER_THREAD);
                assertThat(distinct).as("every $inc returned its own value").hasSize(total);
                assertThat(counters.find(eq("_id", "mailbox-1")).first().getLong("uidNext"))
                        .isEqualTo((long) total);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void dataSurvivesACleanRestartOnTheSameDirectory() {
        EmbeddedMongo mongo = EmbeddedMongo.persistent(dataDir, 0).start();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> users = client.getDatabase("test").getCollection("users");
            users.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true));
            users.insertOne(new Document("username", "alice").append("quota", 42));
        }
        mongo.stop();
        assertThat(Ports.isBusy(mongo.port())).as("port released after stop").isFalse();

        mongo.start();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> users = client.getDatabase("test").getCollection("users");
            assertThat(users.find(eq("username", "alice")).first().getInteger("quota")).isEqualTo(42);
            assertThat(users.listIndexes().into(new ArrayList<>()))
                    .anySatisfy(index -> assertThat(index.getBoolean("unique", false)).isTrue());
        } finally {
            mongo.stop();
        }
    }

    @Test
    void inMemoryServerStartsEmptyEachTime() {
        EmbeddedMongo mongo = EmbeddedMongo.inMemory(0).start();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("test").getCollection("c").withWriteConcern(WriteConcern.ACKNOWLEDGED)
                    .insertOne(new Document("x", 1));
            assertThat(client.getDatabase("test").getCollection("c").countDocuments()).isEqualTo(1);
        }
        mongo.stop();
        mongo.start();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(client.getDatabase("test").getCollection("c").countDocuments()).isZero();
        } finally {
            mongo.stop();
        }
    }

    private static Callable<List<Long>> allocate(MongoCollection<Document> counters, int count) {
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        return () -> {
            List<Long> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(counters.findOneAndUpdate(eq("_id", "mailbox-1"), inc("uidNext", 1L), after)
                        .getLong("uidNext"));
            }
            return values;
        };
    }
}
