package io.tenmail.storage;

import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.AppendResult;
import io.tenmail.storage.model.Changes;
import io.tenmail.storage.model.CopyResult;
import io.tenmail.storage.model.DeliveryKey;
import io.tenmail.storage.model.FlagUpdate;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MailboxInfo;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.MessageFlags;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.NewMessage;
import io.tenmail.storage.model.ParsedMessage;
import io.tenmail.storage.model.QuotaUsage;
import io.tenmail.storage.model.SpecialUse;
import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidRange;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Mailboxes and the messages in them, for IMAP, POP3 and local delivery. Every method is scoped
 * by the owning account: a mailbox of another account is NOT_FOUND. Thread-safe; each method is
 * one transaction, and every change publishes a {@link MailboxEvents} event after it commits.
 *
 * <p>UIDs and MODSEQs are allocated atomically per mailbox: concurrent appends get unique,
 * strictly increasing UIDs, and a UID is never reused within a UIDVALIDITY. Each change (append,
 * flag change, expunge) takes a new MODSEQ greater than every earlier one in the mailbox.
 *
 * <p>Reasons thrown: NOT_FOUND (also an account the directory does not know, for append, copy and
 * quota), ALREADY_EXISTS (create/rename onto an existing name, create with a special use another
 * mailbox has), INVALID (a bad name, deleting INBOX, renaming a mailbox into its own subtree, a
 * keyword that is not an atom), OVER_QUOTA (append/copy past the account quota), TEMPORARY.
 */
public interface MailboxStore {

    /** All mailboxes of the account, ordered by name. */
    List<MailboxInfo> mailboxes(AccountId owner) throws StoreException;

    Optional<MailboxInfo> mailbox(AccountId owner, MailboxName name) throws StoreException;

    MailboxInfo mailbox(AccountId owner, MailboxId id) throws StoreException;

    /** The account's mailbox with this special use, if it has one. */
    Optional<MailboxInfo> mailbox(AccountId owner, SpecialUse use) throws StoreException;

    /**
     * Creates a mailbox (and missing parents, RFC 9051 §6.3.4) with a fresh UIDVALIDITY.
     * ALREADY_EXISTS when another mailbox of the account has the special use (RFC 6154 §5.3).
     */
    MailboxInfo createMailbox(AccountId owner, MailboxName name, Optional<SpecialUse> use) throws StoreException;

    /**
     * Creates INBOX, Sent, Drafts, Junk, Trash and Archive with their special uses, unless they
     * exist. Idempotent; called when an account is created and before its first login.
     */
    void ensureDefaultMailboxes(AccountId owner) throws StoreException;

    /**
     * Renames a mailbox and its children. Renaming INBOX moves its messages to the new mailbox and
     * leaves INBOX empty (RFC 9051 §6.3.6).
     */
    void renameMailbox(AccountId owner, MailboxName from, MailboxName to) throws StoreException;

    /** Deletes a mailbox and its messages; INBOX cannot be deleted. */
    void deleteMailbox(AccountId owner, MailboxName name) throws StoreException;

    void setSubscribed(AccountId owner, MailboxName name, boolean subscribed) throws StoreException;

    /** Appends one message, allocating its UID and MODSEQ; OVER_QUOTA past the account quota. */
    AppendResult append(AccountId owner, MailboxId mailbox, NewMessage message) throws StoreException;

    /**
     * Local delivery: appends like {@link #append}, unless a message with the same delivery key
     * is already in one of the owner's mailboxes (the delivery ran before and a crash kept the
     * queue from recording it); then nothing is stored and the earlier message's result is
     * returned. The key is stored with the message in the same transaction and is unique, so two
     * concurrent deliveries with one key store one message. Copies and moves do not carry the key.
     */
    AppendResult deliver(AccountId owner, MailboxId mailbox, NewMessage message, DeliveryKey key) throws StoreException;

    /** The messages whose UIDs fall in the ranges, ordered by UID. */
    List<MessageMeta> messages(AccountId owner, MailboxId mailbox, List<UidRange> uids) throws StoreException;

    /** The parsed envelope and structure stored at delivery. */
    ParsedMessage parsed(AccountId owner, MailboxId mailbox, Uid uid) throws StoreException;

    /**
     * UID, MODSEQ, flags, size, internal date and blob of every message of the mailbox, ordered by
     * UID: the same messages as {@code messages(owner, mailbox, List.of(UidRange.ALL))}, built
     * with less per message.
     */
    default List<MessageFlags> flags(AccountId owner, MailboxId mailbox) throws StoreException {
        List<MessageFlags> out = new java.util.ArrayList<>();
        for (MessageMeta m : messages(owner, mailbox, List.of(UidRange.ALL))) out.add(MessageFlags.of(m));
        return out;
    }

    /**
     * The parses of the messages whose UIDs fall in the ranges, in ascending UID order (missing
     * UIDs are left out), read with one statement per run of nearby UIDs rather than one per
     * message. Every parse is held in memory at once: callers ask in bounded chunks (a few hundred
     * to a few thousand UIDs), not for {@code 1:*} of a large mailbox.
     */
    SortedMap<Uid, ParsedMessage> parsed(AccountId owner, MailboxId mailbox, List<UidRange> uids) throws StoreException;

    /**
     * Changes flags of the messages in the ranges. With {@code unchangedSince} (RFC 7162
     * CONDSTORE), messages whose MODSEQ is greater are left alone and returned in
     * {@link FlagResult#failed()}. Messages whose flags do not change keep their MODSEQ.
     */
    FlagResult storeFlags(AccountId owner, MailboxId mailbox, List<UidRange> uids, FlagUpdate mode, Flags flags,
                          Optional<ModSeq> unchangedSince) throws StoreException;

    /** The messages whose flags changed (with their new state), and those the condition excluded. */
    record FlagResult(List<MessageMeta> updated, List<Uid> failed) {
        public FlagResult {
            updated = List.copyOf(updated);
            failed = List.copyOf(failed);
        }
    }

    /** Copies messages (same blobs, new UIDs, same flags and internal dates) into {@code target}. */
    CopyResult copy(AccountId owner, MailboxId source, List<UidRange> uids, MailboxId target) throws StoreException;

    /** Like copy, then expunges the sources, atomically (RFC 6851). */
    CopyResult move(AccountId owner, MailboxId source, List<UidRange> uids, MailboxId target) throws StoreException;

    /**
     * Removes messages with \Deleted (only those in {@code uids} when given, RFC 4315 UID EXPUNGE),
     * leaving tombstones for {@link #changesSince}; returns the expunged UIDs in ascending order.
     */
    List<Uid> expunge(AccountId owner, MailboxId mailbox, Optional<List<UidRange>> uids) throws StoreException;

    /** Removes exactly these messages whatever their flags (POP3 DELE at QUIT). */
    List<Uid> delete(AccountId owner, MailboxId mailbox, List<Uid> uids) throws StoreException;

    /** What changed after {@code since}: updated or added messages, and UIDs expunged since. */
    Changes changesSince(AccountId owner, MailboxId mailbox, ModSeq since) throws StoreException;

    /** Bytes and messages the account holds, and its quota. */
    QuotaUsage quota(AccountId owner) throws StoreException;

    /**
     * {@link #quota}, where the usage may be a few seconds old: for advisory checks that run
     * often (SMTP's over-quota check at RCPT), never for enforcing the quota, which appends do
     * exactly. The limit is current.
     */
    default QuotaUsage recentQuota(AccountId owner) throws StoreException {
        return quota(owner);
    }
}
