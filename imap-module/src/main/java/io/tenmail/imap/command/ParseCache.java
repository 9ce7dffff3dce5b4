package io.tenmail.imap.command;

import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.ParsedMessage;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parses the server read or made last, by blob: a blob's content never changes, so neither
 * does its parse, and an entry cannot go stale. Clients fetch the same messages' ENVELOPE or
 * BODYSTRUCTURE again and again (every resync of a message list), and SEARCH reads the parses of
 * the messages the full-text index has not caught up with yet (the newest, the ones just
 * appended); reading a parse from the database costs a CLOB read and a JSON decode each time.
 * APPEND puts the parse it made.
 *
 * <p>Bounded by an estimate of the parses' memory, not by their number: a message may have up to
 * 10,000 MIME parts (MimeStructureParser), so a count alone would let a few thousand crafted
 * messages fill the heap. Least recently used entries go first; a parse larger than the whole
 * budget is not kept. Thread-safe.
 */
public final class ParseCache {
    /** What a server keeps: some tens of thousands of ordinary messages' parses. */
    public static final long DEFAULT_BYTES = 32L << 20;
    private static final int PER_PART = 400;       // the record, its maps and lists, offsets
    private static final int PER_MESSAGE = 200;

    private final long maxBytes;
    private final Map<BlobId, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;

    private record Entry(ParsedMessage parsed, long bytes) {
    }

    public ParseCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The parse of this blob, or null if not kept (or {@code blob} is null). */
    public synchronized ParsedMessage get(BlobId blob) {
        if (blob == null) return null;
        Entry e = entries.get(blob);
        return e == null ? null : e.parsed();
    }

    public synchronized void put(BlobId blob, ParsedMessage parsed) {
        if (blob == null || parsed == null) return;
        long weight = weight(parsed);
        if (weight > maxBytes) return;
        Entry old = entries.put(blob, new Entry(parsed, weight));
        bytes += weight - (old == null ? 0 : old.bytes());
        for (Iterator<Entry> eldest = entries.values().iterator(); bytes > maxBytes && eldest.hasNext(); ) {
            bytes -= eldest.next().bytes();
            eldest.remove();
        }
    }

    /** The estimated bytes the cache holds (for tests). */
    synchronized long bytes() {
        return bytes;
    }

    /** An estimate of the memory a parse takes: its header strings (two bytes a char) and its parts. */
    static long weight(ParsedMessage p) {
        long w = PER_MESSAGE + 2L * (length(p.date()) + length(p.subject()) + length(p.from()) + length(p.sender())
                + length(p.replyTo()) + length(p.to()) + length(p.cc()) + length(p.bcc()) + length(p.inReplyTo())
                + length(p.messageId()) + length(p.references()));
        return p.root() == null ? w : w + weight(p.root());
    }

    private static long weight(ParsedMessage.Part part) {
        long w = PER_PART + 2L * (length(part.description()) + length(part.location()));
        if (part.parameters() != null) {
            for (Map.Entry<String, String> e : part.parameters().entrySet()) w += 2L * (length(e.getKey()) + length(e.getValue()));
        }
        if (part.parts() != null) {
            for (ParsedMessage.Part child : part.parts()) w += weight(child);
        }
        if (part.message() != null) w += weight(part.message());
        return w;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
