package io.tenmail.protocol.sasl;

/**
 * The PLAIN mechanism, RFC 4616 §2: {@code message = [authzid] UTF8NUL authcid UTF8NUL passwd},
 * each part UTF-8 without NUL, authcid and passwd 1 to 255 octets, authzid at most 255.
 */
public final class SaslPlain {
    public static final String MECHANISM = "PLAIN";
    /** RFC 4616 §2: {@code authcid = 1*SAFE ; MUST accept up to 255 octets}, likewise passwd and authzid. */
    static final int MAX_OCTETS = 255;

    private SaslPlain() {
    }

    /** Decodes a base64 PLAIN response line. */
    public static SaslCredentials decode(String base64Line) throws SaslResponseException {
        return parse(SaslResponse.decodeBase64(base64Line, MECHANISM));
    }

    /** Parses the decoded PLAIN message. */
    public static SaslCredentials parse(byte[] message) throws SaslResponseException {
        if (message.length == 0) throw new SaslResponseException("PLAIN response is empty");
        int first = indexOfNul(message, 0);
        int second = first < 0 ? -1 : indexOfNul(message, first + 1);
        if (first < 0 || second < 0 || indexOfNul(message, second + 1) >= 0) {
            throw new SaslResponseException("PLAIN response must be authzid NUL authcid NUL password");
        }
        checkLength("authorization identity", first, 0);
        checkLength("user name", second - first - 1, 1);
        checkLength("password", message.length - second - 1, 1);
        return new SaslCredentials(
                SaslResponse.utf8(message, 0, first, MECHANISM),
                SaslResponse.utf8(message, first + 1, second, MECHANISM),
                SaslResponse.utf8(message, second + 1, message.length, MECHANISM));
    }

    private static void checkLength(String part, int octets, int min) throws SaslResponseException {
        if (octets < min) throw new SaslResponseException("PLAIN response has an empty " + part);
        if (octets > MAX_OCTETS) throw new SaslResponseException("PLAIN response has a " + part + " longer than " + MAX_OCTETS + " octets");
    }

    private static int indexOfNul(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) if (bytes[i] == 0) return i;
        return -1;
    }
}
