package io.tenmail.storage.model;

import java.util.List;
import java.util.Map;

/**
 * What IMAP needs of a message without reading its body again, computed once at delivery with
 * Mime4j: the raw (undecoded, unfolded) envelope header values and the MIME part tree with byte
 * offsets into the message, so ENVELOPE, BODYSTRUCTURE and BODY[section] are served from here.
 *
 * @param date,subject,from,sender,replyTo,to,cc,bcc,inReplyTo,messageId the raw header values, or null when absent
 */
public record ParsedMessage(String date, String subject, String from, String sender, String replyTo, String to,
                            String cc, String bcc, String inReplyTo, String messageId, String references,
                            Part root) {

    /**
     * One MIME entity.
     *
     * @param headerStart  offset of the entity's first header byte
     * @param bodyStart    offset of the first byte after the blank line ending the header
     * @param end          offset one past the last byte of the body
     * @param lines        number of lines in the body (for text/* and message/rfc822)
     * @param type,subtype lower-case media type, e.g. "text", "plain"
     * @param parameters   Content-Type parameters, names lower-case, values decoded (RFC 2231)
     * @param parts        children of a multipart, or the single child of a message/rfc822
     * @param message      for message/rfc822: the encapsulated message's envelope fields (root is unused)
     */
    public record Part(long headerStart, long bodyStart, long end, long lines, String type, String subtype,
                       Map<String, String> parameters, String id, String description, String encoding,
                       String md5, String disposition, Map<String, String> dispositionParameters,
                       List<String> language, String location, List<Part> parts, ParsedMessage message) {
    }
}
