package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.ListPattern;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.LsubRequest;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.MailboxInfo;

import java.io.IOException;

/** LSUB: RFC 3501 §6.3.9 (IMAP4rev1; IMAP4rev2 clients use LIST (SUBSCRIBED)). */
final class LsubCommand extends BaseCommand<LsubRequest> {
    private final ImapBackend backend;

    LsubCommand(ImapBackend backend) {
        super(ImapCommand.LSUB, LsubRequest.class);
        this.backend = backend;
    }

    @Override
    public StatusResponse handle(ImapSession session, LsubRequest request) throws StoreException, IOException {
        ListPattern pattern = request.matcher();
        for (MailboxInfo m : backend.store().mailboxes(session.owner())) {
            if (!m.subscribed() || !pattern.matches(m.name().path())) continue;
            session.writer().untagged().atom("LSUB").openList().closeList().string("/").mailbox(m.name().path()).end();
        }
        return StatusResponse.ok(request.tag(), "LSUB completed");
    }
}
