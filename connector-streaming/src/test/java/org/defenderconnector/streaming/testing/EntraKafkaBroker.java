package org.defenderconnector.streaming.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Kafka broker standing in for an Event Hubs namespace whose Kafka endpoint takes Microsoft Entra tokens:
 * listener {@value #OAUTH_LISTENER} (SASL_PLAINTEXT, OAUTHBEARER) validates each token with Kafka's own
 * {@code OAuthBearerValidatorCallbackHandler} — signature against the identity provider's published JWKS
 * (fetched over HTTPS, trusting the given CA), issuer and audience — the checks Event Hubs makes before its
 * role check. The role check is Kafka's authorizer: a token's principal ({@code sub}, the app's service
 * principal) reads a hub only after {@link #grantDataReceiver}, as after an <em>Azure Event Hubs Data
 * Receiver</em> role assignment. The plaintext listener, whose anonymous clients are super users, is for the
 * tests' own topic creation and publishing.
 *
 * <p>Kafka 4 only fetches JWKS from URLs listed in the system property {@value #ALLOWED_URLS}; the URL is added
 * while the broker runs and the property restored on close.
 */
public final class EntraKafkaBroker implements AutoCloseable {
    public static final String OAUTH_LISTENER = "OAUTH";
    static final String ALLOWED_URLS = "org.apache.kafka.sasl.oauthbearer.allowed.urls";

    private final InProcessKafka kafka;
    private final String previousAllowedUrls;

    private EntraKafkaBroker(InProcessKafka kafka, String previousAllowedUrls) {
        this.kafka = kafka;
        this.previousAllowedUrls = previousAllowedUrls;
    }

    /**
     * @param jwksUrl        the identity provider's signing keys, e.g. {@code https://<login>/<tenant>/discovery/v2.0/keys}
     * @param jwksCaPem      the CA certificate (PEM) the JWKS host's TLS certificate chains to
     * @param issuer         the {@code iss} every token must carry
     * @param audience       the {@code aud} every token must carry: {@code https://<namespace>.servicebus.windows.net}
     */
    public static synchronized EntraKafkaBroker start(String jwksUrl, Path jwksCaPem, String issuer, String audience) {
        String previous = System.getProperty(ALLOWED_URLS);
        System.setProperty(ALLOWED_URLS, previous == null || previous.isBlank() ? jwksUrl : previous + "," + jwksUrl);
        String prefix = "listener.name." + OAUTH_LISTENER.toLowerCase(Locale.ROOT) + ".";
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("listeners", InProcessKafka.PLAINTEXT_LISTENER + "://localhost:0," + OAUTH_LISTENER
                + "://localhost:0,CONTROLLER://localhost:0");
        settings.put("listener.security.protocol.map", InProcessKafka.PLAINTEXT_LISTENER + ":PLAINTEXT,"
                + OAUTH_LISTENER + ":SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("inter.broker.listener.name", InProcessKafka.PLAINTEXT_LISTENER);
        settings.put(prefix + "sasl.enabled.mechanisms", "OAUTHBEARER");
        // The JWKS fetch's TLS settings are options of the listener's login module. The broker logs itself in on
        // every SASL listener too; on this one it never uses its own token (brokers talk over the plaintext
        // listener), so Kafka's unsecured login with a fixed subject does.
        settings.put(prefix + "oauthbearer.sasl.jaas.config",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required"
                        + " unsecuredLoginStringClaim_sub=\"broker\""
                        + " ssl.truststore.type=\"PEM\" ssl.truststore.location=\"" + jwksCaPem.toAbsolutePath() + "\";");
        settings.put(prefix + "oauthbearer.sasl.server.callback.handler.class",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler");
        settings.put("sasl.oauthbearer.jwks.endpoint.url", jwksUrl);
        settings.put("sasl.oauthbearer.expected.issuer", issuer);
        settings.put("sasl.oauthbearer.expected.audience", audience);
        settings.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        settings.put("super.users", "User:ANONYMOUS");
        try {
            return new EntraKafkaBroker(InProcessKafka.start(settings), previous);
        } catch (RuntimeException e) {
            restore(previous);
            throw e;
        }
    }

    /** Where the consumers under test connect: the OAUTHBEARER listener. */
    public String oauthBootstrapServers() {
        return kafka.bootstrapServers(OAUTH_LISTENER);
    }

    /** The unauthenticated listener, for the tests' own admin and producer. */
    public String plaintextBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public void createTopic(String name, int partitions) {
        kafka.createTopic(name, partitions);
    }

    /**
     * What an <em>Azure Event Hubs Data Receiver</em> role assignment on a hub allows: reading it with a consumer
     * group.
     *
     * @param principal the token's {@code sub}
     */
    public void grantDataReceiver(String principal, String hub, String consumerGroup) {
        AccessControlEntry read = new AccessControlEntry("User:" + principal, "*", AclOperation.READ,
                AclPermissionType.ALLOW);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", plaintextBootstrapServers()))) {
            admin.createAcls(List.of(
                    new AclBinding(new ResourcePattern(ResourceType.TOPIC, hub, PatternType.LITERAL), read),
                    new AclBinding(new ResourcePattern(ResourceType.GROUP, consumerGroup, PatternType.LITERAL), read)))
                    .all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not grant " + principal + " read access to " + hub + ": " + e, e);
        }
    }

    @Override
    public synchronized void close() throws Exception {
        try {
            kafka.close();
        } finally {
            restore(previousAllowedUrls);
        }
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(ALLOWED_URLS);
        } else {
            System.setProperty(ALLOWED_URLS, previous);
        }
    }
}
