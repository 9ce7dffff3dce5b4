package io.tenmail.storage;

import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.Domain;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.SpamListEntry;
import io.tenmail.storage.model.SpamListEntry.Kind;
import io.tenmail.storage.model.SpamPolicy;
import io.tenmail.storage.model.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.tenmail.storage.StoreAssertions.assertInvalid;
import static io.tenmail.storage.StoreAssertions.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of the spam-filter data: {@link DirectoryAdmin}'s policy and list methods, and
 * {@link SpamPolicies} reading what they stored. Each test has a tenant and domain of its own.
 */
public abstract class SpamPoliciesContract {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    protected abstract DirectoryAdmin admin();

    protected abstract SpamPolicies policies();

    Tenant tenant;
    Domain domain;
    Account user;

    @BeforeEach
    void aTenantWithADomainAndAUser() throws StoreException {
        String n = "spam" + COUNTER.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100_000, 36);
        tenant = admin().createTenant("Tenant " + n, 0, 0);
        domain = admin().createDomain(tenant.id(), n + ".test");
        user = admin().createAccount(tenant.id(), new EmailAddress("user", domain.name()), "User", "secret-user-1", 0);
    }

    @Test
    void aDomainWithoutAPolicyHasTheDefault() throws StoreException {
        assertThat(admin().spamPolicy(tenant.id(), domain.id())).isEqualTo(SpamPolicy.DEFAULT);
        assertThat(policies().policyFor(domain.name())).isEqualTo(SpamPolicy.DEFAULT);
        assertThat(policies().policyFor("not-ours.example")).isEqualTo(SpamPolicy.DEFAULT);
    }

    @Test
    void aStoredPolicyIsReadBackByAdminAndMailPathAlsoUnderADomainAlias() throws StoreException {
        SpamPolicy strict = new SpamPolicy(true, false, true, false, true, false, true, 3.5, 8);
        admin().setSpamPolicy(tenant.id(), domain.id(), strict);
        admin().addDomainAlias(tenant.id(), domain.id(), "alias-" + domain.name());
        assertThat(admin().spamPolicy(tenant.id(), domain.id())).isEqualTo(strict);
        assertThat(policies().policyFor(domain.name().toUpperCase())).isEqualTo(strict);
        assertThat(policies().policyFor("alias-" + domain.name())).isEqualTo(strict);

        SpamPolicy changed = new SpamPolicy(false, false, false, false, false, false, false, 5, 5);
        admin().setSpamPolicy(tenant.id(), domain.id(), changed);
        assertThat(policies().policyFor(domain.name())).isEqualTo(changed);
    }

    @Test
    void anotherTenantsDomainIsNotFound() throws StoreException {
        Tenant other = admin().createTenant("Other " + domain.name(), 0, 0);
        assertNotFound(() -> admin().spamPolicy(other.id(), domain.id()));
        assertNotFound(() -> admin().setSpamPolicy(other.id(), domain.id(), SpamPolicy.DEFAULT));
        assertNotFound(() -> admin().spamList(other.id(), Optional.of(user.id())));
    }

    @Test
    void tenantAndUserListsAreKeptApartAndReplacedWhole() throws StoreException {
        List<SpamListEntry> tenantList = List.of(new SpamListEntry(Kind.BLOCK, "*@spam.example"), new SpamListEntry(Kind.ALLOW, "boss@partner.example"));
        admin().setSpamList(tenant.id(), Optional.empty(), tenantList);
        admin().setSpamList(tenant.id(), Optional.of(user.id()), List.of(new SpamListEntry(Kind.ALLOW, "friend@spam.example")));
        assertThat(admin().spamList(tenant.id(), Optional.empty())).isEqualTo(tenantList);
        assertThat(admin().spamList(tenant.id(), Optional.of(user.id()))).containsExactly(new SpamListEntry(Kind.ALLOW, "friend@spam.example"));

        var lists = policies().listsFor("USER@" + domain.name());
        assertThat(lists.tenant()).isEqualTo(tenantList);
        assertThat(lists.verdictFor("friend@spam.example")).contains(Kind.ALLOW);
        assertThat(lists.verdictFor("other@spam.example")).contains(Kind.BLOCK);
        assertThat(policies().listsFor("nobody@" + domain.name()).user()).isEmpty();
        assertThat(policies().listsFor("nobody@" + domain.name()).verdictFor("friend@spam.example")).contains(Kind.BLOCK);

        admin().setSpamList(tenant.id(), Optional.empty(), List.of());
        assertThat(admin().spamList(tenant.id(), Optional.empty())).isEmpty();
        assertThat(admin().spamList(tenant.id(), Optional.of(user.id()))).hasSize(1);
    }

    @Test
    void aListLongerThanTheLimitIsRefused() {
        List<SpamListEntry> many = IntStream.rangeClosed(0, DirectoryAdmin.MAX_SPAM_LIST)
                .mapToObj(i -> new SpamListEntry(Kind.BLOCK, "*@d" + i + ".example")).toList();
        assertInvalid("entries", () -> admin().setSpamList(tenant.id(), Optional.empty(), many));
    }

    @Test
    void listsGoWithTheirAccount() throws StoreException {
        admin().setSpamList(tenant.id(), Optional.of(user.id()), Collections.nCopies(2, new SpamListEntry(Kind.BLOCK, "x@y.example")));
        assertThat(admin().spamList(tenant.id(), Optional.of(user.id()))).hasSize(1);
        admin().deleteAccount(tenant.id(), user.id());
        assertThat(policies().listsFor("user@" + domain.name()).user()).isEmpty();
    }

    @Test
    void greylistingRemembersTheFirstSightingUntilTheTripletIsForgotten() throws StoreException {
        String key = "triplet-" + domain.name();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Duration memory = Duration.ofDays(36);
        assertThat(policies().greylistSighting(key, t0, memory)).isEqualTo(t0);
        assertThat(policies().greylistSighting(key, t0.plusSeconds(300), memory)).isEqualTo(t0);
        assertThat(policies().greylistSighting(key, t0.plus(Duration.ofDays(30)), memory)).isEqualTo(t0);
        Instant later = t0.plus(Duration.ofDays(70));
        assertThat(policies().greylistSighting(key, later, memory)).isEqualTo(later);
    }

    @Test
    void retentionForgetsOnlyTheTripletsLastSeenBeforeTheCutOff() throws StoreException {
        String old = "old-" + domain.name();
        String recent = "recent-" + domain.name();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Duration memory = Duration.ofDays(36);
        policies().greylistSighting(old, t0, memory);
        policies().greylistSighting(recent, t0, memory);
        policies().greylistSighting(recent, t0.plus(Duration.ofDays(20)), memory);   // seen again: kept

        assertThat(policies().forgetGreylistBefore(t0.plus(Duration.ofDays(10)))).isGreaterThanOrEqualTo(1);

        Instant now = t0.plus(Duration.ofDays(21));
        assertThat(policies().greylistSighting(recent, now, memory)).as("still remembered").isEqualTo(t0);
        assertThat(policies().greylistSighting(old, now, memory)).as("forgotten: a first sighting again").isEqualTo(now);
    }
}
