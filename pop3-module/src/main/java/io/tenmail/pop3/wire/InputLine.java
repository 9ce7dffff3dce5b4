package io.tenmail.pop3.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One line from the client, without its line terminator.
 *
 * @param octets  the line's bytes; empty when {@code tooLong}
 * @param tooLong the line exceeded the limit and its bytes were discarded
 */
public record InputLine(byte[] octets, boolean tooLong) {
    public static final InputLine TOO_LONG = new InputLine(new byte[0], true);

    /** The line as text: UTF-8 (RFC 6856 allows it in USER and PASS), strictly decoded. */
    public String text() throws MalformedLineException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedLineException("line is not valid UTF-8");
        }
    }

    public static InputLine of(String text) {
        return new InputLine(text.getBytes(StandardCharsets.UTF_8), false);
    }

    @Override
    public String toString() {
        // never the content: it may be a password
        return tooLong ? "InputLine[too long]" : "InputLine[" + octets.length + " octets]";
    }
}
