package io.tenmail.storage.model;

/** RFC 4315 APPENDUID: where an appended message went. */
public record AppendResult(MailboxId mailbox, UidValidity uidValidity, Uid uid, ModSeq modSeq) {
}
