package org.defenderconnector.app.server.integrations;

import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.tls.SelfSignedCertificate;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateUploadTest {
    private final DemoCredentials demo = DemoCredentials.get();

    @Test
    void pemWithKeyAndPkcs12WithPasswordGiveTheSameCredential() {
        CertificateUpload.Parsed pem = CertificateUpload.parse(
                (demo.privateKeyPem() + demo.certificatePem()).getBytes(StandardCharsets.US_ASCII), null);
        byte[] p12 = CertificateUpload.decodeUpload(Base64.getEncoder().encodeToString(demo.pkcs12()));
        CertificateUpload.Parsed pkcs12 = CertificateUpload.parse(p12, DemoCredentials.PKCS12_PASSWORD.toCharArray());
        assertThat(pem.facts()).isEqualTo(pkcs12.facts());
        assertThat(pem.facts().sha1Thumbprint()).matches("[0-9A-F]{40}");
        assertThat(pem.chain().get(0)).isEqualTo(demo.certificate());
        assertThat(pem.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void wrongPasswordsMissingKeysAndForeignKeysAreExplained() {
        byte[] p12 = demo.pkcs12();
        assertThatThrownBy(() -> CertificateUpload.parse(p12, "wrong".toCharArray()))
                .hasMessageContaining("wrong password").hasMessageNotContaining("wrong\"");
        assertThatThrownBy(() -> CertificateUpload.parse(p12, null)).hasMessageContaining("password");
        assertThatThrownBy(() -> CertificateUpload.parse(demo.certificatePem().getBytes(StandardCharsets.US_ASCII), null))
                .hasMessageContaining("no private key");
        SelfSignedCertificate other = SelfSignedCertificate.generate("other", Duration.ofDays(1),
                SelfSignedCertificate.Purpose.CLIENT_CREDENTIAL, List.of(), List.of());
        assertThatThrownBy(() -> CertificateUpload.parse((demo.certificatePem() + other.privateKeyPem())
                .getBytes(StandardCharsets.US_ASCII), null)).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> CertificateUpload.decodeUpload("***not base64***"))
                .hasMessageContaining("neither PEM text nor");
    }
}
