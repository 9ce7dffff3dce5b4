package io.tenmail.storage;

import io.tenmail.storage.model.SpamLists;
import io.tenmail.storage.model.SpamPolicy;

import java.time.Duration;
import java.time.Instant;

/**
 * What the spam filters read while mail arrives (issue 7): a domain's policy, a recipient's allow
 * and block lists, and the greylisting memory. The administration of policies and lists is in
 * {@link DirectoryAdmin}. Thread-safe.
 */
public interface SpamPolicies {

    /** The policy of the domain (or domain alias) with this name; {@link SpamPolicy#DEFAULT} for one without or not ours. */
    SpamPolicy policyFor(String domainName) throws StoreException;

    /** The lists for mail to this address: its tenant's, and its account's when it is an account's address. */
    SpamLists listsFor(String recipientAddress) throws StoreException;

    /**
     * Greylisting (RFC 6647): records that the triplet with this key was seen now and returns when
     * it was first seen. A triplet unseen for longer than {@code memory} starts again from now.
     *
     * @param tripletKey at most 100 characters, e.g. a hash of client network, sender and recipient
     */
    Instant greylistSighting(String tripletKey, Instant now, Duration memory) throws StoreException;

    /**
     * Deletes the greylisting triplets last seen before {@code lastSeenBefore} (retention: such a
     * triplet would start again anyway once the greylisting memory has passed); returns how many.
     */
    long forgetGreylistBefore(Instant lastSeenBefore) throws StoreException;
}
