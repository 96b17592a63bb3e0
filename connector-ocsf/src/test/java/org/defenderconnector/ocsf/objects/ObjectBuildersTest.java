package org.defenderconnector.ocsf.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.RecordFields;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ObjectBuildersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RecordFields row(String json) throws Exception {
        return new RecordFields(JSON.readTree(json));
    }

    @Test
    void fileFromAFolderPathThatAlreadyHoldsTheFileName() throws Exception {
        RecordFields r = row("""
                {"FileName":"powershell.exe","FolderPath":"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe",
                 "SHA1":"aa","SHA256":"bb","MD5":"cc","FileSize":448000}""");
        ObjectNode file = FileObject.read(r, FileColumns.TARGET, FileObject.EXECUTABLE_FILE).orElseThrow();
        assertThat(file.get("name").asText()).isEqualTo("powershell.exe");
        assertThat(file.get("path").asText()).isEqualTo("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");
        assertThat(file.get("parent_folder").asText()).isEqualTo("C:\\Windows\\System32\\WindowsPowerShell\\v1.0");
        assertThat(file.get("ext").asText()).isEqualTo("exe");
        assertThat(file.get("type_id").asInt()).isEqualTo(8);
        assertThat(file.get("type").asText()).isEqualTo("Executable File");
        assertThat(file.get("size").asLong()).isEqualTo(448000L);
        assertThat(file.get("hashes")).extracting(h -> h.get("algorithm").asText())
                .containsExactly("MD5", "SHA-1", "SHA-256");
        assertThat(r.unread().isEmpty()).isTrue();
    }

    @Test
    void fileFromAFolderOnlyAndFromAPathInTheNameColumn() throws Exception {
        ObjectNode inFolder = FileObject.read(row("{\"FileName\":\"a.txt\",\"FolderPath\":\"/home/u/docs/\"}"),
                FileColumns.TARGET, FileObject.REGULAR_FILE).orElseThrow();
        assertThat(inFolder.get("path").asText()).isEqualTo("/home/u/docs/a.txt");
        assertThat(inFolder.get("parent_folder").asText()).isEqualTo("/home/u/docs");

        ObjectNode parent = FileObject.read(row("{\"InitiatingProcessParentFileName\":\"C:\\\\Windows\\\\explorer.exe\"}"),
                FileColumns.INITIATING_PROCESS_PARENT, FileObject.EXECUTABLE_FILE).orElseThrow();
        assertThat(parent.get("name").asText()).isEqualTo("explorer.exe");
        assertThat(parent.get("path").asText()).isEqualTo("C:\\Windows\\explorer.exe");

        RecordFields noName = row("{\"FileName\":\"\",\"SHA1\":\"aa\"}");
        assertThat(FileObject.read(noName, FileColumns.TARGET, FileObject.REGULAR_FILE)).isEmpty();
        assertThat(noName.unread().has("SHA1")).isTrue();
    }

    @Test
    void fileVersionInfoBecomesCompanyProductAndDescription() throws Exception {
        RecordFields r = row("""
                {"InitiatingProcessFileName":"example.exe","InitiatingProcessVersionInfoCompanyName":"Example Corp",
                 "InitiatingProcessVersionInfoProductName":"Example","InitiatingProcessVersionInfoProductVersion":"1.0",
                 "InitiatingProcessVersionInfoInternalFileName":"ex","InitiatingProcessVersionInfoOriginalFileName":"ex.exe",
                 "InitiatingProcessVersionInfoFileDescription":"Example app"}""");
        ObjectNode file = FileObject.read(r, FileColumns.INITIATING_PROCESS, FileObject.EXECUTABLE_FILE).orElseThrow();
        assertThat(file.at("/product/name").asText()).isEqualTo("Example");
        assertThat(file.at("/product/version").asText()).isEqualTo("1.0");
        assertThat(file.at("/product/vendor_name").asText()).isEqualTo("Example Corp");
        assertThat(file.get("company_name").asText()).isEqualTo("Example Corp");
        assertThat(file.get("internal_name").asText()).isEqualTo("ex");
        assertThat(file.get("desc").asText()).isEqualTo("Example app");
        assertThat(r.unread().fieldNames()).toIterable().containsExactly("InitiatingProcessVersionInfoOriginalFileName");
    }

    @Test
    void userTakesTheSidAsUidAndTheUpnAsEmailOnlyWhenItIsOne() throws Exception {
        RecordFields r = row("""
                {"AccountName":"jdoe","AccountDomain":"contoso","AccountSid":"S-1-5-21-1-2-3-1001",
                 "AccountUpn":"jdoe@contoso.com","AccountObjectId":"00000000-0000-0000-0000-000000000001"}""");
        ObjectNode user = UserObject.read(r, UserColumns.ACCOUNT).orElseThrow();
        assertThat(user.get("name").asText()).isEqualTo("jdoe");
        assertThat(user.get("domain").asText()).isEqualTo("contoso");
        assertThat(user.get("uid").asText()).isEqualTo("S-1-5-21-1-2-3-1001");
        assertThat(user.get("uid_alt").asText()).isEqualTo("00000000-0000-0000-0000-000000000001");
        assertThat(user.get("email_addr").asText()).isEqualTo("jdoe@contoso.com");

        RecordFields onPrem = row("{\"AccountName\":\"jdoe\",\"AccountUpn\":\"jdoe@contoso\"}");
        ObjectNode local = UserObject.read(onPrem, UserColumns.ACCOUNT).orElseThrow();
        assertThat(local.has("email_addr")).isFalse();
        assertThat(onPrem.unread().get("AccountUpn").asText()).isEqualTo("jdoe@contoso");

        ObjectNode target = UserObject.read(row("{\"TargetAccountUpn\":\"amy@contoso.com\",\"TargetAccountDisplayName\":\"Amy\"}"),
                UserColumns.TARGET).orElseThrow();
        assertThat(target.get("name").asText()).isEqualTo("amy@contoso.com");
        assertThat(target.get("display_name").asText()).isEqualTo("Amy");
        assertThat(UserObject.read(row("{}"), UserColumns.ACCOUNT)).isEmpty();
    }

    @Test
    void processNeedsAnIdAndCarriesItsParentImageUserAndSession() throws Exception {
        RecordFields r = row("""
                {"InitiatingProcessId":4242,"InitiatingProcessFileName":"example.exe",
                 "InitiatingProcessFolderPath":"c:\\\\program files\\\\example\\\\example.exe",
                 "InitiatingProcessCommandLine":"example.exe --sync","InitiatingProcessCreationTime":"2025-03-04T10:10:00Z",
                 "InitiatingProcessIntegrityLevel":"Medium","InitiatingProcessAccountName":"jdoe",
                 "InitiatingProcessLogonId":999,"IsInitiatingProcessRemoteSession":true,
                 "InitiatingProcessParentId":1000,"InitiatingProcessParentFileName":"explorer.exe",
                 "InitiatingProcessParentCreationTime":"2025-03-04T08:00:00Z","InitiatingProcessTokenElevation":"TokenElevationTypeLimited"}""");
        ObjectNode process = ProcessObject.read(r, ProcessColumns.INITIATING_PROCESS).orElseThrow();
        assertThat(process.get("pid").asInt()).isEqualTo(4242);
        assertThat(process.get("name").asText()).isEqualTo("example.exe");
        assertThat(process.get("created_time").asLong()).isEqualTo(1741083000000L);
        assertThat(process.get("integrity_id").asInt()).isEqualTo(3);
        assertThat(process.get("integrity").asText()).isEqualTo("Medium");
        assertThat(process.at("/user/name").asText()).isEqualTo("jdoe");
        assertThat(process.at("/session/uid").asText()).isEqualTo("999");
        assertThat(process.at("/session/is_remote").asBoolean()).isTrue();
        assertThat(process.at("/parent_process/pid").asInt()).isEqualTo(1000);
        assertThat(process.at("/parent_process/name").asText()).isEqualTo("explorer.exe");
        assertThat(r.unread().fieldNames()).toIterable().containsExactly("InitiatingProcessTokenElevation");

        RecordFields noPid = row("{\"InitiatingProcessFileName\":\"powershell.exe\"}");
        assertThat(ProcessObject.read(noPid, ProcessColumns.INITIATING_PROCESS)).isEmpty();
        assertThat(noPid.unread().has("InitiatingProcessFileName")).isTrue();
        assertThat(ProcessObject.integrity("MediumPlus")).isEqualTo(EnumValue.other("MediumPlus"));
    }

    @Test
    void endpointsKeepInvalidValuesOutAndScopeIpTypes() throws Exception {
        RecordFields r = row("{\"RemoteIP\":\"203.0.113.10\",\"RemotePort\":443,\"RemoteIPType\":\"Public\","
                + "\"LocalIP\":\"not-an-ip\",\"LocalPort\":70000}");
        ObjectNode remote = EndpointObject.read(r, EndpointColumns.REMOTE).orElseThrow();
        assertThat(remote.get("ip").asText()).isEqualTo("203.0.113.10");
        assertThat(remote.get("port").asInt()).isEqualTo(443);
        assertThat(remote.get("network_scope_id").asInt()).isEqualTo(2);
        assertThat(remote.get("network_scope").asText()).isEqualTo("External");
        assertThat(EndpointObject.read(r, EndpointColumns.LOCAL)).isEmpty();
        assertThat(r.unread().fieldNames()).toIterable().containsExactlyInAnyOrder("LocalIP", "LocalPort");
    }

    @Test
    void ipValidationAgreesWithTheOcsfIpType() throws Exception {
        JsonNode schema = JSON.readTree(Path.of(System.getProperty("defender.shared.dir"),
                "ocsf", "compiled", "ocsf-schema-1.8.0.json").toFile());
        Pattern ocsfIp = Pattern.compile(schema.at("/dictionary/types/attributes/ip_t/regex").asText());
        List<String> samples = List.of("10.0.0.25", "203.0.113.10", "255.255.255.255", "0.0.0.0", "::1", "::",
                "fe80::1", "2001:db8::8a2e:370:7334", "2001:0db8:0000:0000:0000:ff00:0042:8329", "::ffff:10.0.0.1",
                "1:2:3:4:5:6:7:8", "fe80::1%eth0", "fe80::1%", "256.1.1.1", "10.0.0", "10.0.0.1.5", "fe80::1%12", "[::1]", "1:2:3:4:5:6:7:8:9",
                "1::2::3", "example.com", "", "12345::", "gggg::1");
        for (String sample : samples) {
            boolean ocsf = !sample.isEmpty() && sample.length() <= 40 && ocsfIp.matcher(sample).find();
            assertThat(IpAddress.isValid(sample)).as(sample).isEqualTo(ocsf);
        }
    }

    @Test
    void macAddressesAreNormalisedToSeparatedPairs() {
        assertThat(MacAddress.normalize("00155D3A1D2B")).contains("00:15:5D:3A:1D:2B");
        assertThat(MacAddress.normalize("00-15-5D-3A-1D-2B")).contains("00-15-5D-3A-1D-2B");
        assertThat(MacAddress.normalize("not a mac")).isEmpty();
    }

    @Test
    void deviceAndOsTypesFromDefenderWords() throws Exception {
        ObjectNode device = DeviceObject.read(row("{\"DeviceId\":\"abc\",\"DeviceName\":\"pc1.contoso.local\"}")).orElseThrow();
        assertThat(device.get("type_id").asInt()).isZero();
        assertThat(device.get("type").asText()).isEqualTo("Unknown");
        assertThat(DeviceObject.type("Workstation")).isEqualTo(new EnumValue(2, "Desktop"));
        assertThat(DeviceObject.type("Printer")).isEqualTo(EnumValue.other("Printer"));
        assertThat(OsObject.family("WindowsServer2022").id()).isEqualTo(100);
        assertThat(OsObject.family("macOS").id()).isEqualTo(300);
        assertThat(OsObject.family("iOS").id()).isEqualTo(301);
        assertThat(DeviceObject.read(row("{}"))).isEmpty();
    }

    @Test
    void observablesAreDerivedFromTheBuiltEvent() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree("""
                {"device":{"hostname":"pc1","ip":"10.0.0.1"},
                 "actor":{"process":{"name":"cmd.exe","cmd_line":"cmd /c dir","file":{"name":"cmd.exe","path":"C:\\\\cmd.exe",
                   "hashes":[{"algorithm_id":2,"algorithm":"SHA-1","value":"aa"}]},"user":{"name":"jdoe"}}},
                 "email":{"from":"a@b.com","to":["c@d.com"]},
                 "reg_key":{"path":"HKLM\\\\Software"},
                 "unmapped":{"hostname":"ignored"},"metadata":{"product":{"name":"x"}}}""");
        Observables.addTo(event);
        assertThat(event.get("observables")).extracting(o -> o.get("name").asText() + "=" + o.get("type_id").asInt())
                .containsExactlyInAnyOrder("device.hostname=1", "device.ip=2", "actor.process.name=9",
                        "actor.process.cmd_line=13", "actor.process.file.name=7", "actor.process.file.path=45",
                        "actor.process.file.hashes.value=8", "actor.process.user.name=4", "email.from=5", "email.to=5",
                        "reg_key.path=46");
    }

    @Test
    void hashAlgorithmFromDigestLength() {
        assertThat(Hashes.algorithmOfHexDigest("0".repeat(40))).isEqualTo(Hashes.SHA1);
        assertThat(Hashes.algorithmOfHexDigest("0".repeat(64))).isEqualTo(Hashes.SHA256);
        assertThat(Hashes.algorithmOfHexDigest("xyz")).isEqualTo(EnumValue.UNKNOWN);
    }

    @Test
    void peekDoesNotMarkAFieldUsed() throws Exception {
        RecordFields r = row("{\"a\":1,\"b\":null}");
        assertThat(r.peek("A").asInt()).isEqualTo(1);
        assertThat(r.peek("b")).isNull();
        assertThat(r.unread().has("a")).isTrue();
    }
}
