package io.tenmail.storage.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The secret of an app password ("authorization code"): 16 lower-case letters from a
 * {@link SecureRandom}, shown to the user once as four groups ({@code "abcd efgh ijkl mnop"}).
 * Clients may send it with or without the spaces and in any case.
 *
 * <p>Why a plain SHA-256 is the right hash here, unlike for account passwords: a slow hash such
 * as Argon2 exists to make guessing a <em>human-chosen</em> password expensive after a database
 * leak. These secrets are chosen by the server with 16 * log2(26) = 75 bits of entropy, so even
 * at billions of SHA-256 guesses per second a leaked hash cannot be reversed in any useful time.
 * A deterministic hash also lets a login find the matching row by an index lookup instead of
 * running one slow hash per app password of the account, which would hand attackers a cheap way
 * to burn server CPU.
 */
public final class AppPasswordSecret {
    public static final int LETTERS = 16;
    private static final int GROUP = 4;

    private AppPasswordSecret() {
    }

    /** A new secret in its display form, four groups of four letters separated by spaces. */
    public static String generate(SecureRandom random) {
        StringBuilder s = new StringBuilder(LETTERS + LETTERS / GROUP);
        for (int i = 0; i < LETTERS; i++) {
            if (i > 0 && i % GROUP == 0) s.append(' ');
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    /**
     * The canonical 16 letters of what a client sent, if it has the shape of an app password
     * (spaces and case ignored); empty for anything else, which then can only be an account password.
     */
    public static Optional<String> canonical(String typed) {
        if (typed == null) return Optional.empty();
        StringBuilder s = new StringBuilder(LETTERS);
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == ' ') continue;
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower < 'a' || lower > 'z' || s.length() == LETTERS) return Optional.empty();
            s.append(lower);
        }
        return s.length() == LETTERS ? Optional.of(s.toString()) : Optional.empty();
    }

    /** The stored form: lower-case hex SHA-256 of the canonical letters. */
    public static String hash(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
