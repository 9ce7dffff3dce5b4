package io.tenmail.admin.api.errors;

import io.tenmail.storage.StoreException.Reason;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCodesTest {
    @Test
    void theRefusalsTheConsoleShowsMostGetSpecificCodesNamingTheValue() {
        assertThat(ErrorCodes.of(Reason.ALREADY_EXISTS, "name: the domain name example.com is already taken"))
                .isEqualTo(new ErrorCodes.Coded("domain.exists", Map.of("name", "example.com")));
        assertThat(ErrorCodes.of(Reason.ALREADY_EXISTS, "domain example.com already exists"))
                .isEqualTo(new ErrorCodes.Coded("domain.exists", Map.of("name", "example.com")));
        assertThat(ErrorCodes.of(Reason.ALREADY_EXISTS, "name: a tenant named Acme Ltd is already taken"))
                .isEqualTo(new ErrorCodes.Coded("tenant.exists", Map.of("name", "Acme Ltd")));
        assertThat(ErrorCodes.of(Reason.ALREADY_EXISTS, "address: the address bob@example.com is already taken"))
                .isEqualTo(new ErrorCodes.Coded("address.exists", Map.of("address", "bob@example.com")));
        assertThat(ErrorCodes.of(Reason.IN_USE, "domain example.com still has accounts, aliases or groups"))
                .isEqualTo(new ErrorCodes.Coded("domain.in-use", Map.of("name", "example.com")));
    }

    @Test
    void otherRefusalsGetTheirKindWithFieldAndDetail() {
        assertThat(ErrorCodes.of(Reason.INVALID, "quotaBytes: must not be negative"))
                .isEqualTo(new ErrorCodes.Coded("invalid", Map.of("field", "quotaBytes", "detail", "must not be negative")));
        assertThat(ErrorCodes.of(Reason.NOT_ALLOWED, "tenant limit of 10 accounts reached").code()).isEqualTo("limit-reached");
        assertThat(ErrorCodes.of(500, "internal error, ref 0a1b2c").params()).containsEntry("ref", "0a1b2c");
        assertThat(ErrorCodes.of(401, "wrong token").code()).isEqualTo("unauthenticated");
    }

    @Test
    void everyCodeGivenIsListed() {
        for (Reason r : Reason.values()) assertThat(ErrorCodes.CODES).contains(ErrorCodes.of(r, "x").code());
        for (int status = 400; status < 600; status++) assertThat(ErrorCodes.CODES).contains(ErrorCodes.of(status, "x").code());
    }
}
