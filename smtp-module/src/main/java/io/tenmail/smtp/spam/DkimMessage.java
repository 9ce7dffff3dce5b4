package io.tenmail.smtp.spam;

import org.apache.james.jdkim.api.Headers;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.MimeIOException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.james.mime4j.util.ByteSequence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A message as jDKIM verifies it — its header fields and a stream of its body — read with Mime4j's
 * streaming parser in place of jDKIM's own {@code org.apache.james.jdkim.impl.Message}. That class
 * builds a Mime4j DOM of the whole message (the body copied into memory), and on every field
 * look-up creates a {@code MessageServiceFactory}, whose service-loader scan of the class path's
 * jars was a third of DkimVerify's CPU; then it writes each field out again to get its text.
 *
 * <p>The same parser, configuration (line and field limits, flat: no MIME recursion, no content
 * decoding) and line-ending conversion ({@link CrlfLineEnds}) as jDKIM's, so the same octets reach
 * the verifier: a field's text is its raw octets without the final CRLF, decoded with the platform
 * charset as jDKIM does; fields are looked up by name without regard to case, in message order; the body is everything
 * after the blank line. {@code DkimMessageTest} compares both views on awkward messages. When
 * {@link HeaderScan} is sure where the header ends (and Mime4j agrees), Mime4j parses only the
 * header and the body reaches the verifier through {@link CrlfLineEnds} alone. Beyond the first
 * 16 KB the body is read only when the verifier reads it, so an unsigned message's body is mostly
 * never read. Not thread-safe; one per message.
 */
final class DkimMessage implements Headers {
    /** jDKIM's {@code Message} settings. */
    private static final MimeConfig CONFIG = MimeConfig.custom().setMaxLineLen(10000).setMaxHeaderLen(30000).build();

    private final List<String> fields = new ArrayList<>();
    private final Map<String, List<String>> byName = new HashMap<>();
    private InputStream body;

    private DkimMessage(InputStream message) throws IOException {
        MimeTokenStream parser = new MimeTokenStream(CONFIG);
        parser.setRecursionMode(RecursionMode.M_FLAT);
        parser.parse(new CrlfLineEnds(message));
        InputStream bodyStream = null;
        try {
            // stops at the body without advancing past it: the verifier reads it from there
            for (EntityState state = parser.getState(); state != EntityState.T_END_OF_STREAM; state = parser.next()) {
                if (state == EntityState.T_FIELD) {
                    add(parser.getField());
                } else if (state == EntityState.T_BODY) {
                    bodyStream = parser.getInputStream();
                    break;
                }
            }
        } catch (MimeException e) {
            throw new MimeIOException(e);   // as jDKIM's parse reports it: an IOException
        }
        this.body = bodyStream != null ? bodyStream : InputStream.nullInputStream();
    }

    /**
     * Reads the header of {@code message}; the body stays unread in {@link #body()}. A header Mime4j
     * refuses (a line over 10,000 octets, a field over 30,000, more than 1,000 fields) throws a
     * {@link MimeIOException}, as jDKIM's own parse does.
     */
    static DkimMessage read(InputStream message) throws IOException {
        byte[] start = message.readNBytes(HeaderScan.HEAD_READ);
        Optional<HeaderScan> scan = HeaderScan.of(start, start.length);
        if (scan.isPresent()) {
            // Mime4j reads the header alone; the body goes to the verifier through the line-end
            // conversion only, not through Mime4j's line reader too (a third of DkimVerify's CPU
            // in session 6's profile). The same octets, if Mime4j ends the header where the scan
            // does: then its body of the header alone is empty.
            int bodyStart = scan.get().bodyStart();
            DkimMessage parsed = new DkimMessage(new ByteArrayInputStream(start, 0, bodyStart));
            if (parsed.body.read() < 0) {
                parsed.body = new CrlfLineEnds(new SequenceInputStream(new ByteArrayInputStream(start, bodyStart, start.length - bodyStart), message));
                return parsed;
            }
        }
        return new DkimMessage(new SequenceInputStream(new ByteArrayInputStream(start), message));
    }

    private void add(Field field) {
        ByteSequence raw = field.getRaw();
        String text = raw != null ? new String(raw.toByteArray(), Charset.defaultCharset())
                : field.getName() + ": " + field.getBody();   // never for parsed fields; as Mime4j's writer would
        fields.add(text);
        byName.computeIfAbsent(field.getName().toLowerCase(Locale.US), k -> new ArrayList<>(1)).add(text);
    }

    /** The message's body, after the blank line; the verifier reads and closes it. */
    InputStream body() {
        return body;
    }

    @Override
    public List<String> getFields() {
        return new ArrayList<>(fields);
    }

    @Override
    public List<String> getFields(String name) {
        List<String> found = byName.get(name.toLowerCase(Locale.US));
        return found == null ? new ArrayList<>() : new ArrayList<>(found);
    }
}
