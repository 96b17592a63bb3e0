package org.defenderconnector.emulator.faults;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an injected fault does to a matching request. */
public enum FaultKind {

    /** Answers 500 or 503 in the family's error shape instead of serving. */
    SERVER_ERROR("serverError"),
    /** Answers 429 with Retry-After (a "429 storm" when count is several). */
    THROTTLE("throttle"),
    /** Serves after an added delay. */
    LATENCY("latency"),
    /** Sends part of the body, then drops the connection. */
    TRUNCATE("truncate"),
    /** After a number of matching requests, every token issued before that moment is refused (401). */
    EXPIRE_TOKENS("expireTokens"),
    /** Fails every request whose time window (OData $filter bounds, delta sinceTime, hunting time range) contains a time. */
    FAIL_WINDOW("failWindow");

    private final String key;

    FaultKind(String key) {
        this.key = key;
    }

    @JsonValue
    public String key() {
        return key;
    }

    @JsonCreator
    public static FaultKind of(String key) {
        for (FaultKind kind : values()) {
            if (kind.key.equalsIgnoreCase(key) || kind.name().equalsIgnoreCase(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown fault kind '" + key
                + "' (known: serverError, throttle, latency, truncate, expireTokens, failWindow)");
    }
}
