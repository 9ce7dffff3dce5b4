package io.tenmail.smtp.policy;

import io.tenmail.smtp.wire.Reply;

import java.util.Objects;

/**
 * A policy's answer: accept, with what was decided (the address to use), or refuse, with the reply
 * for the client and the reason for the log. Replies stay generic; the reason says which policy
 * refused and why (STYLE.md §6).
 *
 * @param <T> what an acceptance carries
 */
public sealed interface Verdict<T> {

    /** Accepted. */
    record Accept<T>(T value) implements Verdict<T> {
    }

    /** Refused: send {@code reply}, log {@code reason}. */
    record Refuse<T>(Reply reply, String reason) implements Verdict<T> {
        public Refuse {
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <T> Verdict<T> accept(T value) {
        return new Accept<>(value);
    }

    static <T> Verdict<T> refuse(Reply reply, String reason) {
        return new Refuse<>(reply, reason);
    }
}
