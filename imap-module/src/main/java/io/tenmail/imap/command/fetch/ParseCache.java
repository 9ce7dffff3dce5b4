package io.tenmail.imap.command.fetch;

import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.ParsedMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parses FETCH read last, by blob: a blob's content never changes, so neither does its parse,
 * and the entry cannot go stale. Clients fetch the same messages' ENVELOPE or BODYSTRUCTURE again
 * and again (every resync of a message list); reading a parse from the database costs a CLOB
 * read and a JSON decode each time. Least recently used entries go first. Thread-safe.
 */
final class ParseCache {
    private final Map<BlobId, ParsedMessage> entries;

    ParseCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<BlobId, ParsedMessage> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The parse of this blob, or null if not kept. */
    synchronized ParsedMessage get(BlobId blob) {
        return entries.get(blob);
    }

    synchronized void put(BlobId blob, ParsedMessage parsed) {
        entries.put(blob, parsed);
    }
}
