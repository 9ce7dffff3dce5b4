package io.tenmail.storage.directory;

import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.GroupId;
import io.tenmail.storage.model.Resolution;
import io.tenmail.storage.model.Resolution.Kind;
import io.tenmail.storage.model.SendPolicy;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientResolverTest {
    private final InMemoryDirectory dir = new InMemoryDirectory().withDomain("example.test", "example-alias.test").withDomain("other.test");
    private final RecipientResolver resolver = new RecipientResolver(dir);

    private Resolution resolve(String address) {
        return resolver.resolve(EmailAddress.parse(address));
    }

    private static EmailAddress a(String address) {
        return EmailAddress.parse(address);
    }

    @Nested
    class Accounts {
        @Test
        void anAccountResolvesToItself() {
            AccountId bob = dir.account("bob@example.test");
            Resolution r = resolve("bob@example.test");
            assertThat(r.kind()).isEqualTo(Kind.LOCAL);
            assertThat(r.accounts()).containsExactly(bob);
            assertThat(r.external()).isEmpty();
            assertThat(r.groups()).isEmpty();
        }

        @Test
        void theLocalPartIsCaseInsensitive() {
            AccountId bob = dir.account("Bob@example.test");
            assertThat(resolve("BOB@Example.Test").accounts()).containsExactly(bob);
        }

        @Test
        void aDomainAliasNameReachesTheSameAccount() {
            AccountId bob = dir.account("bob@example.test");
            assertThat(resolve("bob@example-alias.test").accounts()).containsExactly(bob);
        }

        @Test
        void anUnknownLocalPartIsUnknownLocal() {
            assertThat(resolve("nobody@example.test").kind()).isEqualTo(Kind.UNKNOWN_LOCAL);
        }

        @Test
        void aForeignDomainIsNotLocal() {
            assertThat(resolve("someone@elsewhere.test").kind()).isEqualTo(Kind.NOT_LOCAL);
        }

        @Test
        void aDisabledAccountAddressedDirectlyIsUnknown() {
            dir.account("gone@example.test", false);
            assertThat(resolve("gone@example.test")).isEqualTo(Resolution.unknownLocal());
        }

        @Test
        void aDisabledAccountIsSkippedInAnExpansion() {
            dir.account("gone@example.test", false);
            AccountId ann = dir.account("ann@example.test");
            dir.alias("team@example.test", "gone@example.test", "ann@example.test");
            assertThat(resolve("team@example.test").accounts()).containsExactly(ann);
        }
    }

    @Nested
    class Aliases {
        @Test
        void anAliasExpandsToLocalAndExternalTargets() {
            AccountId bob = dir.account("bob@example.test");
            dir.alias("info@example.test", "bob@example.test", "Partner@Elsewhere.test");
            Resolution r = resolve("info@example.test");
            assertThat(r.kind()).isEqualTo(Kind.LOCAL);
            assertThat(r.accounts()).containsExactly(bob);
            assertThat(r.external()).containsExactly(a("Partner@elsewhere.test"));
        }

        @Test
        void anAliasMayPointOnlyOutside() {
            dir.alias("fwd@example.test", "me@elsewhere.test");
            Resolution r = resolve("fwd@example.test");
            assertThat(r.kind()).isEqualTo(Kind.LOCAL);
            assertThat(r.accounts()).isEmpty();
            assertThat(r.external()).containsExactly(a("me@elsewhere.test"));
        }

        @Test
        void aliasesToGroupsToAliasesAreFollowed() {
            AccountId bob = dir.account("bob@example.test");
            AccountId ann = dir.account("ann@other.test");
            dir.alias("bobby@example.test", "bob@example.test");
            GroupId team = dir.group("team@example.test", SendPolicy.ANYONE, "bobby@example.test", "ann@other.test");
            dir.alias("sales@example.test", "team@example.test");
            Resolution r = resolve("sales@example.test");
            assertThat(r.accounts()).containsExactlyInAnyOrder(bob, ann);
            assertThat(r.groups()).containsExactly(team);
        }

        @Test
        void targetsInADomainAliasAreReadAsTheDomain() {
            AccountId bob = dir.account("bob@example.test");
            dir.alias("b@other.test", "BOB@example-alias.test");
            assertThat(resolve("b@other.test").accounts()).containsExactly(bob);
        }

        @Test
        void duplicatesAreDeliveredOnce() {
            AccountId bob = dir.account("bob@example.test");
            dir.alias("x@example.test", "bob@example.test", "bob@example-alias.test", "BOB@example.test", "out@elsewhere.test");
            dir.alias("y@example.test", "x@example.test", "bob@example.test", "OUT@elsewhere.test", "out@ELSEWHERE.test");
            Resolution r = resolve("y@example.test");
            assertThat(r.accounts()).containsExactly(bob);
            assertThat(r.external()).containsExactly(a("out@elsewhere.test"));
        }

        @Test
        void anAliasLoopEndsAndTheLoopingBranchAddsNothing() {
            AccountId bob = dir.account("bob@example.test");
            dir.alias("a@example.test", "b@example.test");
            dir.alias("b@example.test", "c@example.test", "bob@example.test");
            dir.alias("c@example.test", "a@example.test");
            Resolution r = resolve("a@example.test");
            assertThat(r.kind()).isEqualTo(Kind.LOCAL);
            assertThat(r.accounts()).containsExactly(bob);
        }

        @Test
        void anAliasLoopWithNoMailboxIsUnknownLocal() {
            dir.alias("a@example.test", "b@example.test");
            dir.alias("b@example.test", "c@example.test");
            dir.alias("c@example.test", "a@example.test");
            assertThat(resolve("a@example.test").kind()).isEqualTo(Kind.UNKNOWN_LOCAL);
        }

        @Test
        void expansionStopsAtTheDepthBound() {
            AccountId bob = dir.account("bob@example.test");
            int chain = RecipientResolver.MAX_DEPTH + 5;
            for (int i = 0; i < chain; i++) dir.alias("hop" + i + "@example.test", "hop" + (i + 1) + "@example.test");
            dir.alias("hop" + chain + "@example.test", "bob@example.test");
            assertThat(resolve("hop0@example.test").kind()).isEqualTo(Kind.UNKNOWN_LOCAL);
            assertThat(resolve("hop" + (chain - RecipientResolver.MAX_DEPTH + 1) + "@example.test").accounts()).containsExactly(bob);
        }
    }

    @Nested
    class Groups {
        @Test
        void aGroupReachesEveryMemberOnceAndIsReported() {
            AccountId bob = dir.account("bob@example.test");
            AccountId ann = dir.account("ann@example.test");
            GroupId all = dir.group("all@example.test", SendPolicy.MEMBERS, "bob@example.test", "ann@example.test",
                    "Bob@example-alias.test", "guest@elsewhere.test");
            Resolution r = resolve("all@example.test");
            assertThat(r.accounts()).containsExactlyInAnyOrder(bob, ann);
            assertThat(r.external()).containsExactly(a("guest@elsewhere.test"));
            assertThat(r.groups()).containsExactly(all);
        }

        @Test
        void nestedGroupsAreAllReported() {
            AccountId bob = dir.account("bob@example.test");
            AccountId ann = dir.account("ann@example.test");
            GroupId inner = dir.group("inner@example.test", SendPolicy.ANYONE, "ann@example.test");
            GroupId outer = dir.group("outer@example.test", SendPolicy.ANYONE, "bob@example.test", "inner@example.test");
            Resolution r = resolve("outer@example.test");
            assertThat(r.accounts()).containsExactlyInAnyOrder(bob, ann);
            assertThat(r.groups()).containsExactly(outer, inner);
        }

        @Test
        void aGroupContainingItselfIsExpandedOnce() {
            AccountId bob = dir.account("bob@example.test");
            GroupId self = dir.group("self@example.test", SendPolicy.ANYONE, "self@example.test", "bob@example.test", "SELF@example-alias.test");
            Resolution r = resolve("self@example.test");
            assertThat(r.accounts()).containsExactly(bob);
            assertThat(r.groups()).containsExactly(self);
        }

        @Test
        void twoGroupsContainingEachOtherEnd() {
            AccountId bob = dir.account("bob@example.test");
            AccountId ann = dir.account("ann@example.test");
            GroupId g1 = dir.group("g1@example.test", SendPolicy.ANYONE, "g2@example.test", "bob@example.test");
            GroupId g2 = dir.group("g2@example.test", SendPolicy.ANYONE, "g1@example.test", "ann@example.test");
            Resolution r = resolve("g1@example.test");
            assertThat(r.accounts()).containsExactlyInAnyOrder(bob, ann);
            assertThat(r.groups()).containsExactly(g1, g2);
        }

        @Test
        void aGroupOfOnlyDisabledAccountsIsUnknownLocal() {
            dir.account("gone@example.test", false);
            dir.group("ghosts@example.test", SendPolicy.ANYONE, "gone@example.test");
            assertThat(resolve("ghosts@example.test").kind()).isEqualTo(Kind.UNKNOWN_LOCAL);
        }

        @Test
        void anEmptyGroupIsUnknownLocal() {
            dir.group("empty@example.test", SendPolicy.ANYONE);
            assertThat(resolve("empty@example.test").kind()).isEqualTo(Kind.UNKNOWN_LOCAL);
        }
    }

    @Nested
    class CatchAll {
        @Test
        void catchAllTakesUnknownLocalParts() {
            AccountId postmaster = dir.account("postmaster@example.test");
            dir.catchAll("example.test", "postmaster@example.test");
            assertThat(resolve("whoever@example.test").accounts()).containsExactly(postmaster);
            assertThat(resolve("whoever@example-alias.test").accounts()).containsExactly(postmaster);
        }

        @Test
        void catchAllDoesNotTakeAddressesThatExist() {
            dir.account("postmaster@example.test");
            AccountId bob = dir.account("bob@example.test");
            dir.catchAll("example.test", "postmaster@example.test");
            assertThat(resolve("bob@example.test").accounts()).containsExactly(bob);
        }

        @Test
        void catchAllDoesNotTakeMailForADisabledAccount() {
            dir.account("postmaster@example.test");
            dir.account("gone@example.test", false);
            dir.catchAll("example.test", "postmaster@example.test");
            assertThat(resolve("gone@example.test").kind()).isEqualTo(Kind.UNKNOWN_LOCAL);
        }

        @Test
        void catchAllMayForwardOutside() {
            dir.catchAll("example.test", "archive@elsewhere.test");
            Resolution r = resolve("whoever@example.test");
            assertThat(r.kind()).isEqualTo(Kind.LOCAL);
            assertThat(r.external()).containsExactly(a("archive@elsewhere.test"));
        }

        @Test
        void catchAllPointingAtAnUnknownAddressOfItsOwnDomainEnds() {
            dir.catchAll("example.test", "nobody@example.test");
            assertThat(resolve("whoever@example.test").kind()).isEqualTo(Kind.UNKNOWN_LOCAL);
        }

        @Test
        void anotherDomainsCatchAllDoesNotApply() {
            dir.account("postmaster@other.test");
            dir.catchAll("other.test", "postmaster@other.test");
            assertThat(resolve("whoever@example.test").kind()).isEqualTo(Kind.UNKNOWN_LOCAL);
        }
    }

    @Nested
    class MayPost {
        @Test
        void anyoneMayPostToAnOpenGroup() {
            GroupId g = dir.group("open@example.test", SendPolicy.ANYONE);
            assertThat(resolver.mayPost(dir.groupEntry(g), a("stranger@elsewhere.test"))).isTrue();
        }

        @Test
        void sameDomainAcceptsTheDomainAndItsAliasNamesOnly() {
            GroupId g = dir.group("staff@example.test", SendPolicy.SAME_DOMAIN);
            assertThat(resolver.mayPost(dir.groupEntry(g), a("anyone@example.test"))).isTrue();
            assertThat(resolver.mayPost(dir.groupEntry(g), a("anyone@EXAMPLE-alias.test"))).isTrue();
            assertThat(resolver.mayPost(dir.groupEntry(g), a("anyone@other.test"))).isFalse();
            assertThat(resolver.mayPost(dir.groupEntry(g), a("anyone@elsewhere.test"))).isFalse();
        }

        @Test
        void membersOnlyAcceptsListedAddressesInAnySpelling() {
            dir.account("bob@example.test");
            dir.account("eve@example.test");
            GroupId g = dir.group("board@example.test", SendPolicy.MEMBERS, "bob@example.test", "guest@elsewhere.test");
            assertThat(resolver.mayPost(dir.groupEntry(g), a("BOB@example-alias.test"))).isTrue();
            assertThat(resolver.mayPost(dir.groupEntry(g), a("Guest@elsewhere.test"))).isTrue();
            assertThat(resolver.mayPost(dir.groupEntry(g), a("eve@example.test"))).isFalse();
            assertThat(resolver.mayPost(dir.groupEntry(g), a("board@example.test"))).as("the group itself").isFalse();
        }

        @Test
        void membersOnlyAcceptsMembersOfNestedGroupsAndAccountsBehindAliases() {
            dir.account("bob@example.test");
            dir.account("ann@example.test");
            dir.alias("robert@example.test", "bob@example.test");
            dir.group("inner@example.test", SendPolicy.ANYONE, "ann@example.test");
            GroupId g = dir.group("outer@example.test", SendPolicy.MEMBERS, "robert@example.test", "inner@example.test");
            assertThat(resolver.mayPost(dir.groupEntry(g), a("bob@example.test"))).isTrue();
            assertThat(resolver.mayPost(dir.groupEntry(g), a("ann@example.test"))).isTrue();
        }
    }

    @Nested
    class MaySendAs {
        @Test
        void anAccountMaySendAsItselfInAnyDomainAliasName() {
            AccountId bob = dir.account("bob@example.test");
            assertThat(resolver.maySendAs(bob, a("Bob@example.test"))).isTrue();
            assertThat(resolver.maySendAs(bob, a("bob@example-alias.test"))).isTrue();
        }

        @Test
        void anAccountMayNotSendAsAnotherAccount() {
            AccountId bob = dir.account("bob@example.test");
            dir.account("ann@example.test");
            assertThat(resolver.maySendAs(bob, a("ann@example.test"))).isFalse();
            assertThat(resolver.maySendAs(bob, a("bob@elsewhere.test"))).isFalse();
        }

        @Test
        void anAccountMaySendAsAnAliasLeadingToIt() {
            AccountId bob = dir.account("bob@example.test");
            AccountId ann = dir.account("ann@example.test");
            dir.alias("robert@example.test", "bob@example.test");
            dir.alias("bobby@example.test", "robert@example.test");
            assertThat(resolver.maySendAs(bob, a("bobby@example.test"))).isTrue();
            assertThat(resolver.maySendAs(ann, a("bobby@example.test"))).isFalse();
        }

        @Test
        void aGroupMemberMaySendAsTheGroupOnlyIfItsPolicyLetsThemPost() {
            AccountId bob = dir.account("bob@example.test");
            AccountId eve = dir.account("eve@example.test");
            dir.group("team@example.test", SendPolicy.MEMBERS, "bob@example.test");
            dir.group("announce@example.test", SendPolicy.ANYONE, "bob@example.test");
            assertThat(resolver.maySendAs(bob, a("team@example.test"))).isTrue();
            assertThat(resolver.maySendAs(eve, a("team@example.test"))).isFalse();
            assertThat(resolver.maySendAs(bob, a("announce@example.test"))).isTrue();
            assertThat(resolver.maySendAs(eve, a("announce@example.test"))).as("not a member").isFalse();
        }

        @Test
        void aCatchAllGivesNoRightToSend() {
            AccountId postmaster = dir.account("postmaster@example.test");
            dir.catchAll("example.test", "postmaster@example.test");
            assertThat(resolver.maySendAs(postmaster, a("whoever@example.test"))).isFalse();
        }
    }
}
