package org.defenderconnector.app.server.integrations;

import org.defenderconnector.microsoft.auth.ClientCertificate;
import org.defenderconnector.microsoft.auth.PemContents;
import org.defenderconnector.store.admin.IntegrationRecord;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Reads an uploaded certificate credential in memory: PEM text with the certificate and its private key
 * (PKCS#8, PKCS#1 or EC, optionally encrypted), or a PKCS#12 file sent as base64. The key is never
 * written to disk in clear; what is stored is the upload itself, encrypted. Errors say what is wrong
 * with the upload, never its content or the password.
 */
public final class CertificateUpload {
    private CertificateUpload() {
    }

    /** A private key with its certificate first, then any chain. */
    public record Parsed(PrivateKey privateKey, List<X509Certificate> chain) {
        public ClientCertificate credential() {
            return new ClientCertificate(privateKey, chain);
        }

        public IntegrationRecord.CertificateFacts facts() {
            ClientCertificate credential = credential();
            return new IntegrationRecord.CertificateFacts(credential.sha1ThumbprintHex(),
                    chain.get(0).getSubjectX500Principal().getName(), chain.get(0).getNotAfter().toInstant());
        }

        @Override
        public String toString() {
            return "CertificateUpload.Parsed[" + chain.get(0).getSubjectX500Principal().getName() + "]";
        }
    }

    /** @throws IllegalArgumentException saying what is wrong, for the {@code certificate} field */
    public static Parsed parse(byte[] upload, char[] password) {
        String text = new String(upload, StandardCharsets.UTF_8);
        if (text.contains("-----BEGIN")) {
            return fromPem(upload, password);
        }
        return fromPkcs12(upload, password);
    }

    /** The bytes to store for an upload as the API receives it (PEM text, or base64 PKCS#12). */
    public static byte[] decodeUpload(String upload) {
        if (upload.contains("-----BEGIN")) {
            return upload.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getMimeDecoder().decode(upload.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is neither PEM text nor a base64-encoded PKCS#12 (.pfx/.p12) file");
        }
    }

    private static Parsed fromPem(byte[] upload, char[] password) {
        List<X509Certificate> certificates;
        List<PrivateKey> keys;
        try {
            PemContents contents = PemContents.read(upload, password,
                    () -> new IllegalArgumentException("the private key is encrypted; enter the certificate password"));
            certificates = contents.certificates();
            keys = contents.keys();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("the PEM text could not be read (" + e.getClass().getSimpleName()
                    + "); if the key is encrypted, check the certificate password");
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("holds no certificate (-----BEGIN CERTIFICATE-----)");
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("holds no private key; paste the certificate and its private key together,"
                    + " or upload a PKCS#12 (.pfx) file");
        }
        return pair(keys.get(0), certificates);
    }

    private static Parsed fromPkcs12(byte[] bytes, char[] password) {
        requirePassword(password, "a PKCS#12 file needs its password");
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password);
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return pair(key, chain);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the PKCS#12 file could not be opened: wrong password, or not a .pfx/.p12 file");
        } catch (Exception e) {
            throw new IllegalArgumentException("the PKCS#12 file could not be read (" + e.getClass().getSimpleName() + ")");
        }
        throw new IllegalArgumentException("the PKCS#12 file holds no private key; export it with the private key");
    }

    private static Parsed pair(PrivateKey key, List<X509Certificate> certificates) {
        List<X509Certificate> ordered = new ArrayList<>();
        for (X509Certificate c : certificates) {
            if (matches(key, c)) {
                ordered.add(c);
            }
        }
        if (ordered.isEmpty()) {
            throw new IllegalArgumentException("the private key does not belong to the certificate");
        }
        for (X509Certificate c : certificates) {
            if (!ordered.contains(c)) {
                ordered.add(c);
            }
        }
        return new Parsed(key, ordered);
    }

    private static boolean matches(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            byte[] probe = "defender-connector key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (Exception e) {
            return false;
        }
    }

    private static void requirePassword(char[] password, String why) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException(why + "; enter the certificate password");
        }
    }
}
