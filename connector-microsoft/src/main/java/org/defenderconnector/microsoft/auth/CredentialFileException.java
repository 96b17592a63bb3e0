package org.defenderconnector.microsoft.auth;

/** A credential file (certificate, key, PKCS#12) could not be used. The message names the file, never its content. */
public final class CredentialFileException extends IllegalArgumentException {
    public CredentialFileException(String message) {
        super(message);
    }
}
