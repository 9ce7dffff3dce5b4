package io.tenmail.storage.dkim;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * RSA key pairs for DKIM: made (2048 bits, RFC 8301 §3.2) and read back from their stored DER
 * forms (PKCS#8 private, X.509 SubjectPublicKeyInfo public). Pure functions.
 */
public final class DkimKeyPairs {
    public static final int KEY_BITS = 2048;

    private DkimKeyPairs() {
    }

    /** A new key pair; a few hundred milliseconds of CPU. */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no RSA", e);   // every JDK must have it
        }
    }

    /** The private key of PKCS#8 DER bytes; IllegalArgumentException when they are not an RSA key. */
    public static RSAPrivateCrtKey privateKey(byte[] pkcs8) {
        try {
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an RSA private key in PKCS#8: " + e.getMessage(), e);
        }
    }

    /** The public half of a private key, as SubjectPublicKeyInfo DER. */
    public static byte[] publicKeyOf(RSAPrivateCrtKey key) {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no RSA", e);
        }
    }

    /** The public key of SubjectPublicKeyInfo DER bytes. */
    public static RSAPublicKey publicKey(byte[] spki) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an RSA public key: " + e.getMessage(), e);
        }
    }
}
