package org.defenderconnector.microsoft.testsupport;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Generates throw-away RSA certificates and writes them in the file formats users have. */
public final class TestCertificates {
    public final KeyPair keyPair;
    public final X509Certificate certificate;

    private TestCertificates(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    public static TestCertificates generate(String cn) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair kp = gen.generateKeyPair();
            X500Name name = new X500Name("CN=" + cn);
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), name, kp.getPublic());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));
            return new TestCertificates(kp, cert);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String certificatePem() {
        return pem(certificate);
    }

    /** "-----BEGIN PRIVATE KEY-----" (PKCS#8). */
    public String pkcs8KeyPem() {
        return pem(new PemObject("PRIVATE KEY", keyPair.getPrivate().getEncoded()));
    }

    /** "-----BEGIN RSA PRIVATE KEY-----" (PKCS#1), as openssl genrsa used to write. */
    public String pkcs1KeyPem() {
        return pem(keyPair); // JcaPEMWriter writes a KeyPair / PrivateKey in the traditional OpenSSL format
    }

    /** "-----BEGIN ENCRYPTED PRIVATE KEY-----" (PKCS#8, AES-256-CBC). */
    public String encryptedPkcs8KeyPem(char[] password) {
        try {
            OutputEncryptor enc = new JceOpenSSLPKCS8EncryptorBuilder(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_aes256_CBC)
                    .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).setPassword(password).build();
            return pem(new JcaPKCS8Generator(keyPair.getPrivate(), enc).generate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Path writePkcs12(Path file, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("client", keyPair.getPrivate(), password, new X509Certificate[]{certificate});
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, password);
            }
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path write(Path file, String... parts) {
        try {
            Files.writeString(file, String.join("", parts), StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(Object o) {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sw.toString();
    }
}
