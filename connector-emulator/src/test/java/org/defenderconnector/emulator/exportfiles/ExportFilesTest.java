package org.defenderconnector.emulator.exportfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.defenderconnector.emulator.support.TestDirectory.WDATP;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.defenderconnector.emulator.data.DataSettings;
import org.defenderconnector.emulator.limits.RateLimitSettings;
import org.defenderconnector.emulator.support.DataEmulator;
import org.defenderconnector.emulator.support.EmulatorClient;
import org.junit.jupiter.api.Test;

/**
 * The export via files as documented: a listing of SAS URLs and its generatedTime, GZIP multiline-JSON files
 * holding exactly the JSON export's rows, URLs that expire, Storage's answers to unsigned or token-carrying
 * requests, and the 5/min + 20/hour quota.
 */
class ExportFilesTest {

    private static final String LISTING = "/api/machines/SoftwareVulnerabilitiesExport";
    private static final DataSettings SMALL = new DataSettings(3L, 7, 0, 1, 2, true, 9, 30, 12, 0, 0, 0, 5);

    private record Download(int status, byte[] body, java.net.http.HttpHeaders headers) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @Test
    void theFilesHoldExactlyTheRowsOfTheJsonExportOneObjectPerLine() throws Exception {
        try (DataEmulator emu = DataEmulator.start(SMALL, c -> c.withLimits(new RateLimitSettings(false, null)))) {
            emu.emulator.admin().exportFiles().setRowsPerFile(10);
            EmulatorClient.Response listing = emu.get(WDATP, LISTING + "?sasValidHours=6");
            List<String> jsonRows = jsonExportRows(emu);

            assertThat(listing.status()).isEqualTo(200);
            assertThat(listing.json().get("@odata.context").asText())
                    .endsWith("/api/$metadata#microsoft.windowsDefenderATP.api.ExportFilesResponse");
            assertThat(listing.json().get("generatedTime").asText()).isEqualTo("2025-03-04T06:00:00Z");
            List<String> urls = new ArrayList<>();
            listing.json().get("exportFiles").forEach(url -> urls.add(url.asText()));
            assertThat(urls).hasSize(7);
            assertThat(urls.get(0)).startsWith(emu.emulator.baseUrl()
                    + "/tvm-export/2025-03-04/0600/VaExport/json/OrgId=");
            Map<String, String> sas = query(urls.get(0));
            assertThat(sas).containsKeys("sv", "st", "se", "sig").containsEntry("sr", "b").containsEntry("sp", "r");
            assertThat(Instant.parse(sas.get("se"))).isEqualTo(Instant.parse(sas.get("st")).plus(Duration.ofHours(6)));

            List<String> fileRows = new ArrayList<>();
            for (String url : urls) {
                Download file = download(emu, url, null);
                assertThat(file.status()).isEqualTo(200);
                fileRows.addAll(lines(file.body()));
            }
            assertThat(fileRows).containsExactlyElementsOf(jsonRows);
            assertThat(emu.emulator.admin().exportFiles().requests()).hasSize(7)
                    .allSatisfy(request -> assertThat(request.authorization()).isFalse());
        }
    }

    @Test
    void urlsAreValidOneHourByDefaultAndSasValidHoursIsCheckedAgainstTheDocumentedMaximum() throws Exception {
        try (DataEmulator emu = DataEmulator.start(SMALL, c -> c.withLimits(new RateLimitSettings(false, null)))) {
            String url = emu.get(WDATP, LISTING).json().get("exportFiles").get(0).asText();
            EmulatorClient.Response seven = emu.get(WDATP, LISTING + "?sasValidHours=7");

            Map<String, String> sas = query(url);
            assertThat(Instant.parse(sas.get("se"))).isEqualTo(Instant.parse(sas.get("st")).plus(Duration.ofHours(1)));
            assertThat(seven.status()).isEqualTo(400);
            assertThat(seven.json().get("error").get("message").asText()).contains("sasValidHours");

            emu.clock.advance(Duration.ofMinutes(59));
            assertThat(download(emu, url, null).status()).isEqualTo(200);
            emu.clock.advance(Duration.ofMinutes(2));
            Download expired = download(emu, url, null);
            assertThat(expired.status()).isEqualTo(403);
            assertThat(expired.headers().firstValue("x-ms-error-code")).contains("AuthenticationFailed");
            assertThat(expired.text()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>"
                    + "AuthenticationFailed</Code><Message>Server failed to authenticate the request.")
                    .contains("RequestId:").contains("<AuthenticationErrorDetail>Signed expiry time [")
                    .contains("] must be after current time [");
        }
    }

    @Test
    void unsignedOrAlteredUrlsAreRefusedAndABearerTokenIsAnsweredAsStorageAnswersIt() throws Exception {
        try (DataEmulator emu = DataEmulator.start(SMALL, c -> c.withLimits(new RateLimitSettings(false, null)))) {
            String url = emu.get(WDATP, LISTING).json().get("exportFiles").get(0).asText();
            String unsigned = url.substring(0, url.indexOf('?'));
            String altered = url.replace(".c000.json.gz", ".c001.json.gz");

            Download withoutSas = download(emu, unsigned, null);
            Download wrongBlob = download(emu, altered, null);
            Download withToken = download(emu, url, emu.token(WDATP));

            assertThat(withoutSas.status()).isEqualTo(403);
            assertThat(withoutSas.text()).contains("<Code>AuthenticationFailed</Code>");
            assertThat(wrongBlob.status()).isEqualTo(403);
            assertThat(wrongBlob.text()).contains("Signature did not match");
            assertThat(withToken.status()).isEqualTo(401);
            assertThat(withToken.text()).contains("<Code>InvalidAuthenticationInfo</Code>")
                    .contains("Audience validation failed");
            assertThat(withToken.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    value -> assertThat(value).contains("resource_id=https://storage.azure.com"));
            assertThat(emu.emulator.admin().exportFiles().requests()).extracting(FileRequest::status)
                    .containsExactly(403, 403, 401);
            FileRequest tokenRequest = emu.emulator.admin().exportFiles().requests().get(2);
            assertThat(tokenRequest.authorization()).isTrue();
            assertThat(tokenRequest.headerNames()).contains("authorization");
            assertThat(tokenRequest.toString()).doesNotContain(emu.token(WDATP));
        }
    }

    @Test
    void theListingHasItsOwnQuotaOfFiveCallsAMinuteAndTwentyAnHour() {
        try (DataEmulator emu = DataEmulator.start(SMALL)) {
            List<Integer> statuses = new ArrayList<>();
            for (int minute = 0; minute < 5; minute++) {
                for (int call = 0; call < 5; call++) {
                    statuses.add(emu.get(WDATP, LISTING).status());
                }
                EmulatorClient.Response sixth = emu.get(WDATP, LISTING);
                statuses.add(sixth.status());
                if (minute == 0) {
                    assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
                    assertThat(sixth.json().get("error").get("code").asText()).isEqualTo("TooManyRequests");
                    assertThat(sixth.json().get("error").get("message").asText()).contains("exportFiles");
                }
                emu.clock.advance(Duration.ofSeconds(61));
            }
            // The JSON export keeps its own budget.
            int json = emu.get(WDATP, "/api/machines/SoftwareVulnerabilitiesByMachine?$top=1").status();

            // Minutes 1-4: 5 accepted and the sixth refused; minute 5 (20 already in the hour): all refused.
            assertThat(statuses.subList(0, 24)).containsExactly(200, 200, 200, 200, 200, 429, 200, 200, 200, 200, 200,
                    429, 200, 200, 200, 200, 200, 429, 200, 200, 200, 200, 200, 429);
            assertThat(statuses.subList(24, 30)).containsOnly(429);
            assertThat(json).isEqualTo(200);
        }
    }

    @Test
    void aCutDownloadDeliversTheLinesWrittenBeforeTheConnectionDrops() throws Exception {
        try (DataEmulator emu = DataEmulator.start(SMALL, c -> c.withLimits(new RateLimitSettings(false, null)))) {
            String url = emu.get(WDATP, LISTING).json().get("exportFiles").get(0).asText();
            emu.emulator.admin().exportFiles().breakNextDownloadAfter(4);

            List<String> read = new ArrayList<>();
            assertThatThrownBy(() -> readLinesFrom(emu, url, read)).isInstanceOf(IOException.class);
            List<String> again = new ArrayList<>();
            readLinesFrom(emu, url, again);

            assertThat(read).hasSize(4).containsExactlyElementsOf(again.subList(0, 4));
            assertThat(again).hasSize(63);
        }
    }

    private static List<String> jsonExportRows(DataEmulator emu) throws Exception {
        String body = emu.get(WDATP, "/api/machines/SoftwareVulnerabilitiesByMachine").body();
        List<String> rows = new ArrayList<>();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (JsonParser parser = EmulatorClient.JSON.getFactory().createParser(bytes)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && parser.currentName().equals("value")) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        int start = (int) parser.currentTokenLocation().getByteOffset();
                        parser.skipChildren();
                        int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
                        rows.add(new String(bytes, start, end - start, StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return rows;
    }

    private static Download download(DataEmulator emu, String url, String bearer) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(emu.client.sslContext())
                .version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Download(response.statusCode(), response.body(), response.headers());
    }

    private static void readLinesFrom(DataEmulator emu, String url, List<String> into) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(emu.client.sslContext())
                .version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = new GZIPInputStream(response.body())) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    into.add(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }
    }

    private static List<String> lines(byte[] gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).endsWith("\n");
            return List.of(text.substring(0, text.length() - 1).split("\n", -1));
        }
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
