package org.defenderconnector.ocsf.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Validates OCSF events against the compiled schema, mirroring the rules of the OCSF server's validator
 * (see docs/ocsf/validation.md) with a few stricter checks: everything it finds is a violation, there are no
 * warnings. Stateless and thread-safe; build one per schema and share it.
 */
public final class OcsfValidator {

    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final OcsfSchema schema;
    private final ValueCheck valueCheck;
    private final ClassificationCheck classificationCheck;
    private final ObservableCheck observableCheck;

    public OcsfValidator(OcsfSchema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.valueCheck = new ValueCheck(schema);
        this.classificationCheck = new ClassificationCheck(schema);
        this.observableCheck = new ObservableCheck(schema);
    }

    /** A validator over {@link OcsfSchema#load()}, the schema located from system properties or classpath. */
    public static OcsfValidator standard() {
        return new OcsfValidator(OcsfSchema.load());
    }

    public OcsfSchema schema() {
        return schema;
    }

    /** Validates one event. Never throws for bad input: anything wrong with the event is a violation. */
    public ValidationResult validate(JsonNode event) {
        List<Violation> violations = new ArrayList<>();
        if (event == null || !event.isObject()) {
            violations.add(new Violation("", Rule.EVENT_NOT_OBJECT, "an OCSF event is a JSON object, got "
                    + ValueCheck.describe(event)));
            return new ValidationResult(violations);
        }
        EventClass eventClass = resolveClass(event, violations);
        if (eventClass == null) {
            // Without a class there is nothing to check attributes against.
            return new ValidationResult(violations);
        }
        if (eventClass.isDeprecated()) {
            violations.add(new Violation("class_uid", Rule.CLASS_DEPRECATED, "class " + eventClass.name() + " ("
                    + eventClass.uid() + ") is deprecated since " + eventClass.deprecated().since() + ": "
                    + eventClass.deprecated().message()));
        }
        Set<String> profiles = declaredProfiles(event, violations);
        new EventWalk(schema, valueCheck, profiles, ClassificationCheck.OWNED_ENUMS, violations)
                .walkEvent(eventClass, event);
        classificationCheck.check(eventClass, event, violations);
        observableCheck.check(eventClass, event, profiles, violations);
        return violations.isEmpty() ? ValidationResult.valid() : new ValidationResult(violations);
    }

    /** Parses and validates one event given as JSON text; text that is not JSON is a {@link Rule#JSON_INVALID}. */
    public ValidationResult validate(String json) {
        JsonNode event;
        try {
            event = STRICT_JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return new ValidationResult(List.of(notJson(e)));
        }
        return validate(event);
    }

    /**
     * Validates newline-delimited JSON, one event per line, reporting every non-blank line to {@code sink}
     * in input order (valid lines too, so a caller can count or echo them).
     *
     * @return totals of the run
     * @throws IOException when reading fails; lines reported so far stay reported
     */
    public LinesSummary validateLines(Reader input, Consumer<LineResult> sink) throws IOException {
        BufferedReader lines = input instanceof BufferedReader buffered ? buffered : new BufferedReader(input);
        long lineNumber = 0;
        long events = 0;
        long invalid = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            ValidationResult result = validate(line);
            events++;
            if (!result.isValid()) {
                invalid++;
            }
            sink.accept(new LineResult(lineNumber, result));
        }
        return new LinesSummary(events, invalid);
    }

    private EventClass resolveClass(JsonNode event, List<Violation> violations) {
        JsonNode classUid = event.get("class_uid");
        if (classUid == null || classUid.isNull()) {
            violations.add(new Violation("class_uid", Rule.ATTRIBUTE_REQUIRED_MISSING,
                    "required attribute \"class_uid\" is missing; the event's class cannot be determined"));
            return null;
        }
        if (!classUid.isIntegralNumber() || !classUid.canConvertToInt()) {
            violations.add(new Violation("class_uid", Rule.ATTRIBUTE_WRONG_TYPE, "expected integer_t, got "
                    + ValueCheck.describe(classUid)));
            return null;
        }
        EventClass eventClass = schema.eventClass(classUid.intValue()).orElse(null);
        if (eventClass == null) {
            violations.add(new Violation("class_uid", Rule.CLASS_UNKNOWN, "no class of OCSF " + schema.version()
                    + " has class_uid " + classUid.asText()));
        }
        return eventClass;
    }

    /** The string entries of {@code metadata.profiles}; unknown names are reported, other types left to the walk. */
    private Set<String> declaredProfiles(JsonNode event, List<Violation> violations) {
        JsonNode profiles = event.path("metadata").path("profiles");
        if (!profiles.isArray()) {
            return Set.of();
        }
        Set<String> declared = new HashSet<>();
        for (int i = 0; i < profiles.size(); i++) {
            JsonNode profile = profiles.get(i);
            if (!profile.isTextual()) {
                continue;
            }
            declared.add(profile.textValue());
            if (schema.profile(profile.textValue()).isEmpty()) {
                violations.add(new Violation("metadata.profiles[" + i + "]", Rule.PROFILE_UNKNOWN, "profile "
                        + ValueCheck.quoted(profile.textValue()) + " is not defined; known: "
                        + String.join(", ", schema.profiles().keySet().stream().sorted().toList())));
            }
        }
        return declared;
    }

    /** Jackson's message without the source excerpt, which could echo event content. */
    private static Violation notJson(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location == null ? "" : " at column " + location.getColumnNr();
        return new Violation("", Rule.JSON_INVALID, "not a JSON document" + where + ": " + e.getOriginalMessage());
    }
}
