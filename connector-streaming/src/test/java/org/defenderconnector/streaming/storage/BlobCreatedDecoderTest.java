package org.defenderconnector.streaming.storage;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class BlobCreatedDecoderTest {
    private static final String DEFENDER_BLOB = "tenantId=00000000-0000-0000-0000-0000000000aa/y=2025/m=03/d=04/h=10/m=00/PT1H.json";
    private final BlobCreatedDecoder decoder = new BlobCreatedDecoder("insights-logs-advancedhunting-");

    static String sample(String name) throws Exception {
        return Files.readString(Path.of(System.getProperty("defender.shared.dir", "../../shared"))
                .resolve("reference/samples").resolve(name));
    }

    /** The Microsoft sample, moved to a Defender container and blob. */
    static String defenderized(String sample) {
        return sample.replace("/containers/test-container/blobs/new-file.txt",
                        "/containers/insights-logs-advancedhunting-devicenetworkevents/blobs/" + DEFENDER_BLOB)
                .replace("/testcontainer/new-file.txt", "/insights-logs-advancedhunting-devicenetworkevents/" + DEFENDER_BLOB);
    }

    @Test
    void bothSchemasAndBothEncodingsGiveTheBlob() throws Exception {
        for (String name : new String[] {"eventgrid-blobcreated-eventgridschema.json",
                "eventgrid-blobcreated-cloudeventschema.json"}) {
            String json = defenderized(sample(name));
            for (String text : new String[] {json, Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)),
                    Base64.getMimeEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))}) {
                BlobCreatedDecoder.Decoded decoded = decoder.decode(text);
                assertThat(decoded.blobs()).as(name).containsExactly(
                        new BlobRef("insights-logs-advancedhunting-devicenetworkevents", DEFENDER_BLOB));
                assertThat(decoded.blobs().get(0).hourStart()).contains(Instant.parse("2025-03-04T10:00:00Z"));
            }
        }
    }

    @Test
    void aSingleEventObjectWithOnlyAUrlIsEnough() {
        String event = "{\"eventType\":\"Microsoft.Storage.BlobCreated\",\"data\":{\"url\":"
                + "\"https://acct.blob.core.windows.net/insights-logs-advancedhunting-devicefileevents/" + DEFENDER_BLOB + "\"}}";
        assertThat(decoder.decode(event).blobs())
                .containsExactly(new BlobRef("insights-logs-advancedhunting-devicefileevents", DEFENDER_BLOB));
    }

    @Test
    void otherContainersEventTypesAndGarbageAreIgnoredWithAReason() throws Exception {
        assertThat(decoder.decode(sample("eventgrid-blobcreated-eventgridschema.json")).ignoredReason())
                .contains("test-container");
        assertThat(decoder.decode(defenderized(sample("eventgrid-blobcreated-eventgridschema.json"))
                .replace("BlobCreated", "BlobDeleted")).ignoredReason()).contains("BlobDeleted");
        assertThat(decoder.decode("hello world").ignoredReason()).contains("neither JSON");
        assertThat(decoder.decode("{not json").ignoredReason()).contains("not valid JSON");
        assertThat(decoder.decode("").blobs()).isEmpty();
    }
}
