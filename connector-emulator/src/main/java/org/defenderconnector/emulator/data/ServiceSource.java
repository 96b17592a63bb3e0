package org.defenderconnector.emulator.data;

/**
 * The product that raised an alert. Only Defender for Endpoint alerts are served by MDE's {@code /api/alerts};
 * XDR incidents and Graph alerts_v2 show all of them. Names differ per API, as in Microsoft's samples.
 */
public enum ServiceSource {

    ENDPOINT("MicrosoftDefenderATP", "microsoftDefenderForEndpoint"),
    OFFICE("OfficeATP", "microsoftDefenderForOffice365"),
    CLOUD_APPS("MicrosoftCloudAppSecurity", "microsoftDefenderForCloudApps");

    private final String xdrName;
    private final String graphName;

    ServiceSource(String xdrName, String graphName) {
        this.xdrName = xdrName;
        this.graphName = graphName;
    }

    /** As in XDR incident alerts ({@code "serviceSource": "MicrosoftDefenderATP"}). */
    public String xdrName() {
        return xdrName;
    }

    /** As in Graph alerts_v2 ({@code "serviceSource": "microsoftDefenderForEndpoint"}). */
    public String graphName() {
        return graphName;
    }
}
