package org.defenderconnector.emulator.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The emulator's TLS identity: a fresh self-signed certificate per start (SAN ip:127.0.0.1 and dns:localhost,
 * valid about a year), written as PEM so that clients can trust it explicitly. Microsoft endpoints are always
 * verified by the connector; the emulator is reached only through this explicitly trusted certificate.
 */
public final class EmulatorCertificate {

    /** File name of the PEM written into the options' directory. */
    public static final String FILE_NAME = "emulator-ca.pem";

    private static final char[] KEY_STORE_PASSWORD = "emulator-tls".toCharArray();

    private final SelfSignedCertificate identity;
    private final Path pemFile;

    private EmulatorCertificate(SelfSignedCertificate identity, Path pemFile) {
        this.identity = identity;
        this.pemFile = pemFile;
    }

    /** Generates the certificate and writes its PEM to {@code directory/emulator-ca.pem}. */
    public static EmulatorCertificate create(Path directory, List<String> extraDnsNames, List<String> extraIps)
            throws IOException {
        List<String> dns = new java.util.ArrayList<>(List.of("localhost"));
        dns.addAll(extraDnsNames);
        List<String> ips = new java.util.ArrayList<>(List.of("127.0.0.1"));
        ips.addAll(extraIps);
        SelfSignedCertificate identity = SelfSignedCertificate.generate("defender-connector emulator",
                Duration.ofDays(365), SelfSignedCertificate.Purpose.TLS_SERVER, dns, ips);
        Files.createDirectories(directory);
        Path pem = directory.resolve(FILE_NAME);
        Files.writeString(pem, identity.certificatePem(), StandardCharsets.US_ASCII);
        return new EmulatorCertificate(identity, pem);
    }

    public Path pemFile() {
        return pemFile;
    }

    public X509Certificate certificate() {
        return identity.certificate();
    }

    /** A server-side TLS context presenting this certificate. */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(identity.keyStore("emulator", KEY_STORE_PASSWORD), KEY_STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not build the emulator's TLS context", e);
        }
    }
}
