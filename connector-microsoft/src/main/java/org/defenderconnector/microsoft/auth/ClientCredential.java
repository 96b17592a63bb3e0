package org.defenderconnector.microsoft.auth;

/**
 * How an app registration proves its identity to Entra ID: a client secret or a certificate.
 * Implementations never print their secret material ({@code toString} is redacted).
 */
public sealed interface ClientCredential permits ClientSecret, ClientCertificate {
    /** A short, secret-free description for reports and logs, e.g. "client secret". */
    String describe();
}
