package org.defenderconnector.microsoft.auth;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * The certificates and private keys found in PEM text: certificates in the order they stand, keys as
 * PKCS#8, PKCS#1 "BEGIN RSA PRIVATE KEY" or EC, encrypted ones decrypted with the password. Shared by
 * {@link CertificateFiles} (files on disk) and the server's certificate upload (bytes in memory), which
 * check the pair and word their errors each for their own reader.
 *
 * @param certificates the certificates, in file order
 * @param keys         the private keys, in file order
 */
public record PemContents(List<X509Certificate> certificates, List<PrivateKey> keys) {
    // A private instance, not registered globally, so we do not change the JVM's provider order.
    private static final Provider BC = new BouncyCastleProvider();

    /**
     * Reads PEM bytes (UTF-8, of which PEM's ASCII is a part).
     *
     * @param password        passphrase of an encrypted key; may be null
     * @param missingPassword the error to throw when a key is encrypted and no password was given
     * @throws PKCSException            a wrong password for a PKCS#8 key
     * @throws IOException               unreadable PEM, or ({@link org.bouncycastle.openssl.EncryptionException})
     *                                   a wrong password for a PKCS#1/EC key
     * @throws GeneralSecurityException  a certificate or key the JCA cannot convert
     * @throws OperatorCreationException no decryptor for the key's cipher
     *                                   (callers word these errors, never quoting content or the password)
     */
    public static PemContents read(byte[] pem, char[] password, Supplier<? extends RuntimeException> missingPassword)
            throws IOException, GeneralSecurityException, OperatorCreationException, PKCSException {
        return read(new String(pem, StandardCharsets.UTF_8), password, missingPassword);
    }

    /** Reads PEM text already decoded (CertificateFiles reads files as US-ASCII); see {@link #read(byte[], char[], Supplier)}. */
    static PemContents read(String text, char[] password, Supplier<? extends RuntimeException> missingPassword)
            throws IOException, GeneralSecurityException, OperatorCreationException, PKCSException {
        List<X509Certificate> certs = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        JcaPEMKeyConverter keyConverter = new JcaPEMKeyConverter().setProvider(BC);
        JcaX509CertificateConverter certConverter = new JcaX509CertificateConverter().setProvider(BC);
        try (Reader reader = new StringReader(text); PEMParser parser = new PEMParser(reader)) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CertificateHolder holder) {
                    certs.add(certConverter.getCertificate(holder));
                } else if (o instanceof PrivateKeyInfo info) {
                    keys.add(keyConverter.getPrivateKey(info));
                } else if (o instanceof PEMKeyPair pair) {
                    keys.add(keyConverter.getKeyPair(pair).getPrivate());
                } else if (o instanceof PKCS8EncryptedPrivateKeyInfo enc) {
                    requirePassword(password, missingPassword);
                    PrivateKeyInfo info = enc.decryptPrivateKeyInfo(
                            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(password));
                    keys.add(keyConverter.getPrivateKey(info));
                } else if (o instanceof PEMEncryptedKeyPair enc) {
                    requirePassword(password, missingPassword);
                    keys.add(keyConverter.getKeyPair(
                            enc.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BC).build(password))).getPrivate());
                }
            }
        }
        return new PemContents(Collections.unmodifiableList(certs), Collections.unmodifiableList(keys));
    }

    private static void requirePassword(char[] password, Supplier<? extends RuntimeException> missingPassword) {
        if (password == null || password.length == 0) {
            throw missingPassword.get();
        }
    }
}
