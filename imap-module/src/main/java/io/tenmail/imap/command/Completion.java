package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.session.ImapState;
import io.tenmail.imap.session.SelectedMailbox;
import io.tenmail.imap.wire.ResponseCode;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.ImapRequest;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Ends a command: first the untagged updates the session owes the client about its selected
 * mailbox (RFC 9051 §7: EXISTS, EXPUNGE, FETCH FLAGS caused by others), then the tagged response.
 * Used by the dispatcher and by commands that complete later (IDLE, AUTHENTICATE).
 */
public final class Completion {
    private static final Logger log = LoggerFactory.getLogger(Completion.class);
    private final MailboxStore store;

    public Completion(MailboxStore store) {
        this.store = store;
    }

    public void complete(ImapSession session, ImapRequest request, StatusResponse response) throws IOException {
        sendUpdates(session, ImapCommand.expungeAllowedDuring(request));
        if (response != null) session.writer().status(response);
    }

    /** Writes the pending updates of the selected mailbox, if any. */
    public void sendUpdates(ImapSession session, boolean expungeAllowed) throws IOException {
        SelectedMailbox selected = session.selected();
        if (session.state() != ImapState.SELECTED || selected == null) return;
        try {
            boolean qresync = session.isEnabled(ImapSession.Extension.QRESYNC);
            selected.sync(store, session.writer(), new SelectedMailbox.SyncOptions(expungeAllowed, session.condstore(), qresync));
            if (qresync && selected.heldBackModSeq().isPresent()) {
                // RFC 7162 §3.2: FETCH MODSEQs may now exceed held-back expunges; say how far the client is in sync
                session.writer().status(StatusResponse.ok(null, "Expunges pending").withCode(ResponseCode.HIGHESTMODSEQ,
                        String.valueOf(selected.heldBackModSeq().get().value())));
            }
        } catch (StoreException e) {
            // the mailbox may have been deleted meanwhile; the command's own response still goes out
            log.info("cannot bring the selected mailbox up to date: {} {}", e.reason(), e.getMessage());
        }
    }
}
