package io.tenmail.smtp.spam;

import org.apache.james.jdkim.api.PublicKeyRecord;
import org.apache.james.jdkim.tagvalue.PublicKeyRecordImpl;

import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed DKIM key records (RFC 6376 §3.6.1), by the text of their TXT record: jDKIM would parse
 * the record and rebuild the RSA key from its base64 for every signature of every message. Keyed
 * by the record's text rather than by selector and domain, so a key that changes in DNS is a new
 * entry at once and the DNS cache's TTL stays the only one. At most {@value #SIZE} records, the
 * least recently used dropped. Thread-safe.
 */
final class DkimKeyCache {
    static final int SIZE = 512;

    private final Map<String, PublicKeyRecord> records = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PublicKeyRecord> eldest) {
            return size() > SIZE;
        }
    };

    /**
     * The parsed record, its key built on first use; a record that does not parse throws as
     * jDKIM's own would (IllegalStateException), and is not kept. jDKIM validates it afterwards.
     */
    PublicKeyRecord record(String text) {
        synchronized (records) {
            PublicKeyRecord known = records.get(text);
            if (known != null) return known;
        }
        ParsedKeyRecord parsed = new ParsedKeyRecord(text);
        synchronized (records) {
            records.put(text, parsed);
        }
        return parsed;
    }

    int size() {
        synchronized (records) {
            return records.size();
        }
    }

    /** A key record that builds its public key once. */
    private static final class ParsedKeyRecord extends PublicKeyRecordImpl {
        private volatile PublicKey key;

        ParsedKeyRecord(String data) {
            super(data);
        }

        @Override
        public PublicKey getPublicKey() {
            PublicKey k = key;
            if (k == null) key = k = super.getPublicKey();
            return k;
        }
    }
}
