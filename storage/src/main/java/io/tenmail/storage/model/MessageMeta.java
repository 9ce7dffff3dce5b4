package io.tenmail.storage.model;

import java.time.Instant;

/** A message in a mailbox: what FETCH FLAGS/UID/MODSEQ/RFC822.SIZE/INTERNALDATE and POP3 need. */
public record MessageMeta(MailboxId mailbox, Uid uid, ModSeq modSeq, Flags flags, Instant internalDate,
                          long size, BlobId blob) {
}
