package org.defenderconnector.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import org.defenderconnector.emulator.tls.SelfSignedCertificate;

/**
 * The identifiers and credentials of {@link EmulatorConfig#demo()}: a tenant, an app registration with every
 * permission, a known client secret and a certificate credential. They only work against the emulator.
 *
 * <p>The certificate is generated once per JVM (no private key ships in the jar). A process that runs the
 * emulator writes it with {@link #write(Path)} so that other processes can authenticate with it.
 */
public final class DemoCredentials {

    public static final String TENANT_ID = "d3fe1000-0000-4000-a000-000000000001";
    public static final String TENANT_DOMAIN = "defender-demo.onmicrosoft.com";
    public static final String CLIENT_ID = "d3fe2000-0000-4000-a000-000000000002";
    public static final String APP_DISPLAY_NAME = "defender-connector demo";
    /** The portal's "Secret ID" of the demo secret (not the secret). */
    public static final String SECRET_ID = "d3fe3000-0000-4000-a000-000000000003";
    /** The demo secret's value. Demo only: accepted by the emulator, nowhere else. */
    public static final String SECRET_VALUE = "Dm0~emulator.demo-secret_NotForProduction01";
    /** Password of the PKCS#12 file written by {@link #write(Path)}. */
    public static final String PKCS12_PASSWORD = "emulator-demo";
    /** Alias of the key entry in that PKCS#12 file. */
    public static final String PKCS12_ALIAS = "demo-app";

    public static final String CERTIFICATE_FILE = "demo-app-certificate.pem";
    public static final String PRIVATE_KEY_FILE = "demo-app-private-key.pem";
    public static final String PKCS12_FILE = "demo-app.p12";

    private static final class Holder {
        static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.generate(
                APP_DISPLAY_NAME, Duration.ofDays(730), SelfSignedCertificate.Purpose.CLIENT_CREDENTIAL,
                List.of(), List.of());
    }

    private final SelfSignedCertificate certificate;

    private DemoCredentials(SelfSignedCertificate certificate) {
        this.certificate = certificate;
    }

    /** This JVM's demo certificate credential. */
    public static DemoCredentials get() {
        return new DemoCredentials(Holder.CERTIFICATE);
    }

    public X509Certificate certificate() {
        return certificate.certificate();
    }

    public PrivateKey privateKey() {
        return certificate.privateKey();
    }

    public String certificatePem() {
        return certificate.certificatePem();
    }

    public String privateKeyPem() {
        return certificate.privateKeyPem();
    }

    /** Key and certificate as PKCS#12 protected by {@link #PKCS12_PASSWORD}. */
    public byte[] pkcs12() {
        return certificate.pkcs12(PKCS12_ALIAS, PKCS12_PASSWORD.toCharArray());
    }

    /** Where {@link #write(Path)} put the files. */
    public record WrittenFiles(Path certificatePem, Path privateKeyPem, Path pkcs12) {
    }

    /**
     * Writes this JVM's demo certificate ({@value #CERTIFICATE_FILE}), private key ({@value #PRIVATE_KEY_FILE},
     * unencrypted PKCS#8) and both as PKCS#12 ({@value #PKCS12_FILE}) into {@code dir}; key files are owner-only.
     */
    public static WrittenFiles write(Path dir) throws IOException {
        DemoCredentials demo = get();
        Files.createDirectories(dir);
        Path cert = dir.resolve(CERTIFICATE_FILE);
        Path key = dir.resolve(PRIVATE_KEY_FILE);
        Path p12 = dir.resolve(PKCS12_FILE);
        Files.writeString(cert, demo.certificatePem(), StandardCharsets.US_ASCII);
        writePrivate(key, demo.privateKeyPem().getBytes(StandardCharsets.US_ASCII));
        writePrivate(p12, demo.pkcs12());
        return new WrittenFiles(cert, key, p12);
    }

    private static void writePrivate(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
