package org.defenderconnector.app.server.api;

import org.defenderconnector.app.server.integrations.FieldError;

import java.util.List;

/**
 * An API failure with its HTTP status, a stable code, a message and the fix. The message never
 * contains a secret: it is shown to the caller and may be logged.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String fix;
    private final transient List<FieldError> fields;

    public ApiException(int status, String code, String message, String fix) {
        this(status, code, message, fix, List.of());
    }

    public ApiException(int status, String code, String message, String fix, List<FieldError> fields) {
        super(message);
        this.status = status;
        this.code = code;
        this.fix = fix;
        this.fields = List.copyOf(fields);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String fix() {
        return fix;
    }

    public List<FieldError> fields() {
        return fields;
    }

    /** The response body: {@code {"error":{"status","code","message","fix","fields"}}}. */
    public Body body() {
        return new Body(new Detail(status, code, getMessage(), fix, fields.isEmpty() ? null : fields));
    }

    public record Body(Detail error) {
    }

    public record Detail(int status, String code, String message, String fix, List<FieldError> fields) {
    }

    public static ApiException unauthenticated() {
        return new ApiException(401, "unauthenticated", "sign in, or send an API token",
                "log in at / or send 'Authorization: Bearer <token>' (admins create tokens under Settings > API tokens)");
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message, "ask an admin");
    }

    public static ApiException badRequest(String message, String fix) {
        return new ApiException(400, "bad_request", message, fix);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message, null);
    }
}
