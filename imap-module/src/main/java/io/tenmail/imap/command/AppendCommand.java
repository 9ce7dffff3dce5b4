package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.session.SelectedMailbox;
import io.tenmail.imap.wire.ResponseCode;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.AppendRequest;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.AppendResult;
import io.tenmail.storage.model.MailboxInfo;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.NewMessage;
import io.tenmail.storage.model.ParsedMessage;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * APPEND: RFC 9051 §6.3.12 with MULTIAPPEND (RFC 3502), APPENDUID (RFC 4315), APPENDLIMIT (RFC
 * 7889) and literal8 (RFC 3516). The literal (in memory or spooled to a temporary file) is
 * streamed into the blob store and parsed once there; ENVELOPE and BODYSTRUCTURE come from that
 * parse for the message's whole life. Messages of a MULTIAPPEND are appended one by one: a
 * failure leaves the earlier ones in place (RFC 3502 asks for all-or-nothing; not yet).
 */
final class AppendCommand extends BaseCommand<AppendRequest> {
    private final ImapBackend backend;
    private final MailboxTargets targets;

    AppendCommand(ImapBackend backend, MailboxTargets targets) {
        super(ImapCommand.APPEND, AppendRequest.class);
        this.backend = backend;
        this.targets = targets;
    }

    @Override
    public StatusResponse handle(ImapSession session, AppendRequest request) throws StoreException, CommandException, IOException {
        MailboxInfo target = targets.target(session.owner(), request.mailbox(), request.tag());
        long limit = session.settings().limits().maxLiteralOctets();
        List<Long> uids = new ArrayList<>();
        AppendResult last = null;
        for (AppendRequest.Message m : request.messages()) {
            if (m.content().size() == 0) return StatusResponse.no(request.tag(), ResponseCode.CANNOT, "Empty message");
            BlobStore.StoredBlob blob;
            try (InputStream in = m.content().openStream()) {
                blob = backend.blobs().put(in, limit);
            }
            ParsedMessage parsed;
            try (InputStream in = backend.blobs().open(blob.id())) {
                parsed = backend.parser().parse(in);
            }
            Instant date = m.internalDate().map(d -> d.toInstant()).orElse(backend.clock().instant());
            try {
                last = backend.store().append(session.owner(), target.id(), new NewMessage(blob.id(), blob.size(), parsed, m.flags(), date));
            } catch (StoreException e) {
                if (e.reason() == StoreException.Reason.NOT_FOUND) targets.forget(session.owner(), request.mailbox());
                throw e;
            }
            backend.parses().put(blob.id(), parsed);
            uids.add(last.uid().value());
            SelectedMailbox selected = session.selected();
            if (selected != null && selected.id().equals(target.id())) {
                // the view takes the message it knows all about, instead of reading it back at the next sync
                selected.noteOwnAppend(new MessageMeta(target.id(), last.uid(), last.modSeq(), m.flags(), date, blob.size(), blob.id()));
            }
        }
        String set = io.tenmail.imap.wire.SequenceSet.ofAscending(uids.stream().mapToLong(Long::longValue).toArray()).toString();
        return StatusResponse.ok(request.tag(), "APPEND completed")
                .withCode(ResponseCode.APPENDUID, last.uidValidity().value() + " " + set);
    }
}
