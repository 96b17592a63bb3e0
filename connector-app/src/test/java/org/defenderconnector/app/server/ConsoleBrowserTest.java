package org.defenderconnector.app.server;

import org.defenderconnector.app.server.support.EmulatorFixture;
import org.defenderconnector.app.server.support.SampleEvents;
import org.defenderconnector.app.server.support.TestServers;
import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.emulator.Emulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in headless Chromium against the real server and the emulator: sign in, add an
 * integration pointing at the emulator (custom endpoint + its CA), run Test (the onboarding check,
 * guidance inline), save, activate, see it turn healthy while it collects, browse events and open one
 * (OCSF and raw side by side), including one it collected. With {@code -Ddefender.screenshots=DIR} it saves screenshots of the main pages there.
 * Needs the Debian packages chromium and chromium-driver.
 */
class ConsoleBrowserTest {
    private static final String CHROMIUM = System.getProperty("defender.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("defender.chromedriver", "/usr/bin/chromedriver");

    @TempDir
    Path dir;

    @Test
    void signInAddAnIntegrationTestActivateAndOpenAnEvent() throws Exception {
        assertThat(new File(CHROMIUM)).as("install Chromium: apt-get install -y chromium chromium-driver").exists();
        assertThat(new File(DRIVER)).as("install ChromeDriver: apt-get install -y chromium-driver").exists();
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        // Documentation samples normalized as collection would store them, so the events page has variety.
        int seeded = SampleEvents.seed(data, "contoso");
        String screenshots = System.getProperty("defender.screenshots");

        try (Emulator emulator = EmulatorFixture.start(null);
             ServerHandle server = TestServers.start(TestServers.options(data, new ByteArrayOutputStream())
                     .withTester(null))) {
            WebDriver browser = chromium(dir.resolve("chromium-profile"));
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                // The console re-renders lists; an element found a moment ago may be replaced.
                wait.ignoring(StaleElementReferenceException.class);
                browser.get(server.consoleUrl().toString());

                // Sign in.
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
                shoot(browser, screenshots, "login");
                browser.findElement(By.id("username")).sendKeys("admin");
                browser.findElement(By.id("password")).sendKeys(server.initialAdminPassword().orElseThrow());
                browser.findElement(By.id("login-submit")).click();

                // Add an integration against the emulator.
                wait.until(ExpectedConditions.elementToBeClickable(By.id("add-integration"))).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("integration-form")));
                type(browser, "f-name", "emulator-demo");
                type(browser, "f-tenantId", DemoCredentials.TENANT_ID);
                type(browser, "f-clientId", DemoCredentials.CLIENT_ID);
                type(browser, "f-clientSecret", DemoCredentials.SECRET_VALUE);
                type(browser, "f-secretExpires", "12312099");
                browser.findElement(By.id("stream-alerts")).click();
                browser.findElement(By.id("stream-scores")).click();
                type(browser, "f-apiBaseUrl", emulator.baseUrl());
                setValue(browser, "f-extraCaPem", Files.readString(emulator.caCertificatePath()));
                // The admin-only token audience: the documented MDE one, which the emulator accepts.
                type(browser, "f-audience-mde", "https://api.securitycenter.microsoft.com");

                // Test: the onboarding check runs and its results show inline.
                browser.findElement(By.id("test-integration")).click();
                WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("test-result")));
                assertThat(result.getAttribute("data-ok")).as(result.getText()).isEqualTo("true");
                assertThat(result.getText()).contains("Test passed").contains("token for WindowsDefenderATP");
                ((JavascriptExecutor) browser).executeScript("document.getElementById('test-result').scrollIntoView()");
                shoot(browser, screenshots, "integration-test");

                // Save, activate, and see the status per stream.
                browser.findElement(By.id("save-integration")).click();
                assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audiences-shown"))).getText())
                        .isEqualTo("mde: https://api.securitycenter.microsoft.com");
                wait.until(ExpectedConditions.elementToBeClickable(By.id("activate"))).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("deactivate")));
                // Collection runs in the server's engine: both streams turn healthy, and scores collect a record.
                wait.until(d -> "OK".equals(d.findElement(By.id("status-body")).getAttribute("data-state")));
                wait.until(d -> !d.findElement(By.cssSelector("#stream-status tr[data-stream='scores'] td.num:nth-of-type(4)"))
                        .getText().equals("0"));
                assertThat(browser.findElement(By.cssSelector("#stream-status tr[data-stream='alerts'] .badge"))
                        .getAttribute("data-state")).isEqualTo("OK");
                shoot(browser, screenshots, "integration");

                browser.findElement(By.id("nav-integrations")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#integrations tr[data-name='emulator-demo']")));
                shoot(browser, screenshots, "integrations");

                // Browse events and open one: OCSF and raw side by side.
                browser.findElement(By.id("nav-events")).click();
                wait.until(d -> d.findElements(By.cssSelector("#events tbody tr[data-uid]")).size() >= Math.min(seeded, 5));
                shoot(browser, screenshots, "events");
                // The sample alerts first: OCSF and raw side by side.
                browser.findElement(By.id("ev-stream")).sendKeys("alerts");
                browser.findElement(By.id("ev-search")).click();
                wait.until(d -> d.findElements(By.cssSelector("#events tbody tr[data-uid]")).stream()
                        .allMatch(row -> row.getText().contains("alerts")));
                browser.findElements(By.cssSelector("#events tbody tr[data-uid]")).get(0).click();
                WebElement ocsf = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("event-ocsf")));
                WebElement raw = browser.findElement(By.id("event-raw"));
                assertThat(ocsf.getText()).contains("\"class_uid\": 2004");
                assertThat(raw.getText()).contains("\"alertCreationTime\"");
                assertThat(ocsf.getLocation().getY()).as("side by side").isEqualTo(raw.getLocation().getY());
                assertThat(raw.getLocation().getX()).as("raw right of OCSF")
                        .isGreaterThanOrEqualTo(ocsf.getLocation().getX() + ocsf.getSize().getWidth());
                assertThat(raw.getLocation().getX() + raw.getSize().getWidth()).as("both fit the window")
                        .isLessThanOrEqualTo(browser.manage().window().getSize().getWidth());
                shoot(browser, screenshots, "event");

                // Then an event the new integration collected from the emulator.
                browser.findElement(By.linkText("Back to events")).click();
                new org.openqa.selenium.support.ui.Select(wait.until(
                        ExpectedConditions.elementToBeClickable(By.id("ev-tenant")))).selectByValue("emulator-demo");
                new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("ev-stream"))).selectByValue("");
                browser.findElement(By.id("ev-search")).click();
                wait.until(d -> {
                    var rows = d.findElements(By.cssSelector("#events tbody tr[data-uid]"));
                    return !rows.isEmpty() && rows.stream().allMatch(row -> row.getText().contains("emulator-demo"));
                });
                browser.findElements(By.cssSelector("#events tbody tr[data-uid]")).get(0).click();
                WebElement collected = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("event-raw")));
                // Whatever stream the newest event came from, it is the emulator tenant's, raw beside OCSF.
                assertThat(collected.getText()).startsWith("{");
                assertThat(browser.findElement(By.id("event-ocsf")).getText()).contains("\"class_uid\"")
                        .contains("\"tenant_uid\": \"" + DemoCredentials.TENANT_ID + "\"");

                // Sign out ends the session.
                browser.findElement(By.id("logout")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
            } finally {
                browser.quit();
            }
        }
    }

    private static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1360,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1360, 1000));
        return driver;
    }

    private static void type(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void setValue(WebDriver browser, String id, String text) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, text);
    }

    private static void shoot(WebDriver browser, String directory, String name) throws Exception {
        if (directory == null || directory.isBlank()) {
            return;
        }
        Path target = Path.of(directory).resolve(name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
