package io.tenmail.storage.model;

import java.util.Optional;

/**
 * A mailbox's state as of one read.
 *
 * @param uidNext        the UID the next appended message will get
 * @param highestModSeq  the highest MODSEQ of any change in this mailbox (RFC 7162)
 * @param messages       number of messages
 * @param unseen         number of messages without \Seen
 * @param sizeBytes      sum of the messages' sizes
 */
public record MailboxInfo(MailboxId id, AccountId owner, MailboxName name, Optional<SpecialUse> specialUse,
                          boolean subscribed, UidValidity uidValidity, long uidNext, ModSeq highestModSeq,
                          long messages, long unseen, long sizeBytes) {
}
