package io.tenmail.storage;

import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.AuthResult;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.GroupId;
import io.tenmail.storage.model.Protocol;
import io.tenmail.storage.model.Resolution;

import java.net.InetAddress;
import java.util.Optional;

/**
 * What the protocol servers ask of the user directory: who is logging in, where does mail for an
 * address go, and who may send as or post to what. Thread-safe; every method is one short read
 * (authenticate also records the use of an app password).
 */
public interface Directory {

    /**
     * Checks a login. {@code user} is the full address (or an address in a domain alias); the
     * secret is the account password or one of its app passwords valid for {@code protocol} and
     * {@code client}. Honours disabled accounts and tenants, protocol switches and the
     * "app password required" flag. Never says whether the user exists.
     */
    AuthResult authenticate(String user, String secret, Protocol protocol, InetAddress client) throws StoreException;

    /**
     * Expands a recipient through domain aliases, aliases, groups and catch-all, de-duplicating
     * accounts and external addresses. Expansion stops at a bounded depth and never visits an
     * address twice, so alias loops end (the looping branch contributes nothing).
     */
    Resolution resolve(EmailAddress recipient) throws StoreException;

    /** Whether {@code sender} may post to {@code group} under the group's sending policy. */
    boolean mayPost(GroupId group, EmailAddress sender) throws StoreException;

    /**
     * Whether the account may use {@code from} as envelope sender: its own address (in any alias
     * domain), an alias that leads to it, or a group it belongs to that allows members to post.
     */
    boolean maySendAs(AccountId account, EmailAddress from) throws StoreException;

    /** The account with this address (domain aliases followed), if any. */
    Optional<Account> findAccount(EmailAddress address) throws StoreException;

    /** The account by id, if it exists. */
    Optional<Account> findAccount(AccountId id) throws StoreException;
}
