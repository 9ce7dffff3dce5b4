package io.tenmail.storage.index;

import io.tenmail.storage.BlobStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.ParsedMessage;
import io.tenmail.storage.model.ParsedMessage.Part;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The searchable text of a message, as IMAP SEARCH sees it: header values with encoded words
 * decoded (RFC 2047), and every text/* part of the body (inside multiparts and attached messages)
 * decoded from its transfer encoding and charset. The body text is cut at {@code maxChars}, so a
 * huge message costs bounded memory and index space. Stateless apart from its settings; thread-safe.
 */
final class MessageText {
    private static final int MAX_HEADER_BYTES = 256 * 1024;

    private final BlobStore blobs;
    private final int maxChars;

    MessageText(BlobStore blobs, int maxChars) {
        this.blobs = blobs;
        this.maxChars = maxChars;
    }

    static String decodeHeader(String raw) {
        if (raw == null) return "";
        try {
            return DecoderUtil.decodeEncodedWords(raw, DecodeMonitor.SILENT);
        } catch (IllegalArgumentException e) {
            return raw;   // a malformed encoded word is searched as written
        }
    }

    /** The header block, decoded as IMAP's TEXT key reads it. */
    String header(BlobId blob, ParsedMessage parsed) throws StoreException, IOException {
        long end = Math.min(parsed.root().bodyStart(), MAX_HEADER_BYTES);
        try (InputStream in = blobs.open(blob)) {
            return decodeHeader(new String(in.readNBytes((int) end), StandardCharsets.UTF_8));
        }
    }

    /** The decoded text parts, at most {@code maxChars} of them. */
    String body(BlobId blob, ParsedMessage parsed) throws StoreException, IOException {
        StringBuilder sb = new StringBuilder();
        append(blob, parsed.root(), sb);
        if (sb.length() > maxChars) sb.setLength(maxChars);
        return sb.toString();
    }

    private void append(BlobId blob, Part p, StringBuilder sb) throws StoreException, IOException {
        if (sb.length() >= maxChars) return;
        if (p.parts() != null && !p.parts().isEmpty()) {
            for (Part child : p.parts()) append(blob, child, sb);
            return;
        }
        if (!"text".equals(p.type())) return;
        // base64 takes 4 bytes for 3; a multi-byte charset up to 4 per char: enough raw bytes for maxChars
        long want = Math.min(p.end() - p.bodyStart(), 6L * (maxChars - sb.length()) + 16);
        byte[] raw;
        try (InputStream in = blobs.open(blob, p.bodyStart())) {
            raw = in.readNBytes((int) Math.max(0, want));
        }
        byte[] decoded = decode(raw, p.encoding());
        if (decoded == null) return;
        sb.append(decodeText(decoded, p.parameters() == null ? null : p.parameters().get("charset"))).append('\n');
    }

    /**
     * Text in its declared charset. Without one RFC 2045 says US-ASCII, but much mail (Chinese
     * mail above all) carries 8-bit UTF-8 without saying so: bytes that are valid UTF-8 are read as
     * UTF-8, other 8-bit bytes as ISO-8859-1.
     */
    static String decodeText(byte[] bytes, String charset) {
        // the parser fills in RFC 2045's default, so "us-ascii" may just mean "not declared"
        if (charset != null && !charset.trim().equalsIgnoreCase("us-ascii")) {
            try {
                return new String(bytes, Charset.forName(charset.trim()));
            } catch (IllegalArgumentException e) {
                // unknown charset: fall through to the guess
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] decode(byte[] raw, String encoding) throws IOException {
        String e = encoding == null ? "7bit" : encoding.toLowerCase(Locale.ROOT).trim();
        return switch (e) {
            case "7bit", "8bit", "binary", "" -> raw;
            case "base64" -> {
                try (InputStream in = new Base64InputStream(new ByteArrayInputStream(raw), DecodeMonitor.SILENT)) {
                    yield in.readAllBytes();
                }
            }
            case "quoted-printable" -> {
                try (InputStream in = new QuotedPrintableInputStream(new ByteArrayInputStream(raw), DecodeMonitor.SILENT)) {
                    yield in.readAllBytes();
                }
            }
            default -> null;   // an unknown encoding: nothing we can read as text
        };
    }
}
