package io.tenmail.imap.wire.response;

import io.tenmail.storage.model.ParsedMessage;
import io.tenmail.storage.model.ParsedMessage.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built parsed messages for the renderer tests. */
final class Messages {

    private Messages() {
    }

    /** A leaf part; body octets = end - bodyStart. */
    static Part leaf(String type, String subtype, Map<String, String> parameters, String encoding, long octets, long lines) {
        return new Part(0, 100, 100 + octets, lines, type, subtype, parameters, null, null, encoding, null, null, Map.of(),
                List.of(), null, List.of(), null);
    }

    static Part multipart(String subtype, Map<String, String> parameters, Part... children) {
        return new Part(0, 50, 5000, 0, "multipart", subtype, parameters, null, null, null, null, null, Map.of(),
                List.of(), null, List.of(children), null);
    }

    static Map<String, String> params(String... nameValue) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) map.put(nameValue[i], nameValue[i + 1]);
        return map;
    }

    static ParsedMessage message(String date, String subject, String from, String sender, String replyTo, String to, String cc,
                                 String bcc, String inReplyTo, String messageId, Part root) {
        return new ParsedMessage(date, subject, from, sender, replyTo, to, cc, bcc, inReplyTo, messageId, null, root);
    }

    /** The RFC 9051 §6.4.5 FETCH example message. */
    static ParsedMessage rfcExample() {
        return message("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)", "IMAP4rev1 WG mtg summary and minutes",
                "Terry Gray <gray@cac.washington.edu>", null, null, "imap@cac.washington.edu",
                "minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>", null, null,
                "<B27397-0100000@cac.washington.edu>",
                leaf("text", "plain", params("charset", "US-ASCII"), "7bit", 3028, 92));
    }

    interface Rendering {
        void write(ResponseWriter w) throws IOException;
    }

    /** What a renderer writes inside an untagged line, without "* " and CRLF. */
    static String render(boolean utf8, Rendering rendering) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResponseWriter w = new ResponseWriter(out);
        w.setUtf8(utf8);
        try {
            w.untagged();
            rendering.write(w);
            w.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String line = out.toString(StandardCharsets.UTF_8);
        return line.substring(2, line.length() - 2);
    }
}
