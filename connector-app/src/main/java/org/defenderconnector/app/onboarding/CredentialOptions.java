package org.defenderconnector.app.onboarding;

import org.defenderconnector.microsoft.auth.CertificateFiles;
import org.defenderconnector.microsoft.auth.ClientCredential;
import org.defenderconnector.microsoft.auth.ClientSecret;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The app registration's credential: a client secret read from an environment variable or a file,
 * or a certificate. Never the secret itself as an argument: arguments end up in shell history and
 * in {@code ps}. Shared by the commands that authenticate (check, hunt).
 */
public final class CredentialOptions {
    @Option(names = "--secret-env", paramLabel = "NAME", description = "Environment variable holding the client secret value")
    String secretEnv;

    @Option(names = "--secret-file", paramLabel = "PATH", description = "File holding the client secret value")
    Path secretFile;

    @Option(names = "--certificate", paramLabel = "PATH",
            description = "Certificate credential: PEM (certificate + private key) or PKCS#12 (.pfx/.p12)")
    Path certificate;

    @Option(names = "--certificate-key", paramLabel = "PATH", description = "Private key PEM, when not inside --certificate")
    Path certificateKey;

    @Option(names = "--certificate-password-env", paramLabel = "NAME",
            description = "Environment variable holding the PKCS#12 password or the encrypted key's passphrase")
    String certificatePasswordEnv;

    /**
     * The credential the options name, read now.
     *
     * @throws IllegalArgumentException with a user-facing message (never the secret) for bad combinations
     */
    public ClientCredential credential(Function<String, String> environment) {
        int given = (secretEnv != null ? 1 : 0) + (secretFile != null ? 1 : 0) + (certificate != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("give exactly one credential: --secret-env NAME, --secret-file PATH or"
                    + " --certificate PATH (the secret itself is never accepted as an argument)");
        }
        if ((certificateKey != null || certificatePasswordEnv != null) && certificate == null) {
            throw new IllegalArgumentException("--certificate-key and --certificate-password-env go with --certificate");
        }
        if (secretEnv != null) {
            String value = environment.apply(secretEnv);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("environment variable " + secretEnv + " is not set or empty");
            }
            return ClientSecret.of(value);
        }
        if (secretFile != null) {
            try {
                return ClientSecret.of(Files.readString(secretFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --secret-file " + secretFile + ": " + e.getClass().getSimpleName());
            }
        }
        char[] password = null;
        if (certificatePasswordEnv != null) {
            String pw = environment.apply(certificatePasswordEnv);
            if (pw == null) {
                throw new IllegalArgumentException("environment variable " + certificatePasswordEnv + " is not set");
            }
            password = pw.toCharArray();
        }
        return CertificateFiles.load(certificate, Optional.ofNullable(certificateKey), password);
    }
}
