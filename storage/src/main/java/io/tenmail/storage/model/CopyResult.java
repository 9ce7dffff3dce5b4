package io.tenmail.storage.model;

import java.util.List;

/** RFC 4315 COPYUID: the source UIDs and the UIDs their copies got, in the same order. */
public record CopyResult(UidValidity targetUidValidity, List<Uid> sourceUids, List<Uid> targetUids) {
    public CopyResult {
        sourceUids = List.copyOf(sourceUids);
        targetUids = List.copyOf(targetUids);
    }
}
