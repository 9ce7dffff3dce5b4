package io.tenmail.storage;

import io.tenmail.storage.DirectoryAdmin.AccountChange;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AppPassword;
import io.tenmail.storage.model.AuthResult;
import io.tenmail.storage.model.AuthResult.Failure;
import io.tenmail.storage.model.Domain;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Group;
import io.tenmail.storage.model.GroupId;
import io.tenmail.storage.model.NewAppPassword;
import io.tenmail.storage.model.Principal;
import io.tenmail.storage.model.Protocol;
import io.tenmail.storage.model.Resolution;
import io.tenmail.storage.model.Resolution.Kind;
import io.tenmail.storage.model.SendPolicy;
import io.tenmail.storage.model.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static io.tenmail.storage.StoreAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link Directory}, run against every implementation; the directory is set up
 * through {@link DirectoryAdmin}. Tests share one store, so each works in a tenant of its own.
 */
public abstract class DirectoryContract {

    protected abstract Directory directory();

    protected abstract DirectoryAdmin admin();

    /** Moves the clock both ports read forward; the fixture puts it back before the next test. */
    protected abstract void timePasses(Duration duration);

    private static final InetAddress CLIENT = ip("192.0.2.10");
    private static final String PASSWORD = "correct horse battery staple";

    protected static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);   // a literal: no DNS
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    protected static EmailAddress address(String a) {
        return EmailAddress.parse(a);
    }

    Tenant tenant;
    Domain domain;
    String aliasDomain;
    Account bob;

    @BeforeEach
    void aTenantWithAnAccount() throws StoreException {
        tenant = admin().createTenant(DirectoryAdminContract.unique("Tenant "), 0, 0);
        domain = admin().createDomain(tenant.id(), DirectoryAdminContract.unique("d") + ".test");
        aliasDomain = DirectoryAdminContract.unique("alias") + ".test";
        admin().addDomainAlias(tenant.id(), domain.id(), aliasDomain);
        bob = admin().createAccount(tenant.id(), at("Bob"), "Bob", PASSWORD, 0);
    }

    EmailAddress at(String localPart) {
        return new EmailAddress(localPart, domain.name());
    }

    Account account(String localPart) throws StoreException {
        return admin().createAccount(tenant.id(), at(localPart), localPart, PASSWORD, 0);
    }

    AuthResult login(String user, String secret, Protocol protocol) throws StoreException {
        return directory().authenticate(user, secret, protocol, CLIENT);
    }

    void change(AccountChange change) throws StoreException {
        admin().updateAccount(tenant.id(), bob.id(), change);
    }

    static AccountChange enabled(boolean enabled) {
        return new AccountChange(Optional.empty(), Optional.of(enabled), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static AccountChange protocols(Set<Protocol> protocols) {
        return new AccountChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(protocols), Optional.empty());
    }

    static AccountChange appPasswordRequired(boolean required) {
        return new AccountChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(required));
    }

    NewAppPassword appPassword(Set<Protocol> protocols, List<String> networks, Optional<Instant> expires) throws StoreException {
        return admin().createAppPassword(tenant.id(), bob.id(), "client", protocols, networks, expires);
    }

    @Nested
    class Authentication {
        @Test
        void theRightPasswordLogsIn() throws StoreException {
            AuthResult r = login(bob.address().toString(), PASSWORD, Protocol.IMAP);
            assertThat(r.succeeded()).isTrue();
            assertThat(r.failure()).isEqualTo(Failure.NONE);
            assertThat(r.principal()).contains(new Principal(bob.id(), tenant.id(), bob.address()));
        }

        @Test
        void theLoginNameIgnoresCaseAndAcceptsDomainAliases() throws StoreException {
            assertThat(login(bob.address().toString().toUpperCase(Locale.ROOT), PASSWORD, Protocol.SMTP).succeeded()).isTrue();
            AuthResult viaAlias = login("bob@" + aliasDomain, PASSWORD, Protocol.POP3);
            assertThat(viaAlias.principal().map(Principal::address)).contains(bob.address());
        }

        @Test
        void aWrongPasswordAndAnUnknownUserFailAlike() throws StoreException {
            assertThat(login(bob.address().toString(), PASSWORD + "!", Protocol.IMAP)).isEqualTo(AuthResult.failure(Failure.BAD_CREDENTIALS));
            assertThat(login("nobody@" + domain.name(), PASSWORD, Protocol.IMAP)).isEqualTo(AuthResult.failure(Failure.BAD_CREDENTIALS));
            assertThat(login("bob@unknown-domain.example", PASSWORD, Protocol.IMAP)).isEqualTo(AuthResult.failure(Failure.BAD_CREDENTIALS));
            assertThat(login("not an address", PASSWORD, Protocol.IMAP)).isEqualTo(AuthResult.failure(Failure.BAD_CREDENTIALS));
            assertThat(login(null, null, Protocol.IMAP)).isEqualTo(AuthResult.failure(Failure.BAD_CREDENTIALS));
            assertThat(login(bob.address().toString(), "", Protocol.IMAP)).isEqualTo(AuthResult.failure(Failure.BAD_CREDENTIALS));
        }

        @Test
        void anAliasOrGroupAddressIsNoLoginName() throws StoreException {
            admin().createAlias(tenant.id(), at("bobby"), List.of(bob.address()));
            admin().createGroup(tenant.id(), at("team"), "", List.of(bob.address()), SendPolicy.ANYONE);
            assertThat(login("bobby@" + domain.name(), PASSWORD, Protocol.IMAP).failure()).isEqualTo(Failure.BAD_CREDENTIALS);
            assertThat(login("team@" + domain.name(), PASSWORD, Protocol.IMAP).failure()).isEqualTo(Failure.BAD_CREDENTIALS);
        }

        @Test
        void aDisabledAccountIsReportedOnlyToWhoKnowsThePassword() throws StoreException {
            change(enabled(false));
            assertThat(login(bob.address().toString(), PASSWORD, Protocol.IMAP).failure()).isEqualTo(Failure.DISABLED);
            assertThat(login(bob.address().toString(), "guess", Protocol.IMAP).failure()).isEqualTo(Failure.BAD_CREDENTIALS);
        }

        @Test
        void aSuspendedTenantsAccountsAreDisabled() throws StoreException {
            admin().updateTenant(tenant.id(), tenant.name(), 0, 0, true);
            assertThat(login(bob.address().toString(), PASSWORD, Protocol.SMTP).failure()).isEqualTo(Failure.DISABLED);
            admin().updateTenant(tenant.id(), tenant.name(), 0, 0, false);
            assertThat(login(bob.address().toString(), PASSWORD, Protocol.SMTP).succeeded()).isTrue();
        }

        @Test
        void aProtocolSwitchedOffIsRefused() throws StoreException {
            change(protocols(EnumSet.of(Protocol.IMAP)));
            assertThat(login(bob.address().toString(), PASSWORD, Protocol.POP3).failure()).isEqualTo(Failure.PROTOCOL_DISABLED);
            assertThat(login(bob.address().toString(), PASSWORD, Protocol.SMTP).failure()).isEqualTo(Failure.PROTOCOL_DISABLED);
            assertThat(login(bob.address().toString(), PASSWORD, Protocol.IMAP).succeeded()).isTrue();
            assertThat(login(bob.address().toString(), "guess", Protocol.POP3).failure()).isEqualTo(Failure.BAD_CREDENTIALS);
        }

        @Test
        void theAccountPasswordIsRefusedWhenAppPasswordsAreRequired() throws StoreException {
            change(appPasswordRequired(true));
            assertThat(login(bob.address().toString(), PASSWORD, Protocol.IMAP).failure()).isEqualTo(Failure.APP_PASSWORD_REQUIRED);
            assertThat(login(bob.address().toString(), "guess", Protocol.IMAP).failure()).isEqualTo(Failure.BAD_CREDENTIALS);
            String secret = appPassword(EnumSet.of(Protocol.IMAP), List.of(), Optional.empty()).secret();
            assertThat(login(bob.address().toString(), secret, Protocol.IMAP).succeeded()).isTrue();
        }

        @Test
        void aNewPasswordReplacesTheOld() throws StoreException {
            admin().setPassword(tenant.id(), bob.id(), "new password");
            assertThat(login(bob.address().toString(), PASSWORD, Protocol.IMAP).failure()).isEqualTo(Failure.BAD_CREDENTIALS);
            assertThat(login(bob.address().toString(), "new password", Protocol.IMAP).succeeded()).isTrue();
        }

        // a directory may remember a password it verified recently (JpaDirectory does): a change
        // made after a successful login must still count at the very next one

        @Test
        void aRecentlyVerifiedPasswordMustStillBeGivenRight() throws StoreException {
            assertThat(login(bob.address().toString(), PASSWORD, Protocol.IMAP).succeeded()).isTrue();
            assertThat(login(bob.address().toString(), PASSWORD + "x", Protocol.IMAP).failure()).isEqualTo(Failure.BAD_CREDENTIALS);
            assertThat(login(bob.address().toString(), "", Protocol.IMAP).failure()).isEqualTo(Failure.BAD_CREDENTIALS);
            assertThat(login(bob.address().toString(), PASSWORD, Protocol.IMAP).succeeded()).isTrue();
        }

        @Test
        void aNewPasswordReplacesTheOldAtTheNextLogin() throws StoreException {
            assertThat(login(bob.address().toString(), PASSWORD, Protocol.IMAP).succeeded()).isTrue();
            admin().setPassword(tenant.id(), bob.id(), "new password");
            assertThat(login(bob.address().toString(), PASSWORD, Protocol.IMAP).failure()).isEqualTo(Failure.BAD_CREDENTIALS);
            assertThat(login(bob.address().toString(), "new password", Protocol.IMAP).succeeded()).isTrue();
            admin().setPassword(tenant.id(), bob.id(), PASSWORD);
            assertThat(login(bob.address().toString(), "new password", Protocol.IMAP).failure()).isEqualTo(Failure.BAD_CREDENTIALS);
        }

        @Test
        void disablingAnAccountOrItsProtocolCountsAtTheNextLogin() throws StoreException {
            String user = bob.address().toString();
            assertThat(login(user, PASSWORD, Protocol.POP3).succeeded()).isTrue();
            change(protocols(EnumSet.of(Protocol.IMAP)));
            assertThat(login(user, PASSWORD, Protocol.POP3).failure()).isEqualTo(Failure.PROTOCOL_DISABLED);
            assertThat(login(user, PASSWORD, Protocol.IMAP).succeeded()).isTrue();
            change(appPasswordRequired(true));
            assertThat(login(user, PASSWORD, Protocol.IMAP).failure()).isEqualTo(Failure.APP_PASSWORD_REQUIRED);
            change(appPasswordRequired(false));
            change(enabled(false));
            assertThat(login(user, PASSWORD, Protocol.IMAP).failure()).isEqualTo(Failure.DISABLED);
        }

        @Test
        void aDeletedAccountCannotLogIn() throws StoreException {
            admin().deleteAccount(tenant.id(), bob.id());
            assertThat(login(bob.address().toString(), PASSWORD, Protocol.IMAP).failure()).isEqualTo(Failure.BAD_CREDENTIALS);
        }
    }

    @Nested
    class AppPasswords {
        @Test
        void anAppPasswordLogsInWithOrWithoutSpacesAndItsUseIsRecorded() throws StoreException {
            NewAppPassword p = appPassword(EnumSet.of(Protocol.IMAP, Protocol.SMTP), List.of(), Optional.empty());
            AuthResult r = directory().authenticate(bob.address().toString(), p.secret(), Protocol.IMAP, ip("2001:db8::7"));
            assertThat(r.principal()).contains(new Principal(bob.id(), tenant.id(), bob.address()));
            assertThat(login(bob.address().toString(), p.secret().replace(" ", "").toUpperCase(Locale.ROOT), Protocol.SMTP).succeeded()).isTrue();
            AppPassword.LastUse last = admin().appPasswords(tenant.id(), bob.id()).get(0).lastUse().orElseThrow();
            assertThat(last.protocol()).isEqualTo(Protocol.SMTP);
            assertThat(last.clientAddress()).isEqualTo(CLIENT.getHostAddress());
            assertThat(last.at()).isNotNull();
        }

        @Test
        void anAppPasswordWorksOnlyForItsProtocols() throws StoreException {
            String secret = appPassword(EnumSet.of(Protocol.IMAP), List.of(), Optional.empty()).secret();
            assertThat(login(bob.address().toString(), secret, Protocol.POP3).failure()).isEqualTo(Failure.BAD_CREDENTIALS);
            assertThat(admin().appPasswords(tenant.id(), bob.id()).get(0).lastUse()).as("a refused use is no use").isEmpty();
        }

        @Test
        void anAppPasswordWorksOnlyFromItsNetworks() throws StoreException {
            String secret = appPassword(EnumSet.of(Protocol.IMAP), List.of("192.0.2.0/28", "2001:db8:1::/48"), Optional.empty()).secret();
            String user = bob.address().toString();
            assertThat(directory().authenticate(user, secret, Protocol.IMAP, ip("192.0.2.15")).succeeded()).isTrue();
            assertThat(directory().authenticate(user, secret, Protocol.IMAP, ip("2001:db8:1:ff::1")).succeeded()).isTrue();
            assertThat(directory().authenticate(user, secret, Protocol.IMAP, ip("192.0.2.16")).failure()).isEqualTo(Failure.BAD_CREDENTIALS);
            assertThat(directory().authenticate(user, secret, Protocol.IMAP, ip("2001:db8:2::1")).failure()).isEqualTo(Failure.BAD_CREDENTIALS);
        }

        @Test
        void anExpiredAppPasswordNoLongerWorks() throws StoreException {
            String secret = appPassword(EnumSet.of(Protocol.IMAP), List.of(), Optional.of(Instant.now().plus(Duration.ofHours(1)))).secret();
            assertThat(login(bob.address().toString(), secret, Protocol.IMAP).succeeded()).isTrue();
            timePasses(Duration.ofHours(2));
            assertThat(login(bob.address().toString(), secret, Protocol.IMAP).failure()).isEqualTo(Failure.BAD_CREDENTIALS);
        }

        @Test
        void aDeletedAppPasswordNoLongerWorks() throws StoreException {
            NewAppPassword p = appPassword(EnumSet.of(Protocol.IMAP), List.of(), Optional.empty());
            assertThat(login(bob.address().toString(), p.secret(), Protocol.IMAP).succeeded()).isTrue();
            admin().deleteAppPassword(tenant.id(), bob.id(), p.appPassword().id());
            assertThat(login(bob.address().toString(), p.secret(), Protocol.IMAP).failure()).isEqualTo(Failure.BAD_CREDENTIALS);
        }

        @Test
        void anAppPasswordBelongsToOneAccount() throws StoreException {
            account("ann");
            String secret = appPassword(EnumSet.of(Protocol.IMAP), List.of(), Optional.empty()).secret();
            assertThat(login(at("ann").toString(), secret, Protocol.IMAP).failure()).isEqualTo(Failure.BAD_CREDENTIALS);
        }

        @Test
        void anAppPasswordStillObeysTheAccountsSwitches() throws StoreException {
            String secret = appPassword(EnumSet.of(Protocol.IMAP, Protocol.POP3), List.of(), Optional.empty()).secret();
            change(protocols(EnumSet.of(Protocol.IMAP)));
            assertThat(login(bob.address().toString(), secret, Protocol.POP3).failure()).isEqualTo(Failure.PROTOCOL_DISABLED);
            change(enabled(false));
            assertThat(login(bob.address().toString(), secret, Protocol.IMAP).failure()).isEqualTo(Failure.DISABLED);
        }
    }

    @Nested
    class Resolving {
        Resolution resolve(String address) throws StoreException {
            return directory().resolve(address(address));
        }

        @Test
        void anAccountResolvesToItselfInEveryDomainName() throws StoreException {
            Resolution r = resolve("BOB@" + aliasDomain);
            assertThat(r.kind()).isEqualTo(Kind.LOCAL);
            assertThat(r.accounts()).containsExactly(bob.id());
            assertThat(r.external()).isEmpty();
        }

        @Test
        void unknownAndForeignAddressesAreToldApart() throws StoreException {
            assertThat(resolve("nobody@" + domain.name()).kind()).isEqualTo(Kind.UNKNOWN_LOCAL);
            assertThat(resolve("nobody@" + aliasDomain).kind()).isEqualTo(Kind.UNKNOWN_LOCAL);
            assertThat(resolve("bob@elsewhere.example").kind()).isEqualTo(Kind.NOT_LOCAL);
        }

        @Test
        void aliasesGroupsAndAliasesAreFollowedToEveryMailboxOnce() throws StoreException {
            Account ann = account("ann");
            admin().createAlias(tenant.id(), at("robert"), List.of(bob.address()));
            Group team = admin().createGroup(tenant.id(), at("team"), "", List.of(at("robert"), ann.address(),
                    address("guest@elsewhere.example"), new EmailAddress("bob", aliasDomain)), SendPolicy.ANYONE);
            admin().createAlias(tenant.id(), at("sales"), List.of(at("team"), ann.address(), address("Guest@elsewhere.example")));
            Resolution r = resolve("sales@" + domain.name());
            assertThat(r.kind()).isEqualTo(Kind.LOCAL);
            assertThat(r.accounts()).containsExactlyInAnyOrder(bob.id(), ann.id());
            assertThat(r.external()).containsExactly(address("guest@elsewhere.example"));
            assertThat(r.groups()).containsExactly(team.id());
        }

        @Test
        void aliasLoopsEnd() throws StoreException {
            var a = admin().createAlias(tenant.id(), at("a"), List.of(bob.address()));
            admin().createAlias(tenant.id(), at("b"), List.of(at("a")));
            admin().createAlias(tenant.id(), at("c"), List.of(at("b")));
            admin().updateAlias(tenant.id(), a.id(), List.of(at("c"), bob.address()));
            assertThat(resolve("c@" + domain.name()).accounts()).containsExactly(bob.id());
        }

        @Test
        void groupsContainingEachOtherEnd() throws StoreException {
            Account ann = account("ann");
            Group g1 = admin().createGroup(tenant.id(), at("g1"), "", List.of(bob.address()), SendPolicy.ANYONE);
            Group g2 = admin().createGroup(tenant.id(), at("g2"), "", List.of(at("g1"), ann.address()), SendPolicy.ANYONE);
            admin().updateGroup(tenant.id(), g1.id(), "", List.of(bob.address(), at("g2")), SendPolicy.ANYONE);
            Resolution r = resolve("g1@" + domain.name());
            assertThat(r.accounts()).containsExactlyInAnyOrder(bob.id(), ann.id());
            assertThat(r.groups()).containsExactly(g1.id(), g2.id());
        }

        @Test
        void theCatchAllTakesOnlyUnknownLocalParts() throws StoreException {
            Account postmaster = account("postmaster");
            admin().setCatchAll(tenant.id(), domain.id(), Optional.of(postmaster.address()));
            assertThat(resolve("whoever@" + aliasDomain).accounts()).containsExactly(postmaster.id());
            assertThat(resolve("bob@" + domain.name()).accounts()).containsExactly(bob.id());
        }

        @Test
        void aDisabledAccountReceivesNothing() throws StoreException {
            Account ann = account("ann");
            admin().createAlias(tenant.id(), at("both"), List.of(bob.address(), ann.address()));
            admin().setCatchAll(tenant.id(), domain.id(), Optional.of(ann.address()));
            change(enabled(false));
            assertThat(resolve(bob.address().toString()).kind()).isEqualTo(Kind.UNKNOWN_LOCAL);
            assertThat(resolve("both@" + domain.name()).accounts()).containsExactly(ann.id());
        }

        @Test
        void addressesInAnotherTenantAreDeliveredThere() throws StoreException {
            Tenant other = admin().createTenant(DirectoryAdminContract.unique("Other "), 0, 0);
            Domain otherDomain = admin().createDomain(other.id(), DirectoryAdminContract.unique("o") + ".test");
            Account carol = admin().createAccount(other.id(), new EmailAddress("carol", otherDomain.name()), "", PASSWORD, 0);
            admin().createAlias(tenant.id(), at("to-carol"), List.of(carol.address()));
            assertThat(resolve("to-carol@" + domain.name()).accounts()).containsExactly(carol.id());
        }
    }

    @Nested
    class SendingRights {
        @Test
        void mayPostFollowsTheGroupsPolicy() throws StoreException {
            Account ann = account("ann");
            GroupId members = admin().createGroup(tenant.id(), at("members"), "", List.of(ann.address()), SendPolicy.MEMBERS).id();
            GroupId sameDomain = admin().createGroup(tenant.id(), at("staff"), "", List.of(), SendPolicy.SAME_DOMAIN).id();
            GroupId anyone = admin().createGroup(tenant.id(), at("open"), "", List.of(), SendPolicy.ANYONE).id();
            assertThat(directory().mayPost(members, ann.address())).isTrue();
            assertThat(directory().mayPost(members, bob.address())).isFalse();
            assertThat(directory().mayPost(sameDomain, new EmailAddress("anyone", aliasDomain))).isTrue();
            assertThat(directory().mayPost(sameDomain, address("anyone@elsewhere.example"))).isFalse();
            assertThat(directory().mayPost(anyone, address("anyone@elsewhere.example"))).isTrue();
        }

        @Test
        void mayPostToAnUnknownGroupIsNotFound() {
            assertFails(Reason.NOT_FOUND, () -> directory().mayPost(new GroupId(Long.MAX_VALUE), bob.address()));
        }

        @Test
        void anAccountMaySendAsItselfItsAliasesAndItsGroups() throws StoreException {
            Account ann = account("ann");
            admin().createAlias(tenant.id(), at("robert"), List.of(bob.address()));
            admin().createGroup(tenant.id(), at("team"), "", List.of(bob.address()), SendPolicy.MEMBERS);
            assertThat(directory().maySendAs(bob.id(), new EmailAddress("BOB", aliasDomain))).isTrue();
            assertThat(directory().maySendAs(bob.id(), at("robert"))).isTrue();
            assertThat(directory().maySendAs(bob.id(), at("team"))).isTrue();
            assertThat(directory().maySendAs(ann.id(), at("robert"))).isFalse();
            assertThat(directory().maySendAs(ann.id(), at("team"))).isFalse();
            assertThat(directory().maySendAs(bob.id(), ann.address())).isFalse();
            assertThat(directory().maySendAs(bob.id(), address("bob@elsewhere.example"))).isFalse();
        }
    }

    @Nested
    class Lookups {
        @Test
        void anAccountIsFoundByAddressInAnyDomainNameAndById() throws StoreException {
            Account current = admin().account(tenant.id(), bob.id());
            assertThat(directory().findAccount(new EmailAddress("bOb", aliasDomain))).contains(current);
            assertThat(directory().findAccount(bob.id())).contains(current);
        }

        @Test
        void missingAccountsAreEmpty() throws StoreException {
            admin().createAlias(tenant.id(), at("alias"), List.of(bob.address()));
            assertThat(directory().findAccount(at("nobody"))).isEmpty();
            assertThat(directory().findAccount(at("alias"))).as("an alias is no account").isEmpty();
            assertThat(directory().findAccount(new io.tenmail.storage.model.AccountId(Long.MAX_VALUE))).isEmpty();
        }
    }
}
