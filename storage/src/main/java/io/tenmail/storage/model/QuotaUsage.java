package io.tenmail.storage.model;

/** RFC 9208 STORAGE and MESSAGE resources of an account; a limit of 0 means unlimited. */
public record QuotaUsage(long usedBytes, long limitBytes, long messages) {
}
