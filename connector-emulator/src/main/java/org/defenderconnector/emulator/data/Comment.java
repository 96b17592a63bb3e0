package org.defenderconnector.emulator.data;

import java.time.Instant;

/** A comment on an alert or incident: {@code {comment, createdBy, createdTime}} in every API. */
public record Comment(String comment, String createdBy, Instant createdTime) {
}
