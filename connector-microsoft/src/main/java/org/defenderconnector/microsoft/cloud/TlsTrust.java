package org.defenderconnector.microsoft.cloud;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which server certificates the connector trusts: always the JDK's default CAs, plus optionally the
 * CA certificates of one PEM file (an emulator's self-signed certificate, a TLS-inspecting proxy's
 * CA). Verification, including host names, is never switched off.
 */
public final class TlsTrust {
    private final Path extraCaFile;
    private final SSLContext sslContext;
    private final X509TrustManager trustManager;

    private TlsTrust(Path extraCaFile, SSLContext sslContext, X509TrustManager trustManager) {
        this.extraCaFile = extraCaFile;
        this.sslContext = sslContext;
        this.trustManager = trustManager;
    }

    /** The JDK's default trust store only. */
    public static TlsTrust systemDefault() {
        try {
            return new TlsTrust(null, SSLContext.getDefault(), defaultTrustManager());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no default TLS context", e);
        }
    }

    /**
     * The default trust store plus every certificate in a PEM file.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds no certificate
     */
    public static TlsTrust withExtraCa(Path pemFile) {
        List<X509Certificate> extra = readCertificates(pemFile);
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : defaultTrustManager().getAcceptedIssuers()) {
                store.setCertificateEntry("default-" + i++, ca);
            }
            int j = 0;
            for (X509Certificate ca : extra) {
                store.setCertificateEntry("extra-" + j++, ca);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            X509TrustManager tm = null;
            for (var m : tmf.getTrustManagers()) {
                if (m instanceof X509TrustManager x509) {
                    tm = x509;
                }
            }
            return new TlsTrust(pemFile, ctx, tm);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not build a trust store with " + pemFile, e);
        }
    }

    /** {@link #withExtraCa} when a file is given, else {@link #systemDefault}. */
    public static TlsTrust of(Optional<Path> extraCaFile) {
        return extraCaFile.map(TlsTrust::withExtraCa).orElseGet(TlsTrust::systemDefault);
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    /** The trust manager behind {@link #sslContext()}, for HTTP clients that take one directly. */
    public X509TrustManager trustManager() {
        return trustManager;
    }

    public Optional<Path> extraCaFile() {
        return Optional.ofNullable(extraCaFile);
    }

    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        for (var tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("No default X509TrustManager");
    }

    private static List<X509Certificate> readCertificates(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : certs) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("No certificate found in CA file " + pemFile);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read CA certificate file " + pemFile + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("CA certificate file " + pemFile + " is not a PEM X.509 certificate: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TlsTrust[default CAs" + (extraCaFile == null ? "" : " + " + extraCaFile) + "]";
    }
}
