package io.tenmail.storage.jpa;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tenmail.storage.StoreAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

class ReadCacheTest {
    private final TestClock clock = TestClock.atSomeMoment();
    private final Generation generation = new Generation();
    private final ReadCache cache = new ReadCache(generation, Duration.ofSeconds(10), 3, clock);
    private final AtomicInteger reads = new AtomicInteger();

    private String read(String answer) {
        reads.incrementAndGet();
        return answer;
    }

    @Test
    void aSecondQuestionIsAnsweredWithoutReadingAgain() throws StoreException {
        assertThat(cache.get("k", () -> read("first"))).isEqualTo("first");
        assertThat(cache.get("k", () -> read("second"))).isEqualTo("first");
        assertThat(reads).hasValue(1);
    }

    @Test
    void differentKeysAreDifferentQuestions() throws StoreException {
        cache.get("a", () -> read("A"));
        assertThat(cache.get("b", () -> read("B"))).isEqualTo("B");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aChangeCommittedOnThisNodeIsSeenByTheVeryNextQuestion() throws StoreException {
        cache.get("k", () -> read("old"));
        generation.advance();
        assertThat(cache.get("k", () -> read("new"))).isEqualTo("new");
        assertThat(cache.get("k", () -> read("newer"))).isEqualTo("new");
    }

    @Test
    void anAnswerReadWhileTheDataChangedIsNeverServedAfterTheChange() throws StoreException {
        // the reader saw the old data, and the writer's commit advanced the generation before the reader stored it
        String answer = cache.get("k", () -> {
            String old = read("old");
            generation.advance();
            return old;
        });
        assertThat(answer).isEqualTo("old");   // the caller itself gets what it read
        assertThat(cache.get("k", () -> read("new"))).isEqualTo("new");
        assertThat(reads).hasValue(2);
    }

    @Test
    void anAnswerIsReadAgainOnceItsTimeToLiveHasPassed() throws StoreException {
        cache.get("k", () -> read("old"));
        clock.advance(Duration.ofSeconds(9));
        assertThat(cache.get("k", () -> read("other node's change"))).isEqualTo("old");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("k", () -> read("other node's change"))).isEqualTo("other node's change");
    }

    @Test
    void aFullCacheStartsOverInsteadOfGrowing() throws StoreException {
        for (String key : new String[] {"a", "b", "c", "d"}) cache.get(key, () -> read(key));
        assertThat(cache.size()).isLessThanOrEqualTo(3);
        assertThat(cache.get("d", () -> read("again"))).isEqualTo("d");
    }

    @Test
    void aZeroTimeToLiveReadsEveryTime() throws StoreException {
        ReadCache off = new ReadCache(generation, Duration.ZERO, 3, clock);
        off.get("k", () -> read("one"));
        assertThat(off.get("k", () -> read("two"))).isEqualTo("two");
        assertThat(off.size()).isZero();
    }

    @Test
    void aFailureIsNotRemembered() throws StoreException {
        assertFails(Reason.TEMPORARY, () -> cache.get("k", () -> {
            throw new StoreException(Reason.TEMPORARY, "database busy");
        }));
        assertThat(cache.get("k", () -> read("after"))).isEqualTo("after");
    }
}
