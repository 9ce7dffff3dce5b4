package io.tenmail.protocol.tls;

import io.tenmail.protocol.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The server's TLS identity: its private key and certificate chain (server certificate first),
 * loaded as {@link TlsSettings} say. Immutable.
 */
public final class TlsMaterial {
    private static final Logger log = LoggerFactory.getLogger(TlsMaterial.class);
    static final String SELF_SIGNED_CERTIFICATE = "self-signed.crt";
    static final String SELF_SIGNED_KEY = "self-signed.key";
    /** A self-signed certificate this close to expiry is replaced at start-up. */
    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final String source;

    TlsMaterial(PrivateKey privateKey, List<X509Certificate> chain, String source) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.chain = List.copyOf(chain);
        if (this.chain.isEmpty()) throw new IllegalArgumentException("certificate chain is empty");
        this.source = source;
    }

    /**
     * Loads the configured keystore or PEM files, or reuses the self-signed certificate in
     * {@code <data dir>/tls/}, generating it when it is missing, expires within 30 days or names
     * another host.
     *
     * @throws TlsSetupException with a message naming the key or file at fault
     */
    public static TlsMaterial load(TlsSettings settings, Clock clock) throws TlsSetupException {
        TlsMaterial material;
        if (settings.keystore() != null) {
            material = fromKeystore(settings.keystore(), settings.keystorePassword());
        } else if (settings.usesPem()) {
            material = fromPem(settings.certificate(), settings.privateKey());
        } else {
            material = selfSigned(settings.hostname(), settings.selfSignedDir(), clock.instant());
        }
        Instant notAfter = material.certificate().getNotAfter().toInstant();
        if (notAfter.isBefore(clock.instant())) {
            log.warn("the TLS certificate ({}) expired on {}; clients will refuse it", material.source, notAfter);
        }
        log.info("TLS certificate {} ({}), valid until {}", material.certificate().getSubjectX500Principal().getName(), material.source, notAfter);
        return material;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The server certificate first, then its intermediates. */
    public List<X509Certificate> chain() {
        return chain;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Where it came from, for logs: a file name or "self-signed for HOST". */
    public String source() {
        return source;
    }

    static TlsMaterial fromKeystore(Path file, String password) throws TlsSetupException {
        String key = TlsSettings.KEYSTORE_KEY;
        char[] secret = password.toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
                String alias = aliases.nextElement();
                if (!store.isKeyEntry(alias)) continue;
                Key k = store.getKey(alias, secret);
                Certificate[] certificates = store.getCertificateChain(alias);
                if (!(k instanceof PrivateKey privateKey) || certificates == null || certificates.length == 0) continue;
                List<X509Certificate> chain = Arrays.stream(certificates).map(X509Certificate.class::cast).toList();
                requireMatchingKey(privateKey, chain.get(0), key + ": the key of entry '" + alias + "' in " + file);
                return new TlsMaterial(privateKey, chain, file + " entry '" + alias + "'");
            }
            throw new TlsSetupException(key + ": no private key with a certificate chain in " + file);
        } catch (NoSuchFileException e) {
            throw new TlsSetupException(key + ": no such file " + file);
        } catch (IOException e) {
            // PKCS#12 reports a wrong password as an IOException whose cause is UnrecoverableKeyException
            throw new TlsSetupException(key + ": cannot read PKCS#12 keystore " + file + " (wrong "
                    + TlsSettings.KEYSTORE_PASSWORD_KEY + " or not a PKCS#12 file): " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException(key + ": cannot read PKCS#12 keystore " + file + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    static TlsMaterial fromPem(Path certificateFile, Path keyFile) throws TlsSetupException {
        List<X509Certificate> chain = PemFiles.readCertificates(certificateFile, TlsSettings.CERTIFICATE_KEY);
        PrivateKey privateKey = PemFiles.readPrivateKey(keyFile, TlsSettings.PRIVATE_KEY_KEY);
        requireMatchingKey(privateKey, chain.get(0), TlsSettings.PRIVATE_KEY_KEY + ": the key in " + keyFile);
        return new TlsMaterial(privateKey, chain, certificateFile.toString());
    }

    static TlsMaterial selfSigned(String hostname, Path dir, Instant now) throws TlsSetupException {
        Path certificateFile = dir.resolve(SELF_SIGNED_CERTIFICATE);
        Path keyFile = dir.resolve(SELF_SIGNED_KEY);
        if (Files.exists(certificateFile) && Files.exists(keyFile)) {
            try {
                TlsMaterial existing = fromPem(certificateFile, keyFile);
                String problem = reuseProblem(existing.certificate(), hostname, now);
                if (problem == null) return new TlsMaterial(existing.privateKey, existing.chain, "self-signed, " + certificateFile);
                log.info("replacing the self-signed certificate in {}: {}", dir, problem);
            } catch (TlsSetupException e) {
                log.warn("replacing the unreadable self-signed certificate in {}: {}", dir, e.getMessage());
            }
        }
        TlsMaterial generated = SelfSignedCertificate.generate(hostname, now);
        try {
            SecretFiles.write(keyFile, PemFiles.privateKeyPem(generated.privateKey).getBytes(StandardCharsets.US_ASCII));
            SecretFiles.write(certificateFile, PemFiles.certificatePem(generated.certificate()).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new TlsSetupException("cannot write the self-signed certificate to " + dir + ": " + e.getMessage(), e);
        }
        log.info("generated a self-signed certificate for {} in {}; mail clients will warn about it until "
                + "{} or {} and {} name a real one", hostname, dir, TlsSettings.KEYSTORE_KEY, TlsSettings.CERTIFICATE_KEY,
                TlsSettings.PRIVATE_KEY_KEY);
        return new TlsMaterial(generated.privateKey, generated.chain, "self-signed, " + certificateFile);
    }

    /** Why an existing self-signed certificate cannot be kept, or null when it can. */
    private static String reuseProblem(X509Certificate certificate, String hostname, Instant now) {
        if (certificate.getNotAfter().toInstant().isBefore(now.plus(RENEW_BEFORE))) {
            return "it expires on " + certificate.getNotAfter().toInstant();
        }
        if (!namesHost(certificate, hostname)) return "it was made for another host name, now " + hostname;
        return null;
    }

    private static boolean namesHost(X509Certificate certificate, String hostname) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) return false;
            for (List<?> name : names) {
                // type 2 = dNSName (RFC 5280 §4.2.1.6)
                if (Integer.valueOf(2).equals(name.get(0)) && hostname.equalsIgnoreCase(String.valueOf(name.get(1)))) return true;
            }
            return false;
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    /** Signs a probe with the key and verifies it with the certificate: proves they belong together. */
    private static void requireMatchingKey(PrivateKey privateKey, X509Certificate certificate, String what) throws TlsSetupException {
        PublicKey publicKey = certificate.getPublicKey();
        String algorithm = switch (privateKey.getAlgorithm().toUpperCase(Locale.ROOT)) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "ED25519", "ED448", "EDDSA" -> privateKey.getAlgorithm();
            case "RSASSA-PSS" -> null;   // needs parameters; mismatches surface in the first handshake
            default -> null;
        };
        if (algorithm == null) return;
        try {
            byte[] probe = "tenmail key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (verifier.verify(signature)) return;
        } catch (GeneralSecurityException e) {
            // a key of another type than the certificate's lands here: report it as a mismatch
            log.debug("key check failed", e);
        }
        throw new TlsSetupException(what + " does not belong to the certificate " + certificate.getSubjectX500Principal().getName());
    }
}
