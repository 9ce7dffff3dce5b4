package io.tenmail.storage.mime;

import io.tenmail.storage.model.ParsedMessage;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;

/**
 * Parses a message (RFC 5322, MIME RFC 2045-2049) once, at delivery, into the envelope and part
 * tree IMAP serves ENVELOPE, BODYSTRUCTURE and BODY[section] from without reading the body again.
 *
 * <p>Reads the stream once, to its end, with bounded memory (a 50 MB attachment costs a 64 KB
 * buffer). Never rejects a message: malformed MIME is parsed leniently (missing final boundary,
 * LF-only line ends, no header at all, 8-bit headers). Header values are raw: unfolded, trimmed,
 * encoded-words left as they are; bytes that are not UTF-8 are read as ISO-8859-1. Defaults of
 * RFC 2045 are applied (text/plain; charset=us-ascii, 7bit). Offsets are byte offsets into the
 * stream: the root part's {@code end} is the message size. Thread-safe and stateless.
 */
@ApplicationScoped
public class MessageParser {

    /** Parses the message {@code in} holds; the caller closes the stream. */
    public ParsedMessage parse(InputStream in) throws IOException {
        return new MimeStructureParser(in).parse();
    }
}
