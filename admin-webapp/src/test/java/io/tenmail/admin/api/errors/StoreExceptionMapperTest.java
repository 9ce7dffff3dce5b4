package io.tenmail.admin.api.errors;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.admin.api.dto.ErrorDto;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoreExceptionMapperTest {

    @Test
    void everyReasonHasItsStatus() {
        Map<Reason, Integer> expected = new EnumMap<>(Reason.class);
        expected.put(Reason.NOT_FOUND, 404);
        expected.put(Reason.ALREADY_EXISTS, 409);
        expected.put(Reason.IN_USE, 409);
        expected.put(Reason.NOT_ALLOWED, 409);
        expected.put(Reason.OVER_QUOTA, 409);
        expected.put(Reason.INVALID, 400);
        expected.put(Reason.TOO_BIG, 413);
        expected.put(Reason.TEMPORARY, 503);
        assertThat(expected).hasSize(Reason.values().length);
        expected.forEach((reason, status) -> assertThat(StoreExceptionMapper.status(reason)).as(reason.name()).isEqualTo(status));
    }

    @Test
    void temporaryFailureHidesTheDatabaseDetails() {
        Response r = new StoreExceptionMapper().toResponse(
                new StoreException(Reason.TEMPORARY, "Connection to db.internal:5432 refused"));
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(((ErrorDto) r.getEntity()).error()).doesNotContain("db.internal").contains("ref ");
        assertThat(r.getHeaderString("Retry-After")).isNotNull();
    }

    @Test
    void otherReasonsKeepTheStoreMessage() {
        Response r = new StoreExceptionMapper().toResponse(new StoreException(Reason.ALREADY_EXISTS, "domain x.test already exists"));
        assertThat(((ErrorDto) r.getEntity()).error()).isEqualTo("domain x.test already exists");
    }
}
