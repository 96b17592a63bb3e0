package org.defenderconnector.streaming.eventhubs;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.security.auth.SaslExtensionsCallback;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerTokenCallback;
import org.defenderconnector.api.StreamId;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OAUTHBEARER login handler on its own, and inside real Kafka consumers (whose login Kafka may share). */
class EntraLoginCallbackHandlerTest {
    private static final String NAMESPACE = "contoso-streaming.servicebus.windows.net";
    private static final String SCOPE = "https://" + NAMESPACE + "/.default";
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant EXPIRES = NOW.plusSeconds(3599);
    private final StreamId id = new StreamId("contoso", "streaming-eventhubs");

    /** A token-shaped string with the claims Entra puts in an app token; its signature does not matter here. */
    private static String jwt(String appId) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"aud\":\"https://" + NAMESPACE + "\",\"appid\":\"" + appId + "\",\"sub\":\"s\"}")
                .getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    /** Hands out one fixed token and remembers the scopes it was asked for. */
    private static final class RecordingCredential implements TokenCredential {
        final List<List<String>> asked = new ArrayList<>();
        private final String token;
        private final Instant expires;

        RecordingCredential(String token, Instant expires) {
            this.token = token;
            this.expires = expires;
        }

        @Override
        public Mono<AccessToken> getToken(TokenRequestContext request) {
            return Mono.fromCallable(() -> getTokenSync(request));
        }

        @Override
        public synchronized AccessToken getTokenSync(TokenRequestContext request) {
            asked.add(List.copyOf(request.getScopes()));
            return new AccessToken(token, OffsetDateTime.ofInstant(expires, ZoneOffset.UTC));
        }

    }

    private static EntraLoginCallbackHandler configured(TokenCredential credential) {
        EntraLoginCallbackHandler handler = new EntraLoginCallbackHandler(Clock.fixed(NOW, ZoneOffset.UTC));
        handler.configure(Map.of(EntraLoginCallbackHandler.ENTRA_CONFIG,
                new KafkaSecurity.EventHubsEntra(NAMESPACE, credential)), "OAUTHBEARER", List.of());
        return handler;
    }

    @Test
    void handsKafkaTheCredentialsTokenForTheNamespaceScope() throws Exception {
        String token = jwt("11111111-2222-3333-4444-555555555555");
        RecordingCredential credential = new RecordingCredential(token, EXPIRES);
        OAuthBearerTokenCallback callback = new OAuthBearerTokenCallback();
        SaslExtensionsCallback extensions = new SaslExtensionsCallback();

        configured(credential).handle(new Callback[] {callback, extensions});

        OAuthBearerToken given = callback.token();
        assertThat(credential.asked).containsExactly(List.of(SCOPE));
        assertThat(given.value()).isEqualTo(token);
        assertThat(given.scope()).containsExactly(SCOPE);
        assertThat(given.lifetimeMs()).isEqualTo(EXPIRES.toEpochMilli());
        assertThat(given.startTimeMs()).isEqualTo(NOW.toEpochMilli());
        assertThat(given.principalName()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(given.toString()).doesNotContain(token);
        assertThat(extensions.extensions().map()).isEmpty();
    }

    @Test
    void aCredentialThatIssuesNoTokenFailsWithItsReasonAndTheScope() {
        TokenCredential refusing = request -> Mono.error(new IllegalStateException(
                "No token: AADSTS7000215 invalid_client (HTTP 401)"));

        assertThatThrownBy(() -> configured(refusing).handle(new Callback[] {new OAuthBearerTokenCallback()}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Entra ID issued no token for " + SCOPE)
                .hasMessageContaining("AADSTS7000215");
        assertThatThrownBy(() -> configured(new RecordingCredential(jwt("a"), EXPIRES)).handle(new Callback[] {new NameCallback("x")}))
                .isInstanceOf(UnsupportedCallbackException.class);
    }

    @Test
    void withoutTheNamespaceAndCredentialInTheConsumerPropertiesItRefusesToStart() {
        EntraLoginCallbackHandler handler = new EntraLoginCallbackHandler();

        assertThatThrownBy(() -> handler.configure(Map.of(), "OAUTHBEARER", List.of()))
                .hasMessageContaining(EntraLoginCallbackHandler.ENTRA_CONFIG);
        assertThatThrownBy(() -> handler.configure(Map.of(EntraLoginCallbackHandler.ENTRA_CONFIG, "text"), "OAUTHBEARER",
                List.of())).hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> handler.configure(Map.of(EntraLoginCallbackHandler.ENTRA_CONFIG,
                new KafkaSecurity.EventHubsEntra(NAMESPACE, new RecordingCredential("t", EXPIRES))), "PLAIN", List.of()))
                .hasMessageContaining("not PLAIN");
    }

    /**
     * Kafka logs a consumer in when it is built, and shares that login with any consumer whose JAAS text and
     * sasl.* settings are equal. Two tenants' consumers must each sign in with their own credential; only a
     * consumer for the very same namespace and credential may share the login (and its token).
     */
    @Test
    void eachTenantsConsumerSignsInWithItsOwnCredential() {
        // Valid for an hour from now, so that Kafka's login schedules its refresh as it would in production.
        Instant expires = Instant.now().plusSeconds(3600);
        RecordingCredential contoso = new RecordingCredential(jwt("contoso-app"), expires);
        RecordingCredential fabrikam = new RecordingCredential(jwt("fabrikam-app"), expires);
        EventHubsConfig first = EventHubsConfig.eventHubsEntra(id, NAMESPACE, contoso, List.of("hub"), "g");
        EventHubsConfig second = EventHubsConfig.eventHubsEntra(new StreamId("fabrikam", "streaming-eventhubs"),
                NAMESPACE, fabrikam, List.of("hub"), "g");
        EventHubsConfig otherNamespace = EventHubsConfig.eventHubsEntra(id, "contoso-archive.servicebus.windows.net",
                contoso, List.of("hub"), "g");

        try (KafkaConsumer<byte[], byte[]> a = consumer(first);
             KafkaConsumer<byte[], byte[]> b = consumer(second);
             KafkaConsumer<byte[], byte[]> c = consumer(otherNamespace);
             KafkaConsumer<byte[], byte[]> sameAsFirst = consumer(first)) {
            assertThat(fabrikam.asked).containsExactly(List.of(SCOPE));
            assertThat(contoso.asked).containsExactly(List.of(SCOPE),
                    List.of("https://contoso-archive.servicebus.windows.net/.default"));
        }
    }

    /** A consumer that never connects: Kafka signs in while building it. */
    private static KafkaConsumer<byte[], byte[]> consumer(EventHubsConfig config) {
        Properties p = EventHubsKafkaProperties.of(config.withBootstrapServers("127.0.0.1:9"));
        p.put("security.protocol", "SASL_PLAINTEXT");
        return new KafkaConsumer<>(p);
    }
}
