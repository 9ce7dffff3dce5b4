package io.tenmail.imap.wire.request;

import io.tenmail.imap.wire.SequenceSet;
import io.tenmail.storage.model.MailboxName;
import java.util.Objects;
import java.util.Optional;

/**
 * SELECT or EXAMINE (RFC 9051 §6.3.2, §6.3.3) with the CONDSTORE and QRESYNC parameters of
 * RFC 7162 §3.1.8 and §3.2.5.
 *
 * @param readOnly  true for EXAMINE
 * @param condstore the {@code (CONDSTORE)} parameter was given
 * @param qresync   the {@code (QRESYNC (...))} parameter, if given
 */
public record SelectRequest(String tag, MailboxName mailbox, boolean readOnly, boolean condstore,
                            Optional<Qresync> qresync) implements ImapRequest {

    /**
     * {@code QRESYNC (uidvalidity modseq [known-uids] [(known-sequence-set known-uid-set)])}
     * (RFC 7162 §3.2.5). The sets never contain {@code *} or {@code $}.
     *
     * @param knownUids            UIDs the client knows, if sent
     * @param knownSequenceNumbers message numbers of the sequence match data, if sent
     * @param knownSequenceUids    the UIDs they correspond to, if sent
     */
    public record Qresync(long uidValidity, long modSeq, Optional<SequenceSet> knownUids,
                          Optional<SequenceSet> knownSequenceNumbers, Optional<SequenceSet> knownSequenceUids) {
        public Qresync {
            Objects.requireNonNull(knownUids, "knownUids");
            Objects.requireNonNull(knownSequenceNumbers, "knownSequenceNumbers");
            Objects.requireNonNull(knownSequenceUids, "knownSequenceUids");
            if (knownSequenceNumbers.isPresent() != knownSequenceUids.isPresent()) {
                throw new IllegalArgumentException("sequence match data comes in pairs");
            }
        }
    }

    public SelectRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(qresync, "qresync");
    }

    @Override
    public String name() {
        return readOnly ? "EXAMINE" : "SELECT";
    }
}
