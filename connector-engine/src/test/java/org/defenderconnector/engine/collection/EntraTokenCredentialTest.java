package org.defenderconnector.engine.collection;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import org.defenderconnector.microsoft.auth.RefreshPolicy;
import org.defenderconnector.microsoft.auth.TokenKey;
import org.defenderconnector.microsoft.auth.TokenSource;
import org.defenderconnector.microsoft.cloud.Cloud;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EntraTokenCredentialTest {
    private static final String CLIENT = "66666666-7777-8888-9999-000000000000";
    private static final String TENANT = "11111111-2222-3333-4444-555555555555";

    @Test
    void theStorageSdkGetsTheTenantsAppTokenForTheStorageAudienceCachedByTheTokenSource() {
        Instant now = Instant.parse("2025-03-04T10:00:00Z");
        List<TokenKey> fetched = new ArrayList<>();
        TokenSource tokens = new TokenSource(CLIENT, Endpoints.of(Cloud.GLOBAL), key -> {
            fetched.add(key);
            return new org.defenderconnector.microsoft.auth.AccessToken("storage-token-" + fetched.size(), now,
                    now.plusSeconds(3_600));
        }, Clock.fixed(now, ZoneOffset.UTC), RefreshPolicy.DEFAULT);
        EntraTokenCredential credential = new EntraTokenCredential(tokens, TENANT);
        TokenRequestContext request = new TokenRequestContext().addScopes(EntraTokenCredential.STORAGE_SCOPE);

        AccessToken sync = credential.getTokenSync(request);
        AccessToken async = credential.getToken(request).block();

        assertThat(sync.getToken()).isEqualTo("storage-token-1");
        assertThat(sync.getExpiresAt().toInstant()).isEqualTo(now.plusSeconds(3_600));
        assertThat(async.getToken()).isEqualTo("storage-token-1");
        assertThat(fetched).containsExactly(new TokenKey(TENANT, CLIENT, "https://storage.azure.com"));
        assertThat(credential.toString()).contains(CLIENT).doesNotContain("storage-token");
    }
}
