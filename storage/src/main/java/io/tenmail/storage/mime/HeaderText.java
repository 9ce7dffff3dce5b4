package io.tenmail.storage.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns raw header bytes into a String without decoding encoded-words: UTF-8 when the bytes are
 * valid UTF-8 (RFC 6532), otherwise ISO-8859-1, which maps every byte to one character so that
 * nothing is lost from 8-bit headers of older mailers.
 */
final class HeaderText {
    private HeaderText() {
    }

    static String decode(byte[] bytes, int offset, int length) {
        boolean ascii = true;
        for (int i = offset; i < offset + length && ascii; i++) ascii = bytes[i] >= 0;
        if (ascii) return new String(bytes, offset, length, StandardCharsets.US_ASCII);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
    }

    static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /**
     * Mime4j's field parser hands back one character per byte; this recovers the bytes and
     * decodes them as {@link #decode(byte[])} does.
     */
    static String fromByteChars(String oneCharPerByte) {
        return decode(oneCharPerByte.getBytes(StandardCharsets.ISO_8859_1));
    }
}
