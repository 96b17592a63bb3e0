package org.defenderconnector.app.server.ops;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest {
    @Test
    void writesHelpAndTypeOnceAndEscapesLabelValues() {
        PrometheusText text = new PrometheusText();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("integration", "a\"b\\c\nd");
        text.declare("m_total", "counter", "Things.");
        text.sample("m_total", labels, 3);
        text.declare("m_total", "counter", "Things.");
        text.sample("m_total", Map.of(), 0.25);
        assertThat(text.toString()).isEqualTo("""
                # HELP m_total Things.
                # TYPE m_total counter
                m_total{integration="a\\"b\\\\c\\nd"} 3
                m_total 0.25
                """);
    }
}
