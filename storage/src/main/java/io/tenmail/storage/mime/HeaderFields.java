package io.tenmail.storage.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header fields of one entity, unfolded (RFC 5322 §2.2.3: CRLF before white space removed),
 * values kept raw: encoded-words are not decoded. Lines without a colon are ignored. At most
 * {@link #MAX_BYTES} of header are kept per entity; further fields are dropped (the offsets of the
 * entity stay exact, only the fields are lost).
 */
final class HeaderFields {
    static final int MAX_BYTES = 256 * 1024;

    /** One field: its name in lower case and its unfolded raw value (the bytes after the colon). */
    record Field(String name, byte[] value) {
    }

    private final List<Field> fields;

    private HeaderFields(List<Field> fields) {
        this.fields = fields;
    }

    /** The raw value bytes of the first field with this (lower-case) name, or null. */
    byte[] raw(String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) return f.value();
        }
        return null;
    }

    /** The first field with this (lower-case) name as text, trimmed, or null when absent. */
    String text(String name) {
        byte[] raw = raw(name);
        return raw == null ? null : HeaderText.decode(raw).trim();
    }

    /** Collects header lines in order. */
    static final class Builder {
        private final List<Field> fields = new ArrayList<>();
        private String name;
        private ByteArrayOutputStream value;
        private int total;

        void add(Line line) {
            byte[] c = line.content();
            if (total + c.length > MAX_BYTES) {
                total = MAX_BYTES;
                return;
            }
            total += c.length;
            if (c.length > 0 && (c[0] == ' ' || c[0] == '\t')) {
                if (value != null) value.write(c, 0, c.length);
                return;
            }
            finish();
            int colon = indexOf(c, (byte) ':');
            if (colon <= 0) return;
            String n = new String(c, 0, colon, StandardCharsets.ISO_8859_1).trim();
            if (n.isEmpty()) return;
            name = n.toLowerCase(Locale.ROOT);
            value = new ByteArrayOutputStream(Math.max(16, c.length - colon));
            value.write(c, colon + 1, c.length - colon - 1);
        }

        HeaderFields build() {
            finish();
            return new HeaderFields(List.copyOf(fields));
        }

        private void finish() {
            if (name != null) fields.add(new Field(name, value.toByteArray()));
            name = null;
            value = null;
        }

        private static int indexOf(byte[] bytes, byte b) {
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == b) return i;
            }
            return -1;
        }
    }
}
