package org.defenderconnector.microsoft.onboarding;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GuidanceTest {

    /** The module directory's parent is the repository root, where docs/ lives. */
    static Path repoRoot() {
        Path module = Path.of(System.getProperty("user.dir")); // surefire runs in the module directory
        return module.resolve("..").normalize();
    }

    @Test
    void troubleshootingDocContainsEveryEntryOfTheTable() throws IOException {
        Path doc = repoRoot().resolve("docs/troubleshooting.md");
        assertThat(doc).as("docs/troubleshooting.md (regenerate with TroubleshootingDoc.main)").exists();
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        for (Guidance g : Guidance.values()) {
            assertThat(text).as("section for %s", g).contains(TroubleshootingDoc.section(g));
        }
    }

    @Test
    void everyEntryHasSymptomCauseFixAndTrigger() {
        for (Guidance g : Guidance.values()) {
            assertThat(g.trigger()).as(g.name()).isNotBlank();
            assertThat(g.symptom()).as(g.name()).isNotBlank();
            assertThat(g.cause()).as(g.name()).isNotBlank();
            assertThat(g.fix()).as(g.name()).isNotBlank();
        }
    }

    @Test
    void placeholdersAreFilledOrShownAsAngleBrackets() {
        Advice a = Guidance.MISSING_PERMISSION.advise(Map.of("api", "WindowsDefenderATP", "permission", "Alert.Read.All",
                "apiPicker", "APIs my organization uses > WindowsDefenderATP", "tenant", "contoso"));
        assertThat(a.symptom()).isEqualTo("The app lacks the WindowsDefenderATP permission Alert.Read.All.");
        assertThat(a.fix()).startsWith("API permissions > Add a permission > APIs my organization uses > WindowsDefenderATP"
                + " > Application permissions > Alert.Read.All > Add permissions > Grant admin consent for contoso.");
        assertThat(a.cause()).contains("<accepted>").contains("<roles>");
        assertThat(a.id()).isEqualTo("MISSING_PERMISSION");
    }

    @Test
    void secretIdGuidanceSaysWhichColumnToUse() {
        assertThat(Guidance.SECRET_ID_NOT_VALUE.generic().fix()).containsIgnoringCase("use the Value column, not the Secret ID");
        assertThat(Guidance.SECRET_EXPIRED.generic().fix()).contains("Certificates & secrets > New client secret");
        assertThat(Guidance.TENANT_NOT_FOUND.generic().cause()).contains("another Microsoft cloud");
    }
}
