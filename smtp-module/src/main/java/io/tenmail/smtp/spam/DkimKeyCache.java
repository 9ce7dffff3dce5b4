package io.tenmail.smtp.spam;

import org.apache.james.jdkim.api.PublicKeyRecord;
import org.apache.james.jdkim.tagvalue.PublicKeyRecordImpl;

import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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

    /**
     * A key record that builds its public key once, and remembers what jDKIM asks of it for every
     * signature (the g= pattern, compiled anew by jDKIM on each call, and the h=, k= and t= lists):
     * all follow from the record's text. A question whose answer throws is asked again each time,
     * so it throws again as jDKIM's would.
     */
    private static final class ParsedKeyRecord extends PublicKeyRecordImpl {
        private volatile PublicKey key;
        private volatile Pattern granularity;
        private volatile List<CharSequence> hashMethods;
        private volatile boolean hashMethodsKnown;
        private volatile List<CharSequence> keyTypes;
        private volatile List<CharSequence> flags;

        ParsedKeyRecord(String data) {
            super(data);
        }

        @Override
        public PublicKey getPublicKey() {
            PublicKey k = key;
            if (k == null) key = k = super.getPublicKey();
            return k;
        }

        @Override
        public Pattern getGranularityPattern() {
            Pattern p = granularity;
            if (p == null) granularity = p = super.getGranularityPattern();
            return p;
        }

        @Override
        public List<CharSequence> getAcceptableHashMethods() {
            if (!hashMethodsKnown) {
                List<CharSequence> methods = super.getAcceptableHashMethods();   // null: any
                hashMethods = methods == null ? null : List.copyOf(methods);
                hashMethodsKnown = true;
            }
            return hashMethods;
        }

        @Override
        public List<CharSequence> getAcceptableKeyTypes() {
            List<CharSequence> types = keyTypes;
            if (types == null) keyTypes = types = List.copyOf(super.getAcceptableKeyTypes());
            return types;
        }

        @Override
        public List<CharSequence> getFlags() {
            List<CharSequence> f = flags;
            if (f == null) flags = f = List.copyOf(super.getFlags());
            return f;
        }
    }
}
