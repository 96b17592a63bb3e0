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

    private static String thumbprint(String algorithm, byte[] der) throws GeneralSecurityException {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance(algorithm).digest(der));
    }
}
