package org.defenderconnector.microsoft.hunting;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HuntingOptionsTest {
    @Test
    void defaultsAndOverrides() {
        HuntingOptions o = HuntingOptions.fromMap(Map.of("api", "XDR", "lag", "2m", "overlap", "PT15M", "rowCap", "5000"));

        assertThat(o.api()).isEqualTo(HuntingApi.XDR);
        assertThat(o.lag()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.overlap()).isEqualTo(Duration.ofMinutes(15));
        assertThat(o.rowCap()).isEqualTo(5000);
        assertThat(o.targetRows()).isEqualTo(5000);
        assertThat(HuntingOptions.defaults().api()).isEqualTo(HuntingApi.GRAPH);
        assertThat(HuntingOptions.defaults().lag()).isEqualTo(Duration.ofMinutes(5));
        assertThat(HuntingOptions.defaults().rowCap()).isEqualTo(100_000);
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> HuntingOptions.fromMap(Map.of("rowcap", "5"))).hasMessageContaining("unknown hunting option 'rowcap'");
        assertThatThrownBy(() -> HuntingOptions.fromMap(Map.of("rowCap", "200000"))).hasMessageContaining("100000");
        assertThatThrownBy(() -> HuntingOptions.fromMap(Map.of("lag", "soon"))).hasMessageContaining("lag");
        assertThatThrownBy(() -> HuntingOptions.fromMap(Map.of("api", "splunk"))).hasMessageContaining("graph, mde or xdr");
        assertThatThrownBy(() -> HuntingOptions.fromMap(Map.of("minWindow", "2d"))).hasMessageContaining("maxWindow");
    }
}
