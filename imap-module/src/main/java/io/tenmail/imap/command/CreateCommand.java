package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.ResponseCode;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.CreateRequest;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.SpecialUse;

import java.util.Optional;

/** CREATE: RFC 9051 §6.3.4; {@code (USE (\Sent))} from CREATE-SPECIAL-USE, RFC 6154 §3. */
final class CreateCommand extends BaseCommand<CreateRequest> {
    private final ImapBackend backend;

    CreateCommand(ImapBackend backend) {
        super(ImapCommand.CREATE, CreateRequest.class);
        this.backend = backend;
    }

    @Override
    public StatusResponse handle(ImapSession session, CreateRequest request) throws StoreException {
        if (request.specialUses().size() > 1) {
            // one special use per mailbox in this store (RFC 6154 §3 allows refusing combinations)
            return StatusResponse.no(request.tag(), ResponseCode.USEATTR, "One special use per mailbox");
        }
        Optional<SpecialUse> use = request.specialUses().stream().findFirst();
        if (use.isPresent() && backend.store().mailbox(session.owner(), use.get()).isPresent()) {
            return StatusResponse.no(request.tag(), ResponseCode.USEATTR, "Another mailbox already has " + use.get().attribute());
        }
        if (request.mailbox().isInbox()) return StatusResponse.no(request.tag(), ResponseCode.ALREADYEXISTS, "INBOX always exists");
        backend.store().createMailbox(session.owner(), request.mailbox(), use);
        return StatusResponse.ok(request.tag(), "CREATE completed");
    }
}
