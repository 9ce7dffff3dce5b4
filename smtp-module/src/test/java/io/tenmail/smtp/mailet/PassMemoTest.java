package io.tenmail.smtp.mailet;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PassMemoTest {
    @Test
    void outsideAPassEveryLookupAsksAgain() {
        AtomicInteger asked = new AtomicInteger();
        PassMemo.remembered("k", asked::incrementAndGet);
        PassMemo.remembered("k", asked::incrementAndGet);
        assertThat(asked).hasValue(2);
    }

    @Test
    void withinAPassALookupIsAskedOnceAndForgottenWhenThePassEnds() {
        AtomicInteger asked = new AtomicInteger();
        try (PassMemo.Pass pass = PassMemo.open()) {
            assertThat((int) PassMemo.remembered("k", asked::incrementAndGet)).isEqualTo(1);
            assertThat((int) PassMemo.remembered("k", asked::incrementAndGet)).isEqualTo(1);
            assertThat((int) PassMemo.remembered("other", asked::incrementAndGet)).isEqualTo(2);
        }
        assertThat((int) PassMemo.remembered("k", asked::incrementAndGet)).isEqualTo(3);
    }

    @Test
    void anInnerPassKeepsTheOuterOnesMemoUntilTheOuterEnds() {
        AtomicInteger asked = new AtomicInteger();
        try (PassMemo.Pass outer = PassMemo.open()) {
            PassMemo.remembered("k", asked::incrementAndGet);
            try (PassMemo.Pass inner = PassMemo.open()) {
                PassMemo.remembered("k", asked::incrementAndGet);
            }
            PassMemo.remembered("k", asked::incrementAndGet);
        }
        assertThat(asked).hasValue(1);
    }

    @Test
    void aLookupWithoutAnAnswerIsAskedAgain() {
        AtomicInteger asked = new AtomicInteger();
        try (PassMemo.Pass pass = PassMemo.open()) {
            PassMemo.remembered("k", () -> asked.incrementAndGet() > 0 ? null : "never");
            PassMemo.remembered("k", () -> asked.incrementAndGet() > 0 ? null : "never");
        }
        assertThat(asked).hasValue(2);
    }
}
