package org.defenderconnector.emulator.support;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Client certificates for tests, made with BouncyCastle directly (not with the emulator's own generator), so
 * that the assertion side of the tests is independent of the code under test.
 */
public final class TestCertificates {

    /** A key pair and its self-signed certificate. */
    public record Credential(X509Certificate certificate, PrivateKey privateKey) {
        public String certificatePem() {
            StringWriter text = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
                writer.writeObject(certificate);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return text.toString();
        }
    }

    private TestCertificates() {
    }

    public static Credential generate(String commonName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + commonName);
            Instant now = Instant.now();
            var holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), name,
                    keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
            return new Credential(new JcaX509CertificateConverter().getCertificate(holder), keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
