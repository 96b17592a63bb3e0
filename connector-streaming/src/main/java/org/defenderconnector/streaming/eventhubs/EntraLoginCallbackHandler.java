package org.defenderconnector.streaming.eventhubs;

import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.auth.SaslExtensionsCallback;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerTokenCallback;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The Kafka login side of OAUTHBEARER for Event Hubs ({@code sasl.login.callback.handler.class}): hands Kafka an
 * Entra token for the namespace from the tenant's credential.
 *
 * <p>Kafka creates this class by name, so it cannot be given its credential through a constructor. The
 * consumer's own properties carry the {@link KafkaSecurity.EventHubsEntra} object under {@link #ENTRA_CONFIG};
 * Kafka hands every consumer property to {@link #configure}. Nothing is static: the credential lives exactly as
 * long as the consumer's login. The key starts with {@code sasl.} on purpose — Kafka shares one login between
 * clients whose JAAS text and {@code sasl.*} settings are equal, and this value makes each tenant's (and each
 * namespace's) login its own.
 */
public final class EntraLoginCallbackHandler implements AuthenticateCallbackHandler {
    /** The consumer property holding the {@link KafkaSecurity.EventHubsEntra} this handler signs in with. */
    public static final String ENTRA_CONFIG = "sasl.login.defender-connector.eventhubs-entra";

    private final Clock clock;
    private KafkaSecurity.EventHubsEntra entra;

    public EntraLoginCallbackHandler() {
        this(Clock.systemUTC());
    }

    EntraLoginCallbackHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void configure(Map<String, ?> configs, String saslMechanism, List<AppConfigurationEntry> jaasConfigEntries) {
        if (!OAuthBearerLoginModule.OAUTHBEARER_MECHANISM.equals(saslMechanism)) {
            throw new IllegalArgumentException("the Entra login handles SASL mechanism "
                    + OAuthBearerLoginModule.OAUTHBEARER_MECHANISM + ", not " + saslMechanism);
        }
        Object value = configs.get(ENTRA_CONFIG);
        if (!(value instanceof KafkaSecurity.EventHubsEntra given)) {
            throw new IllegalArgumentException("the Entra login needs the Event Hubs namespace and credential in the"
                    + " consumer property " + ENTRA_CONFIG + " (EventHubsKafkaProperties sets it), found "
                    + (value == null ? "nothing" : value.getClass().getName()));
        }
        this.entra = given;
    }

    @Override
    public void handle(Callback[] callbacks) throws IOException, UnsupportedCallbackException {
        if (entra == null) {
            throw new IllegalStateException("the Entra login was not configured");
        }
        for (Callback callback : callbacks) {
            if (callback instanceof OAuthBearerTokenCallback tokenCallback) {
                // The login module logs this exception's message: it names the scope and Entra's reason only.
                tokenCallback.token(EntraBearerToken.fetch(entra, clock));
            } else if (!(callback instanceof SaslExtensionsCallback)) {
                // Event Hubs takes no SASL extensions: the extensions callback keeps its empty default.
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    @Override
    public void close() {
        entra = null;
    }
}
