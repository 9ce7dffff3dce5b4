package io.tenmail.smtp.spam.bayes;

import io.tenmail.smtp.spam.bayes.JunkTraining.Lesson;
import io.tenmail.storage.model.SpecialUse;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user's copy or move teaches the classifier. */
class JunkTrainingTest {
    private static final Optional<SpecialUse> INBOX = Optional.empty();
    private static final Optional<SpecialUse> JUNK = Optional.of(SpecialUse.JUNK);
    private static final Optional<SpecialUse> TRASH = Optional.of(SpecialUse.TRASH);
    private static final Optional<SpecialUse> ARCHIVE = Optional.of(SpecialUse.ARCHIVE);

    @Test
    void intoJunkFromAnywhereElseIsSpam() {
        assertThat(Lesson.of(INBOX, JUNK)).isEqualTo(Lesson.SPAM);
        assertThat(Lesson.of(TRASH, JUNK)).isEqualTo(Lesson.SPAM);
        assertThat(Lesson.of(ARCHIVE, JUNK)).isEqualTo(Lesson.SPAM);
    }

    @Test
    void outOfJunkIsHamUnlessIntoTrash() {
        assertThat(Lesson.of(JUNK, INBOX)).isEqualTo(Lesson.HAM);
        assertThat(Lesson.of(JUNK, ARCHIVE)).isEqualTo(Lesson.HAM);
        assertThat(Lesson.of(JUNK, TRASH)).as("deleting spam says nothing about it").isEqualTo(Lesson.NONE);
    }

    @Test
    void movesThatDoNotTouchJunkTeachNothing() {
        assertThat(Lesson.of(INBOX, ARCHIVE)).isEqualTo(Lesson.NONE);
        assertThat(Lesson.of(INBOX, TRASH)).isEqualTo(Lesson.NONE);
        assertThat(Lesson.of(JUNK, JUNK)).isEqualTo(Lesson.NONE);
    }

    @Test
    void theSameFeaturesInAnyOrderNameTheSameMessage() {
        assertThat(DatabaseTokenStatistics.digest(Set.of("a", "b", "c"))).isEqualTo(DatabaseTokenStatistics.digest(Set.of("c", "a", "b")))
                .isNotEqualTo(DatabaseTokenStatistics.digest(Set.of("a", "bc")));
    }
}
