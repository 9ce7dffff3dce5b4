package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.SimpleRequest;

import java.io.IOException;

/** NAMESPACE: RFC 9051 §6.3.10: one personal namespace, no prefix, "/" as delimiter; no shared ones. */
final class NamespaceCommand extends BaseCommand<SimpleRequest> {

    NamespaceCommand() {
        super(ImapCommand.NAMESPACE, SimpleRequest.class);
    }

    @Override
    public StatusResponse handle(ImapSession session, SimpleRequest request) throws IOException {
        session.writer().untagged().atom("NAMESPACE").openList().openList().string("").string("/").closeList().closeList()
                .nil().nil().end();
        return StatusResponse.ok(request.tag(), "NAMESPACE completed");
    }
}
