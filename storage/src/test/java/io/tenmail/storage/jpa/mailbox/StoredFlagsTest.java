package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.Flags.SystemFlag;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredFlagsTest {

    @Test
    void systemFlagBitsAreFixedBecauseTheyAreInTheDatabase() {
        assertThat(StoredFlags.bits(Flags.of(SystemFlag.SEEN))).isEqualTo(1);
        assertThat(StoredFlags.bits(Flags.of(SystemFlag.ANSWERED))).isEqualTo(2);
        assertThat(StoredFlags.bits(Flags.of(SystemFlag.FLAGGED))).isEqualTo(4);
        assertThat(StoredFlags.bits(Flags.of(SystemFlag.DELETED))).isEqualTo(8);
        assertThat(StoredFlags.bits(Flags.of(SystemFlag.DRAFT))).isEqualTo(16);
    }

    @Test
    void everyCombinationRoundTrips() throws StoreException {
        for (int bits = 0; bits < 32; bits++) {
            Flags flags = StoredFlags.decode(bits, "$Forwarded Work");
            assertThat(StoredFlags.bits(flags)).isEqualTo(bits);
            assertThat(StoredFlags.keywords(flags)).isEqualTo("$Forwarded Work");
            assertThat(StoredFlags.decode(StoredFlags.bits(flags), StoredFlags.keywords(flags))).isEqualTo(flags);
        }
    }

    @Test
    void noKeywordsIsNull() throws StoreException {
        assertThat(StoredFlags.keywords(Flags.of(SystemFlag.SEEN))).isNull();
        assertThat(StoredFlags.decode(0, null)).isEqualTo(Flags.NONE);
    }

    @Test
    void keywordsAreStoredInCaseInsensitiveOrder() throws StoreException {
        assertThat(StoredFlags.keywords(new Flags(EnumSet.noneOf(SystemFlag.class), Set.of("b", "A", "c")))).isEqualTo("A b c");
    }

    @Test
    void keywordsWithWhiteSpaceOrTooManyCannotBeStored() {
        assertThatThrownBy(() -> StoredFlags.keywords(new Flags(Set.of(), Set.of("two words"))))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
        Set<String> many = new HashSet<>();
        for (int i = 0; i < 100; i++) many.add("keyword-number-" + i + "-" + "x".repeat(30));
        assertThatThrownBy(() -> StoredFlags.keywords(new Flags(Set.of(), many)))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
    }
}
