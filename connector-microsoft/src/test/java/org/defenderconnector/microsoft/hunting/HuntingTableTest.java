package org.defenderconnector.microsoft.hunting;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Table names go into KQL: only letters and digits get through. */
class HuntingTableTest {
    @ParameterizedTest
    @ValueSource(strings = {"DeviceInfo | take 1", "DeviceInfo;", "Device Info", "Device-Info", "1Device", "",
            "DeviceInfo\n| where 1==1", "Device_Info", "Device\"Info", "DeviceInfo//", "Dévice"})
    void namesThatCouldCarryKqlAreRefused(String name) {
        assertThatThrownBy(() -> HuntingTable.of(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("letters and digits");
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> HuntingTable.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knownTablesTakeMicrosoftsSpellingAndOthersAreKeptAsGiven() {
        assertThat(HuntingTable.of(" deviceprocessevents ").name()).isEqualTo("DeviceProcessEvents");
        assertThat(HuntingTable.of("DEVICEINFO").isStandard()).isTrue();
        assertThat(HuntingTable.of("CloudAppEvents").name()).isEqualTo("CloudAppEvents");
        assertThat(HuntingTable.of("CloudAppEvents").isStandard()).isFalse();
        assertThat(HuntingTable.standard()).hasSize(20).extracting(HuntingTable::name).contains("AlertInfo",
                "AlertEvidence", "UrlClickEvents", "DeviceFileCertificateInfo", "IdentityDirectoryEvents");
    }

    @Test
    void streamNamesCarryTheTable() {
        assertThat(HuntingSources.streamName(HuntingTable.of("alertinfo"))).isEqualTo("hunting:AlertInfo");
        assertThat(HuntingSources.tableOf("hunting:DeviceEvents").name()).isEqualTo("DeviceEvents");
        assertThat(HuntingSources.isHuntingStream("alerts")).isFalse();
        assertThatThrownBy(() -> HuntingSources.tableOf("hunting:DeviceEvents | take 1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
