package org.defenderconnector.streaming.eventhubs;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.util.Properties;

/**
 * The Kafka consumer properties for an {@link EventHubsConfig}. Offsets are never auto-committed: they
 * are committed only after the engine has durably delivered the batch. With Entra sign-in one value is not
 * text but the {@link KafkaSecurity.EventHubsEntra} itself, for the login handler.
 */
public final class EventHubsKafkaProperties {
    private EventHubsKafkaProperties() {
    }

    public static Properties of(EventHubsConfig config) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumerGroup());
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, "defender-connector-" + config.streamId().tenant() + "-"
                + config.streamId().stream());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, config.autoOffsetReset());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(config.maxPollRecords()));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        if (config.security() instanceof KafkaSecurity.EventHubsSasl sasl) {
            p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
            p.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
            p.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required"
                    + " username=\"$ConnectionString\" password=\"" + jaasQuoted(sasl.connectionString().secretValue())
                    + "\";");
            eventHubsClientSettings(p);
        } else if (config.security() instanceof KafkaSecurity.EventHubsEntra entra) {
            // Microsoft's Kafka OAuth settings for Event Hubs: SASL_SSL, OAUTHBEARER, the login module with no
            // options, and a login callback handler that supplies the Entra token.
            p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
            p.put(SaslConfigs.SASL_MECHANISM, OAuthBearerLoginModule.OAUTHBEARER_MECHANISM);
            p.put(SaslConfigs.SASL_JAAS_CONFIG, OAuthBearerLoginModule.class.getName() + " required;");
            p.put(SaslConfigs.SASL_LOGIN_CALLBACK_HANDLER_CLASS, EntraLoginCallbackHandler.class.getName());
            // An object, not text: Kafka passes it through to the handler (see EntraLoginCallbackHandler).
            p.put(EntraLoginCallbackHandler.ENTRA_CONFIG, entra);
            eventHubsClientSettings(p);
        } else {
            p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
        }
        config.extraProperties().forEach(p::put);
        return p;
    }

    /**
     * Event Hubs' recommended client settings (Kafka on Event Hubs configuration guide): the service closes idle
     * connections after 240 s and caps the session timeout.
     */
    private static void eventHubsClientSettings(Properties p) {
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "60000");
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "30000");
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "180000");
        p.put(ConsumerConfig.CONNECTIONS_MAX_IDLE_MS_CONFIG, "180000");
    }

    /** JAAS values are double-quoted; a quote or backslash inside must be escaped. */
    static String jaasQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
