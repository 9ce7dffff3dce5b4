package io.tenmail.imap.wire.request;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One client line during AUTHENTICATE (RFC 9051 §6.2.2): BASE64 data, or {@code *} to cancel
 * (answered with a tagged BAD). An empty line is an empty response.
 */
public final class SaslResponse {

    private final byte[] data;

    private SaslResponse(byte[] data) {
        this.data = data;
    }

    /**
     * Decodes a line read by {@code RequestReader.readLine}.
     *
     * @throws IllegalArgumentException if the line is neither {@code *} nor valid BASE64
     */
    public static SaslResponse parse(String line) {
        Objects.requireNonNull(line, "line");
        if (line.equals("*")) return new SaslResponse(null);
        return new SaslResponse(decode(line));
    }

    /** Strict BASE64 (RFC 4648 §4, padding required) as used by AUTHENTICATE and SASL-IR. */
    static byte[] decode(String base64) {
        if (base64.length() % 4 != 0) throw new IllegalArgumentException("Invalid BASE64 length");
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=';
            if (!ok) throw new IllegalArgumentException("Invalid BASE64 character");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid BASE64");
        }
    }

    /** True if the client cancelled the exchange. */
    public boolean isCancel() {
        return data == null;
    }

    /** The decoded octets; not for a cancel. */
    public byte[] data() {
        if (data == null) throw new IllegalStateException("cancelled");
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SaslResponse s && Arrays.equals(data, s.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return isCancel() ? "SaslResponse[cancel]" : "SaslResponse[" + data.length + " octets]";
    }
}
