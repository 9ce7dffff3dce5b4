package io.tenmail.pop3.wire;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A SASL server challenge, RFC 5034 §4: {@code + } followed by base64 (empty for PLAIN without
 * an initial response). The client answers with one base64 line, or {@code *} to cancel.
 */
public record Continuation(String base64) implements Response {

    public Continuation {
        Objects.requireNonNull(base64, "base64");
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=')) {
                throw new IllegalArgumentException("challenge must be base64");
            }
        }
    }

    public byte[] bytes() {
        return ("+ " + base64 + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
