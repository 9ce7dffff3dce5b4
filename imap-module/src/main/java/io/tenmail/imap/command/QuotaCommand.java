package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.ResponseCode;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.GetQuotaRequest;
import io.tenmail.imap.wire.request.GetQuotaRootRequest;
import io.tenmail.imap.wire.request.SetQuotaRequest;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.QuotaUsage;

import java.io.IOException;

/**
 * QUOTA (RFC 9208): one quota root per account, named {@code ""}, with the STORAGE resource in
 * units of 1024 octets. An account without a limit has no quota root. Quotas are set by
 * administrators, so SETQUOTA is refused.
 */
final class QuotaCommand {

    private QuotaCommand() {
    }

    private static boolean writeQuota(ImapSession session, QuotaUsage q) throws IOException {
        if (q.limitBytes() <= 0) return false;
        session.writer().untagged().atom("QUOTA").string("").openList().atom("STORAGE")
                .number((q.usedBytes() + 1023) / 1024).number(q.limitBytes() / 1024).closeList().end();
        return true;
    }

    static final class Get extends BaseCommand<GetQuotaRequest> {
        private final ImapBackend backend;

        Get(ImapBackend backend) {
            super(ImapCommand.GETQUOTA, GetQuotaRequest.class);
            this.backend = backend;
        }

        @Override
        public StatusResponse handle(ImapSession session, GetQuotaRequest request) throws StoreException, IOException {
            if (!request.root().isEmpty() || !writeQuota(session, backend.store().quota(session.owner()))) {
                return StatusResponse.no(request.tag(), ResponseCode.NONEXISTENT, "No such quota root");
            }
            return StatusResponse.ok(request.tag(), "GETQUOTA completed");
        }
    }

    static final class GetRoot extends BaseCommand<GetQuotaRootRequest> {
        private final ImapBackend backend;

        GetRoot(ImapBackend backend) {
            super(ImapCommand.GETQUOTAROOT, GetQuotaRootRequest.class);
            this.backend = backend;
        }

        @Override
        public StatusResponse handle(ImapSession session, GetQuotaRootRequest request)
                throws StoreException, CommandException, IOException {
            Mailboxes.existing(backend.store(), session.owner(), request.mailbox(), request.tag());
            QuotaUsage q = backend.store().quota(session.owner());
            session.writer().untagged().atom("QUOTAROOT").mailbox(request.mailbox().path());
            if (q.limitBytes() > 0) session.writer().string("");
            session.writer().end();
            writeQuota(session, q);
            return StatusResponse.ok(request.tag(), "GETQUOTAROOT completed");
        }
    }

    static final class Set extends BaseCommand<SetQuotaRequest> {
        Set() {
            super(ImapCommand.SETQUOTA, SetQuotaRequest.class);
        }

        @Override
        public StatusResponse handle(ImapSession session, SetQuotaRequest request) {
            return StatusResponse.no(request.tag(), ResponseCode.NOPERM, "Quotas are set by the administrator");
        }
    }
}
