package io.tenmail.storage.directory;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hashes account passwords with Argon2id (RFC 9106) and encodes them in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (base64 without padding), the form the
 * reference implementation and most libraries read, so hashes can move in and out of Tenmail.
 * Thread-safe.
 *
 * <p>Passwords are normalised to Unicode NFC before hashing (RFC 8265 §4.2, OpaqueString), so
 * the same password typed on different keyboards gives the same bytes.
 */
public final class PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,})\\$([A-Za-z0-9+/]{22,})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

    /**
     * Argon2id cost. {@link #OWASP_MINIMUM} is the least this server accepts for new hashes;
     * stored hashes with other parameters still verify and are reported by {@link #needsRehash}.
     *
     * @param memoryKiB   memory in KiB (m)
     * @param iterations  passes over memory (t)
     * @param parallelism lanes (p)
     */
    public record Parameters(int memoryKiB, int iterations, int parallelism) {
        /** OWASP Password Storage Cheat Sheet: Argon2id with m=19 MiB, t=2, p=1 at the least. */
        public static final Parameters OWASP_MINIMUM = new Parameters(19 * 1024, 2, 1);

        public Parameters {
            // RFC 9106 §3.1: m >= 8p KiB; the upper bounds keep a corrupt stored hash from exhausting memory
            if (parallelism < 1 || parallelism > 64) throw new IllegalArgumentException("parallelism must be 1..64: " + parallelism);
            if (iterations < 1 || iterations > 100) throw new IllegalArgumentException("iterations must be 1..100: " + iterations);
            if (memoryKiB < 8 * parallelism || memoryKiB > 4 * 1024 * 1024) {
                throw new IllegalArgumentException("memory must be 8p KiB .. 4 GiB: " + memoryKiB);
            }
        }

        boolean atLeast(Parameters other) {
            return memoryKiB >= other.memoryKiB && iterations >= other.iterations && parallelism >= other.parallelism;
        }
    }

    private final Parameters parameters;
    private final SecureRandom random = new SecureRandom();
    /** A real hash of a random password, verified against when the user does not exist. */
    private final String dummyHash;

    public PasswordHasher(Parameters parameters) {
        this.parameters = parameters;
        byte[] dummy = new byte[SALT_BYTES];
        random.nextBytes(dummy);
        this.dummyHash = hash(B64.encodeToString(dummy));
    }

    /** A hasher with the OWASP minimum parameters. */
    public static PasswordHasher owaspMinimum() {
        return new PasswordHasher(Parameters.OWASP_MINIMUM);
    }

    public Parameters parameters() {
        return parameters;
    }

    /** A new PHC string for {@code password}, with a fresh random salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, parameters, HASH_BYTES);
        return "$argon2id$v=19$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether {@code password} matches the PHC string {@code encoded}. The comparison takes the
     * same time wherever the first differing byte is; a malformed hash never matches.
     */
    public boolean verify(String password, String encoded) {
        Optional<Decoded> decoded = decode(encoded);
        if (decoded.isEmpty()) {
            // same work as a real check, so a broken row is not visible in the timing either
            verify(password, dummyHash);
            return false;
        }
        Decoded d = decoded.get();
        byte[] actual = argon2(password, d.salt, d.parameters, d.hash.length);
        return MessageDigest.isEqual(actual, d.hash);
    }

    /**
     * Spends the time of one verification and returns false: for an unknown user, so that
     * answering "no such user" takes as long as "wrong password".
     */
    public boolean verifyNothing(String password) {
        verify(password, dummyHash);
        return false;
    }

    /**
     * Whether a stored hash should be replaced at the next successful login: it is not Argon2id
     * in PHC form, or its parameters are weaker than this hasher's in any dimension.
     */
    public boolean needsRehash(String encoded) {
        return decode(encoded).map(d -> !d.parameters.atLeast(parameters) || d.hash.length < HASH_BYTES).orElse(true);
    }

    private record Decoded(Parameters parameters, byte[] salt, byte[] hash) {
    }

    private static Optional<Decoded> decode(String encoded) {
        if (encoded == null) return Optional.empty();
        Matcher m = PHC.matcher(encoded);
        if (!m.matches()) return Optional.empty();
        try {
            Parameters p = new Parameters(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            byte[] salt = B64_DECODE.decode(m.group(4));
            byte[] hash = B64_DECODE.decode(m.group(5));
            // RFC 9106 §3.1: salt at least 8 bytes, tag at least 4 bytes
            if (salt.length < 8 || hash.length < 16 || hash.length > 1024) return Optional.empty();
            return Optional.of(new Decoded(p, salt, hash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] argon2(String password, byte[] salt, Parameters p, int length) {
        byte[] secret = Normalizer.normalize(password == null ? "" : password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withSalt(salt)
                    .withMemoryAsKB(p.memoryKiB())
                    .withIterations(p.iterations())
                    .withParallelism(p.parallelism())
                    .build());
            byte[] out = new byte[length];
            generator.generateBytes(secret, out);
            return out;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
