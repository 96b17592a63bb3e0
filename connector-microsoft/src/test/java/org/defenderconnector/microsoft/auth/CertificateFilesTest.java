package org.defenderconnector.microsoft.auth;

import org.defenderconnector.microsoft.testsupport.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateFilesTest {
    private static TestCertificates cert;
    private static TestCertificates other;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        cert = TestCertificates.generate("defender-connector-test");
        other = TestCertificates.generate("someone-else");
    }

    @Test
    void pemWithCertificateAndPkcs8Key() {
        Path file = TestCertificates.write(dir.resolve("client.pem"), cert.certificatePem(), cert.pkcs8KeyPem());
        ClientCertificate c = CertificateFiles.load(file, Optional.empty(), null);
        assertThat(c.certificate()).isEqualTo(cert.certificate);
        assertThat(c.privateKey().getEncoded()).isEqualTo(cert.keyPair.getPrivate().getEncoded());
    }

    @Test
    void pemWithPkcs1RsaKeyAsOpensslUsedToWrite() {
        String pkcs1 = cert.pkcs1KeyPem();
        assertThat(pkcs1).contains("BEGIN RSA PRIVATE KEY");
        Path file = TestCertificates.write(dir.resolve("legacy.pem"), pkcs1, cert.certificatePem());
        ClientCertificate c = CertificateFiles.load(file, Optional.empty(), null);
        assertThat(c.certificate()).isEqualTo(cert.certificate);
    }

    @Test
    void separateKeyFile() {
        Path crt = TestCertificates.write(dir.resolve("client.crt"), cert.certificatePem());
        Path key = TestCertificates.write(dir.resolve("client.key"), cert.pkcs8KeyPem());
        ClientCertificate c = CertificateFiles.load(crt, Optional.of(key), null);
        assertThat(c.certificate()).isEqualTo(cert.certificate);
    }

    @Test
    void encryptedPkcs8KeyWithPassword() {
        char[] pw = "correct horse".toCharArray();
        Path file = TestCertificates.write(dir.resolve("enc.pem"), cert.certificatePem(), cert.encryptedPkcs8KeyPem(pw));
        assertThat(CertificateFiles.load(file, Optional.empty(), pw).certificate()).isEqualTo(cert.certificate);
        assertThatThrownBy(() -> CertificateFiles.load(file, Optional.empty(), null))
                .isInstanceOf(CredentialFileException.class).hasMessageContaining("encrypted");
        assertThatThrownBy(() -> CertificateFiles.load(file, Optional.empty(), "wrong".toCharArray()))
                .isInstanceOf(CredentialFileException.class).hasMessageContaining("wrong password")
                .hasMessageNotContaining("correct horse");
    }

    @Test
    void pkcs12WithPassword() {
        char[] pw = "p12-secret-pw".toCharArray();
        Path p12 = cert.writePkcs12(dir.resolve("client.pfx"), pw);
        ClientCertificate c = CertificateFiles.load(p12, Optional.empty(), pw);
        assertThat(c.certificate()).isEqualTo(cert.certificate);
        assertThat(c.sha256Thumbprint()).hasSize(43);
        assertThat(c.sha1ThumbprintHex()).matches("[0-9A-F]{40}");
        assertThat(c.toString()).doesNotContain("PRIVATE");
        assertThatThrownBy(() -> CertificateFiles.load(p12, Optional.empty(), "nope".toCharArray()))
                .isInstanceOf(CredentialFileException.class)
                .hasMessageContaining("client.pfx")
                .hasMessageNotContaining("p12-secret-pw");
    }

    @Test
    void keyOfAnotherCertificateIsRefused() {
        Path file = TestCertificates.write(dir.resolve("mixed.pem"), cert.certificatePem(), other.pkcs8KeyPem());
        assertThatThrownBy(() -> CertificateFiles.load(file, Optional.empty(), null))
                .isInstanceOf(CredentialFileException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void missingPartsAreNamed() {
        Path onlyCert = TestCertificates.write(dir.resolve("only.crt"), cert.certificatePem());
        assertThatThrownBy(() -> CertificateFiles.load(onlyCert, Optional.empty(), null)).hasMessageContaining("No private key");
        Path onlyKey = TestCertificates.write(dir.resolve("only.key"), cert.pkcs8KeyPem());
        assertThatThrownBy(() -> CertificateFiles.load(onlyKey, Optional.empty(), null)).hasMessageContaining("No certificate");
        assertThatThrownBy(() -> CertificateFiles.load(dir.resolve("nope.pem"), Optional.empty(), null))
                .hasMessageContaining("nope.pem");
    }
}
