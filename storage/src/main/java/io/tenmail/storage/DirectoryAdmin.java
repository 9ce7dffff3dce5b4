package io.tenmail.storage;

import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AccountOrder;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.Alias;
import io.tenmail.storage.model.AliasId;
import io.tenmail.storage.model.AppPassword;
import io.tenmail.storage.model.AppPasswordId;
import io.tenmail.storage.model.Domain;
import io.tenmail.storage.model.DomainId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Group;
import io.tenmail.storage.model.GroupId;
import io.tenmail.storage.model.LastLogin;
import io.tenmail.storage.model.NewAppPassword;
import io.tenmail.storage.model.Page;
import io.tenmail.storage.model.PasswordPolicy;
import io.tenmail.storage.model.SpamListEntry;
import io.tenmail.storage.model.SpamPolicy;
import io.tenmail.storage.model.Protocol;
import io.tenmail.storage.model.SendPolicy;
import io.tenmail.storage.model.Tenant;
import io.tenmail.storage.model.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Management of the directory for the admin API and CLI. Every method that takes a
 * {@link TenantId} is scoped to it: an id belonging to another tenant is answered exactly like a
 * missing one ({@link StoreException.Reason#NOT_FOUND}). Platform-wide operations (tenants) take no
 * tenant. Each method is one transaction.
 *
 * <p>Reasons thrown: NOT_FOUND, ALREADY_EXISTS (an address or domain already taken, by any
 * tenant), INVALID (bad values, with a message naming the field), NOT_ALLOWED (a tenant limit
 * reached), TEMPORARY (database unavailable).
 */
public interface DirectoryAdmin {

    // tenants (platform administrator)
    Tenant createTenant(String name, long maxAccounts, long maxStorageBytes) throws StoreException;
    Tenant updateTenant(TenantId id, String name, long maxAccounts, long maxStorageBytes, boolean suspended) throws StoreException;
    Tenant tenant(TenantId id) throws StoreException;
    List<Tenant> tenants() throws StoreException;
    /** Deletes a tenant that owns no domains; IN_USE otherwise. */
    void deleteTenant(TenantId id) throws StoreException;

    // domains
    /** Creates a domain and, in the same transaction, its first DKIM key ({@link DkimKeys}). */
    Domain createDomain(TenantId tenant, String name) throws StoreException;
    Domain domain(TenantId tenant, DomainId id) throws StoreException;
    /** The domain with this name (or alias name) in any tenant, for the platform administrator. */
    Optional<Domain> findDomain(String name) throws StoreException;
    List<Domain> domains(TenantId tenant) throws StoreException;
    Domain addDomainAlias(TenantId tenant, DomainId id, String aliasName) throws StoreException;
    Domain removeDomainAlias(TenantId tenant, DomainId id, String aliasName) throws StoreException;
    Domain setCatchAll(TenantId tenant, DomainId id, Optional<EmailAddress> target) throws StoreException;
    /** Deletes a domain with no accounts, aliases or groups; IN_USE otherwise. */
    void deleteDomain(TenantId tenant, DomainId id) throws StoreException;

    // accounts
    Account createAccount(TenantId tenant, EmailAddress address, String displayName, String password, long quotaBytes) throws StoreException;
    Account account(TenantId tenant, AccountId id) throws StoreException;
    Optional<Account> findAccount(TenantId tenant, EmailAddress address) throws StoreException;
    /** Accounts whose address or display name contains {@code search} (case-insensitive; null for all), ordered by address. */
    default Page<Account> accounts(TenantId tenant, Optional<DomainId> domain, String search, int offset, int limit) throws StoreException {
        return accounts(tenant, domain, search, AccountOrder.BY_ADDRESS, offset, limit);
    }
    /**
     * Accounts whose address or display name contains {@code search} (case-insensitive; null for
     * all), in the given order (ties by address).
     */
    Page<Account> accounts(TenantId tenant, Optional<DomainId> domain, String search, AccountOrder order, int offset, int limit)
            throws StoreException;
    Account updateAccount(TenantId tenant, AccountId id, AccountChange change) throws StoreException;
    void setPassword(TenantId tenant, AccountId id, String newPassword) throws StoreException;
    /** Deletes the account, its mailboxes and messages, and removes it from groups and aliases. */
    void deleteAccount(TenantId tenant, AccountId id) throws StoreException;

    /** The fields of an account that can change; an empty Optional leaves the field as it is. */
    record AccountChange(Optional<String> displayName, Optional<Boolean> enabled, Optional<Long> quotaBytes,
                         Optional<Set<Protocol>> protocols, Optional<Boolean> appPasswordRequired) {
    }

    // app passwords
    NewAppPassword createAppPassword(TenantId tenant, AccountId account, String label, Set<Protocol> protocols,
                                     List<String> allowedNetworks, Optional<Instant> expires) throws StoreException;
    List<AppPassword> appPasswords(TenantId tenant, AccountId account) throws StoreException;
    void deleteAppPassword(TenantId tenant, AccountId account, AppPasswordId id) throws StoreException;

    // aliases
    Alias createAlias(TenantId tenant, EmailAddress address, List<EmailAddress> targets) throws StoreException;
    Alias alias(TenantId tenant, AliasId id) throws StoreException;
    List<Alias> aliases(TenantId tenant, Optional<DomainId> domain) throws StoreException;
    Alias updateAlias(TenantId tenant, AliasId id, List<EmailAddress> targets) throws StoreException;
    void deleteAlias(TenantId tenant, AliasId id) throws StoreException;

    // groups
    Group createGroup(TenantId tenant, EmailAddress address, String displayName, List<EmailAddress> members,
                      SendPolicy policy) throws StoreException;
    Group group(TenantId tenant, GroupId id) throws StoreException;
    List<Group> groups(TenantId tenant, Optional<DomainId> domain) throws StoreException;
    Group updateGroup(TenantId tenant, GroupId id, String displayName, List<EmailAddress> members,
                      SendPolicy policy) throws StoreException;
    void deleteGroup(TenantId tenant, GroupId id) throws StoreException;

    // console access (issue 6)

    /**
     * The enabled account of a non-suspended tenant whose account password (never an app password)
     * is {@code password}. Costs the same password-hash work whether or not the address exists.
     */
    Optional<Account> checkPassword(EmailAddress address, String password) throws StoreException;

    /** Appoints an account of the tenant to administer the tenant's domains; appointing twice is harmless. */
    void appointDomainAdmin(TenantId tenant, AccountId account) throws StoreException;
    /** Ends an appointment; NOT_FOUND when the account is not a domain administrator. */
    void dismissDomainAdmin(TenantId tenant, AccountId account) throws StoreException;
    /** The tenant's domain administrators, ordered by address. */
    List<Account> domainAdmins(TenantId tenant) throws StoreException;
    boolean isDomainAdmin(TenantId tenant, AccountId account) throws StoreException;

    /** The tenant's own password policy, which tightens the platform default; empty when it has none. */
    Optional<PasswordPolicy> passwordPolicy(TenantId tenant) throws StoreException;
    /** Sets (or with empty, removes) the tenant's password policy. */
    void setPasswordPolicy(TenantId tenant, Optional<PasswordPolicy> policy) throws StoreException;

    /** The account's last successful login per protocol (SMTP, IMAP, POP3, WEB), ordered by protocol. */
    List<LastLogin> lastLogins(TenantId tenant, AccountId account) throws StoreException;
    /** Records a successful login that did not go through {@code Directory.authenticate} (the console's: "WEB"). */
    void recordLogin(TenantId tenant, AccountId account, String protocol, Optional<String> clientAddress) throws StoreException;

    /** The bytes of mail the tenant's accounts hold together, for comparison with its storage limit. */
    long storageUsed(TenantId tenant) throws StoreException;

    // spam filtering (issue 7; the mail path reads these through SpamPolicies)
    /** The domain's spam policy; {@link SpamPolicy#DEFAULT} when none was set. */
    SpamPolicy spamPolicy(TenantId tenant, DomainId domain) throws StoreException;
    /** Sets the domain's spam policy. */
    void setSpamPolicy(TenantId tenant, DomainId domain, SpamPolicy policy) throws StoreException;
    /** The tenant's own allow/block list (account empty) or the account's, in the order given. */
    List<SpamListEntry> spamList(TenantId tenant, Optional<AccountId> account) throws StoreException;
    /** Replaces the tenant's (account empty) or the account's list; at most {@link #MAX_SPAM_LIST} entries, duplicates dropped. */
    void setSpamList(TenantId tenant, Optional<AccountId> account, List<SpamListEntry> entries) throws StoreException;
    /** The most entries one allow/block list may hold. */
    int MAX_SPAM_LIST = 1000;
}
