package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.session.ImapSession.Extension;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.EnableRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ENABLE: RFC 5161. Known: CONDSTORE and QRESYNC (RFC 7162; QRESYNC implies CONDSTORE, §3.2.3),
 * UTF8=ACCEPT (RFC 6855), IMAP4rev2 (RFC 9051); others are ignored, as §3.1 requires.
 * {@code * ENABLED} lists only what this command turned on.
 */
final class EnableCommand extends BaseCommand<EnableRequest> {

    EnableCommand() {
        super(ImapCommand.ENABLE, EnableRequest.class);
    }

    @Override
    public StatusResponse handle(ImapSession session, EnableRequest request) throws IOException {
        List<String> turnedOn = new ArrayList<>();
        for (String cap : request.capabilities()) {
            Extension e = switch (cap.toUpperCase(Locale.ROOT)) {
                case "CONDSTORE" -> Extension.CONDSTORE;
                case "QRESYNC" -> Extension.QRESYNC;
                case "UTF8=ACCEPT" -> Extension.UTF8_ACCEPT;
                case "IMAP4REV2" -> Extension.IMAP4REV2;
                default -> null;
            };
            if (e == null || session.isEnabled(e)) continue;
            session.enable(e);
            turnedOn.add(e == Extension.IMAP4REV2 ? "IMAP4rev2" : cap.toUpperCase(Locale.ROOT));
        }
        session.writer().untagged().atom("ENABLED");
        for (String cap : turnedOn) session.writer().atom(cap);
        session.writer().end();
        return StatusResponse.ok(request.tag(), "ENABLE completed");
    }
}
