package org.example.gatewayweb;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.LaunchRequest;
import app.exosphere.testkit.CloudCredentials;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.SimulatedServer;
import app.exosphere.testkit.connect.SimulatorConnections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The gateway in a real browser (headless Debian Chromium, Selenium) against its simulated clouds: one cloud,
 * user and project for alice, another for bob. Resources are counted in the simulators' state, not in what the
 * pages say. Screenshots of each step go to target/screenshots.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.simulated-speed=60",
            "gateway.chart-refresh-seconds=2",
            "logging.level.org.example.gatewayweb=INFO"
        })
class GatewayBrowserTest {
    private static final Duration PAGE = Duration.ofSeconds(30);
    private static final Duration TO_READY = Duration.ofSeconds(120);

    @LocalServerPort
    int port;

    @Autowired
    Clouds clouds;

    /** One browser per user for the whole class (starting Chromium is the slow part). */
    private static final java.util.Map<String, WebDriver> BROWSERS = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @AfterAll
    static void closeBrowsers() {
        BROWSERS.values().forEach(WebDriver::quit);
    }

    /** The user's browser, signed out, on an empty page. */
    private WebDriver browserOf(String user) {
        WebDriver browser = BROWSERS.computeIfAbsent(user, u -> Browsers.open(cloudOf(u)));
        browser.manage().deleteAllCookies();
        return browser;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private CloudSimulator cloudOf(String user) {
        return clouds.simulators().get(user);
    }

    private static List<String> serverNames(CloudSimulator cloud) {
        return cloud.servers().stream().map(SimulatedServer::name).toList();
    }

    private void signIn(WebDriver browser, String cloud) {
        browser.get(url("/"));
        new Select(browser.findElement(By.id("cloud"))).selectByValue(cloud);
        browser.findElement(By.id("sign-in-cloud")).click();
        new WebDriverWait(browser, PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("launch-form")));
    }

    private void launch(WebDriver browser, String name, String flavor, String image, boolean desktop) {
        browser.get(url("/instances"));
        WebElement field = browser.findElement(By.id("name"));
        field.clear();
        field.sendKeys(name);
        if (flavor != null) {
            new Select(browser.findElement(By.id("flavor"))).selectByValue(flavor);
        }
        if (image != null) {
            browser.findElement(By.id("image")).sendKeys(image);
        }
        if (desktop) {
            browser.findElement(By.id("desktop")).click();
        }
        browser.findElement(By.id("launch")).click();
    }

    private static void awaitReady(WebDriver browser) {
        new WebDriverWait(browser, TO_READY)
                .until(ExpectedConditions.textToBe(By.id("status"), "Ready"));
    }

    @Test
    void aUserSignsInLaunchesWithDesktopWatchesItBecomeReadyOpensTheWebShellSeesTheUsageChartAndDeletesIt()
            throws Exception {
        CloudSimulator cloud = cloudOf("alice");
        WebDriver browser = browserOf("alice");
        try {
            browser.get(url("/"));
            Browsers.screenshot(browser, "01-sign-in");
            signIn(browser, "alice");
            assertThat(browser.findElement(By.id("signed-in-as")).getText()).contains("alice", "alice-lab");

            launch(browser, "web-demo", "m3.small", null, true);
            new WebDriverWait(browser, PAGE).until(ExpectedConditions.textToBe(By.id("instance-name"), "web-demo"));
            assertThat(serverNames(cloud)).containsOnlyOnce("web-demo");
            new WebDriverWait(browser, PAGE)
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#progress li")));
            Browsers.screenshot(browser, "02-launch-progress");

            awaitReady(browser);
            // the page reloads once Ready to show the interactions
            new WebDriverWait(browser, PAGE)
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("interaction-web-shell")));
            assertThat(browser.findElement(By.id("setup")).getText()).isEqualTo("Complete");
            assertThat(browser.findElement(By.id("interaction-web-desktop")).getAttribute("href"))
                    .startsWith("https://")
                    .contains("/guacamole/#/client/");

            // the usage chart is the SDK's SVG, served by the gateway and drawn by the browser
            WebElement chart = browser.findElement(By.id("usage-chart"));
            new WebDriverWait(browser, PAGE).until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", chart));
            // and refreshed: the page asks for it again
            new WebDriverWait(browser, PAGE).until(ExpectedConditions.attributeContains(chart, "src", "usage.svg?t="));

            Browsers.screenshot(browser, "03-instance-ready");
            // the passphrase stays hidden until revealed, and then is the one the instance published
            assertThat(browser.getPageSource())
                    .doesNotContain(cloud.server("web-demo").orElseThrow().passphrase().orElseThrow());
            browser.findElement(By.id("reveal-passphrase")).click();
            new WebDriverWait(browser, PAGE).until(ExpectedConditions.textToBe(
                    By.id("passphrase"), cloud.server("web-demo").orElseThrow().passphrase().orElseThrow()));
            Browsers.screenshot(browser, "04-passphrase-revealed");

            // the web shell: a TLS page of the simulated UAP's Guacamole, in a new tab
            String gatewayTab = browser.getWindowHandle();
            String webShell = browser.findElement(By.id("interaction-web-shell")).getAttribute("href");
            assertThat(webShell).startsWith("https://").contains(".proxy-js2-iu.simulated.test/guacamole/");
            browser.findElement(By.id("interaction-web-shell")).click();
            new WebDriverWait(browser, PAGE).until(ExpectedConditions.numberOfWindowsToBe(2));
            browser.getWindowHandles().stream()
                    .filter(h -> !h.equals(gatewayTab))
                    .findFirst()
                    .ifPresent(h -> browser.switchTo().window(h));
            new WebDriverWait(browser, PAGE).until(ExpectedConditions.titleIs("Guacamole"));
            assertThat(browser.getCurrentUrl()).startsWith("https://").contains("/guacamole/");
            Browsers.screenshot(browser, "05-web-shell");
            browser.close();
            browser.switchTo().window(gatewayTab);

            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.body.dataset.noConfirm='true'");
            browser.findElement(By.id("delete")).click();
            new WebDriverWait(browser, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("notice"), "Deleted web-demo."));
            assertThat(serverNames(cloud)).doesNotContain("web-demo");
            Browsers.screenshot(browser, "06-deleted");
        } catch (RuntimeException | AssertionError e) {
            Browsers.screenshot(browser, "failed-single-user");
            throw e;
        }
    }

    @Test
    void twoUsersInParallelEachSeeOnlyTheirOwnProjectsInstances() {
        WebDriver alice = browserOf("alice");
        WebDriver bob = browserOf("bob");
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> {
            signIn(alice, "alice");
            launch(alice, "alice-analysis", null, null, false);
        });
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> {
            signIn(bob, "bob");
            launch(bob, "bob-analysis", null, null, false);
        });
        CompletableFuture.allOf(a, b).join();
        new WebDriverWait(alice, PAGE).until(ExpectedConditions.textToBe(By.id("instance-name"), "alice-analysis"));
        new WebDriverWait(bob, PAGE).until(ExpectedConditions.textToBe(By.id("instance-name"), "bob-analysis"));

        alice.get(url("/instances"));
        bob.get(url("/instances"));
        Browsers.screenshot(alice, "07-alice-instances");
        Browsers.screenshot(bob, "08-bob-instances");
        assertThat(listedNames(alice)).contains("alice-analysis").doesNotContain("bob-analysis");
        assertThat(listedNames(bob)).contains("bob-analysis").doesNotContain("alice-analysis");
        // each page lists exactly its own project's servers, as the clouds hold them
        assertThat(listedNames(alice)).containsExactlyInAnyOrderElementsOf(serverNames(cloudOf("alice")));
        assertThat(listedNames(bob)).containsExactlyInAnyOrderElementsOf(serverNames(cloudOf("bob")));

        // bob cannot open alice's instance by its id either: his cloud does not know it
        String aliceId = cloudOf("alice").server("alice-analysis").orElseThrow().id();
        bob.get(url("/instances/" + aliceId));
        assertThat(bob.findElement(By.id("error")).getText()).isNotBlank();
        assertThat(bob.getPageSource()).doesNotContain("alice-analysis").doesNotContain("at org.");
    }

    @Test
    void badLaunchInputShowsTheSdksMessageCreatesNothingAndNeverAStackTrace() {
        CloudSimulator cloud = cloudOf("bob");
        WebDriver browser = browserOf("bob");
        signIn(browser, "bob");
        int before = cloud.servers().size();

        launch(browser, "bad/name!", null, null, false);
        assertRefused(browser, "Invalid instance name");
        Browsers.screenshot(browser, "09-invalid-name");

        launch(browser, "unknown-image", null, "No-Such-Image-24", false);
        assertRefused(browser, "No-Such-Image-24");
        Browsers.screenshot(browser, "10-unknown-image");

        launch(browser, "too-big", "m3.2xl", null, false);
        assertRefused(browser, "quota");
        Browsers.screenshot(browser, "11-quota-exceeded");

        assertThat(cloud.servers()).hasSize(before);
        assertThat(serverNames(cloud)).doesNotContain("bad/name!", "unknown-image", "too-big");
    }

    @Test
    void anInstanceLaunchedBeforeTheGatewayWatchedItIsFollowedFromTheCloudsStateToReady() {
        // as after a restart: the instance exists in the cloud, this gateway process never launched or watched it
        CloudSimulator cloud = cloudOf("bob");
        WebDriver browser = browserOf("bob");
        signIn(browser, "bob");
        String id;
        try (Exosphere elsewhere = SimulatorConnections.exosphere(cloud)) {
            id = elsewhere.launch(LaunchRequest.builder().name("launched-elsewhere").build())
                    .execute()
                    .id();
        }
        browser.get(url("/instances/" + id));
        awaitReady(browser);
        // the page heard the SDK's watch: progress lines up to READY (kept across the reload at Ready)
        new WebDriverWait(browser, PAGE)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#progress li")).stream()
                        .anyMatch(li -> li.getText().startsWith("READY")));
        new WebDriverWait(browser, PAGE)
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBe(By.id("setup"), "Complete"));
        Browsers.screenshot(browser, "12-followed-from-cloud-state");
        browser.get(url("/instances"));
        assertThat(listedNames(browser)).contains("launched-elsewhere");
    }

    @Test
    void anApplicationCredentialSignsInToItsProjectAndAWrongSecretShowsTheSdksMessageWithoutTheSecret() {
        CloudCredentials login = cloudOf("bob").credentials();
        WebDriver browser = browserOf("bob");
        String wrongSecret = "not-" + login.applicationCredentialSecret();
        signInWithApplicationCredential(browser, login.authUrl(), login.applicationCredentialId(), wrongSecret);
        WebElement error = new WebDriverWait(browser, PAGE)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText()).isNotBlank();
        assertThat(browser.getPageSource()).doesNotContain(wrongSecret).doesNotContain("Exception");
        Browsers.screenshot(browser, "13-application-credential-refused");

        signInWithApplicationCredential(
                browser, login.authUrl(), login.applicationCredentialId(), login.applicationCredentialSecret());
        new WebDriverWait(browser, PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("launch-form")));
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).contains("bob", "bob-lab");
        assertThat(listedNames(browser)).containsExactlyInAnyOrderElementsOf(serverNames(cloudOf("bob")));
    }

    private void signInWithApplicationCredential(WebDriver browser, String authUrl, String id, String secret) {
        browser.get(url("/sign-in"));
        browser.findElement(By.id("auth-url")).sendKeys(authUrl);
        browser.findElement(By.id("credential-id")).sendKeys(id);
        browser.findElement(By.id("credential-secret")).sendKeys(secret);
        browser.findElement(By.id("sign-in-appcred")).click();
    }

    private static void assertRefused(WebDriver browser, String expected) {
        WebElement error = new WebDriverWait(browser, PAGE)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText()).containsIgnoringCase(expected);
        assertThat(browser.getPageSource())
                .doesNotContain("Exception")
                .doesNotContain("at app.exosphere")
                .doesNotContain("Whitelabel");
        assertThat(browser.findElements(By.id("launch-form"))).hasSize(1);
    }

    private static List<String> listedNames(WebDriver browser) {
        List<String> names = new ArrayList<>();
        browser.findElements(By.className("instance-link")).forEach(e -> names.add(e.getText()));
        return names;
    }
}
