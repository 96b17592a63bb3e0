package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.OcsfMapper;
import org.defenderconnector.ocsf.RecordFields;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/Software} — a product as seen across the whole tenant (weaknesses, exposed machines,
 * impact score) → Base Event (see {@link TenantSnapshots}). The record has no time: {@code time} is when
 * the connector mapped it.
 */
public final class MdeSoftwareMapper implements OcsfMapper {
    public static final String KIND = "mde-software";

    private final Clock clock;

    public MdeSoftwareMapper() {
        this(Clock.systemUTC());
    }

    MdeSoftwareMapper(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public ObjectNode map(RecordFields record, MappingContext context) {
        EntityFields software = new EntityFields(record);
        OcsfEvent event = TenantSnapshots.start("Software", context);
        event.time(clock.millis());
        event.originalUid(software.text("id"));
        event.set("message", message(software));
        return RestEvents.finish(event, software, List.of());
    }

    /** e.g. "Software microsoft edge: 467 weaknesses, 172 exposed machines, public exploit". */
    private static String message(EntityFields software) {
        StringBuilder text = new StringBuilder("Software");
        appendWord(text, software.peekText("vendor"));
        appendWord(text, software.peekText("name"));
        StringBuilder facts = new StringBuilder();
        appendFact(facts, software.peekText("weaknesses"), " weaknesses");
        appendFact(facts, software.peekText("exposedMachines"), " exposed machines");
        if (software.peek("publicExploit") != null && software.peek("publicExploit").asBoolean()) {
            appendFact(facts, "public exploit", "");
        }
        if (software.peek("activeAlert") != null && software.peek("activeAlert").asBoolean()) {
            appendFact(facts, "active alert", "");
        }
        appendFact(facts, software.peekText("impactScore") == null ? null : "impact score " + software.peekText("impactScore"), "");
        if (!facts.isEmpty()) {
            text.append(": ").append(facts);
        }
        return text.toString();
    }

    private static void appendWord(StringBuilder text, String word) {
        if (word != null) {
            text.append(' ').append(word);
        }
    }

    private static void appendFact(StringBuilder facts, String value, String suffix) {
        if (value != null) {
            if (!facts.isEmpty()) {
                facts.append(", ");
            }
            facts.append(value).append(suffix);
        }
    }
}
