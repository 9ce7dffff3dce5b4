package io.tenmail.smtp.spam.signing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * DKIM signing keys, one directory per domain under {@code <data dir>/dkim/}: each key a PKCS#8
 * PEM file {@code <selector>.pem} (mode 0600 where the file system has POSIX permissions) and a file
 * {@code current} naming the selector in use. {@link #create} makes the first key of a domain;
 * {@link #rotate} makes a new one and switches to it, keeping the old file so that its DNS record
 * can stay published until mail signed with it has been delivered (RFC 6376 §3.6.1 recommends
 * rotation; M3AAWG advises at least twice a year). Selectors are {@code tm<yyyyMMdd>}, with a
 * suffix if a domain rotates twice a day. Keys are RSA 2048 (RFC 8301 §3.2). Files are written to
 * a temporary name and renamed. Thread-safe; loaded keys are cached.
 */
public final class DkimKeyStore {
    private static final Logger log = LoggerFactory.getLogger(DkimKeyStore.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    static final int KEY_BITS = 2048;

    private final Path root;
    private final Clock clock;
    private final ConcurrentMap<String, Optional<SigningKey>> current = new ConcurrentHashMap<>();

    public DkimKeyStore(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /** The key a domain signs with now, if it has one. */
    public Optional<SigningKey> current(String domain) throws IOException {
        String d = normalise(domain);
        Optional<SigningKey> cached = current.get(d);
        if (cached != null) return cached;
        Optional<SigningKey> loaded = load(d);
        current.put(d, loaded);
        return loaded;
    }

    /** The domain's key, made now if it has none yet (when a domain is added). */
    public synchronized SigningKey create(String domain) throws IOException {
        Optional<SigningKey> existing = current(domain);
        return existing.isPresent() ? existing.get() : rotate(domain);
    }

    /** A new key for the domain, in use from now on; the previous key's file stays. */
    public synchronized SigningKey rotate(String domain) throws IOException {
        String d = normalise(domain);
        Path dir = root.resolve(d);
        Files.createDirectories(dir);
        String base = "tm" + DAY.format(clock.instant());
        String selector = base;
        for (int n = 2; Files.exists(dir.resolve(selector + ".pem")); n++) selector = base + "-" + n;
        KeyPair pair = generate();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        write(dir.resolve(selector + ".pem"), pem, true);
        write(dir.resolve("current"), selector + "\n", false);
        SigningKey key = new SigningKey(d, selector, (RSAPrivateCrtKey) pair.getPrivate(), (RSAPublicKey) pair.getPublic());
        current.put(d, Optional.of(key));
        log.info("DKIM key {} made for {}; publish TXT {}", selector, d, key.dnsName());
        return key;
    }

    private Optional<SigningKey> load(String domain) throws IOException {
        Path dir = root.resolve(domain);
        Path pointer = dir.resolve("current");
        if (!Files.isRegularFile(pointer)) return Optional.empty();
        String selector = Files.readString(pointer, StandardCharsets.US_ASCII).trim();
        String pem = Files.readString(dir.resolve(selector + ".pem"), StandardCharsets.US_ASCII);
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return Optional.of(new SigningKey(domain, selector, privateKey, publicKey));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IOException("the DKIM key " + dir.resolve(selector + ".pem") + " is not an RSA key in PKCS#8 PEM: " + e.getMessage(), e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no RSA", e);   // every JDK must have it
        }
    }

    private static void write(Path file, String content, boolean secret) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temp);   // no POSIX permissions here (Windows): the data directory's ACL applies
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot write " + temp + ": in use", e);
        }
        Files.writeString(temp, content, StandardCharsets.US_ASCII);
        try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String normalise(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) d = d.substring(0, d.length() - 1);
        // the domain names a directory: nothing that could leave the key root
        if (!d.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
            throw new IllegalArgumentException("not a domain name: \"" + domain + "\"");
        }
        return d;
    }
}
