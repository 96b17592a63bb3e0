package org.defenderconnector.microsoft.cloud;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointsTest {

    @Test
    void globalCloudUsesCommercialHostsAndTheLegacyMdeAudience() {
        Endpoints e = Endpoints.of(Cloud.GLOBAL);
        assertThat(e.loginAuthority()).isEqualTo(URI.create("https://login.microsoftonline.com"));
        assertThat(e.baseUrl(Api.DEFENDER_ENDPOINT)).isEqualTo(URI.create("https://api.security.microsoft.com"));
        assertThat(e.baseUrl(Api.DEFENDER_XDR)).isEqualTo(URI.create("https://api.security.microsoft.com"));
        assertThat(e.baseUrl(Api.GRAPH)).isEqualTo(URI.create("https://graph.microsoft.com"));
        assertThat(e.scope(Api.DEFENDER_ENDPOINT)).isEqualTo("https://api.securitycenter.microsoft.com/.default");
        assertThat(e.scope(Api.DEFENDER_XDR)).isEqualTo("https://api.security.microsoft.com/.default");
        assertThat(e.scope(Api.GRAPH)).isEqualTo("https://graph.microsoft.com/.default");
        assertThat(e.authorityFor("contoso.onmicrosoft.com")).isEqualTo("https://login.microsoftonline.com/contoso.onmicrosoft.com/");
        assertThat(e.instanceDiscovery()).isTrue();
        assertThat(e.isCustom()).isFalse();
    }

    @Test
    void gccUsesCommercialLoginAndGraphButGccDefenderHosts() {
        Endpoints e = Endpoints.of(Cloud.fromId("gcc"));
        assertThat(e.loginAuthority().getHost()).isEqualTo("login.microsoftonline.com");
        assertThat(e.baseUrl(Api.DEFENDER_ENDPOINT).getHost()).isEqualTo("api-gcc.securitycenter.microsoft.us");
        assertThat(e.baseUrl(Api.DEFENDER_XDR).getHost()).isEqualTo("api-gcc.security.microsoft.us");
        assertThat(e.baseUrl(Api.GRAPH).getHost()).isEqualTo("graph.microsoft.com");
        assertThat(e.resource(Api.DEFENDER_ENDPOINT)).isEqualTo("https://api-gcc.securitycenter.microsoft.us");
    }

    @Test
    void gccHighUsesGovernmentLoginGraphAndDefenderHosts() {
        Endpoints e = Endpoints.of(Cloud.fromId("gcc-high"));
        assertThat(e.loginAuthority().getHost()).isEqualTo("login.microsoftonline.us");
        assertThat(e.baseUrl(Api.DEFENDER_ENDPOINT).getHost()).isEqualTo("api-gov.securitycenter.microsoft.us");
        assertThat(e.baseUrl(Api.DEFENDER_XDR).getHost()).isEqualTo("api-gov.security.microsoft.us");
        assertThat(e.baseUrl(Api.GRAPH).getHost()).isEqualTo("graph.microsoft.us");
        assertThat(e.scope(Api.GRAPH)).isEqualTo("https://graph.microsoft.us/.default");
        assertThat(e.tokenEndpoint("t1").toString()).isEqualTo("https://login.microsoftonline.us/t1/oauth2/v2.0/token");
        assertThat(Cloud.GCC_HIGH.defenderPortal().getHost()).isEqualTo("security.microsoft.us");
    }

    @Test
    void dodSharesDefenderHostsWithGccHighButHasItsOwnGraph() {
        Endpoints e = Endpoints.of(Cloud.fromId("DOD"));
        assertThat(e.loginAuthority().getHost()).isEqualTo("login.microsoftonline.us");
        assertThat(e.baseUrl(Api.DEFENDER_ENDPOINT).getHost()).isEqualTo("api-gov.securitycenter.microsoft.us");
        assertThat(e.baseUrl(Api.DEFENDER_XDR).getHost()).isEqualTo("api-gov.security.microsoft.us");
        assertThat(e.baseUrl(Api.GRAPH).getHost()).isEqualTo("dod-graph.microsoft.us");
        assertThat(Cloud.DOD.defenderPortal().getHost()).isEqualTo("security.apps.mil");
    }

    @Test
    void regionMovesMdeAndXdrButNotGraphOrTheAudience() {
        Endpoints e = Endpoints.of(Cloud.GLOBAL, Region.fromId("eu"));
        assertThat(e.baseUrl(Api.DEFENDER_ENDPOINT)).isEqualTo(URI.create("https://eu.api.security.microsoft.com"));
        assertThat(e.baseUrl(Api.DEFENDER_XDR)).isEqualTo(URI.create("https://eu.api.security.microsoft.com"));
        assertThat(e.baseUrl(Api.GRAPH)).isEqualTo(URI.create("https://graph.microsoft.com"));
        assertThat(e.resource(Api.DEFENDER_ENDPOINT)).isEqualTo("https://api.securitycenter.microsoft.com");
        assertThat(e.describe()).isEqualTo("cloud=global region=eu");
        for (Region r : Region.values()) {
            assertThat(r.baseUrl().getHost()).isEqualTo(r.id() + ".api.security.microsoft.com");
        }
    }

    @Test
    void regionOutsideTheGlobalCloudIsAClearError() {
        assertThatThrownBy(() -> Endpoints.of(Cloud.GCC_HIGH, Region.US))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only in the global")
                .hasMessageContaining("api-gov.securitycenter.microsoft.us");
        assertThatThrownBy(() -> Region.fromId("mars")).hasMessageContaining("us, eu, uk, au, swa, ina, aea");
        assertThatThrownBy(() -> Cloud.fromId("china")).hasMessageContaining("global, gcc, gcc-high, dod");
    }

    @Test
    void customEndpointsNeedTheExplicitOptIn() {
        URI emu = URI.create("https://127.0.0.1:8443/");
        assertThatThrownBy(() -> Endpoints.custom(emu, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allowCustomEndpoints");
        Endpoints e = Endpoints.custom(emu, true);
        assertThat(e.isCustom()).isTrue();
        assertThat(e.instanceDiscovery()).isFalse();
        assertThat(e.loginAuthority()).isEqualTo(URI.create("https://127.0.0.1:8443"));
        assertThat(e.authorityFor("t")).isEqualTo("https://127.0.0.1:8443/t/");
        for (Api api : Api.values()) {
            assertThat(e.baseUrl(api)).isEqualTo(URI.create("https://127.0.0.1:8443"));
            assertThat(e.resource(api)).isEqualTo(Cloud.GLOBAL.resource(api));
        }
    }

    @Test
    void customEndpointsMustUseHttps() {
        assertThatThrownBy(() -> Endpoints.custom(URI.create("http://127.0.0.1:8080"), true))
                .hasMessageContaining("https://");
    }

    @Test
    void resourceOverrideAcceptsAScopeAndStoresTheResource() {
        Endpoints e = Endpoints.of(Cloud.GCC_HIGH).withResource(Api.DEFENDER_ENDPOINT, "https://api.securitycenter.microsoft.us/.default");
        assertThat(e.resource(Api.DEFENDER_ENDPOINT)).isEqualTo("https://api.securitycenter.microsoft.us");
        assertThat(e.scope(Api.DEFENDER_ENDPOINT)).isEqualTo("https://api.securitycenter.microsoft.us/.default");
        assertThat(e.baseUrl(Api.DEFENDER_ENDPOINT).getHost()).isEqualTo("api-gov.securitycenter.microsoft.us");
    }

    @Test
    void describeShowsAudienceOverridesAlsoForOneCustomHost() {
        Endpoints emulator = Endpoints.custom(java.net.URI.create("https://127.0.0.1:8443"), true)
                .withResources(java.util.Map.of(Api.DEFENDER_ENDPOINT, "https://graph.microsoft.com"));
        assertThat(emulator.describe()).isEqualTo("cloud=global custom login=https://127.0.0.1:8443"
                + " mde-audience=https://graph.microsoft.com");
    }

    @Test
    void streamingDestinationsLiveInCommercialAzureExceptForGccHighAndDod() {
        assertThat(Cloud.GCC.storageSuffix()).isEqualTo("core.windows.net");
        assertThat(Cloud.GCC.serviceBusSuffix()).isEqualTo("servicebus.windows.net");
        assertThat(Cloud.DOD.storageSuffix()).isEqualTo("core.usgovcloudapi.net");
        assertThat(Cloud.GCC_HIGH.serviceBusSuffix()).isEqualTo("servicebus.usgovcloudapi.net");
    }
}
