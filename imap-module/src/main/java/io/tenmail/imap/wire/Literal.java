package io.tenmail.imap.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The octets of one literal a client sent (RFC 9051 §4.3): {@code {n}}, {@code {n+}} or, with
 * BINARY (RFC 3516 §4.1), {@code ~{n}}. Small literals are held in memory; large ones (message
 * data of an APPEND) may live wherever the reader's {@link LiteralSpool} put them. Call {@link
 * #release()} when done with a spooled literal.
 *
 * @param binary      true for a literal8 ({@code ~{n}}), which may contain NUL
 * @param containsNul true if some octet is NUL, which RFC 9051 §4.3 forbids in a plain literal
 * @param data        where the octets are
 */
public record Literal(boolean binary, boolean containsNul, Data data) {

    /** The storage of a literal's octets. */
    public interface Data {
        long size();

        InputStream openStream() throws IOException;

        /** Frees what holds the octets (a temporary file); memory needs nothing. */
        default void release() {
        }
    }

    /** Octets held in memory. */
    public record InMemory(byte[] octets) implements Data {
        public InMemory {
            Objects.requireNonNull(octets, "octets");
        }

        @Override
        public long size() {
            return octets.length;
        }

        @Override
        public InputStream openStream() {
            return new ByteArrayInputStream(octets);
        }
    }

    public Literal {
        Objects.requireNonNull(data, "data");
    }

    /** An in-memory literal of these octets (mainly for tests and for server-side use). */
    public static Literal of(byte[] octets, boolean binary) {
        boolean nul = false;
        for (byte b : octets) {
            if (b == 0) {
                nul = true;
                break;
            }
        }
        return new Literal(binary, nul, new InMemory(octets.clone()));
    }

    public long size() {
        return data.size();
    }

    public InputStream openStream() throws IOException {
        return data.openStream();
    }

    /**
     * All octets in a new array. For string arguments, which the reader always keeps in memory;
     * avoid on message data.
     */
    public byte[] bytes() {
        if (data instanceof InMemory m) return m.octets().clone();
        try (InputStream in = data.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void release() {
        data.release();
    }

    @Override
    public String toString() {
        return (binary ? "~{" : "{") + size() + "}";
    }
}
