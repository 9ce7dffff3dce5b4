package io.tenmail.storage.mime;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.field.ContentLanguageFieldLenientImpl;
import org.apache.james.mime4j.field.ContentLocationFieldLenientImpl;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ByteArrayBuffer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MIME fields of one entity (RFC 2045, 2183, 3282, 2557, 1864), with the defaults of RFC 2045
 * applied: no Content-Type, or one that cannot be parsed, is text/plain; charset=us-ascii (§5.2),
 * or message/rfc822 inside a multipart/digest (RFC 2046 §5.1.5); a multipart without a usable
 * boundary is treated the same as an unparsable type; no Content-Transfer-Encoding is 7bit (§6.1).
 * Type, subtype, encoding and disposition are lower case.
 *
 * @param boundary the raw boundary bytes of a multipart, null otherwise
 */
record ContentFields(String type, String subtype, Map<String, String> parameters, byte[] boundary, String id,
                     String description, String encoding, String md5, String disposition,
                     Map<String, String> dispositionParameters, List<String> language, String location) {

    /** RFC 2046 §5.1.1 allows 70 characters; longer ones are tolerated up to this. */
    private static final int MAX_BOUNDARY = 1000;
    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

    boolean isMultipart() {
        return boundary != null;
    }

    /**
     * Whether the body is itself a message to parse: message/rfc822 (and message/global, RFC 6532)
     * in an identity encoding; an encoded one is opaque (RFC 2046 §5.2.1 forbids encoding it).
     */
    boolean isEncapsulatedMessage() {
        return type.equals("message") && (subtype.equals("rfc822") || subtype.equals("global"))
                && (encoding.equals("7bit") || encoding.equals("8bit") || encoding.equals("binary"));
    }

    static ContentFields of(HeaderFields header, boolean inDigest) {
        String type = inDigest ? "message" : "text";
        String subtype = inDigest ? "rfc822" : "plain";
        Map<String, String> parameters = inDigest ? Map.of() : Map.of("charset", "us-ascii");
        byte[] boundary = null;
        RawBody contentType = parse(header.raw("content-type"));
        if (contentType != null) {
            String value = contentType.getValue().trim().toLowerCase(Locale.ROOT);
            int slash = value.indexOf('/');
            String t = slash < 0 ? "" : value.substring(0, slash).trim();
            String s = slash < 0 ? "" : value.substring(slash + 1).trim();
            byte[] b = t.equals("multipart") ? boundary(contentType.getParams()) : null;
            if (isToken(t) && isToken(s) && (b != null || !t.equals("multipart"))) {
                type = t;
                subtype = s;
                parameters = Rfc2231Parameters.decode(contentType.getParams());
                boundary = b;
            } else {
                // RFC 2045 §5.2: an invalid Content-Type means text/plain; charset=us-ascii
                type = "text";
                subtype = "plain";
                parameters = Map.of("charset", "us-ascii");
            }
        }
        RawBody encodingBody = parse(header.raw("content-transfer-encoding"));
        String encoding = encodingBody == null || encodingBody.getValue().isBlank() ? "7bit"
                : encodingBody.getValue().trim().toLowerCase(Locale.ROOT);
        RawBody dispositionBody = parse(header.raw("content-disposition"));
        String disposition = null;
        Map<String, String> dispositionParameters = Map.of();
        if (dispositionBody != null && !dispositionBody.getValue().isBlank()) {
            disposition = dispositionBody.getValue().trim().toLowerCase(Locale.ROOT);
            dispositionParameters = Rfc2231Parameters.decode(dispositionBody.getParams());
        }
        return new ContentFields(type, subtype, parameters, boundary, header.text("content-id"),
                header.text("content-description"), encoding, header.text("content-md5"), disposition,
                dispositionParameters, language(header.text("content-language")), location(header.text("content-location")));
    }

    private static RawBody parse(byte[] raw) {
        if (raw == null) return null;
        ByteArrayBuffer buffer = new ByteArrayBuffer(raw, raw.length, false);
        return RawFieldParser.DEFAULT.parseRawBody(buffer, new ParserCursor(0, raw.length));
    }

    private static byte[] boundary(List<NameValuePair> parameters) {
        for (NameValuePair p : parameters) {
            if (p.getName().trim().equalsIgnoreCase("boundary") && p.getValue() != null) {
                String b = p.getValue();
                if (b.isEmpty() || b.length() > MAX_BOUNDARY) return null;
                return b.getBytes(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static boolean isToken(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 127 || TSPECIALS.indexOf(c) >= 0) return false;
        }
        return true;
    }

    private static List<String> language(String value) {
        if (value == null || value.isBlank()) return List.of();
        return List.copyOf(ContentLanguageFieldLenientImpl.PARSER
                .parse(new RawField("Content-Language", value), DecodeMonitor.SILENT).getLanguages());
    }

    private static String location(String value) {
        if (value == null || value.isBlank()) return null;
        // RFC 2557 §4.4.1: white space in a folded Content-Location is not part of the URI
        return ContentLocationFieldLenientImpl.PARSER
                .parse(new RawField("Content-Location", value), DecodeMonitor.SILENT).getLocation();
    }
}
