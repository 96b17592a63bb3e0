package org.defenderconnector.microsoft.onboarding;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.defenderconnector.microsoft.auth.ClientSecret;
import org.defenderconnector.microsoft.auth.TokenException;
import org.defenderconnector.microsoft.auth.TokenSource;
import org.defenderconnector.microsoft.cloud.Api;
import org.defenderconnector.microsoft.permissions.DefenderStream;
import org.defenderconnector.microsoft.testsupport.EmulatorDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.defenderconnector.microsoft.testsupport.EmulatorDirectory.CONTOSO;
import static org.defenderconnector.microsoft.testsupport.EmulatorDirectory.FULL_APP;

/**
 * Runs failing and passing checks with distinctive secrets and every logger at DEBUG (ours and msal4j's),
 * then searches the reports, JSON, exception texts and stack traces, captured logs and stdout/stderr
 * for the secret values.
 */
class SecretNeverLeaksTest {
    private static final String WRONG_SECRET = "Lk9~Wrong.But-Distinctive_SecretValue99";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Map<String, Level> previousLevels = new HashMap<>();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureEverything() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        logs.setContext(ctx);
        logs.start();
        for (String name : List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "com.microsoft.aad.msal4j", "org.defenderconnector")) {
            Logger logger = ctx.getLogger(name);
            previousLevels.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(logs);
        originalOut = System.out;
        originalErr = System.err;
        PrintStream tee = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        System.setErr(tee);
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(logs);
        previousLevels.forEach((name, level) -> ctx.getLogger(name).setLevel(level));
    }

    @Test
    void noSecretInReportsJsonExceptionsLogsOrConsole() {
        List<String> outputs = new ArrayList<>();
        try (EmulatorDirectory directory = EmulatorDirectory.start()) {
            CheckRunner runner = new CheckRunner();
            for (String secret : List.of(EmulatorDirectory.FULL_SECRET, WRONG_SECRET, EmulatorDirectory.EXPIRED_SECRET)) {
                for (String tenant : List.of(CONTOSO, EmulatorDirectory.UNKNOWN_TENANT)) {
                    CheckReport report = runner.run(new CheckRequest(tenant, FULL_APP, ClientSecret.of(secret),
                            directory.endpoints(), directory.tls(), DefenderStream.parseList("alerts,machines,incidents,hunting")));
                    outputs.add(CheckReportFormat.text(report));
                    outputs.add(CheckReportFormat.json(report));
                    outputs.add(report.toString());
                }
                TokenSource tokens = TokenSource.create(directory.endpoints(), directory.tls(), FULL_APP, ClientSecret.of(secret));
                try {
                    tokens.token(EmulatorDirectory.UNKNOWN_TENANT, Api.DEFENDER_ENDPOINT);
                } catch (TokenException e) {
                    outputs.add(e.getMessage());
                    outputs.add(e.toString());
                    StringWriter trace = new StringWriter();
                    e.printStackTrace(new PrintWriter(trace));
                    outputs.add(trace.toString());
                }
            }
        }
        for (ILoggingEvent event : logs.list) {
            outputs.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                outputs.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        outputs.add(console.toString(StandardCharsets.UTF_8));

        String everything = String.join("\n", outputs);
        assertThat(logs.list).as("the log capture works").isNotEmpty();
        assertThat(everything).contains("AADSTS7000215").contains("AADSTS7000222").contains("AADSTS90002")
                .contains("OK: all 4 requested streams will work");
        assertThat(everything).doesNotContain(EmulatorDirectory.FULL_SECRET)
                .doesNotContain(WRONG_SECRET)
                .doesNotContain(EmulatorDirectory.EXPIRED_SECRET)
                .doesNotContain("client_secret=");
    }
}
