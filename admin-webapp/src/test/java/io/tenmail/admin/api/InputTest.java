package io.tenmail.admin.api;

import io.tenmail.admin.api.errors.InvalidInputException;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Protocol;
import io.tenmail.storage.model.SendPolicy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputTest {

    @Test
    void missingFieldIsNamed() {
        assertThatThrownBy(() -> Input.required("name", null)).isInstanceOf(InvalidInputException.class).hasMessage("name: is required");
    }

    @Test
    void addressErrorsNameTheFieldAndTheIndex() {
        assertThat(Input.address("address", " Bob@Example.TEST ").toString()).isEqualTo("Bob@example.test");
        assertThatThrownBy(() -> Input.address("address", "bob")).hasMessageStartingWith("address: ");
        assertThatThrownBy(() -> Input.addresses("targets", List.of("a@x.test", "b"), false)).hasMessageStartingWith("targets[1]: ");
        assertThatThrownBy(() -> Input.addresses("targets", List.of(), false)).hasMessageStartingWith("targets: ");
        assertThat(Input.addresses("members", List.of(), true)).isEmpty();
    }

    @Test
    void nullEntryInAListIsNamedByIndex() {
        assertThatThrownBy(() -> Input.addresses("members", Arrays.asList("a@x.test", null), true))
                .hasMessage("members[1]: is required");
    }

    @Test
    void negativeNumbersAreRefusedAndAbsentOnesDefault() {
        assertThat(Input.nonNegative("quotaBytes", null, 0)).isZero();
        assertThat(Input.nonNegative("quotaBytes", 5L, 0)).isEqualTo(5);
        assertThatThrownBy(() -> Input.nonNegative("quotaBytes", -1L, 0)).hasMessageStartingWith("quotaBytes: ");
        assertThatThrownBy(() -> Input.requiredNonNegative("maxAccounts", null)).hasMessageStartingWith("maxAccounts: ");
    }

    @Test
    void protocolsAndPoliciesAreCaseInsensitive() {
        assertThat(Input.protocols("protocols", List.of("imap", "Pop3"))).containsExactlyInAnyOrder(Protocol.IMAP, Protocol.POP3);
        assertThat(Input.sendPolicy("sendPolicy", "same_domain")).isEqualTo(SendPolicy.SAME_DOMAIN);
        assertThatThrownBy(() -> Input.protocols("protocols", List.of("SMTP", "X"))).hasMessageStartingWith("protocols[1]: ");
        assertThatThrownBy(() -> Input.sendPolicy("sendPolicy", "x")).hasMessageStartingWith("sendPolicy: ");
    }

    @Test
    void networksAreIpAddressesOrCidrBlocksWithoutDnsLookUps() {
        assertThat(Input.networks("n", List.of("192.0.2.1", "192.0.2.0/24", "0.0.0.0/0", "::1", "2001:db8::/32")))
                .hasSize(5);
        assertThat(Input.networks("n", null)).isEmpty();
        for (String bad : new String[] {"localhost", "example.com", "1234", "256.0.0.1", "10.0.0.0/33", "2001:db8::/129",
                "10.0.0.0/", "1.2.3.4/x", ":::", "abc", "::ffff:192.0.2.1", "fe80::1%eth0"}) {
            assertThatThrownBy(() -> Input.networks("n", List.of(bad))).as(bad).hasMessageStartingWith("n[0]: ");
        }
    }

    @Test
    void instantsAreIso8601WithZoneOrOffset() {
        assertThat(Input.instant("expires", "2030-01-02T03:04:05Z")).isEqualTo(Instant.parse("2030-01-02T03:04:05Z"));
        assertThat(Input.instant("expires", "2030-01-02T05:04:05+02:00")).isEqualTo(Instant.parse("2030-01-02T03:04:05Z"));
        assertThatThrownBy(() -> Input.instant("expires", "2030-01-02")).hasMessageStartingWith("expires: ");
    }

    @Test
    void queryNumbersAreBoundedAndNamed() {
        assertThat(Input.intParam("limit", null, 50, 1, 500)).isEqualTo(50);
        assertThat(Input.intParam("limit", "7", 50, 1, 500)).isEqualTo(7);
        assertThatThrownBy(() -> Input.intParam("limit", "0", 50, 1, 500)).hasMessageStartingWith("limit: ");
        assertThatThrownBy(() -> Input.intParam("limit", "x", 50, 1, 500)).hasMessageStartingWith("limit: ");
        assertThatThrownBy(() -> Input.idParam("tenant", "-1")).hasMessageStartingWith("tenant: ");
    }

    @Test
    void pathKeysThatCannotExistAreNotFound() {
        assertThatThrownBy(() -> Input.pathId("tenant", "x")).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
        assertThatThrownBy(() -> Input.pathAddress("account", "nobody")).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> Input.pathDomain("a..b")).isInstanceOf(StoreException.class);
    }
}
