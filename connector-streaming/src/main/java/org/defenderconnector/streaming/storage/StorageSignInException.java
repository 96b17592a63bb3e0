package org.defenderconnector.streaming.storage;

/**
 * No Entra ID token could be had for the storage account. Raised inside the Storage SDK's request pipeline
 * by {@link SignInReportingCredential}, so that {@link StorageFailures} can tell a sign-in failure (wrong
 * secret, unknown app, Entra unreachable) from the storage endpoint being unreachable.
 */
final class StorageSignInException extends RuntimeException {
    StorageSignInException(RuntimeException cause) {
        // The token source's messages carry Entra's AADSTS code and description, never the credential.
        super(cause.getMessage(), cause);
    }
}
