package org.defenderconnector.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OcsfCoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MappingContext CONTEXT =
            new MappingContext("tenant-1", "DeviceNetworkEvents", Product.DEFENDER_FOR_ENDPOINT);

    @Test
    void parsesEveryDefenderTimeSpelling() {
        assertThat(DefenderTime.toEpochMillis("2021-01-26T20:33:57.7220239Z")).contains(1611693237722L);
        assertThat(DefenderTime.toEpochMillis("2020-07-20T10:53:50.19Z")).contains(1595242430190L);
        assertThat(DefenderTime.toEpochMillis("2018-11-28T00:00:00Z")).contains(1543363200000L);
        assertThat(DefenderTime.toEpochMillis("2021-01-26T20:33:57+01:00")).contains(1611689637000L);
        assertThat(DefenderTime.toEpochMillis("2026-07-22T10:43:05.0000000")).contains(1784716985000L);
        assertThat(DefenderTime.toEpochMillis("2021-01-11 20:36:32.7400000")).contains(1610397392740L);
        assertThat(DefenderTime.toEpochMillis("2021-01-11 20:36:32")).contains(1610397392000L);
        assertThat(DefenderTime.toEpochMillis("not a time")).isEmpty();
        assertThat(DefenderTime.toEpochMillis("")).isEmpty();
    }

    @Test
    void unreadFieldsGoToUnmappedAndTypeUidIsDerived() throws Exception {
        RecordFields fields = new RecordFields(JSON.readTree(
                "{\"DeviceName\":\"pc1\",\"remoteport\":443,\"Extra\":{\"a\":1},\"Empty\":null}"));
        OcsfEvent event = OcsfEvent.start(OcsfClass.NETWORK_ACTIVITY, 1, "Open", CONTEXT)
                .time(1000L).severity("Medium")
                .set("device.hostname", fields.text("DeviceName"))
                .set("dst_endpoint.port", fields.intValue("RemotePort"))
                .set("device.ip", null)
                .profile("host");
        ObjectNode out = event.build(fields);

        assertThat(out.get("type_uid").asLong()).isEqualTo(400101L);
        assertThat(out.get("severity_id").asInt()).isEqualTo(3);
        assertThat(out.at("/device/hostname").asText()).isEqualTo("pc1");
        assertThat(out.at("/dst_endpoint/port").asInt()).isEqualTo(443);
        assertThat(out.at("/device/ip").isMissingNode()).isTrue();
        assertThat(out.get("unmapped").fieldNames()).toIterable().containsExactly("Extra");
        assertThat(out.at("/metadata/version").asText()).isEqualTo("1.8.0");
        assertThat(out.at("/metadata/profiles/0").asText()).isEqualTo("host");
        assertThat(out.at("/metadata/product/vendor_name").asText()).isEqualTo("Microsoft");
        assertThat(out.at("/metadata/tenant_uid").asText()).isEqualTo("tenant-1");
    }

    @Test
    void unknownKindBecomesBaseEventWithTheWholeRecordUnmapped() throws Exception {
        JsonNode record = JSON.readTree("{\"Timestamp\":\"2024-01-01T00:00:00Z\",\"NewColumn\":\"x\"}");
        ObjectNode out = new Normalizer(List.of()).normalize("SomeFutureTable", record,
                new MappingContext(null, "SomeFutureTable", Product.DEFENDER_XDR));
        assertThat(out.get("class_uid").asInt()).isZero();
        assertThat(out.get("time").asLong()).isEqualTo(1704067200000L);
        assertThat(out.get("unmapped")).isEqualTo(record);
        assertThat(out.get("type_uid").asLong()).isEqualTo(99L);
    }
}
