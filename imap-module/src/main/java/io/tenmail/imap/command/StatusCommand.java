package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.StatusRequest;
import io.tenmail.storage.StoreException;

import java.io.IOException;

/** STATUS: RFC 9051 §6.3.11, with SIZE (RFC 8438), HIGHESTMODSEQ (RFC 7162), APPENDLIMIT (RFC 7889). */
final class StatusCommand extends BaseCommand<StatusRequest> {
    private final ImapBackend backend;
    private final StatusWriter writer;

    StatusCommand(ImapBackend backend) {
        super(ImapCommand.STATUS, StatusRequest.class);
        this.backend = backend;
        this.writer = new StatusWriter(backend.store());
    }

    @Override
    public StatusResponse handle(ImapSession session, StatusRequest request) throws StoreException, CommandException, IOException {
        var info = Mailboxes.existing(backend.store(), session.owner(), request.mailbox(), request.tag());
        writer.write(session, info, request.items());
        return StatusResponse.ok(request.tag(), "STATUS completed");
    }
}
