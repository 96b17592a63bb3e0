package org.defenderconnector.microsoft.onboarding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders docs/troubleshooting.md from {@link Guidance}, so the docs and what {@code check} prints
 * cannot drift. Regenerate with
 * {@code java -cp connector-microsoft/target/classes org.defenderconnector.microsoft.onboarding.TroubleshootingDoc docs/troubleshooting.md}.
 */
public final class TroubleshootingDoc {
    private TroubleshootingDoc() {
    }

    public static String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Troubleshooting credentials and permissions\n\n")
                .append("`defender-connector check` diagnoses an app registration: it gets a token per API, reads the\n")
                .append("permissions in it, and makes one cheap read per requested stream. Every failure it reports has an\n")
                .append("id below. This page is generated from the same table the command prints from\n")
                .append("(`connector-microsoft/.../onboarding/Guidance.java`); `<placeholders>` are filled in\n")
                .append("with your values when `check` prints them.\n\n")
                .append("| id | when | symptom |\n|---|---|---|\n");
        for (Guidance g : Guidance.values()) {
            sb.append("| [").append(g.name()).append("](#").append(g.name().toLowerCase(java.util.Locale.ROOT))
                    .append(") | ").append(g.trigger()).append(" | ").append(escapeCell(md(g.symptom()))).append(" |\n");
        }
        sb.append('\n');
        for (Guidance g : Guidance.values()) {
            sb.append(section(g));
        }
        return sb.toString();
    }

    /** The section of one entry; the drift test looks for exactly this text in the docs file. */
    public static String section(Guidance g) {
        return "## " + g.name() + "\n\n"
                + "- **When:** " + g.trigger() + "\n"
                + "- **Symptom:** " + md(g.symptom()) + "\n"
                + "- **Cause:** " + md(g.cause()) + "\n"
                + "- **Fix:** " + md(g.fix()) + "\n\n";
    }

    /** Placeholders as code spans, so Markdown does not take {@code <tenant>} for an HTML tag. */
    private static String md(String template) {
        return template.replaceAll("\\{([a-zA-Z]+)}", "`<$1>`");
    }

    private static String escapeCell(String s) {
        return s.replace("|", "\\|");
    }

    /**
     * Marks where the generated part ends: what follows (troubleshooting that is not about credentials, such
     * as the Streaming API's) is written by hand and kept when the page is regenerated.
     */
    public static final String HAND_WRITTEN = "<!-- Written by hand below this line: kept when regenerating. -->";

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/troubleshooting.md");
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        String kept = "";
        if (Files.exists(out)) {
            String existing = Files.readString(out, StandardCharsets.UTF_8);
            int at = existing.indexOf(HAND_WRITTEN);
            kept = at < 0 ? "" : existing.substring(at);
        }
        Files.writeString(out, render() + kept, StandardCharsets.UTF_8);
        System.out.println("Wrote " + out.toAbsolutePath());
    }
}
