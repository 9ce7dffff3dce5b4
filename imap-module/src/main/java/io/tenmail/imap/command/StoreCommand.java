package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.session.SelectedMailbox;
import io.tenmail.imap.wire.ResponseCode;
import io.tenmail.imap.wire.SequenceSet;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.StoreRequest;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.FlagUpdate;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidRange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * STORE and UID STORE: RFC 9051 §6.4.6, UNCHANGEDSINCE and [MODIFIED] from CONDSTORE (RFC 7162
 * §3.1.3). Without .SILENT every named message's flags come back in a FETCH, as most servers do;
 * with UNCHANGEDSINCE the changed ones come back even when silent (RFC 7162 §3.1.3), with MODSEQ.
 */
final class StoreCommand extends BaseCommand<StoreRequest> {
    private final ImapBackend backend;

    StoreCommand(ImapBackend backend) {
        super(ImapCommand.STORE, StoreRequest.class);
        this.backend = backend;
    }

    @Override
    public StatusResponse handle(ImapSession session, StoreRequest request) throws StoreException, IOException {
        SelectedMailbox selected = session.selected();
        if (selected.readOnly()) return StatusResponse.no(request.tag(), ResponseCode.READ_ONLY, "Mailbox is read-only");
        if (request.unchangedSince().isPresent()) session.useCondstore();
        List<SelectedMailbox.Message> messages = selected.resolve(request.set(), request.uid());
        List<UidRange> ranges = SelectedMailbox.uidRanges(messages);
        if (ranges.isEmpty()) return StatusResponse.ok(request.tag(), request.name() + " completed");
        FlagUpdate mode = switch (request.mode()) {
            case REPLACE -> FlagUpdate.REPLACE;
            case ADD -> FlagUpdate.ADD;
            case REMOVE -> FlagUpdate.REMOVE;
        };
        Optional<ModSeq> since = request.unchangedSince().isPresent()
                ? Optional.of(new ModSeq(request.unchangedSince().getAsLong())) : Optional.empty();
        MailboxStore.FlagResult result = backend.store().storeFlags(session.owner(), selected.id(), ranges, mode, request.flags(), since);
        selected.noteOwnFlagChanges(result.updated());
        Set<Long> failed = new HashSet<>();
        for (Uid u : result.failed()) failed.add(u.value());
        List<MessageMeta> report;
        if (!request.silent() && !selected.isStale()) {
            // the view has every named message's flags now, this change included: no read
            report = new ArrayList<>(messages.size());
            for (SelectedMailbox.Message m : messages) {
                if (selected.isExpungePending(m.uid())) continue;
                report.add(new MessageMeta(selected.id(), new Uid(m.uid()), new ModSeq(selected.modSeqAt(m.seq())),
                        selected.flagsAt(m.seq()), null, 0, null));
            }
        } else if (!request.silent()) {
            report = backend.store().messages(session.owner(), selected.id(), ranges);
        } else {
            report = session.condstore() ? result.updated() : List.of();
        }
        for (MessageMeta m : report) {
            int seq = selected.seqOf(m.uid().value());
            if (seq == 0 || failed.contains(m.uid().value())) continue;
            var w = session.writer().untagged().number(seq).atom("FETCH").openList();
            if (request.uid()) w.atom("UID").number(m.uid().value());
            w.atom("FLAGS").flags(m.flags());
            if (session.condstore()) w.atom("MODSEQ").openList().number(m.modSeq().value()).closeList();
            w.closeList().end();
        }
        StatusResponse ok = StatusResponse.ok(request.tag(), request.name() + " completed");
        if (failed.isEmpty()) return ok;
        long[] numbers = failed.stream().mapToLong(u -> request.uid() ? u : selected.seqOf(u)).filter(n -> n > 0).sorted().toArray();
        return numbers.length == 0 ? ok : ok.withCode(ResponseCode.MODIFIED, SequenceSet.ofAscending(numbers).toString());
    }
}
