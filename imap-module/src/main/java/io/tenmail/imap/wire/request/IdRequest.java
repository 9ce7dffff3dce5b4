package io.tenmail.imap.wire.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * ID (RFC 2971 §3.1): the client's field/value pairs in the order sent; a value may be null (NIL).
 * {@code ID NIL} gives no fields.
 */
public record IdRequest(String tag, Map<String, String> fields) implements ImapRequest {

    /** RFC 2971 §3.3: at most 30 pairs, field names up to 30 octets, values up to 1024. */
    public static final int MAX_FIELDS = 30;
    public static final int MAX_FIELD_OCTETS = 30;
    public static final int MAX_VALUE_OCTETS = 1024;

    public IdRequest {
        Objects.requireNonNull(tag, "tag");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public String name() {
        return "ID";
    }
}
