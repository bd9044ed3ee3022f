package io.mailstream.imap.proto.encode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 validation. */
public final class Utf8 {
    private Utf8() {
    }

    public static boolean isValid(byte[] b) {
        return isValid(b, 0, b.length);
    }

    public static boolean isValid(byte[] b, int off, int len) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, len));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
