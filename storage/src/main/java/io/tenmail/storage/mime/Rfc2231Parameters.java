package io.tenmail.storage.mime;

import org.apache.james.mime4j.stream.NameValuePair;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decodes MIME parameters as RFC 2231 defines them: continuations ({@code name*0}, {@code name*1}
 * ...), character set and language ({@code name*=utf-8'en'%E2%82%AC}), or both. Names become lower
 * case; the first occurrence of a name wins; an RFC 2231 form is preferred over a plain one of the
 * same name, as mail clients do. Values that are not RFC 2231 encoded are kept as they are
 * (UTF-8 or ISO-8859-1, see {@link HeaderText}); encoded-words in them are not decoded.
 */
final class Rfc2231Parameters {
    private static final int MAX_SEGMENTS = 1000;

    private record Segment(String raw, boolean encoded) {
    }

    private Rfc2231Parameters() {
    }

    /** @param pairs parameters as Mime4j's RawFieldParser returns them (one character per byte) */
    static Map<String, String> decode(List<NameValuePair> pairs) {
        List<String> order = new ArrayList<>();
        Map<String, String> plain = new HashMap<>();
        Map<String, String> extended = new HashMap<>();
        Map<String, TreeMap<Integer, Segment>> continued = new HashMap<>();
        for (NameValuePair pair : pairs) {
            String name = pair.getName().trim().toLowerCase(Locale.ROOT);
            String value = pair.getValue() == null ? "" : pair.getValue();
            int star = name.indexOf('*');
            String base = star < 0 ? name : name.substring(0, star);
            if (base.isEmpty()) continue;
            if (!order.contains(base)) order.add(base);
            if (star < 0) {
                plain.putIfAbsent(base, value);
                continue;
            }
            String suffix = name.substring(star + 1);
            if (suffix.isEmpty()) {
                extended.putIfAbsent(base, value);
                continue;
            }
            boolean encoded = suffix.endsWith("*");
            String number = encoded ? suffix.substring(0, suffix.length() - 1) : suffix;
            if (number.isEmpty() || number.length() > 3 || !number.chars().allMatch(Character::isDigit)) continue;
            continued.computeIfAbsent(base, k -> new TreeMap<>()).putIfAbsent(Integer.parseInt(number), new Segment(value, encoded));
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : order) {
            String value;
            if (extended.containsKey(name)) value = decodeExtended(List.of(new Segment(extended.get(name), true)));
            else if (continued.containsKey(name)) value = decodeExtended(consecutive(continued.get(name)));
            else value = null;
            if (value == null && plain.containsKey(name)) value = HeaderText.fromByteChars(plain.get(name));
            if (value != null) result.put(name, value);
        }
        return result;
    }

    /** RFC 2231 §3: segments are numbered from 0 without gaps; anything after a gap is ignored. */
    private static List<Segment> consecutive(TreeMap<Integer, Segment> segments) {
        List<Segment> list = new ArrayList<>();
        int expected = 0;
        for (Map.Entry<Integer, Segment> e : segments.entrySet()) {
            if (e.getKey() != expected || list.size() >= MAX_SEGMENTS) break;
            list.add(e.getValue());
            expected++;
        }
        return list.isEmpty() ? null : list;
    }

    /** Joins the segments; the first, when encoded, starts with charset'language'. */
    private static String decodeExtended(List<Segment> segments) {
        if (segments == null) return null;
        Charset charset = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            String raw = s.raw();
            if (i == 0 && s.encoded()) {
                int q1 = raw.indexOf('\'');
                int q2 = q1 < 0 ? -1 : raw.indexOf('\'', q1 + 1);
                if (q2 >= 0) {
                    charset = charset(raw.substring(0, q1));
                    raw = raw.substring(q2 + 1);
                }
            }
            byte[] b = raw.getBytes(StandardCharsets.ISO_8859_1);
            if (s.encoded()) percentDecode(b, bytes);
            else bytes.write(b, 0, b.length);
        }
        byte[] value = bytes.toByteArray();
        return charset == null ? HeaderText.decode(value) : new String(value, charset);
    }

    private static void percentDecode(byte[] in, ByteArrayOutputStream out) {
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) << 4 | hex(in[i + 2]));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') return b - '0';
        if (b >= 'a' && b <= 'f') return b - 'a' + 10;
        if (b >= 'A' && b <= 'F') return b - 'A' + 10;
        return -1;
    }

    private static Charset charset(String name) {
        if (name.isBlank()) return null;
        try {
            return Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            // unknown or illegal charset name: fall back to UTF-8 or ISO-8859-1 as for raw values
            return null;
        }
    }
}
