package org.defenderconnector.microsoft.auth;

import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCSException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * Loads a {@link ClientCertificate} from the files people actually have: a PEM file with the
 * certificate and the private key (PKCS#8, PKCS#1 "BEGIN RSA PRIVATE KEY", EC, optionally
 * encrypted), a PEM certificate plus a separate key file, or a PKCS#12 (.pfx/.p12) with a password.
 * Errors name the file and the problem, never key material or the password.
 */
public final class CertificateFiles {
    private CertificateFiles() {
    }

    /**
     * Loads a certificate credential, detecting PEM or PKCS#12 by content.
     *
     * @param certificateFile PEM (certificate, and the key unless {@code keyFile} is given) or PKCS#12
     * @param keyFile         a separate PEM private key, if any
     * @param password        PKCS#12 password or encrypted-PEM passphrase; may be null
     * @throws CredentialFileException when the files cannot be read or do not hold a matching pair
     */
    public static ClientCertificate load(Path certificateFile, Optional<Path> keyFile, char[] password) {
        byte[] bytes = read(certificateFile);
        if (looksLikePem(bytes)) {
            return fromPem(certificateFile, keyFile, password);
        }
        if (keyFile.isPresent()) {
            throw new CredentialFileException(certificateFile + " is not PEM; a separate key file only goes with a PEM certificate");
        }
        return fromPkcs12(certificateFile, password);
    }

    /** A PEM certificate (+ chain) and its private key, in one file or two. */
    public static ClientCertificate fromPem(Path certificateFile, Optional<Path> keyFile, char[] password) {
        List<X509Certificate> certs = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        parsePem(certificateFile, password, certs, keys);
        if (keyFile.isPresent()) {
            parsePem(keyFile.get(), password, new ArrayList<>(), keys);
        }
        if (certs.isEmpty()) {
            throw new CredentialFileException("No certificate (-----BEGIN CERTIFICATE-----) found in " + certificateFile);
        }
        if (keys.isEmpty()) {
            throw new CredentialFileException("No private key found in " + keyFile.orElse(certificateFile)
                    + "; put the key in the same PEM file or pass the key file separately");
        }
        PrivateKey key = keys.get(0);
        return new ClientCertificate(key, leafFirst(certs, key, certificateFile));
    }

    /** A PKCS#12 (.pfx / .p12) file with its password. */
    public static ClientCertificate fromPkcs12(Path file, char[] password) {
        char[] pw = password == null ? new char[0] : password;
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, pw);
            Enumeration<String> aliases = store.aliases();
            for (String alias : Collections.list(aliases)) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, pw);
                if (key instanceof PrivateKey pk) {
                    List<X509Certificate> chain = new ArrayList<>();
                    Certificate[] certs = store.getCertificateChain(alias);
                    if (certs != null) {
                        for (Certificate c : certs) {
                            chain.add((X509Certificate) c);
                        }
                    }
                    if (chain.isEmpty()) {
                        throw new CredentialFileException("The key in " + file + " has no certificate");
                    }
                    return new ClientCertificate(pk, leafFirst(chain, pk, file));
                }
            }
            throw new CredentialFileException("No private key entry in PKCS#12 file " + file);
        } catch (IOException e) {
            // KeyStore.load reports a wrong password as an IOException caused by UnrecoverableKeyException.
            if (e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).toLowerCase().contains("password")) {
                throw new CredentialFileException("Wrong password for PKCS#12 file " + file);
            }
            throw new CredentialFileException("Cannot read PKCS#12 file " + file + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new CredentialFileException("Cannot open PKCS#12 file " + file + ": " + e.getClass().getSimpleName());
        }
    }

    private static void parsePem(Path file, char[] password, List<X509Certificate> certs, List<PrivateKey> keys) {
        String text = new String(read(file), StandardCharsets.US_ASCII);
        try {
            PemContents contents = PemContents.read(text, password,
                    () -> new CredentialFileException("The private key in " + file + " is encrypted; give its password"));
            certs.addAll(contents.certificates());
            keys.addAll(contents.keys());
        } catch (PKCSException | org.bouncycastle.openssl.EncryptionException e) {
            throw new CredentialFileException("Cannot decrypt the private key in " + file + " (wrong password?)");
        } catch (OperatorCreationException | IOException | GeneralSecurityException e) {
            throw new CredentialFileException("Cannot parse PEM file " + file + ": " + e.getClass().getSimpleName());
        }
    }

    /** Puts the certificate that matches the key first and checks that one does. */
    private static List<X509Certificate> leafFirst(List<X509Certificate> certs, PrivateKey key, Path file) {
        for (X509Certificate c : certs) {
            if (matches(key, c)) {
                List<X509Certificate> ordered = new ArrayList<>();
                ordered.add(c);
                for (X509Certificate other : certs) {
                    if (other != c) {
                        ordered.add(other);
                    }
                }
                return ordered;
            }
        }
        throw new CredentialFileException("The private key does not belong to the certificate in " + file);
    }

    private static boolean matches(PrivateKey key, X509Certificate cert) {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default -> null;
        };
        if (alg == null) {
            return cert.getPublicKey().getAlgorithm().equals(key.getAlgorithm());
        }
        try {
            byte[] probe = "defender-connector key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(alg);
            signer.initSign(key);
            signer.update(probe);
            byte[] sig = signer.sign();
            Signature verifier = Signature.getInstance(alg);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return verifier.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean looksLikePem(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.US_ASCII);
        return head.contains("-----BEGIN ");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CredentialFileException("Cannot read " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
