/**
 * The resumable command parser (RFC 9051 2.2, 4, 9). One {@link
 * io.mailstream.imap.proto.parse.ImapParser} per connection; see its documentation for the loop
 * a connection runs. The parser never writes, never throws on input and keeps memory bounded by
 * {@link io.mailstream.imap.proto.parse.ParserLimits}: over-long lines and refused literals are
 * skipped without being stored, up to the next CRLF that is not inside a literal.
 */
package io.mailstream.imap.proto.parse;
