package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.session.LineHandler;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.CommandParser;
import io.tenmail.imap.wire.request.SimpleRequest;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * IDLE: RFC 2177, RFC 9051 §6.3.13. Pending updates go out at once, then every change to the
 * selected mailbox as it happens (the change event wakes the session), until the client's DONE.
 */
final class IdleCommand extends BaseCommand<SimpleRequest> {
    private final Completion completion;

    IdleCommand(Completion completion) {
        super(ImapCommand.IDLE, SimpleRequest.class);
        this.completion = completion;
    }

    @Override
    public StatusResponse handle(ImapSession session, SimpleRequest request) throws IOException {
        session.writer().continuation("idling");
        completion.sendUpdates(session, true);
        session.expectLines(new LineHandler() {
            @Override
            public void line(ImapSession s, String line) {
                s.expectLines(null);
                try {
                    if (CommandParser.isIdleDone(line)) {
                        completion.complete(s, request, StatusResponse.ok(request.tag(), "IDLE terminated"));
                    } else {
                        s.writer().status(StatusResponse.bad(request.tag(), "Expected DONE to end IDLE"));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void mailboxChanged(ImapSession s) {
                try {
                    completion.sendUpdates(s, true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return null;
    }
}
