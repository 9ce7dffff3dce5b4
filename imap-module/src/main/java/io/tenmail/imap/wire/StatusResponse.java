package io.tenmail.imap.wire;

import java.util.Objects;

/**
 * A status response (RFC 9051 §7.1): {@code tag|* SP cond SP ["[" code [SP data] "]" SP] text}.
 * Written to the wire by the response writer; this record only holds and validates the parts.
 *
 * <pre>
 * a1 OK [READ-WRITE] SELECT completed
 * * NO [ALERT] Disk almost full
 * </pre>
 *
 * @param tag       the command's tag, or null for an untagged response
 * @param condition OK, NO, BAD, PREAUTH or BYE
 * @param code      the response code, or null
 * @param codeData  the code's data exactly as sent (e.g. {@code (\Seen \*)}), or null
 * @param text      human-readable text; one line, never empty (RFC 9051 §7.1: text is 1*TEXT-CHAR)
 */
public record StatusResponse(String tag, Condition condition, ResponseCode code, String codeData, String text) {

    public StatusResponse {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(text, "text");
        if (tag != null && !condition.mayBeTagged()) {
            throw new IllegalArgumentException(condition + " responses are untagged");
        }
        if (tag != null && !Grammar.isTag(tag)) throw new IllegalArgumentException("invalid tag: " + tag);
        if (code == null && codeData != null) throw new IllegalArgumentException("code data without a code");
        if (code != null) {
            if (code.data() == ResponseCode.Data.REQUIRED && (codeData == null || codeData.isEmpty())) {
                throw new IllegalArgumentException(code.wire() + " needs data");
            }
            if (code.data() == ResponseCode.Data.NONE && codeData != null) {
                throw new IllegalArgumentException(code.wire() + " takes no data");
            }
            // RFC 9051 §9: resp-text-code data is 1*<any TEXT-CHAR except "]">
            if (codeData != null && (!Grammar.isText(codeData) || codeData.indexOf(']') >= 0)) {
                throw new IllegalArgumentException("invalid response code data: " + codeData);
            }
        }
        if (text.isEmpty() || !Grammar.isText(text)) throw new IllegalArgumentException("invalid response text: " + text);
        // RFC 9051 §7.1: text after the condition that starts with '[' would be read as a code
        if (code == null && text.charAt(0) == '[') throw new IllegalArgumentException("text may not start with '['");
    }

    public static StatusResponse ok(String tag, String text) {
        return new StatusResponse(tag, Condition.OK, null, null, text);
    }

    public static StatusResponse ok(String tag, ResponseCode code, String text) {
        return new StatusResponse(tag, Condition.OK, code, null, text);
    }

    public static StatusResponse no(String tag, String text) {
        return new StatusResponse(tag, Condition.NO, null, null, text);
    }

    public static StatusResponse no(String tag, ResponseCode code, String text) {
        return new StatusResponse(tag, Condition.NO, code, null, text);
    }

    public static StatusResponse bad(String tag, String text) {
        return new StatusResponse(tag, Condition.BAD, null, null, text);
    }

    public static StatusResponse bad(String tag, ResponseCode code, String text) {
        return new StatusResponse(tag, Condition.BAD, code, null, text);
    }

    public static StatusResponse bye(String text) {
        return new StatusResponse(null, Condition.BYE, null, null, text);
    }

    /** The same response with a code carrying data, e.g. {@code withCode(UIDNEXT, "4392")}. */
    public StatusResponse withCode(ResponseCode newCode, String data) {
        return new StatusResponse(tag, condition, newCode, data, text);
    }

    /** The same response for another tag (null: untagged). */
    public StatusResponse withTag(String newTag) {
        return new StatusResponse(newTag, condition, code, codeData, text);
    }

    /** The response line without CRLF, e.g. {@code a1 NO [TRYCREATE] No such mailbox}. */
    public String render() {
        StringBuilder sb = new StringBuilder(text.length() + 32);
        sb.append(tag == null ? "*" : tag).append(' ').append(condition.name()).append(' ');
        if (code != null) {
            sb.append('[').append(code.wire());
            if (codeData != null) sb.append(' ').append(codeData);
            sb.append("] ");
        }
        return sb.append(text).toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
