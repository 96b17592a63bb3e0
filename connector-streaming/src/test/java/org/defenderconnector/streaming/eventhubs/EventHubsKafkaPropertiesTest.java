package org.defenderconnector.streaming.eventhubs;

import com.azure.core.credential.TokenCredential;
import org.defenderconnector.api.StreamId;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventHubsKafkaPropertiesTest {
    private static final String KEY = "c2VjcmV0LWtleS12YWx1ZQ==";
    private static final String NAMESPACE_STRING = "Endpoint=sb://contoso-streaming.servicebus.windows.net/;"
            + "SharedAccessKeyName=connector-listen;SharedAccessKey=" + KEY;
    private final StreamId id = new StreamId("contoso", "streaming-eventhubs");

    @Test
    void eventHubsUsesSaslSslPlainWithTheConnectionStringAsPassword() {
        EventHubsConnectionString cs = EventHubsConnectionString.parse(NAMESPACE_STRING);
        EventHubsConfig config = EventHubsConfig.eventHubs(id, cs, List.of("defender"), "defender-connector");
        Properties p = EventHubsKafkaProperties.of(config);

        assertThat(p.getProperty("bootstrap.servers")).isEqualTo("contoso-streaming.servicebus.windows.net:9093");
        assertThat(p.getProperty("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(p.getProperty("sasl.mechanism")).isEqualTo("PLAIN");
        assertThat(p.getProperty("sasl.jaas.config")).isEqualTo(
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"$ConnectionString\""
                        + " password=\"" + NAMESPACE_STRING + "\";");
        assertThat(p.getProperty("group.id")).isEqualTo("defender-connector");
        assertThat(p.getProperty("enable.auto.commit")).isEqualTo("false");
        assertThat(p.getProperty("auto.offset.reset")).isEqualTo("earliest");
        assertThat(p.getProperty("request.timeout.ms")).isEqualTo("60000");
        assertThat(p.getProperty("session.timeout.ms")).isEqualTo("30000");
        assertThat(config.topics()).containsExactly("defender");
    }

    @Test
    void entraUsesSaslSslOauthBearerWithTheLoginHandlerAndHandsItTheNamespaceAndCredential() {
        TokenCredential credential = request -> Mono.empty();
        EventHubsConfig config = EventHubsConfig.eventHubsEntra(id, "contoso-streaming.servicebus.windows.net",
                credential, List.of("defender"), "defender-connector");
        Properties p = EventHubsKafkaProperties.of(config);

        assertThat(p.getProperty("bootstrap.servers")).isEqualTo("contoso-streaming.servicebus.windows.net:9093");
        assertThat(p.getProperty("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(p.getProperty("sasl.mechanism")).isEqualTo("OAUTHBEARER");
        assertThat(p.getProperty("sasl.jaas.config"))
                .isEqualTo("org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;");
        assertThat(p.getProperty("sasl.login.callback.handler.class"))
                .isEqualTo(EntraLoginCallbackHandler.class.getName());
        KafkaSecurity.EventHubsEntra entra = (KafkaSecurity.EventHubsEntra) p.get(EntraLoginCallbackHandler.ENTRA_CONFIG);
        assertThat(entra.credential()).isSameAs(credential);
        assertThat(entra.scope()).isEqualTo("https://contoso-streaming.servicebus.windows.net/.default");
        assertThat(p.getProperty("session.timeout.ms")).isEqualTo("30000");
        assertThat(config.topics()).containsExactly("defender");
        assertThat(EventHubsConfig.eventHubsEntra(id, "contoso-streaming.servicebus.windows.net", credential, List.of(),
                "g").topicPattern()).isEqualTo("insights-logs-advancedhunting-.*");
        assertThatThrownBy(() -> new KafkaSecurity.EventHubsEntra("sb://contoso.servicebus.windows.net/", credential))
                .hasMessageContaining("not a fully qualified host name");
    }

    @Test
    void withoutHubNamesTheEntityPathOrEveryDefenderHubIsRead() {
        EventHubsConfig hub = EventHubsConfig.eventHubs(id,
                EventHubsConnectionString.parse(NAMESPACE_STRING + ";EntityPath=insights-logs-advancedhunting-alertinfo"),
                List.of(), "g");
        assertThat(hub.topics()).containsExactly("insights-logs-advancedhunting-alertinfo");
        EventHubsConfig all = EventHubsConfig.eventHubs(id, EventHubsConnectionString.parse(NAMESPACE_STRING), null, "g");
        assertThat(all.topics()).isEmpty();
        assertThat(all.topicPattern()).isEqualTo("insights-logs-advancedhunting-.*");
    }

    @Test
    void theSecretNeverShowsInTextsAndBadStringsAreNamed() {
        EventHubsConnectionString cs = EventHubsConnectionString.parse(NAMESPACE_STRING);
        EventHubsConfig config = EventHubsConfig.eventHubs(id, cs, List.of("h"), "g");
        assertThat(cs.toString()).doesNotContain(KEY).contains("contoso-streaming.servicebus.windows.net");
        assertThat(config.toString()).doesNotContain(KEY);
        assertThatThrownBy(() -> EventHubsConnectionString.parse("SharedAccessKey=" + KEY))
                .hasMessageContaining("Endpoint").hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> EventHubsConnectionString.parse("Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=a"))
                .hasMessageContaining("SharedAccessKey");
    }

    @Test
    void jaasValuesAreEscaped() {
        assertThat(EventHubsKafkaProperties.jaasQuoted("a\"b\\c")).isEqualTo("a\\\"b\\\\c");
    }

    @Test
    void plaintextForALocalBroker() {
        Properties p = EventHubsKafkaProperties.of(EventHubsConfig.plaintext(id, "127.0.0.1:9092", List.of("t"), "g"));
        assertThat(p.getProperty("security.protocol")).isEqualTo("PLAINTEXT");
        assertThat(p.getProperty("sasl.jaas.config")).isNull();
    }
}
