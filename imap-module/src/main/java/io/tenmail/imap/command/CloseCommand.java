package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.SimpleRequest;
import io.tenmail.storage.StoreException;

import java.util.Optional;

/**
 * CLOSE (RFC 9051 §6.4.1): expunges silently unless read-only, then deselects; UNSELECT (RFC 9051
 * §6.4.2, RFC 3691) only deselects.
 */
final class CloseCommand extends BaseCommand<SimpleRequest> {
    private final ImapBackend backend;
    private final boolean expunge;

    CloseCommand(ImapBackend backend, boolean expunge) {
        super(expunge ? ImapCommand.CLOSE : ImapCommand.UNSELECT, SimpleRequest.class);
        this.backend = backend;
        this.expunge = expunge;
    }

    @Override
    public StatusResponse handle(ImapSession session, SimpleRequest request) throws StoreException {
        var selected = session.selected();
        if (expunge && !selected.readOnly()) backend.store().expunge(session.owner(), selected.id(), Optional.empty());
        session.unselect();
        return StatusResponse.ok(request.tag(), request.name() + " completed");
    }
}
