package io.tenmail.admin;

import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.protocol.dns.DnsLookup;
import io.tenmail.storage.ApiTokens;
import io.tenmail.storage.AuditLog;
import io.tenmail.storage.DkimKeys;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.MailQueue;
import io.tenmail.storage.MailTraffic;
import io.tenmail.storage.MailboxStore;

import java.util.Objects;

/**
 * What the admin API works on: the storage ports, and the login throttle it shares with the mail
 * protocols (so guessing a password over IMAP and in the console counts against one allowance).
 *
 * @param mailboxes may be null: accounts then have no {@code usedBytes}
 * @param dkimKeys  may be null: the domains' DKIM endpoints then answer 404
 * @param dns       the configured resolvers, for the domains' DNS check; may be null: that check then answers 404
 * @param traffic   messages in/out per day, for the dashboard; may be null: the dashboard then shows none
 */
public record AdminBackend(DirectoryAdmin directory, MailboxStore mailboxes, MailQueue queue, AuditLog auditLog,
                           ApiTokens apiTokens, LoginThrottle throttle, DkimKeys dkimKeys, DnsLookup dns, MailTraffic traffic) {

    /** Without DKIM keys (embeddings and tests that do not need them). */
    public AdminBackend(DirectoryAdmin directory, MailboxStore mailboxes, MailQueue queue, AuditLog auditLog,
                        ApiTokens apiTokens, LoginThrottle throttle) {
        this(directory, mailboxes, queue, auditLog, apiTokens, throttle, null, null, null);
    }

    public AdminBackend {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(auditLog, "auditLog");
        Objects.requireNonNull(apiTokens, "apiTokens");
        Objects.requireNonNull(throttle, "throttle");
    }
}
