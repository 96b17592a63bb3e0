package org.defenderconnector.emulator.directory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * A certificate credential on an app registration, with the two thumbprints a client assertion may name in its
 * header: {@code x5t} (base64url SHA-1 of the DER) and {@code x5t#S256} (base64url SHA-256 of the DER).
 */
public record RegisteredCertificate(X509Certificate certificate, String x5t, String x5tS256) {

    /** Parses one PEM certificate. */
    public static RegisteredCertificate fromPem(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            X509Certificate certificate = (X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
            return of(certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PEM X.509 certificate (" + e.getMessage() + ")", e);
        }
    }

    public static RegisteredCertificate of(X509Certificate certificate) {
        try {
            byte[] der = certificate.getEncoded();
            return new RegisteredCertificate(certificate, thumbprint("SHA-1", der), thumbprint("SHA-256", der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot encode certificate", e);
        }
    }

    /** True when {@code headerValue} is this certificate's SHA-256 thumbprint ({@code x5t#S256}). */
    public boolean hasSha256Thumbprint(String headerValue) {
        return headerValue != null && x5tS256.equals(asBase64Url(headerValue));
    }

    /** True when {@code headerValue} is this certificate's SHA-1 thumbprint ({@code x5t}). */
    public boolean hasSha1Thumbprint(String headerValue) {
        return headerValue != null && x5t.equals(asBase64Url(headerValue));
    }

    /**
     * RFC 7515 says base64url without padding, but MSAL for Java sends {@code x5t#S256} in standard base64 with
     * padding and Entra accepts it; so the thumbprint is compared whatever the base64 alphabet and padding.
     */
    private static String asBase64Url(String encoded) {
        String url = encoded.trim().replace('+', '-').replace('/', '_');
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '=') {
            end--;
        }
        return url.substring(0, end);
    }

    private static String thumbprint(String algorithm, byte[] der) throws GeneralSecurityException {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance(algorithm).digest(der));
    }
}
