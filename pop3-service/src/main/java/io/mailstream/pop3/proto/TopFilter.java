package io.mailstream.pop3.proto;

import java.util.Arrays;

/**
 * Cuts a streamed message down to what TOP sends (RFC 1939 7): the header, the blank line
 * separating it from the body, then {@code bodyLines} lines of the body. A request for more
 * lines than the body has yields the entire message; a message without a blank line is all
 * header and is sent whole. Lines end at LF (CRLF or bare LF), as for {@link DotStuffer}.
 */
public final class TopFilter {
    private final long bodyLines;
    private boolean inHeader = true;
    private boolean lineHasContent;
    private long linesSent;
    private boolean done;

    public TopFilter(long bodyLines) {
        if (bodyLines < 0) {
            throw new IllegalArgumentException("negative line count");
        }
        this.bodyLines = bodyLines;
    }

    /** The part of {@code chunk} to send; empty once {@link #done()}. */
    public byte[] filter(byte[] chunk) {
        if (done) {
            return new byte[0];
        }
        for (int i = 0; i < chunk.length; i++) {
            byte b = chunk[i];
            if (b != '\n') {
                if (b != '\r') {
                    lineHasContent = true;
                }
                continue;
            }
            if (inHeader) {
                if (!lineHasContent) {
                    inHeader = false;
                    done = bodyLines == 0;
                }
            } else {
                done = ++linesSent >= bodyLines;
            }
            lineHasContent = false;
            if (done) {
                return Arrays.copyOf(chunk, i + 1);
            }
        }
        return chunk;
    }

    /** True once enough lines were passed; the rest of the message need not be read. */
    public boolean done() {
        return done;
    }
}
