package io.tenmail.protocol.tls;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Reading and writing PEM certificates and private keys, as OpenSSL and certbot produce them. */
final class PemFiles {

    private PemFiles() {
    }

    /** Every certificate in the file, in order (the server's first, then intermediates). */
    static List<X509Certificate> readCertificates(Path file, String key) throws TlsSetupException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof X509CertificateHolder holder) chain.add(converter.getCertificate(holder));
            }
        } catch (NoSuchFileException e) {
            throw new TlsSetupException(key + ": no such file " + file);
        } catch (IOException | CertificateException e) {
            throw new TlsSetupException(key + ": cannot read certificates from " + file + ": " + e.getMessage(), e);
        }
        if (chain.isEmpty()) throw new TlsSetupException(key + ": no PEM certificate (BEGIN CERTIFICATE) in " + file);
        return chain;
    }

    /** The first private key in the file: PKCS#8 ("PRIVATE KEY") or traditional ("RSA/EC PRIVATE KEY"). */
    static PrivateKey readPrivateKey(Path file, String key) throws TlsSetupException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PrivateKeyInfo info) return converter.getPrivateKey(info);
                if (o instanceof PEMKeyPair pair) return converter.getKeyPair(pair).getPrivate();
                if (o instanceof PKCS8EncryptedPrivateKeyInfo || o instanceof PEMEncryptedKeyPair) {
                    throw new TlsSetupException(key + ": the private key in " + file
                            + " is encrypted; store it unencrypted with mode 0600 (openssl pkey -in KEY -out KEY.pem)");
                }
            }
        } catch (NoSuchFileException e) {
            throw new TlsSetupException(key + ": no such file " + file);
        } catch (IOException e) {
            throw new TlsSetupException(key + ": cannot read the private key from " + file + ": " + e.getMessage(), e);
        }
        throw new TlsSetupException(key + ": no PEM private key (BEGIN PRIVATE KEY) in " + file);
    }

    static String certificatePem(X509Certificate certificate) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        }
        return out.toString();
    }

    /** PKCS#8 ("BEGIN PRIVATE KEY"), unencrypted: the file's mode protects it. */
    static String privateKeyPem(PrivateKey privateKey) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(new JcaPKCS8Generator(privateKey, null));
        }
        return out.toString();
    }
}
