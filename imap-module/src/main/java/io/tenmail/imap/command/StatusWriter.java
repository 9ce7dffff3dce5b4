package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.request.StatusItem;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxInfo;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.UidRange;

import java.io.IOException;
import java.util.List;

/** Writes {@code * STATUS name (item value …)} for STATUS (RFC 9051 §6.3.11) and LIST-STATUS (RFC 5819). */
final class StatusWriter {
    private final MailboxStore store;

    StatusWriter(MailboxStore store) {
        this.store = store;
    }

    void write(ImapSession session, MailboxInfo info, List<StatusItem> items) throws IOException, StoreException {
        long deleted = 0;
        long deletedBytes = 0;
        if (items.contains(StatusItem.DELETED) || items.contains(StatusItem.DELETED_STORAGE)) {
            for (MessageMeta m : store.messages(session.owner(), info.id(), List.of(UidRange.ALL))) {
                if (m.flags().has(Flags.SystemFlag.DELETED)) {
                    deleted++;
                    deletedBytes += m.size();
                }
            }
        }
        var w = session.writer();
        w.untagged().atom("STATUS").mailbox(info.name().path()).openList();
        for (StatusItem item : items) {
            w.atom(item.wire());
            switch (item) {
                case MESSAGES -> w.number(info.messages());
                case RECENT -> w.number(0);
                case UIDNEXT -> w.number(info.uidNext());
                case UIDVALIDITY -> w.number(info.uidValidity().value());
                case UNSEEN -> w.number(info.unseen());
                case DELETED -> w.number(deleted);
                case SIZE -> w.number(info.sizeBytes());
                case HIGHESTMODSEQ -> {
                    session.useCondstore();
                    w.number(info.highestModSeq().value());
                }
                case APPENDLIMIT -> w.number(session.settings().limits().maxLiteralOctets());
                case DELETED_STORAGE -> w.number((deletedBytes + 1023) / 1024);
            }
        }
        w.closeList().end();
    }
}
