package io.tenmail.imap.command.fetch;

import io.tenmail.storage.BlobStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.ParsedMessage.Part;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Reads parts of a stored message by the byte offsets its parse recorded: no reparse. Part
 * numbers follow RFC 9051 §6.4.5: the parts of a multipart count from 1; a message/rfc822 part's
 * number addresses the parts of the message inside it; part 1 of a non-multipart entity is its body.
 */
public final class MessageContent {

    private MessageContent() {
    }

    /** The part a path names, or null if there is none. */
    public static Part locate(Part root, List<Integer> path) {
        Part current = root;
        for (int n : path) {
            current = child(current, n);
            if (current == null) return null;
        }
        return current;
    }

    private static Part child(Part p, int n) {
        if (isMultipart(p)) return n <= p.parts().size() ? p.parts().get(n - 1) : null;
        if (isMessage(p) && !p.parts().isEmpty()) {
            Part inner = p.parts().get(0);
            if (isMultipart(inner)) return n <= inner.parts().size() ? inner.parts().get(n - 1) : null;
            return n == 1 ? inner : null;
        }
        return n == 1 ? p : null;
    }

    public static boolean isMultipart(Part p) {
        return "multipart".equals(p.type());
    }

    public static boolean isMessage(Part p) {
        return "message".equals(p.type()) && ("rfc822".equals(p.subtype()) || "global".equals(p.subtype()));
    }

    /** The encapsulated message of a message/rfc822 part, or the part itself at the top. */
    public static Part messageOf(Part p, boolean top) {
        if (top) return p;
        if (isMessage(p) && !p.parts().isEmpty()) return p.parts().get(0);
        return null;
    }

    /** Octets {@code [start, end)} of the blob. */
    public static byte[] read(BlobStore blobs, BlobId blob, long start, long end) throws StoreException, IOException {
        long length = Math.max(0, end - start);
        if (length > Integer.MAX_VALUE - 16) throw new IOException("part too large to read into memory");
        try (InputStream in = blobs.open(blob, start)) {
            return in.readNBytes((int) length);
        }
    }

    /** The body of a part decoded from its Content-Transfer-Encoding (RFC 3516 BINARY); null if the encoding is unknown. */
    public static byte[] decoded(byte[] raw, String encoding) throws IOException {
        String e = encoding == null ? "7bit" : encoding.toLowerCase(Locale.ROOT).trim();
        switch (e) {
            case "7bit", "8bit", "binary", "" -> {
                return raw;
            }
            case "base64" -> {
                return Base64.getMimeDecoder().decode(stripNonBase64(raw));
            }
            case "quoted-printable" -> {
                try (InputStream in = new QuotedPrintableInputStream(new ByteArrayInputStream(raw), DecodeMonitor.SILENT)) {
                    return in.readAllBytes();
                }
            }
            default -> {
                return null;
            }
        }
    }

    /** The MIME decoder stops at the first illegal character; keep only the alphabet and padding. */
    private static byte[] stripNonBase64(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (byte b : raw) {
            if (b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '+' || b == '/' || b == '=') out.write(b);
        }
        return out.toByteArray();
    }

    /**
     * The header fields of a header block whose names are in {@code names} (or not, with
     * {@code exclude}), each with its continuation lines, then the blank line (RFC 9051 §6.4.5).
     */
    public static byte[] headerFields(byte[] header, List<String> names, boolean exclude) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<int[]> fields = new ArrayList<>();
        int i = 0;
        int start = -1;
        while (i < header.length) {
            int lineEnd = i;
            while (lineEnd < header.length && header[lineEnd] != '\n') lineEnd++;
            int next = Math.min(lineEnd + 1, header.length);
            boolean blank = lineEnd - i == 0 || lineEnd - i == 1 && header[i] == '\r';
            if (blank) break;
            boolean continuation = header[i] == ' ' || header[i] == '\t';
            if (!continuation) {
                if (start >= 0) fields.add(new int[] {start, i});
                start = i;
            }
            i = next;
        }
        if (start >= 0) fields.add(new int[] {start, i});
        for (int[] f : fields) {
            int colon = f[0];
            while (colon < f[1] && header[colon] != ':') colon++;
            String name = new String(header, f[0], colon - f[0], StandardCharsets.ISO_8859_1).trim();
            boolean listed = names.stream().anyMatch(n -> n.equalsIgnoreCase(name));
            if (listed != exclude) out.write(header, f[0], f[1] - f[0]);
        }
        out.writeBytes(new byte[] {'\r', '\n'});
        return out.toByteArray();
    }
}
