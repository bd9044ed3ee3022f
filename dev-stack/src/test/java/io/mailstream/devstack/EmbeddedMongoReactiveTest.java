package io.mailstream.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

/** The reactive streams driver (what Quarkus' reactive Mongo client uses) works against the server. */
class EmbeddedMongoReactiveTest {

    @Test
    void writesAndReadsThroughTheReactiveStreamsDriver() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0).start();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> mailboxes = client.getDatabase("test").getCollection("mailboxes");

            await(mailboxes.insertMany(List.of(
                    new Document("name", "INBOX").append("highestModSeq", 1L),
                    new Document("name", "Sent").append("highestModSeq", 1L))));
            Document bumped = await(mailboxes.findOneAndUpdate(Filters.eq("name", "INBOX"),
                    Updates.inc("highestModSeq", 1L),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).get(0);

            assertThat(bumped.getLong("highestModSeq")).isEqualTo(2L);
            assertThat(await(mailboxes.find(Filters.eq("name", "Sent"))))
                    .singleElement().satisfies(doc -> assertThat(doc.getLong("highestModSeq")).isEqualTo(1L));
            assertThat(await(mailboxes.countDocuments())).containsExactly(2L);
        }
    }

    /** Collects a publisher's items; fails on error or after ten seconds. */
    private static <T> List<T> await(Publisher<T> publisher) throws Exception {
        CompletableFuture<List<T>> done = new CompletableFuture<>();
        List<T> items = new ArrayList<>();
        publisher.subscribe(new Subscriber<T>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(T item) {
                items.add(item);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                done.complete(items);
            }
        });
        return done.get(10, TimeUnit.SECONDS);
    }
}
