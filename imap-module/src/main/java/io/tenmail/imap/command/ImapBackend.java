package io.tenmail.imap.command;

import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.Directory;
import io.tenmail.storage.MailboxEvents;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.MessageIndex;
import io.tenmail.storage.mime.MessageParser;

import java.time.Clock;
import java.util.Objects;

/**
 * The shared services the command handlers use; all of them thread-safe. {@code index} answers
 * SEARCH text keys on large mailboxes ({@link MessageIndex#NONE}: every search reads the messages);
 * {@code parses} keeps recently used message parses for FETCH, SEARCH, SORT and THREAD.
 */
public record ImapBackend(Directory directory, MailboxStore store, BlobStore blobs, MailboxEvents events,
                          MessageParser parser, LoginThrottle throttle, Clock clock, MessageIndex index, ParseCache parses) {

    public ImapBackend(Directory directory, MailboxStore store, BlobStore blobs, MailboxEvents events,
                       MessageParser parser, LoginThrottle throttle, Clock clock, MessageIndex index) {
        this(directory, store, blobs, events, parser, throttle, clock, index, new ParseCache(ParseCache.DEFAULT_BYTES));
    }

    /** Without a full-text index. */
    public ImapBackend(Directory directory, MailboxStore store, BlobStore blobs, MailboxEvents events,
                       MessageParser parser, LoginThrottle throttle, Clock clock) {
        this(directory, store, blobs, events, parser, throttle, clock, MessageIndex.NONE);
    }

    public ImapBackend {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(parses, "parses");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(blobs, "blobs");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(throttle, "throttle");
        Objects.requireNonNull(clock, "clock");
    }
}
