package io.tenmail.storage;

import io.tenmail.storage.dkim.DkimKeyPairs;

import java.security.KeyPair;
import java.util.function.Supplier;

/**
 * One RSA key pair for every domain a test JVM creates: making a 2048-bit pair costs a few hundred
 * milliseconds of CPU, and most tests create many domains without looking at their keys. Tests of
 * DKIM keys themselves use {@link DkimKeyPairs#generate()}.
 */
public final class TestDkimKeys {
    private static final KeyPair SHARED_PAIR = DkimKeyPairs.generate();

    /** Hands out the same pair every time. */
    public static final Supplier<KeyPair> SHARED = () -> SHARED_PAIR;

    private TestDkimKeys() {
    }
}
