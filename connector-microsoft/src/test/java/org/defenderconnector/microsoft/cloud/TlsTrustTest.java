package org.defenderconnector.microsoft.cloud;

import org.defenderconnector.microsoft.testsupport.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlsTrustTest {

    @Test
    void extraCaIsAddedToTheDefaultCasNotInsteadOfThem(@TempDir Path dir) {
        TestCertificates ca = TestCertificates.generate("test-ca");
        TestCertificates stranger = TestCertificates.generate("stranger");
        Path pem = TestCertificates.write(dir.resolve("ca.pem"), ca.certificatePem());

        TlsTrust defaults = TlsTrust.systemDefault();
        TlsTrust trust = TlsTrust.withExtraCa(pem);

        assertThat(defaults.trustManager().getAcceptedIssuers()).isNotEmpty();
        assertThat(trust.trustManager().getAcceptedIssuers())
                .hasSize(defaults.trustManager().getAcceptedIssuers().length + 1)
                .contains(ca.certificate)
                .contains(defaults.trustManager().getAcceptedIssuers());
        assertThatCode(() -> trust.trustManager().checkServerTrusted(new X509Certificate[]{ca.certificate}, "RSA"))
                .doesNotThrowAnyException();
        // Verification stays on: a certificate nobody vouches for is still refused.
        assertThatThrownBy(() -> trust.trustManager().checkServerTrusted(new X509Certificate[]{stranger.certificate}, "RSA"))
                .isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> defaults.trustManager().checkServerTrusted(new X509Certificate[]{ca.certificate}, "RSA"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void aFileWithoutCertificateIsRefusedWithItsName(@TempDir Path dir) {
        Path junk = TestCertificates.write(dir.resolve("junk.pem"), "not a certificate");
        assertThatThrownBy(() -> TlsTrust.withExtraCa(junk)).hasMessageContaining("junk.pem");
        assertThatThrownBy(() -> TlsTrust.withExtraCa(dir.resolve("missing.pem"))).hasMessageContaining("missing.pem");
    }
}
