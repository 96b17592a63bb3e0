package org.defenderconnector.emulator.entra;

/**
 * The token endpoint's error table: HTTP status, OAuth {@code error}, AADSTS code and description. Codes and
 * short descriptions follow Entra's error code reference (shared/reference/microsoft-api.md §1.7 and §1.3);
 * the longer explanations name the cause and the fix like Entra's own messages do. Descriptions never contain
 * a secret or an assertion, only identifiers.
 */
public enum AadError {

    /** Tenant GUID or domain not found (also: wrong cloud). Args: tenant as given. */
    TENANT_NOT_FOUND(400, "invalid_request", 90002,
            "Tenant '%s' not found. Check to make sure you have the correct tenant ID and are signing into the "
                    + "correct cloud. This may also happen if there are no active subscriptions for the tenant."),

    /** No service principal for the client in this tenant. Args: client id, tenant display name. */
    APPLICATION_NOT_FOUND(400, "unauthorized_client", 700016,
            "Application with identifier '%s' was not found in the directory '%s'. This can happen if the "
                    + "application has not been installed by the administrator of the tenant or consented to by any "
                    + "user in the tenant. You may have sent your authentication request to the wrong tenant."),

    /** Secret does not match any current secret. Args: client id. */
    INVALID_CLIENT_SECRET(401, "invalid_client", 7000215,
            "Invalid client secret provided. Ensure the secret being sent in the request is the client secret "
                    + "value, not the client secret ID, for a secret added to app '%s'."),

    /** Secret matches one that expired. Args: client id. */
    CLIENT_SECRET_EXPIRED(401, "invalid_client", 7000222,
            "The provided client secret keys for app '%s' are expired. Create a new client secret for the app "
                    + "in the Azure portal (Certificates & secrets), or use a certificate credential."),

    /** Assertion signed by a certificate not on the app. Args: thumbprint sent, client id. */
    ASSERTION_KEY_NOT_REGISTERED(401, "invalid_client", 700027,
            "Client assertion failed signature validation. [Reason - The key was not found. Thumbprint of key "
                    + "used by client: '%s'. The certificate used to sign the client assertion is not registered on "
                    + "application '%s'; upload it under Certificates & secrets.]"),

    /** Assertion names a registered certificate but its signature does not verify. Args: client id. */
    ASSERTION_BAD_SIGNATURE(401, "invalid_client", 700027,
            "Client assertion failed signature validation. [Reason - The signature does not verify with the "
                    + "certificate registered on application '%s' that the assertion header names.]"),

    /** Neither a secret nor an assertion. */
    CREDENTIAL_MISSING(400, "invalid_client", 7000218,
            "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."),

    /** v1 resource unknown. Args: resource, tenant display name. */
    RESOURCE_NOT_FOUND(400, "invalid_resource", 500011,
            "The resource principal named %s was not found in the tenant named %s. This can happen if the "
                    + "application has not been installed by the administrator of the tenant or consented to by any "
                    + "user in the tenant. You might have sent your authentication request to the wrong tenant."),

    /** v2 scope names an unknown resource. Args: resource, tenant display name. */
    SCOPE_RESOURCE_NOT_FOUND(400, "invalid_scope", 500011, RESOURCE_NOT_FOUND.description),

    /** v2 scope not of the form resource/.default. Args: scope. */
    INVALID_SCOPE(400, "invalid_scope", 70011,
            "The provided value for the input parameter 'scope' isn't valid. The scope %s isn't valid. The client "
                    + "credentials flow takes exactly one scope of the form '{App ID URI}/.default'."),

    /** {@code resource} sent to the v2 endpoint. */
    RESOURCE_ON_V2(400, "invalid_request", 901002, "The 'resource' request parameter isn't supported."),

    /** grant_type other than client_credentials. Args: grant type. */
    UNSUPPORTED_GRANT_TYPE(400, "unsupported_grant_type", 70003,
            "The app requested an unsupported grant type '%s'. This endpoint only emulates 'client_credentials'."),

    /** A required form parameter is missing. Args: parameter name. */
    PARAMETER_MISSING(400, "invalid_request", 900144,
            "The request body must contain the following parameter: '%s'."),

    /** Not a POST. Args: method. */
    POST_REQUIRED(400, "invalid_request", 900561,
            "The endpoint only accepts POST requests. Received a %s request."),

    /** The assertion is not a well-formed JWS, or its type or algorithm is not supported. Args: detail. */
    ASSERTION_MALFORMED(400, "invalid_request", 50027, "JWT token is invalid or malformed. %s"),

    /** iss/sub differ from client_id. Args: client id. */
    ASSERTION_CLIENT_MISMATCH(401, "invalid_client", 700021,
            "Client assertion application identifier doesn't match 'client_id' parameter. Both 'iss' and 'sub' "
                    + "of the assertion must be '%s'."),

    /** aud is not this tenant's token endpoint. Args: aud, expected. */
    ASSERTION_AUDIENCE(401, "invalid_client", 700023,
            "Client assertion audience claim does not match Realm issuer. Audience '%s' is not the token endpoint "
                    + "the assertion was posted to; expected %s."),

    /** exp passed or nbf ahead. Args: detail. */
    ASSERTION_TIME_RANGE(401, "invalid_client", 700024, "Client assertion is not within its valid time range. %s");

    private final int httpStatus;
    private final String error;
    private final int code;
    private final String description;

    AadError(int httpStatus, String error, int code, String description) {
        this.httpStatus = httpStatus;
        this.error = error;
        this.code = code;
        this.description = description;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The OAuth 2.0 {@code error} value clients are told to react on. */
    public String error() {
        return error;
    }

    /** The AADSTS number. */
    public int code() {
        return code;
    }

    /** "AADSTSnnnn: description" with the arguments filled in. */
    public String describe(Object... args) {
        return "AADSTS" + code + ": " + String.format(description, args);
    }

    /** An exception carrying this error, to be rendered by the token endpoint. */
    public AadException exception(Object... args) {
        return new AadException(this, describe(args));
    }
}
