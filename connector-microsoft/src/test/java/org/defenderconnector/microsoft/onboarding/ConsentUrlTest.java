package org.defenderconnector.microsoft.onboarding;

import org.defenderconnector.microsoft.cloud.Cloud;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsentUrlTest {
    private static final String APP = "2f6c4c1e-0000-4000-8000-000000000001";

    @Test
    void documentedMultiTenantConsentUrlOnCommon() {
        assertThat(ConsentUrl.forApp(Endpoints.of(Cloud.GLOBAL), APP, Optional.empty()).toString())
                .isEqualTo("https://login.microsoftonline.com/common/oauth2/authorize?prompt=consent&client_id=" + APP
                        + "&response_type=code&sso_reload=true");
    }

    @Test
    void targetsTheCustomersTenantAndTheCloudsLoginHost() {
        assertThat(ConsentUrl.forApp(Endpoints.of(Cloud.GCC_HIGH), APP, Optional.of("fabrikam.onmicrosoft.us")).toString())
                .startsWith("https://login.microsoftonline.us/fabrikam.onmicrosoft.us/oauth2/authorize?prompt=consent&client_id=" + APP);
    }

    @Test
    void refusesAClientIdThatIsNotAGuid() {
        assertThatThrownBy(() -> ConsentUrl.forApp(Endpoints.of(Cloud.GLOBAL), "my-app", Optional.empty()))
                .hasMessageContaining("Application (client) ID");
    }
}
