package io.tenmail.protocol.sasl;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Helpers for the base64 lines that carry SASL responses. */
public final class SaslResponse {
    /** RFC 4954 §4: a client cancels an exchange by answering "*". */
    public static final String CANCEL = "*";

    private SaslResponse() {
    }

    public static boolean isCancel(String line) {
        return CANCEL.equals(line.strip());
    }

    /**
     * Decodes one response line. RFC 4954 §4: a lone "=" is an empty initial response.
     *
     * @param mechanism named in the error message
     */
    public static byte[] decodeBase64(String line, String mechanism) throws SaslResponseException {
        String text = line.strip();
        if (text.equals("=")) return new byte[0];
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new SaslResponseException(mechanism + " response is not valid base64");
        }
    }

    public static String encodeBase64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Strict UTF-8 (RFC 4616 §2: the strings are UTF-8): malformed bytes are refused, not replaced. */
    static String utf8(byte[] bytes, int from, int to, String mechanism) throws SaslResponseException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SaslResponseException(mechanism + " response is not valid UTF-8");
        }
    }
}
