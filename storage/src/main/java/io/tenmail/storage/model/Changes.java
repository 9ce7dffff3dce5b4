package io.tenmail.storage.model;

import java.util.List;

/**
 * RFC 7162: what happened in a mailbox after a MODSEQ: messages whose flags changed or that were
 * added (with their current state), and UIDs expunged since (from tombstones), for CONDSTORE,
 * QRESYNC's VANISHED, and sessions catching up.
 */
public record Changes(ModSeq highestModSeq, List<MessageMeta> changed, List<Uid> expunged) {
    public Changes {
        changed = List.copyOf(changed);
        expunged = List.copyOf(expunged);
    }
}
