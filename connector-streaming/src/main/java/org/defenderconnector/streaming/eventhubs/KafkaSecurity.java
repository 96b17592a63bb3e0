package org.defenderconnector.streaming.eventhubs;

import com.azure.core.credential.TokenCredential;

import java.util.Objects;
import java.util.regex.Pattern;

/** How the Kafka consumer authenticates. */
public sealed interface KafkaSecurity {
    /** No TLS, no SASL: a local broker (tests, the emulator). */
    record Plaintext() implements KafkaSecurity {
    }

    /** Event Hubs' Kafka endpoint: SASL_SSL, mechanism PLAIN, user {@code $ConnectionString}, password the string. */
    record EventHubsSasl(EventHubsConnectionString connectionString) implements KafkaSecurity {
        public EventHubsSasl {
            Objects.requireNonNull(connectionString, "connection string");
        }
    }

    /**
     * Event Hubs' Kafka endpoint signed in with Microsoft Entra ID: SASL_SSL, mechanism OAUTHBEARER, the token
     * handed to Kafka by {@link EntraLoginCallbackHandler}. Microsoft: "For Kafka clients, the resource to request
     * a token is https://&lt;namespace&gt;.servicebus.windows.net"; the identity needs the Azure role
     * <em>Azure Event Hubs Data Receiver</em> on the namespace or the hubs.
     *
     * <p>Equality is the namespace and the credential object: Kafka shares one login (and so one token) between
     * consumers whose SASL settings are equal, so two tenants' credentials must never compare equal.
     *
     * @param namespaceHost the namespace's fully qualified host, e.g. {@code contoso.servicebus.windows.net}
     * @param credential    issues (and caches, and renews) the tokens; any azure-core credential works
     */
    record EventHubsEntra(String namespaceHost, TokenCredential credential) implements KafkaSecurity {
        /** A DNS host name: letters, digits, hyphens and dots; no scheme, path or port. */
        private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");

        public EventHubsEntra {
            Objects.requireNonNull(namespaceHost, "namespace host");
            Objects.requireNonNull(credential, "token credential");
            if (!HOST.matcher(namespaceHost).matches() || !namespaceHost.contains(".")) {
                throw new IllegalArgumentException("'" + namespaceHost + "' is not a fully qualified host name"
                        + " (e.g. contoso.servicebus.windows.net)");
            }
        }

        /** The token audience: {@code https://<namespace host>}. */
        public String audience() {
            return "https://" + namespaceHost;
        }

        /** The client credentials scope: the audience's {@code /.default}. */
        public String scope() {
            return audience() + "/.default";
        }

        @Override
        public String toString() {
            return "EventHubsEntra[" + namespaceHost + ", " + credential + "]";
        }
    }
}
