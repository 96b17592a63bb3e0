package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.OcsfMapper;
import org.defenderconnector.ocsf.RecordFields;

import java.time.Clock;
import java.util.Set;

/** {@code GET /api/exposureScore} → Base Event (see {@link TenantSnapshots}); {@code time} is the score's time. */
public final class MdeExposureScoreMapper implements OcsfMapper {
    public static final String KIND = "mde-exposure-score";

    private final Clock clock;

    public MdeExposureScoreMapper() {
        this(Clock.systemUTC());
    }

    MdeExposureScoreMapper(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public ObjectNode map(RecordFields record, MappingContext context) {
        return TenantSnapshots.score(record, context, clock, "ExposureScore", "Microsoft Defender Vulnerability Management exposure score");
    }
}
