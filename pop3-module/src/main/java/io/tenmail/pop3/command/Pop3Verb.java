package io.tenmail.pop3.command;

import io.tenmail.pop3.session.Pop3State;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.tenmail.pop3.session.Pop3State.AUTHORIZATION;
import static io.tenmail.pop3.session.Pop3State.TRANSACTION;

/**
 * The commands we implement and the states they are valid in (RFC 1939 §4-§7, RFC 2449 §5 CAPA,
 * RFC 2595 §4 STLS, RFC 5034 §4 AUTH). APOP is not offered (no timestamp in the greeting), so it
 * is an unknown command. Nothing is valid in UPDATE: the connection closes right after QUIT.
 */
public enum Pop3Verb {
    CAPA(EnumSet.of(AUTHORIZATION, TRANSACTION)),
    QUIT(EnumSet.of(AUTHORIZATION, TRANSACTION)),
    STLS(EnumSet.of(AUTHORIZATION)),
    USER(EnumSet.of(AUTHORIZATION)),
    PASS(EnumSet.of(AUTHORIZATION)),
    AUTH(EnumSet.of(AUTHORIZATION)),
    STAT(EnumSet.of(TRANSACTION)),
    LIST(EnumSet.of(TRANSACTION)),
    RETR(EnumSet.of(TRANSACTION)),
    DELE(EnumSet.of(TRANSACTION)),
    NOOP(EnumSet.of(TRANSACTION)),
    RSET(EnumSet.of(TRANSACTION)),
    TOP(EnumSet.of(TRANSACTION)),
    UIDL(EnumSet.of(TRANSACTION));

    private static final Map<String, Pop3Verb> BY_KEYWORD =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

    final Set<Pop3State> allowedIn;

    Pop3Verb(Set<Pop3State> allowedIn) {
        this.allowedIn = allowedIn;
    }

    public boolean allowedIn(Pop3State state) {
        return allowedIn.contains(state);
    }

    /** The verb for an upper-case keyword, or null. */
    public static Pop3Verb forKeyword(String keyword) {
        return BY_KEYWORD.get(keyword);
    }
}
