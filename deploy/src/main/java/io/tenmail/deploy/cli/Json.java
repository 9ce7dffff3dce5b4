package io.tenmail.deploy.cli;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reading the generic JSON values {@link AdminClient} returns, and showing them in a table. */
final class Json {

    private Json() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        if (value instanceof Map<?, ?> map) return (Map<String, Object>) map;
        throw new IllegalStateException("the server's answer is not a JSON object: " + value);
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(Object value) {
        if (value instanceof List<?> list) return (List<Object>) list;
        throw new IllegalStateException("the server's answer is not a JSON array: " + value);
    }

    static long number(Object value, long fallback) {
        if (value instanceof BigDecimal d) return d.longValue();
        if (value instanceof Number n) return n.longValue();
        return fallback;
    }

    /** A cell: "-" for null or empty, numbers without ".0", lists comma-separated, yes/no for booleans. */
    static String text(Object value) {
        if (value == null) return "-";
        if (value instanceof BigDecimal d) return d.stripTrailingZeros().toPlainString();
        if (value instanceof Boolean b) return b ? "yes" : "no";
        if (value instanceof List<?> list) return list.isEmpty() ? "-" : list.stream().map(Json::text).collect(Collectors.joining(", "));
        if (value instanceof Map<?, ?> map) {
            for (String key : new String[] {"name", "address", "id"}) if (map.get(key) != null) return text(map.get(key));
            return map.toString();
        }
        String s = value.toString();
        return s.isEmpty() ? "-" : s;
    }
}
