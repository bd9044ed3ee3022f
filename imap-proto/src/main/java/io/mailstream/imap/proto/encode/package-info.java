/**
 * Response encoding (RFC 9051 7 and 9).
 *
 * <p>{@link io.mailstream.imap.proto.encode.ImapEncoder#encode} turns one
 * {@link io.mailstream.imap.proto.response.ImapResponse} into an
 * {@link io.mailstream.imap.proto.encode.EncodedResponse}: a list of segments. Write each
 * {@code Segment.Bytes} as is; for each {@code Segment.Stream(size, source)} write exactly
 * {@code size} octets from {@code source} (the object put into
 * {@link io.mailstream.imap.proto.response.NString.Streamed}, e.g. the store's SectionBody), then
 * go on with the next segment. The literal header ({@code {size}CRLF} or {@code ~{size}CRLF}) is
 * already at the end of the preceding bytes. Responses without streamed data are one segment
 * ({@link io.mailstream.imap.proto.encode.ImapEncoder#encodeBytes}).
 *
 * <p>{@link io.mailstream.imap.proto.encode.EncoderContext} is per session: REV1 until the
 * client enables IMAP4rev2 (then REV2), {@code utf8Accept} after ENABLE UTF8=ACCEPT. It decides
 * modified UTF-7 vs UTF-8 mailbox names, whether 8-bit strings may be quoted, and whether
 * response text may carry UTF-8.
 */
package io.mailstream.imap.proto.encode;
