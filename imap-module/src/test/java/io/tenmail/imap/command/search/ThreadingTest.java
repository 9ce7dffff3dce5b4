package io.tenmail.imap.command.search;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 5256 §3 threading, rendered as RFC 5256 §4 thread lists. */
class ThreadingTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    /** Message {@code n} (also its sequence number), sent {@code minute} minutes after T0. */
    private static ThreadMessage msg(int n, String id, String subject, int minute, String... refs) {
        return new ThreadMessage(n, n, id, Arrays.asList(refs), BaseSubject.of(subject), T0.plusSeconds(60L * minute));
    }

    private static String references(ThreadMessage... messages) {
        List<ThreadMessage> inMailboxOrder = new ArrayList<>(List.of(messages));
        inMailboxOrder.sort(Comparator.comparingInt(ThreadMessage::seq));
        return ThreadNode.render(Threading.references(inMailboxOrder));
    }

    private static String orderedSubject(ThreadMessage... messages) {
        return ThreadNode.render(Threading.orderedSubject(List.of(messages)));
    }

    @Test
    void referencesBuildsTheTreeOfTheRfcExample() {
        // RFC 5256 §4: "(2)(3 6 (4 23)(44 7 96))"
        assertThat(references(
                msg(2, "a2", "alpha", 1),
                msg(3, "a3", "beta", 2),
                msg(4, "a4", "Re: beta", 4, "a3", "a6"),
                msg(6, "a6", "Re: beta", 3, "a3"),
                msg(7, "a7", "Re: beta", 7, "a3", "a6", "a44"),
                msg(23, "a23", "Re: beta", 5, "a3", "a6", "a4"),
                msg(44, "a44", "Re: beta", 6, "a3", "a6"),
                msg(96, "a96", "Re: beta", 8, "a3", "a6", "a44", "a7")))
                .isEqualTo("(2)(3 6 (4 23)(44 7 96))");
    }

    @Test
    void truncatedReferencesStillFindTheirThread() {
        // 3 names only its parent; the parent's own References place it under 1
        assertThat(references(msg(1, "a", "x", 1), msg(2, "b", "Re: x", 2, "a"), msg(3, "c", "Re: x", 3, "b")))
                .isEqualTo("(1 2 3)");
    }

    @Test
    void inReplyToIsUsedWhenThereAreNoReferences() {
        ThreadMessage reply = ThreadMessage.of(2, 2, "<b@x>", null, "<a@x> (sent by someone) <zzz@x>", "other", T0.plusSeconds(60));
        assertThat(reply.references()).containsExactly("a@x");
        ThreadMessage withBoth = ThreadMessage.of(3, 3, "<c@x>", "<a@x>\r\n <b@x>", "<q@x>", "other", T0);
        assertThat(withBoth.references()).containsExactly("a@x", "b@x");
        assertThat(references(new ThreadMessage(1, 1, "a@x", List.of(), BaseSubject.of("first"), T0), reply)).isEqualTo("(1 2)");
    }

    @Test
    void aMissingParentWithSeveralRepliesStaysAsADummyAtTheRoot() {
        // (4B): a dummy in the root set keeps two or more children; no number is shown for it
        assertThat(references(msg(1, "b", "one", 1, "missing"), msg(2, "c", "two", 2, "missing"))).isEqualTo("((1)(2))");
    }

    @Test
    void aMissingParentWithOneReplyIsPruned() {
        assertThat(references(msg(1, "b", "one", 1, "missing"))).isEqualTo("(1)");
        // and a dummy inside a thread hands its children to its parent
        assertThat(references(msg(1, "a", "x", 1), msg(2, "c", "Re: x", 2, "a", "gone"), msg(3, "d", "Re: x", 3, "a", "gone")))
                .isEqualTo("(1 (2)(3))");
    }

    @Test
    void repliesWithoutReferencesAreMergedByBaseSubject() {
        // (6C): a reply goes under the thread whose top message is no reply
        assertThat(references(msg(1, "a", "hello", 1), msg(2, "b", "Re: hello", 2))).isEqualTo("(1 2)");
        assertThat(references(msg(1, "a", "Re: hello", 1), msg(2, "b", "hello", 2))).isEqualTo("(2 1)");
    }

    @Test
    void twoOriginalsWithTheSameSubjectShareANewDummy() {
        assertThat(references(msg(1, "a", "hello", 1), msg(2, "b", "hello", 2), msg(3, "c", "other", 3)))
                .isEqualTo("((1)(2))(3)");
    }

    @Test
    void emptySubjectsAreNeverMerged() {
        assertThat(references(msg(1, "a", "", 1), msg(2, "b", "Re:", 2))).isEqualTo("(1)(2)");
    }

    @Test
    void referenceLoopsAreBroken() {
        assertThat(references(msg(1, "a", "x", 2, "b"), msg(2, "b", "y", 1, "a"))).isEqualTo("(2 1)");
        assertThat(references(msg(1, "a", "x", 1, "a"))).isEqualTo("(1)");
    }

    @Test
    void duplicateAndMissingMessageIdsMakeSeparateThreads() {
        assertThat(references(msg(1, "a", "one", 1), msg(2, "a", "two", 2), msg(3, null, "three", 3)))
                .isEqualTo("(1)(2)(3)");
    }

    @Test
    void siblingsAreOrderedBySentDateThenMailboxOrder() {
        assertThat(references(msg(1, "a", "x", 1), msg(2, "b", "Re: x", 9, "a"), msg(3, "c", "Re: x", 5, "a"),
                msg(4, "d", "Re: x", 5, "a"))).isEqualTo("(1 (3)(4)(2))");
        // threads by their first message; a dummy by its earliest child
        assertThat(references(msg(1, "a", "late", 10), msg(2, "b", "p", 7, "gone"), msg(3, "c", "q", 3, "gone")))
                .isEqualTo("((3)(2))(1)");
    }

    @Test
    void orderedSubjectGroupsByBaseSubjectUnderTheFirstMessage() {
        // RFC 5256 §3 ORDEREDSUBJECT, cf. the §4 example "(174 (175)(176)(178)(181)(180))(194 195)"
        assertThat(orderedSubject(
                msg(1, null, "b", 1),
                msg(2, null, "a", 2),
                msg(3, null, "Re: a", 3),
                msg(4, null, "re: B", 0),
                msg(5, null, "[fwd: a]", 4),
                msg(6, null, "c", 5)))
                .isEqualTo("(4 1)(2 (3)(5))(6)");
    }

    @Test
    void noMessagesNoThreads() {
        assertThat(references()).isEmpty();
        assertThat(orderedSubject()).isEmpty();
    }
}
