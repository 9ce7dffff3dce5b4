package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.RenameRequest;
import io.tenmail.storage.StoreException;

/** RENAME: RFC 9051 §6.3.6 (children move along; renaming INBOX moves its messages). */
final class RenameCommand extends BaseCommand<RenameRequest> {
    private final ImapBackend backend;

    RenameCommand(ImapBackend backend) {
        super(ImapCommand.RENAME, RenameRequest.class);
        this.backend = backend;
    }

    @Override
    public StatusResponse handle(ImapSession session, RenameRequest request) throws StoreException {
        backend.store().renameMailbox(session.owner(), request.from(), request.to());
        return StatusResponse.ok(request.tag(), "RENAME completed");
    }
}
