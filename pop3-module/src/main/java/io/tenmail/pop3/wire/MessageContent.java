package io.tenmail.pop3.wire;

import java.io.InputStream;
import java.util.Objects;

/**
 * A positive status line followed by a message streamed from storage, byte-stuffed by a
 * {@link DotStuffer} and terminated: RETR (all of it) and TOP (the header and {@code bodyLines}
 * lines of the body). Whoever sends it reads {@code content} in bounded chunks and closes it.
 *
 * @param bodyLines how many body lines to send; {@link DotStuffer#ALL_LINES} for RETR
 */
public record MessageContent(Reply status, InputStream content, long bodyLines) implements Response {

    public MessageContent {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(content, "content");
        if (!status.ok()) throw new IllegalArgumentException("message content starts with +OK");
        if (bodyLines < 0) throw new IllegalArgumentException("bodyLines must be >= 0");
    }
}
