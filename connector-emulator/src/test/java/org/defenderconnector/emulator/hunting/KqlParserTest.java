package org.defenderconnector.emulator.hunting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.defenderconnector.emulator.odata.TimeWindow;
import org.junit.jupiter.api.Test;

/** The KQL subset's grammar, the time bounds it yields, and Graph's Timespan forms. */
class KqlParserTest {

    private static final Instant NOW = Instant.parse("2025-03-04T10:00:00Z");

    @Test
    void parsesTheSampleQueries() {
        KqlQuery query = KqlParser.parse("DeviceProcessEvents |where InitiatingProcessFileName =~ 'powershell.exe' "
                + "|where ProcessCommandLine contains 'appdata'|project Timestamp, FileName|limit 2 // comment", NOW);

        assertThat(query.table()).isEqualTo("DeviceProcessEvents");
        assertThat(query.operators()).hasSize(4);
        assertThat(query.operators().get(2)).isEqualTo(new KqlQuery.Project(java.util.List.of("Timestamp",
                "FileName")));
        assertThat(query.operators().get(3)).isEqualTo(new KqlQuery.Take(2));
    }

    @Test
    void datetimeAgoAndNowResolveToInstants() {
        KqlQuery query = KqlParser.parse("T | where Timestamp > ago(2h) and Timestamp <= now() or Timestamp == "
                + "datetime(2024-01-01T00:00:00.1234567Z)", NOW);

        KqlQuery.Or or = (KqlQuery.Or) ((KqlQuery.Where) query.operators().get(0)).predicate();
        KqlQuery.And and = (KqlQuery.And) or.left();
        assertThat(((KqlQuery.Comparison) and.left()).value()).isEqualTo(NOW.minus(Duration.ofHours(2)));
        assertThat(((KqlQuery.Comparison) and.right()).value()).isEqualTo(NOW);
        assertThat(((KqlQuery.Comparison) or.right()).value()).isEqualTo(Instant.parse("2024-01-01T00:00:00.1234567Z"));
    }

    @Test
    void leadingTimestampConditionsNarrowTheScanWindow() {
        AdvancedHunting hunting = new AdvancedHunting(HuntingSettings.documented(), java.time.Clock.fixed(NOW,
                java.time.ZoneOffset.UTC));
        TimeWindow base = new TimeWindow(NOW.minus(Duration.ofDays(30)), true, NOW, true);

        TimeWindow narrowed = hunting.narrow(KqlParser.parse("T | where Timestamp >= datetime(2025-03-01) "
                + "and Timestamp < datetime(2025-03-02) | take 5 | where Timestamp > datetime(2025-03-01T12:00:00Z)",
                NOW), base);

        assertThat(narrowed).isEqualTo(new TimeWindow(Instant.parse("2025-03-01T00:00:00Z"), true,
                Instant.parse("2025-03-02T00:00:00Z"), false));
    }

    @Test
    void refusesOperatorsOutsideTheSubsetWithTheirPosition() {
        assertThatThrownBy(() -> KqlParser.parse("DeviceInfo | summarize count()", NOW))
                .isInstanceOf(KqlException.class).hasMessageContaining("'summarize' on line [1,14]");
        assertThatThrownBy(() -> KqlParser.parse("DeviceInfo | where A in (\"x\")", NOW))
                .hasMessageContaining("'in' is not supported");
        assertThatThrownBy(() -> KqlParser.parse("DeviceInfo | where tolower(A) == \"x\"", NOW))
                .hasMessageContaining("functions");
        assertThatThrownBy(() -> KqlParser.parse("| take 1", NOW)).hasMessageContaining("table name");
    }

    @Test
    void hasMatchesWholeTerms() {
        assertThat(AdvancedHunting.hasTerm("cmd.exe /c whoami", "whoami")).isTrue();
        assertThat(AdvancedHunting.hasTerm("cmd.exe /c whoamiX", "whoami")).isFalse();
        assertThat(AdvancedHunting.hasTerm("Invoke-Mimikatz", "mimikatz")).isTrue();
    }

    @Test
    void timespanFormsOfRunHuntingQuery() {
        assertThat(Timespans.parse(null, NOW)).isEqualTo(new TimeWindow(NOW.minus(Duration.ofDays(30)), true, NOW,
                true));
        assertThat(Timespans.parse("P1D", NOW).from()).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(Timespans.parse("2025-03-01T00:00:00Z/2025-03-02T00:00:00Z", NOW).to())
                .isEqualTo(Instant.parse("2025-03-02T00:00:00Z"));
        assertThat(Timespans.parse("PT6H/2025-03-02T00:00:00Z", NOW).from())
                .isEqualTo(Instant.parse("2025-03-01T18:00:00Z"));
        assertThat(Timespans.parse("2025-03-01T00:00:00Z/P2D", NOW).to()).isEqualTo(Instant.parse("2025-03-03T00:00:00Z"));
        assertThat(Timespans.parse("2025-03-01T00:00:00Z", NOW).to()).isEqualTo(NOW);
        assertThatThrownBy(() -> Timespans.parse("yesterday", NOW)).isInstanceOf(KqlException.class);
    }
}
