package io.tenmail.storage.model;

import java.util.Optional;

/**
 * The least a new password must be: a minimum length (in Unicode code points) and a minimum number
 * of character classes among lower-case letters, upper-case letters, digits and everything else.
 * The platform sets a default; a tenant may only tighten it ({@link #tightenedBy}).
 *
 * @param minLength  at least this many characters, 1..1024
 * @param minClasses at least this many of the four classes, 1..4
 */
public record PasswordPolicy(int minLength, int minClasses) {
    public static final int MAX_LENGTH = 1024;
    public static final int CLASSES = 4;

    public PasswordPolicy {
        if (minLength < 1 || minLength > MAX_LENGTH) throw new IllegalArgumentException("minLength must be 1.." + MAX_LENGTH + ": " + minLength);
        if (minClasses < 1 || minClasses > CLASSES) throw new IllegalArgumentException("minClasses must be 1.." + CLASSES + ": " + minClasses);
    }

    /** The stricter of this policy and {@code other} in each dimension. */
    public PasswordPolicy tightenedBy(PasswordPolicy other) {
        return new PasswordPolicy(Math.max(minLength, other.minLength), Math.max(minClasses, other.minClasses));
    }

    /** Whether {@code other} is at least as strict as this policy in every dimension. */
    public boolean isTightenedBy(PasswordPolicy other) {
        return other.minLength >= minLength && other.minClasses >= minClasses;
    }

    /** What is wrong with {@code password} under this policy, in words for the user; empty when it passes. */
    public Optional<String> problem(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < minLength) return Optional.of("must be at least " + minLength + " characters long");
        if (classes(password) < minClasses) {
            return Optional.of("must mix at least " + minClasses + " of: lower-case letters, upper-case letters, digits, other characters");
        }
        return Optional.empty();
    }

    static int classes(String password) {
        boolean lower = false, upper = false, digit = false, other = false;
        for (int i = 0; i < password.length(); ) {
            int c = password.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLowerCase(c)) lower = true;
            else if (Character.isUpperCase(c)) upper = true;
            else if (Character.isDigit(c)) digit = true;
            else other = true;
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
