package io.tenmail.protocol.tls;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the server's certificate comes from. Exactly one of: a PKCS#12 keystore; a PEM
 * certificate chain with its PEM private key; or neither, in which case a self-signed certificate
 * for {@code hostname} is generated once in {@code <dataDir>/tls/}.
 *
 * @param hostname         the server's name: subject of a generated certificate
 * @param dataDir          the server's data directory
 * @param keystore         PKCS#12 file, or null
 * @param keystorePassword its password (empty when it has none)
 * @param certificate      PEM file with the certificate, then its intermediates; or null
 * @param privateKey       PEM file with the unencrypted private key (PKCS#8 or PKCS#1/SEC1); or null
 */
public record TlsSettings(String hostname, Path dataDir, Path keystore, String keystorePassword, Path certificate,
                          Path privateKey) {
    public static final String KEYSTORE_KEY = "tenmail.tls.keystore";
    public static final String KEYSTORE_PASSWORD_KEY = "tenmail.tls.keystore-password";
    public static final String CERTIFICATE_KEY = "tenmail.tls.certificate";
    public static final String PRIVATE_KEY_KEY = "tenmail.tls.private-key";

    public TlsSettings {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(dataDir, "dataDir");
        keystorePassword = keystorePassword == null ? "" : keystorePassword;
        if (keystore != null && (certificate != null || privateKey != null)) {
            throw new IllegalArgumentException("set either " + KEYSTORE_KEY + " or " + CERTIFICATE_KEY + " and " + PRIVATE_KEY_KEY + ", not both");
        }
        if ((certificate == null) != (privateKey == null)) {
            throw new IllegalArgumentException(CERTIFICATE_KEY + " and " + PRIVATE_KEY_KEY + " must be set together");
        }
    }

    /** A self-signed certificate for {@code hostname}, kept in {@code dataDir/tls}. */
    public static TlsSettings selfSigned(String hostname, Path dataDir) {
        return new TlsSettings(hostname, dataDir, null, "", null, null);
    }

    public Optional<Path> keystoreFile() {
        return Optional.ofNullable(keystore);
    }

    public boolean usesPem() {
        return certificate != null;
    }

    /** The directory of the generated self-signed certificate. */
    public Path selfSignedDir() {
        return dataDir.resolve("tls");
    }

    @Override
    public String toString() {
        // never print the keystore password
        return "TlsSettings[hostname=" + hostname + ", keystore=" + keystore + ", certificate=" + certificate
                + ", privateKey=" + privateKey + "]";
    }
}
