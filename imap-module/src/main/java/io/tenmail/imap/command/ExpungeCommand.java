package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.session.SelectedMailbox;
import io.tenmail.imap.wire.ResponseCode;
import io.tenmail.imap.wire.SequenceSet;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.ImapRequest;
import io.tenmail.imap.wire.request.SimpleRequest;
import io.tenmail.imap.wire.request.UidExpungeRequest;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidRange;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * EXPUNGE (RFC 9051 §6.4.3) and UID EXPUNGE (RFC 4315 §2.1, RFC 9051 §6.4.9). After ENABLE
 * QRESYNC the expunged messages are reported as VANISHED and the tagged OK carries the mailbox's
 * HIGHESTMODSEQ (RFC 7162 §3.2.7, §3.2.9), taken after every pending update has been sent so that the
 * value never covers a change the client has not seen.
 */
final class ExpungeCommand {

    private ExpungeCommand() {
    }

    static StatusResponse expunge(ImapBackend backend, Completion completion, ImapSession session, ImapRequest request,
                                  Optional<List<UidRange>> uids) throws StoreException, IOException {
        SelectedMailbox selected = session.selected();
        if (selected.readOnly()) return StatusResponse.no(request.tag(), ResponseCode.READ_ONLY, "Mailbox is read-only");
        List<Uid> gone = backend.store().expunge(session.owner(), selected.id(), uids);
        writeExpunged(session, gone);
        selected.noteOwnExpunge(gone);
        StatusResponse ok = StatusResponse.ok(request.tag(), request.name() + " completed");
        if (!session.isEnabled(ImapSession.Extension.QRESYNC)) return ok;
        selected.markStale();   // so that the view's MODSEQ includes this expunge
        completion.sendUpdates(session, true);
        return ok.withCode(ResponseCode.HIGHESTMODSEQ, String.valueOf(selected.knownModSeq().value()));
    }

    /** Tells the client about messages this session removed (EXPUNGE n, or VANISHED with QRESYNC). */
    static void writeExpunged(ImapSession session, List<Uid> gone) throws IOException {
        SelectedMailbox selected = session.selected();
        if (session.isEnabled(ImapSession.Extension.QRESYNC)) {
            // RFC 7162 §3.2.10: after ENABLE QRESYNC, VANISHED (without EARLIER) replaces EXPUNGE
            long[] uids = gone.stream().mapToLong(Uid::value).filter(u -> selected.seqOf(u) > 0).sorted().toArray();
            if (uids.length == 0) return;
            for (long uid : uids) selected.removeExpunged(uid);
            session.writer().untagged().atom("VANISHED").atom(SequenceSet.ofAscending(uids).toString()).end();
            return;
        }
        for (Uid uid : gone) {
            int seq = selected.seqOf(uid.value());
            if (seq == 0) continue;
            selected.removeExpunged(uid.value());
            session.writer().untagged().number(seq).atom("EXPUNGE").end();
        }
    }

    static final class Plain extends BaseCommand<SimpleRequest> {
        private final ImapBackend backend;
        private final Completion completion;

        Plain(ImapBackend backend, Completion completion) {
            super(ImapCommand.EXPUNGE, SimpleRequest.class);
            this.backend = backend;
            this.completion = completion;
        }

        @Override
        public StatusResponse handle(ImapSession session, SimpleRequest request) throws StoreException, IOException {
            return expunge(backend, completion, session, request, Optional.empty());
        }
    }

    static final class ByUid extends BaseCommand<UidExpungeRequest> {
        private final ImapBackend backend;
        private final Completion completion;

        ByUid(ImapBackend backend, Completion completion) {
            super(ImapCommand.UID_EXPUNGE, UidExpungeRequest.class);
            this.backend = backend;
            this.completion = completion;
        }

        @Override
        public StatusResponse handle(ImapSession session, UidExpungeRequest request) throws StoreException, IOException {
            SequenceSet set = request.uids();
            List<UidRange> ranges = SelectedMailbox.uidRanges(session.selected().resolve(set, true));
            if (ranges.isEmpty()) return StatusResponse.ok(request.tag(), "UID EXPUNGE completed");
            return expunge(backend, completion, session, request, Optional.of(ranges));
        }
    }
}
