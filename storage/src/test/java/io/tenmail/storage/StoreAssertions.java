package io.tenmail.storage;

import io.tenmail.storage.StoreException.Reason;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Assertions on the {@link StoreException} a port call ends with. */
public final class StoreAssertions {
    private StoreAssertions() {
    }

    public static StoreException assertFails(Reason reason, ThrowingCallable call) {
        StoreException[] thrown = new StoreException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.reason()).as("reason of \"%s\"", e.getMessage()).isEqualTo(reason);
            thrown[0] = e;
        });
        return thrown[0];
    }

    /** INVALID, with a message that names {@code field} first. */
    public static void assertInvalid(String field, ThrowingCallable call) {
        assertThat(assertFails(Reason.INVALID, call).getMessage()).startsWith(field + ":");
    }

    public static void assertNotFound(ThrowingCallable call) {
        assertFails(Reason.NOT_FOUND, call);
    }
}
