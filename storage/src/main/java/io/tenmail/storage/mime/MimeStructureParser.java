package io.tenmail.storage.mime;

import io.tenmail.storage.model.ParsedMessage;
import io.tenmail.storage.model.ParsedMessage.Part;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over one message: reads it line by line and builds the part tree with exact offsets.
 * Not thread-safe; {@link MessageParser} makes one per message.
 *
 * <p>Offsets follow RFC 2046 §5.1.1: the line break before a delimiter line belongs to the
 * delimiter, so a part's {@code end} excludes it. A part's header ends at the first empty line
 * (RFC 5322 §2.1); when a delimiter line or the end of the message comes first, the whole entity is
 * header and its body is empty. Lines of a body are counted as IMAP does: a last line without a
 * line break counts too.
 */
final class MimeStructureParser {
    /** Deeper multiparts and messages are not opened but kept as one opaque part. */
    static final int MAX_DEPTH = 50;
    /** Parts beyond this many are not split off: their bytes stay in the part before them. */
    static final int MAX_PARTS = 10_000;

    private record Entity(HeaderFields header, Part part) {
    }

    private final LineReader reader;
    private final Boundaries boundaries = new Boundaries();
    private int parts;

    MimeStructureParser(InputStream in) {
        this.reader = new LineReader(in);
    }

    ParsedMessage parse() throws IOException {
        Entity root = entity(0, false);
        return envelope(root.header(), root.part());
    }

    private Entity entity(int depth, boolean inDigest) throws IOException {
        parts++;
        long headerStart = reader.position();
        HeaderFields header = header();
        long bodyStart = reader.position();
        long bodyLine = reader.nextLineIndex();
        ContentFields fields = ContentFields.of(header, inDigest);
        List<Part> children = List.of();
        ParsedMessage message = null;
        if (fields.isMultipart() && depth < MAX_DEPTH) {
            children = multipartBody(fields.boundary(), depth, fields.subtype().equals("digest"));
        } else if (fields.isEncapsulatedMessage() && depth < MAX_DEPTH) {
            Entity inner = entity(depth + 1, false);
            children = List.of(inner.part());
            message = envelope(inner.header(), null);
        } else {
            skipBody();
        }
        long end = bodyEnd(bodyStart);
        long lines = end == bodyStart ? 0 : lineIndexAt(end) - bodyLine;
        Part part = new Part(headerStart, bodyStart, end, lines, fields.type(), fields.subtype(), fields.parameters(),
                fields.id(), fields.description(), fields.encoding(), fields.md5(), fields.disposition(),
                fields.dispositionParameters(), fields.language(), fields.location(), children, message);
        return new Entity(header, part);
    }

    /** Reads header lines up to and including the empty line, or up to a delimiter line or the end. */
    private HeaderFields header() throws IOException {
        HeaderFields.Builder header = new HeaderFields.Builder();
        for (Line line; (line = reader.next(true)) != null; ) {
            if (line.isBlank()) break;
            if (boundaries.match(line) != null) {
                reader.pushBack(line);
                break;
            }
            header.add(line);
        }
        return header.build();
    }

    private List<Part> multipartBody(byte[] boundary, int depth, boolean digest) throws IOException {
        List<Part> children = new ArrayList<>();
        int level = boundaries.push(boundary);
        try {
            boolean closed = false;
            for (Line line; (line = reader.next(false)) != null; ) {
                Boundaries.Match match = boundaries.match(line);
                if (match == null) continue;               // preamble, epilogue
                if (match.level() < level) {               // an outer delimiter ends this multipart too
                    reader.pushBack(line);
                    break;
                }
                if (closed) continue;                      // epilogue
                if (match.close()) closed = true;
                else if (parts < MAX_PARTS) children.add(entity(depth + 1, digest).part());
            }
            return children;
        } finally {
            boundaries.pop();
        }
    }

    private void skipBody() throws IOException {
        for (Line line; (line = reader.next(false)) != null; ) {
            if (boundaries.match(line) != null) {
                reader.pushBack(line);
                return;
            }
        }
    }

    /** Where the body that was just read ends: before the delimiter line and its preceding line break. */
    private long bodyEnd(long bodyStart) {
        Line delimiter = reader.pushedBack();
        if (delimiter == null) return reader.position();
        return Math.max(bodyStart, delimiter.start() - delimiter.previousTerminator());
    }

    /** The number of lines that start before {@code offset}. */
    private long lineIndexAt(long offset) {
        Line delimiter = reader.pushedBack();
        if (delimiter == null) return reader.nextLineIndex();
        // the body ended inside the previous line's break: that line counts unless it was empty
        return offset == delimiter.previousStart() ? delimiter.index() - 1 : delimiter.index();
    }

    private static ParsedMessage envelope(HeaderFields h, Part root) {
        return new ParsedMessage(h.text("date"), h.text("subject"), h.text("from"), h.text("sender"),
                h.text("reply-to"), h.text("to"), h.text("cc"), h.text("bcc"), h.text("in-reply-to"),
                h.text("message-id"), h.text("references"), root);
    }
}
