package org.defenderconnector.ocsf.rest;

import org.defenderconnector.ocsf.OcsfMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every REST mapper with a fixed clock, so that records without a time of their own map reproducibly. */
final class RestMappers {
    /** The "now" of every test: records without a time are stamped with it. */
    static final Instant NOW = Instant.parse("2026-01-15T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private RestMappers() {
    }

    static List<OcsfMapper> all() {
        return List.of(
                new MdeAlertMapper(CLOCK), new GraphAlertMapper(CLOCK),
                new XdrIncidentMapper(CLOCK), new GraphIncidentMapper(CLOCK),
                new MdeMachineMapper(CLOCK), new MdeMachineActionMapper(CLOCK),
                new MdeVulnerabilityByMachineMapper(CLOCK), new MdeVulnerabilityMapper(CLOCK),
                new MdeMachineVulnerabilityMapper(CLOCK), new MdeSoftwareMapper(CLOCK),
                new MdeExposureScoreMapper(CLOCK), new MdeConfigurationScoreMapper(CLOCK),
                new MdeIndicatorMapper(CLOCK));
    }

    static Map<String, OcsfMapper> byKind() {
        Map<String, OcsfMapper> byKind = new LinkedHashMap<>();
        for (OcsfMapper mapper : all()) {
            mapper.kinds().forEach(kind -> byKind.put(kind, mapper));
        }
        return byKind;
    }
}
