package io.tenmail.imap.command;

import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.ParsedMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parses the server read or made last, by blob: a blob's content never changes, so neither
 * does its parse, and an entry cannot go stale. Clients fetch the same messages' ENVELOPE or
 * BODYSTRUCTURE again and again (every resync of a message list), and SEARCH reads the parses of
 * the messages the full-text index has not caught up with yet (the newest, the ones just
 * appended); reading a parse from the database costs a CLOB read and a JSON decode each time.
 * APPEND puts the parse it made. Least recently used entries go first. Thread-safe.
 */
public final class ParseCache {
    /** Entries a server keeps: the parses of a few thousand messages, a few MiB. */
    public static final int DEFAULT_ENTRIES = 8192;

    private final Map<BlobId, ParsedMessage> entries;

    public ParseCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<BlobId, ParsedMessage> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The parse of this blob, or null if not kept (or {@code blob} is null). */
    public synchronized ParsedMessage get(BlobId blob) {
        if (blob == null) return null;
        return entries.get(blob);
    }

    public synchronized void put(BlobId blob, ParsedMessage parsed) {
        if (blob != null && parsed != null) entries.put(blob, parsed);
    }
}
