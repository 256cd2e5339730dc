package org.example.gatewayweb;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.LaunchRequest;
import app.exosphere.core.rules.ShareMount;
import app.exosphere.core.share.AccessLevel;
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
 * The gateway in a real browser (headless Debian Chromium, Selenium) against its simulated cloud: one cloud,
 * with a project and user for alice and another for bob. Resources are counted in each project's state in the
 * simulator, not in what the pages say. Screenshots of each step go to target/screenshots.
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
        WebDriver browser = BROWSERS.computeIfAbsent(user, u -> Browsers.open(cloud()));
        browser.manage().deleteAllCookies();
        return browser;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The one simulated cloud alice and bob each have a project in. */
    private CloudSimulator cloud() {
        return clouds.simulator().orElseThrow();
    }

    /** The names of the servers in {@code user}'s project, as the simulated cloud holds them. */
    private List<String> serverNames(String user) {
        return cloud().project(user + "-lab").servers().stream()
                .map(SimulatedServer::name)
                .toList();
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
        CloudSimulator cloud = cloud();
        WebDriver browser = browserOf("alice");
        try {
            browser.get(url("/"));
            Browsers.screenshot(browser, "01-sign-in");
            signIn(browser, "alice");
            assertThat(browser.findElement(By.id("signed-in-as")).getText()).contains("alice", "alice-lab");

            launch(browser, "web-demo", "m3.small", null, true);
            new WebDriverWait(browser, PAGE).until(ExpectedConditions.textToBe(By.id("instance-name"), "web-demo"));
            assertThat(serverNames("alice")).containsOnlyOnce("web-demo");
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
            assertThat(serverNames("alice")).doesNotContain("web-demo");
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
        // each page lists exactly its own project's servers, as the one cloud holds them
        assertThat(listedNames(alice)).containsExactlyInAnyOrderElementsOf(serverNames("alice"));
        assertThat(listedNames(bob)).containsExactlyInAnyOrderElementsOf(serverNames("bob"));
        assertThat(serverNames("alice")).doesNotContain("bob-analysis");
        assertThat(serverNames("bob")).doesNotContain("alice-analysis");
        assertThat(cloud().credentials("bob-lab").authUrl()).isEqualTo(cloud().credentials("alice-lab").authUrl());

        // neither can open the other's instance by its URL: the cloud answers the other project's id as unknown
        String aliceId = cloud().server("alice-analysis").orElseThrow().id();
        String bobId = cloud().server("bob-analysis").orElseThrow().id();
        bob.get(url("/instances/" + aliceId));
        assertThat(bob.findElement(By.id("error")).getText()).isNotBlank();
        assertThat(bob.getPageSource()).doesNotContain("alice-analysis").doesNotContain("at org.");
        assertThat(bob.findElements(By.id("instance-name"))).isEmpty();
        Browsers.screenshot(bob, "08b-bob-opens-alices-instance-url");
        alice.get(url("/instances/" + bobId));
        assertThat(alice.findElement(By.id("error")).getText()).isNotBlank();
        assertThat(alice.getPageSource()).doesNotContain("bob-analysis").doesNotContain("at org.");
        assertThat(alice.findElements(By.id("instance-name"))).isEmpty();
        // nor its usage chart
        bob.get(url("/instances/" + aliceId + "/usage.svg"));
        assertThat(bob.getPageSource()).doesNotContain("<svg").doesNotContain("alice-analysis");
    }

    @Test
    void badLaunchInputShowsTheSdksMessageCreatesNothingAndNeverAStackTrace() {
        WebDriver browser = browserOf("bob");
        signIn(browser, "bob");
        int before = serverNames("bob").size();

        launch(browser, "bad/name!", null, null, false);
        assertRefused(browser, "Invalid instance name");
        Browsers.screenshot(browser, "09-invalid-name");

        launch(browser, "unknown-image", null, "No-Such-Image-24", false);
        assertRefused(browser, "No-Such-Image-24");
        Browsers.screenshot(browser, "10-unknown-image");

        launch(browser, "too-big", "m3.2xl", null, false);
        assertRefused(browser, "quota");
        Browsers.screenshot(browser, "11-quota-exceeded");

        assertThat(serverNames("bob")).hasSize(before);
        assertThat(cloud().servers())
                .extracting(SimulatedServer::name)
                .doesNotContain("bad/name!", "unknown-image", "too-big");
    }

    @Test
    void anInstanceLaunchedBeforeTheGatewayWatchedItIsFollowedFromTheCloudsStateToReady() {
        // as after a restart: the instance exists in the cloud, this gateway process never launched or watched it
        WebDriver browser = browserOf("bob");
        signIn(browser, "bob");
        String id;
        try (Exosphere elsewhere = SimulatorConnections.exosphere(cloud(), "bob-lab")) {
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
        CloudCredentials login = cloud().credentials("bob-lab");
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
        assertThat(listedNames(browser)).containsExactlyInAnyOrderElementsOf(serverNames("bob"));
    }

    @Test
    void theSharesPageShowsTheProjectsSharesWithStatusSizeExportPathAndMountCommandsOnRequest() {
        String scriptUrl = ShareMount.scriptUrl("https://exosphere.jetstream-cloud.org/");
        ShareMount mount;
        try (Exosphere aliceElsewhere = SimulatorConnections.exosphere(cloud(), "alice-lab")) {
            String id = aliceElsewhere.shares()
                    .create("alice-data", "course data", 5)
                    .execute()
                    .share()
                    .id();
            mount = aliceElsewhere.shares().mount(id, AccessLevel.RW).execute();
        }
        WebDriver alice = browserOf("alice");
        signIn(alice, "alice");
        alice.findElement(By.id("nav-shares")).click();
        new WebDriverWait(alice, PAGE).until(ExpectedConditions.presenceOfElementLocated(By.className("share")));
        // one row per share of alice's project, as the cloud holds them
        assertThat(alice.findElements(By.className("share"))).hasSize(cloud().project("alice-lab").shareCount());
        WebElement share = alice.findElements(By.className("share")).stream()
                .filter(e -> e.findElement(By.className("share-name")).getText().equals("alice-data"))
                .findFirst()
                .orElseThrow();
        assertThat(share.findElement(By.className("share-status")).getText()).isEqualTo("available");
        assertThat(share.findElement(By.className("share-size")).getText()).isEqualTo("5 GB");
        assertThat(share.findElement(By.className("share-export-path")).getText()).isEqualTo(mount.exportPath());
        assertThat(share.findElement(By.className("share-access-rule")).getText()).isEqualTo("alice-data-rw");
        assertThat(share.findElement(By.className("share-unmount-command")).getText())
                .isEqualTo(mount.unmountCommand(scriptUrl));
        // the mount command holds the cephx key: not in the page until asked for
        String command = mount.mountCommand(scriptUrl).reveal();
        assertThat(alice.getPageSource()).doesNotContain("--access-rule-key=");
        share.findElement(By.className("reveal-mount-command")).click();
        new WebDriverWait(alice, PAGE)
                .until(d -> share.findElement(By.className("share-mount-command")).getText().equals(command));
        assertThat(command).contains("--access-rule-name='alice-data-rw'", "--share-path='" + mount.exportPath());
        Browsers.screenshot(alice, "14-shares");

        // bob's project has its own shares: alice's is not among them
        WebDriver bob = browserOf("bob");
        signIn(bob, "bob");
        bob.get(url("/shares"));
        assertThat(bob.findElements(By.className("share"))).hasSize(cloud().project("bob-lab").shareCount());
        assertThat(bob.getPageSource()).doesNotContain("alice-data");
        bob.get(url("/instances"));
    }

    @Test
    void anInstanceLaunchedWithABinderRepositoryOpensItsWorkflowThroughTheWorkflowButton() {
        String repository = "https://github.com/binder-examples/requirements";
        WebDriver browser = browserOf("alice");
        try {
            signIn(browser, "alice");
            browser.get(url("/instances"));
            browser.findElement(By.id("name")).sendKeys("binder-demo");
            browser.findElement(By.id("workflow")).sendKeys(repository);
            browser.findElement(By.id("launch")).click();
            new WebDriverWait(browser, PAGE)
                    .until(ExpectedConditions.textToBe(By.id("instance-name"), "binder-demo"));
            assertThat(cloud().server("binder-demo").orElseThrow().workflowRepository())
                    .hasValue(repository);
            awaitReady(browser);
            String instancePage = browser.getCurrentUrl();
            // the workflow is up once the instance published its Jupyter token: reload until the button is live
            new WebDriverWait(browser, TO_READY).until(d -> {
                d.get(instancePage);
                return !d.findElements(By.id("interaction-workflow")).isEmpty();
            });
            String workflow = browser.findElement(By.id("interaction-workflow")).getAttribute("href");
            assertThat(workflow).startsWith("https://").contains("-8888.proxy-js2-iu.simulated.test");
            Browsers.screenshot(browser, "15-workflow-ready");

            String gatewayTab = browser.getWindowHandle();
            browser.findElement(By.id("interaction-workflow")).click();
            new WebDriverWait(browser, PAGE).until(ExpectedConditions.numberOfWindowsToBe(2));
            browser.getWindowHandles().stream()
                    .filter(h -> !h.equals(gatewayTab))
                    .findFirst()
                    .ifPresent(h -> browser.switchTo().window(h));
            // the simulated UAP's Jupyter over TLS, reached with the instance's token, serving the repository
            new WebDriverWait(browser, PAGE).until(ExpectedConditions.titleIs("Jupyter Notebook"));
            assertThat(browser.getCurrentUrl()).startsWith("https://");
            assertThat(browser.findElement(By.id("notebook")).getAttribute("data-repository"))
                    .isEqualTo(repository);
            Browsers.screenshot(browser, "16-workflow");
            browser.close();
            browser.switchTo().window(gatewayTab);
        } catch (RuntimeException | AssertionError e) {
            Browsers.screenshot(browser, "failed-workflow");
            throw e;
        }
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
