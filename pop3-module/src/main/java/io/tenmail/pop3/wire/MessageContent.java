package io.tenmail.pop3.wire;

import java.io.InputStream;
import java.util.Objects;

/**
 * A positive status line followed by a message streamed from storage, byte-stuffed by a
 * {@link DotStuffer} and terminated: RETR (all of it) and TOP (the header and {@code bodyLines}
 * lines of the body). Whoever sends it reads {@code content} in bounded chunks and closes it.
 *
 * @param bodyLines how many body lines to send; {@link DotStuffer#ALL_LINES} for RETR
 * @param storedOctets the message's stored size, so the sender can size its buffers; -1 if unknown
 */
public record MessageContent(Reply status, InputStream content, long bodyLines, long storedOctets) implements Response {

    public MessageContent {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(content, "content");
        if (!status.ok()) throw new IllegalArgumentException("message content starts with +OK");
        if (bodyLines < 0) throw new IllegalArgumentException("bodyLines must be >= 0");
        if (storedOctets < -1) throw new IllegalArgumentException("storedOctets must be >= 0, or -1 if unknown");
    }

    /** Of unknown size. */
    public MessageContent(Reply status, InputStream content, long bodyLines) {
        this(status, content, bodyLines, -1);
    }
}
