package io.tenmail.imap.wire.response;

import io.tenmail.storage.model.ParsedMessage;
import io.tenmail.storage.model.ParsedMessage.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes BODYSTRUCTURE (with extension data) and BODY (without) of a MIME part tree
 * (RFC 9051 §7.5.2, grammar {@code body} in §9):
 *
 * <pre>
 * ("TEXT" "PLAIN" ("CHARSET" "UTF-8") NIL NIL "QUOTED-PRINTABLE" 1315 42 NIL NIL NIL NIL)
 * (("TEXT" "PLAIN" ...)("IMAGE" "PNG" ...) "MIXED" ("BOUNDARY" "x") NIL NIL NIL)
 * </pre>
 *
 * <ul>
 *   <li>Type, subtype, parameter names, encoding and disposition type are sent in upper case, as
 *       in the RFC's examples; the stored model has them in lower case.
 *   <li>A text part without a charset parameter gets {@code ("CHARSET" "US-ASCII")}, its default
 *       (RFC 2045 §5.2), as Dovecot does. A missing encoding is {@code "7BIT"}.
 *   <li>Body size is the octets between the header's blank line and the part's end, in the
 *       transfer encoding (RFC 9051 §7.5.2 body-fld-octets); lines are sent for text/* and
 *       message/rfc822 (and message/global, RFC 6532).
 *   <li>Parameter values are stored decoded (RFC 2231). A non-ASCII value is sent as an RFC 2047
 *       encoded-word ({@code =?UTF-8?B?...?=}) unless UTF-8 is on: rev1 clients (Outlook, Foxmail,
 *       Thunderbird, phone apps) decode encoded-words in BODYSTRUCTURE, raw 8-bit they would garble.
 *   <li>A message/rfc822 part always has the message form: its envelope (all NIL if unknown) and
 *       body; a multipart without children gets one empty text/plain child, since the grammar
 *       demands {@code 1*body}.
 * </ul>
 */
public final class BodyStructureRenderer {

    private BodyStructureRenderer() {
    }

    /** BODYSTRUCTURE: with extension data. */
    public static void writeBodyStructure(ResponseWriter w, Part root) throws IOException {
        write(w, root, true);
    }

    /** BODY: the non-extensible form. */
    public static void writeBody(ResponseWriter w, Part root) throws IOException {
        write(w, root, false);
    }

    public static void write(ResponseWriter w, Part part, boolean extensible) throws IOException {
        w.openList();
        String type = lower(part.type(), "text");
        String subtype = lower(part.subtype(), "plain");
        if (type.equals("multipart")) {
            List<Part> children = part.parts() == null ? List.of() : part.parts();
            if (children.isEmpty()) {
                w.adjacent();
                writeEmptyText(w, extensible);
            }
            for (Part child : children) {
                // RFC 9051 §9: body-type-mpart = 1*body SP media-subtype: bodies without SP
                w.adjacent();
                write(w, child, extensible);
            }
            w.string(upper(subtype));
            if (extensible) {
                parameters(w, part.parameters());
                disposition(w, part);
                language(w, part.language());
                w.nstring(part.location());
            }
        } else {
            w.string(upper(type));
            w.string(upper(subtype));
            Map<String, String> parameters = part.parameters();
            if (type.equals("text") && (parameters == null || !hasKey(parameters, "charset"))) {
                parameters = withCharset(parameters);
            }
            parameters(w, parameters);
            w.nstring(part.id());
            w.nstring(part.description());
            w.string(part.encoding() == null || part.encoding().isBlank() ? "7BIT" : upper(part.encoding().strip()));
            w.number(Math.max(0, part.end() - part.bodyStart()));
            if (type.equals("message") && (subtype.equals("rfc822") || subtype.equals("global"))) {
                ParsedMessage inner = part.message();
                if (inner == null) inner = new ParsedMessage(null, null, null, null, null, null, null, null, null, null, null, null);
                EnvelopeRenderer.write(w, inner);
                if (part.parts() == null || part.parts().isEmpty()) writeEmptyText(w, extensible);
                else write(w, part.parts().get(0), extensible);
                w.number(Math.max(0, part.lines()));
            } else if (type.equals("text")) {
                w.number(Math.max(0, part.lines()));
            }
            if (extensible) {
                w.nstring(part.md5());
                disposition(w, part);
                language(w, part.language());
                w.nstring(part.location());
            }
        }
        w.closeList();
    }

    private static void writeEmptyText(ResponseWriter w, boolean extensible) throws IOException {
        w.openList();
        w.string("TEXT").string("PLAIN");
        w.openList().string("CHARSET").string("US-ASCII").closeList();
        w.nil().nil().string("7BIT").number(0).number(0);
        if (extensible) w.nil().nil().nil().nil();
        w.closeList();
    }

    /** body-fld-param = "(" string SP string *(SP string SP string) ")" / nil. */
    private static void parameters(ResponseWriter w, Map<String, String> parameters) throws IOException {
        if (parameters == null || parameters.isEmpty()) {
            w.nil();
            return;
        }
        w.openList();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            w.string(upper(e.getKey()));
            w.string(value(w, e.getValue() == null ? "" : e.getValue()));
        }
        w.closeList();
    }

    /** body-fld-dsp = "(" string SP body-fld-param ")" / nil. */
    private static void disposition(ResponseWriter w, Part part) throws IOException {
        if (part.disposition() == null || part.disposition().isBlank()) {
            w.nil();
            return;
        }
        w.openList();
        w.string(upper(part.disposition().strip()));
        parameters(w, part.dispositionParameters());
        w.closeList();
    }

    /** body-fld-lang = nstring / "(" string *(SP string) ")". */
    private static void language(ResponseWriter w, List<String> languages) throws IOException {
        if (languages == null || languages.isEmpty()) {
            w.nil();
        } else if (languages.size() == 1) {
            w.string(languages.get(0));
        } else {
            w.openList();
            for (String language : languages) w.string(language);
            w.closeList();
        }
    }

    /** A parameter value as the client can read it (see the class comment). */
    private static String value(ResponseWriter w, String value) {
        if (w.utf8()) return value;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
            }
        }
        return value;
    }

    private static boolean hasKey(Map<String, String> parameters, String key) {
        for (String k : parameters.keySet()) {
            if (k.equalsIgnoreCase(key)) return true;
        }
        return false;
    }

    private static Map<String, String> withCharset(Map<String, String> parameters) {
        Map<String, String> copy = new LinkedHashMap<>();
        copy.put("charset", "US-ASCII");
        if (parameters != null) copy.putAll(parameters);
        return copy;
    }

    private static String lower(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
