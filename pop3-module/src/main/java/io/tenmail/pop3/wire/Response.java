package io.tenmail.pop3.wire;

/**
 * What the server sends for one command: a single status line ({@link Reply}), a status line with
 * a multi-line body held in memory ({@link MultiLine}: CAPA, LIST, UIDL), a status line with a
 * message streamed from storage ({@link MessageContent}: RETR, TOP), or a SASL challenge
 * ({@link Continuation}).
 */
public sealed interface Response permits Reply, MultiLine, MessageContent, Continuation {
}
