package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.session.SelectedMailbox;
import io.tenmail.imap.session.ViewCache;
import io.tenmail.imap.wire.ResponseCode;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.SelectRequest;
import io.tenmail.imap.wire.response.ResponseWriter;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxInfo;

import java.io.IOException;

/**
 * SELECT and EXAMINE: RFC 9051 §6.3.2-3, with the CONDSTORE parameter (RFC 7162 §3.1.8) and the
 * QRESYNC parameter (§3.2.5, see {@link QuickResync}). A failed SELECT leaves no mailbox selected
 * (§6.3.2); closing the previous one is announced with {@code OK [CLOSED]} to clients that enabled
 * QRESYNC or IMAP4rev2 (RFC 7162 §3.2.11, RFC 9051 §7.1).
 */
final class SelectCommand extends BaseCommand<SelectRequest> {
    private static final Flags ALL_SYSTEM_FLAGS = Flags.of(Flags.SystemFlag.values());
    /** Deselected views kept for the next SELECT: ~20 bytes per message, so at most ~40 MiB. */
    static final long VIEW_CACHE_MESSAGES = 1_000_000;

    private final ImapBackend backend;
    private final ViewCache views = new ViewCache(VIEW_CACHE_MESSAGES);

    SelectCommand(ImapBackend backend) {
        super(ImapCommand.SELECT, SelectRequest.class);
        this.backend = backend;
    }

    @Override
    public StatusResponse handle(ImapSession session, SelectRequest request) throws StoreException, CommandException, IOException {
        // RFC 7162 §3.2.5: the QRESYNC parameter without ENABLE QRESYNC is a client error
        if (request.qresync().isPresent() && !session.isEnabled(ImapSession.Extension.QRESYNC)) {
            throw CommandException.bad(request.tag(), "QRESYNC parameter without ENABLE QRESYNC");
        }
        boolean wasSelected = session.selected() != null;
        session.unselect();
        boolean rev2 = session.isEnabled(ImapSession.Extension.IMAP4REV2);
        if (wasSelected && (rev2 || session.isEnabled(ImapSession.Extension.QRESYNC))) {
            session.writer().status(StatusResponse.ok(null, ResponseCode.CLOSED, "Previous mailbox closed"));
        }
        if (request.condstore()) session.useCondstore();
        MailboxInfo info = Mailboxes.existing(backend.store(), session.owner(), request.mailbox(), request.tag());
        SelectedMailbox selected = SelectedMailbox.select(backend.store(), views, info, request.readOnly());
        session.select(selected);
        selected.listen(backend.events(), session::wakeUp);

        ResponseWriter w = session.writer();
        w.untagged().atom("FLAGS").flags(ALL_SYSTEM_FLAGS).end();
        w.untagged().atom("OK").openCode("PERMANENTFLAGS");
        if (request.readOnly()) w.openList().closeList();
        else w.flags(ALL_SYSTEM_FLAGS, "\\*");
        w.closeCode().text("Flags permitted").end();
        w.untagged().number(selected.size()).atom("EXISTS").end();
        if (!rev2) {
            // RFC 3501 §7.3.2; this server keeps no \Recent (RFC 9051 dropped it)
            w.untagged().number(0).atom("RECENT").end();
            for (int seq = 1; seq <= selected.size(); seq++) {
                if (!selected.flagsAt(seq).has(Flags.SystemFlag.SEEN)) {
                    w.status(StatusResponse.ok(null, "First unseen").withCode(ResponseCode.UNSEEN, String.valueOf(seq)));
                    break;
                }
            }
        }
        w.status(StatusResponse.ok(null, "UIDs valid").withCode(ResponseCode.UIDVALIDITY, String.valueOf(info.uidValidity().value())));
        long uidNext = Math.max(info.uidNext(), selected.highestUid() + 1);
        w.status(StatusResponse.ok(null, "Predicted next UID").withCode(ResponseCode.UIDNEXT, String.valueOf(uidNext)));
        w.status(StatusResponse.ok(null, "Highest").withCode(ResponseCode.HIGHESTMODSEQ, String.valueOf(selected.knownModSeq().value())));
        if (rev2) {
            // RFC 9051 §6.3.2: a LIST response with the mailbox name as the client must use it
            w.untagged().atom("LIST").openList().closeList().string("/").mailbox(info.name().path()).end();
        }
        if (request.qresync().isPresent()) QuickResync.afterSelect(session, backend.store(), request.qresync().get());
        return StatusResponse.ok(request.tag(), request.readOnly() ? ResponseCode.READ_ONLY : ResponseCode.READ_WRITE,
                request.name() + " completed");
    }
}
