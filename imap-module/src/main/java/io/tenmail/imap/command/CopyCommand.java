package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.session.SelectedMailbox;
import io.tenmail.imap.wire.ResponseCode;
import io.tenmail.imap.wire.SequenceSet;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.CopyRequest;
import io.tenmail.imap.wire.request.MoveRequest;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.CopyResult;
import io.tenmail.storage.model.MailboxInfo;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidRange;

import java.io.IOException;
import java.util.List;

/**
 * COPY and UID COPY (RFC 9051 §6.4.7) with COPYUID (RFC 4315); MOVE and UID MOVE (RFC 6851 §3):
 * the COPYUID goes in an untagged OK before the EXPUNGE responses of the moved messages.
 */
final class CopyCommand {

    private CopyCommand() {
    }

    private static String copyUid(CopyResult r) {
        long[] src = r.sourceUids().stream().mapToLong(Uid::value).toArray();
        long[] dst = r.targetUids().stream().mapToLong(Uid::value).toArray();
        return r.targetUidValidity().value() + " " + join(src) + " " + join(dst);
    }

    /** Keeps the pairing order (RFC 4315 §3): source and target sets list UIDs in the same order. */
    private static String join(long[] uids) {
        boolean ascending = true;
        for (int i = 1; i < uids.length; i++) if (uids[i] <= uids[i - 1]) ascending = false;
        if (ascending) return SequenceSet.ofAscending(uids).toString();
        StringBuilder sb = new StringBuilder();
        for (long u : uids) sb.append(sb.isEmpty() ? "" : ",").append(u);
        return sb.toString();
    }

    private static StatusResponse run(ImapBackend backend, MailboxTargets targets, ImapSession session, String tag, String name, boolean uid,
                                      SequenceSet set, MailboxName targetName, boolean move)
            throws StoreException, CommandException, IOException {
        SelectedMailbox selected = session.selected();
        if (move && selected.readOnly()) return StatusResponse.no(tag, ResponseCode.READ_ONLY, "Mailbox is read-only");
        List<UidRange> ranges = SelectedMailbox.uidRanges(selected.resolve(set, uid));
        MailboxInfo target = targets.target(session.owner(), targetName, tag);
        if (ranges.isEmpty()) return StatusResponse.ok(tag, name + " completed");
        CopyResult result = move ? backend.store().move(session.owner(), selected.id(), ranges, target.id())
                : backend.store().copy(session.owner(), selected.id(), ranges, target.id());
        if (result.sourceUids().isEmpty()) return StatusResponse.ok(tag, name + " completed");
        if (!move) return StatusResponse.ok(tag, name + " completed").withCode(ResponseCode.COPYUID, copyUid(result));
        session.writer().status(StatusResponse.ok(null, "Moved").withCode(ResponseCode.COPYUID, copyUid(result)));
        ExpungeCommand.writeExpunged(session, result.sourceUids().stream().sorted().toList());
        return StatusResponse.ok(tag, name + " completed");
    }

    static final class Copy extends BaseCommand<CopyRequest> {
        private final ImapBackend backend;
        private final MailboxTargets targets;

        Copy(ImapBackend backend, MailboxTargets targets) {
            super(ImapCommand.COPY, CopyRequest.class);
            this.backend = backend;
            this.targets = targets;
        }

        @Override
        public StatusResponse handle(ImapSession session, CopyRequest r) throws StoreException, CommandException, IOException {
            return run(backend, targets, session, r.tag(), r.name(), r.uid(), r.set(), r.mailbox(), false);
        }
    }

    static final class Move extends BaseCommand<MoveRequest> {
        private final ImapBackend backend;
        private final MailboxTargets targets;

        Move(ImapBackend backend, MailboxTargets targets) {
            super(ImapCommand.MOVE, MoveRequest.class);
            this.backend = backend;
            this.targets = targets;
        }

        @Override
        public StatusResponse handle(ImapSession session, MoveRequest r) throws StoreException, CommandException, IOException {
            return run(backend, targets, session, r.tag(), r.name(), r.uid(), r.set(), r.mailbox(), true);
        }
    }
}
