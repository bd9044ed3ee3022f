package io.mailstream.imap.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates the client's raw deflate stream (RFC 4978, RFC 1951) in pieces of at most
 * {@link #PIECE} octets, and only while the channel reads (auto-read on): when the connection
 * pauses, the compressed rest waits inside the inflater until reading resumes. So a few kilobytes
 * that inflate to gigabytes (a decompression bomb) cost CPU but never heap: the parser sees the
 * inflated octets at the pace it consumes them, and its own limits (line length, literal size)
 * apply to them exactly as to uncompressed input.
 */
final class InflateHandler extends ChannelDuplexHandler {
    static final int PIECE = 16 * 1024;

    private final Inflater inflater = new Inflater(true);
    /** The array last given to the inflater (its unconsumed tail is still input). */
    private byte[] pendingInput = new byte[0];
    /** The last inflate filled its piece: more output may be waiting even without input. */
    private boolean more;
    private boolean resumeScheduled;
    private boolean failed;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (failed || inflater.finished()) {
                return; // after the client ended its deflate stream nothing more can be read
            }
            int remaining = inflater.getRemaining();
            byte[] input;
            if (remaining > 0) {
                // The inflater keeps only a reference to the last input array: join what it has
                // not consumed yet with the new octets.
                input = new byte[remaining + buf.readableBytes()];
                System.arraycopy(pendingInput, pendingInput.length - remaining, input, 0, remaining);
                buf.readBytes(input, remaining, buf.readableBytes());
            } else {
                input = new byte[buf.readableBytes()];
                buf.readBytes(input);
            }
            pendingInput = input;
            inflater.setInput(input);
        } finally {
            buf.release();
        }
        inflateWhileReading(ctx);
    }

    /** Inflates and passes on pieces while the channel is reading; true if any piece went on. */
    private boolean inflateWhileReading(ChannelHandlerContext ctx) {
        boolean produced = false;
        while (!failed && ctx.channel().config().isAutoRead() && !inflater.finished()) {
            byte[] out = new byte[PIECE];
            int n;
            try {
                n = inflater.inflate(out);
            } catch (DataFormatException e) {
                fail(ctx, "invalid deflate data from client: " + e.getMessage());
                return produced;
            }
            if (n == 0 && inflater.needsDictionary()) {
                fail(ctx, "deflate stream asks for a dictionary");
                return produced;
            }
            more = n == PIECE;
            if (n > 0) {
                produced = true;
                ctx.fireChannelRead(Unpooled.wrappedBuffer(out, 0, n));
            }
            if (n < PIECE) {
                break; // all the input there is has been inflated
            }
        }
        if (inflater.finished()) {
            more = false;
            inflater.setInput(new byte[0]); // octets after the end of the stream are dropped
        }
        return produced;
    }

    private boolean pending() {
        return more || inflater.getRemaining() > 0;
    }

    /** Reading resumes: first hand on what is already here, then ask the socket for more. */
    @Override
    public void read(ChannelHandlerContext ctx) {
        if (!pending() || failed) {
            ctx.read();
            return;
        }
        if (!resumeScheduled) {
            resumeScheduled = true;
            // Not from inside the caller's resume(): avoid re-entering the connection's handler.
            ctx.executor().execute(() -> {
                resumeScheduled = false;
                if (inflateWhileReading(ctx)) {
                    ctx.fireChannelReadComplete();
                }
                if (!pending() && ctx.channel().config().isAutoRead()) {
                    ctx.read();
                }
            });
        }
    }

    private void fail(ChannelHandlerContext ctx, String why) {
        failed = true;
        ctx.fireExceptionCaught(new IOException(why));
        ctx.close();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        inflater.end();
    }
}
