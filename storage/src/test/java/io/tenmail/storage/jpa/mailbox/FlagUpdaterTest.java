package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.model.FlagUpdate;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.Flags.SystemFlag;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FlagUpdaterTest {
    private static final Flags CURRENT = new Flags(Set.of(SystemFlag.SEEN, SystemFlag.FLAGGED), Set.of("$Label1", "Work"));

    @Test
    void addUnitesAndKeepsTheExistingSpellingOfAKeyword() {
        Flags next = FlagUpdater.apply(FlagUpdate.ADD, CURRENT, new Flags(Set.of(SystemFlag.DELETED), Set.of("$LABEL1", "New")));
        assertThat(next.system()).containsExactlyInAnyOrder(SystemFlag.SEEN, SystemFlag.FLAGGED, SystemFlag.DELETED);
        assertThat(next.keywords()).containsExactly("$Label1", "New", "Work");
    }

    @Test
    void removeTakesAwayIgnoringCase() {
        Flags next = FlagUpdater.apply(FlagUpdate.REMOVE, CURRENT, new Flags(Set.of(SystemFlag.SEEN), Set.of("work", "absent")));
        assertThat(next).isEqualTo(new Flags(Set.of(SystemFlag.FLAGGED), Set.of("$Label1")));
    }

    @Test
    void replaceSetsExactlyTheGivenFlagsButKeepsTheSpellingOfKeywordsItAlreadyHad() {
        Flags next = FlagUpdater.apply(FlagUpdate.REPLACE, CURRENT, new Flags(Set.of(SystemFlag.ANSWERED), Set.of("WORK", "Other")));
        assertThat(next.system()).containsExactly(SystemFlag.ANSWERED);
        assertThat(next.keywords()).containsExactly("Other", "Work");
        assertThat(FlagUpdater.apply(FlagUpdate.REPLACE, CURRENT, Flags.NONE)).isEqualTo(Flags.NONE);
    }
}
