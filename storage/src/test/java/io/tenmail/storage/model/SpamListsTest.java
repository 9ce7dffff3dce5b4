package io.tenmail.storage.model;

import io.tenmail.storage.model.SpamListEntry.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpamListsTest {

    private static SpamListEntry allow(String p) {
        return new SpamListEntry(Kind.ALLOW, p);
    }

    private static SpamListEntry block(String p) {
        return new SpamListEntry(Kind.BLOCK, p);
    }

    @Test
    void anAddressPatternMatchesThatAddressInAnyCase() {
        assertThat(allow("Boss@Partner.Example").matches("boss@partner.EXAMPLE")).isTrue();
        assertThat(allow("boss@partner.example").matches("other@partner.example")).isFalse();
    }

    @Test
    void aDomainPatternMatchesEveryAddressOfThatDomainButNotItsSubdomains() {
        SpamListEntry e = block("*@spam.example");
        assertThat(e.isDomain()).isTrue();
        assertThat(e.matches("anyone@spam.example")).isTrue();
        assertThat(e.matches("anyone@sub.spam.example")).isFalse();
        assertThat(e.matches("")).isFalse();
    }

    @Test
    void patternsThatAreNeitherAnAddressNorADomainAreRefused() {
        for (String bad : List.of("", "spam.example", "@spam.example", "user@", "a*b@spam.example", "*@localhost", "*@*.example", "a b@x.example")) {
            assertThatThrownBy(() -> block(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theUsersOwnListComesBeforeTheTenants() {
        SpamLists lists = new SpamLists(List.of(block("*@partner.example")), List.of(allow("*@partner.example")));
        assertThat(lists.verdictFor("x@partner.example")).contains(Kind.ALLOW);
    }

    @Test
    void anExactAddressComesBeforeItsDomain() {
        SpamLists lists = new SpamLists(List.of(block("*@partner.example"), allow("boss@partner.example")), List.of());
        assertThat(lists.verdictFor("boss@partner.example")).contains(Kind.ALLOW);
        assertThat(lists.verdictFor("intern@partner.example")).contains(Kind.BLOCK);
    }

    @Test
    void blockWinsAtEqualSpecificityAndTheNullSenderMatchesNothing() {
        SpamLists lists = new SpamLists(List.of(allow("a@b.example"), block("a@b.example")), List.of());
        assertThat(lists.verdictFor("a@b.example")).contains(Kind.BLOCK);
        assertThat(lists.verdictFor("")).isEmpty();
        assertThat(SpamLists.NONE.verdictFor("a@b.example")).isEmpty();
    }

    @Test
    void thresholdsMustBeOrderedAndInRange() {
        assertThatThrownBy(() -> new SpamPolicy(true, true, true, true, true, true, false, 10, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpamPolicy(true, true, true, true, true, true, false, -1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpamPolicy(true, true, true, true, true, true, false, 5, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SpamPolicy.DEFAULT.enables(SpamCheck.GREYLISTING)).isFalse();
        assertThat(SpamPolicy.DEFAULT.enables(SpamCheck.SPF)).isTrue();
        assertThat(SpamCheck.ofKey("Greylisting")).contains(SpamCheck.GREYLISTING);
    }
}
