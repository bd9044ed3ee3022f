package io.mailstream.imap.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.compression.JdkZlibEncoder;
import io.netty.handler.codec.compression.ZlibWrapper;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.NetSocketInternal;

/**
 * RFC 4978 COMPRESS=DEFLATE on a connection's Netty pipeline: raw deflate (RFC 1951, no zlib
 * header: ZlibWrapper.NONE) both ways, placed just before Vert.x's own handler, so after the
 * SslHandler: data is compressed before it is encrypted and decrypted before it is inflated
 * (RFC 4978 3). Every response write is deflated with SYNC_FLUSH (JdkZlibEncoder does so per
 * message), so nothing waits in the compressor (RFC 4978 4).
 */
final class Compression {
    static final String INFLATER = "imap-inflate";
    static final String DEFLATER = "imap-deflate";
    /** zlib level 6: typical responses shrink to a third (RFC 4978 4) at modest CPU. */
    private static final int LEVEL = 6;

    private Compression() {
    }

    /**
     * Installs the compression layer. Call on the connection's event loop right after the
     * tagged OK was written: that write has already passed this point of the pipeline, so it
     * leaves uncompressed, and nothing is read in between.
     */
    static void start(NetSocket socket) {
        ChannelHandlerContext vertx = ((NetSocketInternal) socket).channelHandlerContext();
        Runnable install = () -> {
            ChannelPipeline p = vertx.pipeline();
            if (p.get(INFLATER) != null) {
                return;
            }
            p.addBefore(vertx.name(), INFLATER, new InflateHandler());
            p.addBefore(vertx.name(), DEFLATER, new JdkZlibEncoder(ZlibWrapper.NONE, LEVEL));
        };
        if (vertx.executor().inEventLoop()) {
            install.run();
        } else {
            vertx.executor().execute(install);
        }
    }
}
