package org.defenderconnector.microsoft.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A certificate credential: the private key and its certificate (first) plus any chain. The
 * certificate's public part must be uploaded to the app registration ("Certificates &amp; secrets &gt;
 * Certificates"). Load one with {@link CertificateFiles}.
 */
public final class ClientCertificate implements ClientCredential {
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    public ClientCertificate(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("A certificate credential needs its certificate");
        }
        this.chain = List.copyOf(chain);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    /**
     * The base64url SHA-256 thumbprint ({@code x5t#S256}) of the certificate, as Entra matches it.
     * The portal shows the SHA-1 thumbprint in hex: see {@link #sha1ThumbprintHex()}.
     */
    public String sha256Thumbprint() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest("SHA-256"));
    }

    /** The SHA-1 thumbprint in upper-case hex, as shown under "Certificates &amp; secrets". */
    public String sha1ThumbprintHex() {
        StringBuilder sb = new StringBuilder();
        for (byte b : digest("SHA-1")) {
            sb.append(String.format("%02X", b));
        }
        return sb.toString();
    }

    private byte[] digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm).digest(certificate().getEncoded());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String describe() {
        return "certificate " + sha1ThumbprintHex() + " (" + certificate().getSubjectX500Principal().getName() + ")";
    }

    @Override
    public String toString() {
        return "ClientCertificate[" + sha1ThumbprintHex() + "]";
    }
}
