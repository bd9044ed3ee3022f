package io.mailstream.store.service.ops;

import static com.mongodb.client.model.Filters.eq;

import io.mailstream.store.api.SectionBody;
import io.mailstream.store.api.SectionRequest;
import io.mailstream.store.api.SectionSpec;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.mime.PartIndex;
import io.mailstream.store.mime.SectionSlice;
import io.mailstream.store.mime.Sections;
import io.mailstream.store.mime.UnknownTransferEncodingException;
import io.mailstream.store.service.domain.Docs;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.store.service.mime.StoredAnalysis;
import io.mailstream.store.service.repo.BlobRepo;
import io.mailstream.store.service.repo.MailboxRepo;
import io.mailstream.store.service.repo.MongoCollections;
import io.quarkus.mongodb.FindOptions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import org.bson.Document;

/**
 * FETCH BODY[section]&lt;partial&gt; (RFC 9051 6.4.5) and BINARY[section] (RFC 3516): the part
 * offsets recorded at append locate the section, and the bytes stream from the blob chunks.
 * Only HEADER.FIELDS(.NOT) (a header) and BINARY (a decoded part) are built in memory.
 */
@ApplicationScoped
public class SectionOps {
    private final MongoCollections db;
    private final MailboxRepo mailboxes;
    private final BlobRepo blobs;

    @Inject
    public SectionOps(MongoCollections db, MailboxRepo mailboxes, BlobRepo blobs) {
        this.db = db;
        this.mailboxes = mailboxes;
        this.blobs = blobs;
    }

    public Uni<SectionBody> fetch(String userId, String mailboxId, SectionRequest req) {
        if (req == null || req.section() == null || req.offset() < 0 || req.length() < -1) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "bad section request");
        }
        SectionSpec spec = req.section();
        if (req.binary() && spec.text() != SectionSpec.Text.FULL) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "BINARY takes part numbers only (RFC 3516 4.1)");
        }
        return mailboxes.requireById(userId, mailboxId).onItem().transformToUni(m -> db.messages()
                .find(eq("_id", MessageDoc.id(m.id(), req.uid())), new FindOptions().projection(
                        new Document(MessageDoc.UID, 1).append(MessageDoc.BLOB_ID, 1).append(MessageDoc.SIZE, 1)
                                .append(MessageDoc.PARTS, 1)))
                .filter(d -> MessageDoc.uid(d) < m.stableUidNext())
                .collect().first()
                .onItem().ifNull().failWith(() -> new StoreException(StoreErrorCode.NONEXISTENT, "no such message"))
                .onItem().transformToUni(d -> section(d, req)));
    }

    private Uni<SectionBody> section(Document d, SectionRequest req) {
        String blob = d.getString(MessageDoc.BLOB_ID);
        long size = Docs.getLong(d, MessageDoc.SIZE, 0);
        SectionSpec spec = req.section();
        if (spec.part().isEmpty() && spec.text() == SectionSpec.Text.FULL && !req.binary()) {
            return Uni.createFrom().item(streamed(blob, 0, size, req));
        }
        PartIndex parts = StoredAnalysis.parts(d.getString(MessageDoc.PARTS));
        if (req.binary()) {
            PartIndex part = Sections.find(parts, spec.part());
            if (part == null) {
                return Uni.createFrom().item(inMemory(new byte[0], req));
            }
            if (part.contentType().startsWith("multipart/") || part.message() != null) {
                // A multipart or message/rfc822 part has no transfer encoding of its own.
                return Uni.createFrom().item(streamed(blob, part.bodyStart(), part.bodyEnd(), req));
            }
            return blobs.readAll(blob, part.bodyStart(), part.bodyEnd())
                    .emitOn(Infrastructure.getDefaultWorkerPool())
                    .map(body -> {
                        try {
                            return inMemory(Sections.decodeBinary(body, part.transferEncoding()), req);
                        } catch (UnknownTransferEncodingException e) {
                            throw new StoreException(StoreErrorCode.UNKNOWNCTE,
                                    "unknown transfer encoding " + e.encoding());
                        }
                    });
        }
        SectionSlice slice = Sections.locate(parts, spec);
        if (spec.text() == SectionSpec.Text.HEADER_FIELDS || spec.text() == SectionSpec.Text.HEADER_FIELDS_NOT) {
            return blobs.readAll(blob, slice.start(), slice.end())
                    .map(header -> inMemory(Sections.headerFields(header, spec), req));
        }
        return Uni.createFrom().item(streamed(blob, slice.start(), slice.end(), req));
    }

    /** The partial range {@code <offset.length>} within {@code [start, end)}. */
    private SectionBody streamed(String blob, long start, long end, SectionRequest req) {
        long from = Math.min(end, start + req.offset());
        long to = req.length() < 0 ? end : Math.min(end, from + req.length());
        return new SectionBody(to - from, to > from ? blobs.read(blob, from, to) : Multi.createFrom().empty());
    }

    private static SectionBody inMemory(byte[] bytes, SectionRequest req) {
        int from = (int) Math.min(bytes.length, req.offset());
        int to = req.length() < 0 ? bytes.length : (int) Math.min(bytes.length, from + req.length());
        byte[] out = from == 0 && to == bytes.length ? bytes : Arrays.copyOfRange(bytes, from, to);
        return new SectionBody(out.length, out.length == 0 ? Multi.createFrom().empty()
                : Multi.createFrom().item(out));
    }
}
