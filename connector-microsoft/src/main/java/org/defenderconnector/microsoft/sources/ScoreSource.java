package org.defenderconnector.microsoft.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.Source;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.microsoft.http.AccessToken;
import org.defenderconnector.microsoft.http.ApiClient;
import org.defenderconnector.microsoft.http.ApiException;
import org.defenderconnector.microsoft.http.ApiFamily;
import org.defenderconnector.microsoft.http.ApiRequest;
import org.defenderconnector.microsoft.http.RequiredPermission;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The organisation's exposure score and device secure score ({@code /api/exposureScore},
 * {@code /api/configurationScore}): two tiny entities read each interval, emitted when their time or
 * score changed. The position keeps the last emitted version of each.
 */
public final class ScoreSource implements Source {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One score endpoint. */
    record Score(String path, String naturalId, String kind) {
    }

    static final List<Score> SCORES = List.of(
            new Score("/api/exposureScore", "exposureScore", "mde-exposure-score"),
            new Score("/api/configurationScore", "configurationScore", "mde-configuration-score"));

    private final StreamId id;
    private final ApiClient client;
    private final URI base;
    private final AccessToken token;
    private final Clock clock;

    ScoreSource(StreamId id, ApiClient client, URI base, AccessToken token, Clock clock) {
        this.id = id;
        this.client = client;
        this.base = base;
        this.token = token;
        this.clock = clock;
    }

    @Override
    public StreamId id() {
        return id;
    }

    @Override
    public Batch poll(Position position) throws SourceException {
        List<SourceRecord> records = new ArrayList<>();
        Position next = position;
        for (Score score : SCORES) {
            URI uri = URI.create(base.toString().replaceAll("/+$", "") + score.path());
            String body = client.get(new ApiRequest(uri, ApiFamily.MDE_REST, token,
                    RequiredPermission.mde("Score.Read.All")), in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
            JsonNode node;
            try {
                node = JSON.readTree(body);
            } catch (IOException e) {
                throw ApiClient.brokenBody(new ApiRequest(uri, ApiFamily.MDE_REST, token,
                        RequiredPermission.mde("Score.Read.All")), e, 1);
            }
            String timeText = node.path("time").asText(null);
            String scoreText = node.path("score").asText(null);
            if (scoreText == null) {
                throw new ApiException(ApiException.Kind.MALFORMED_BODY, 200, score.path() + " answered without a score",
                        true, null, null, null);
            }
            String version = timeText + "|" + scoreText;
            if (!version.equals(position.string(score.naturalId()).orElse(null))) {
                var time = ODataTime.parse(timeText);
                records.add(new SourceRecord(score.naturalId(), version, time != null ? time : clock.instant(), body.strip(),
                        score.kind()));
                next = next.with(score.naturalId(), version);
            }
        }
        return new Batch(records, next, false);
    }
}
