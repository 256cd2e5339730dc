package org.example.gatewayweb;

import static org.assertj.core.api.Assertions.fail;

import app.exosphere.testkit.CloudSimulator;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (no browser download). The simulated UAP's
 * hostnames ({@code *.simulated.test}) resolve to the simulator's UAP port, and Chromium accepts the UAP's
 * TLS key only after the test has validated the UAP's certificate chain against the simulator's CA.
 */
final class Browsers {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

    private Browsers() {}

    /** Skips (locally) or fails (EXOSPHERE_REQUIRE_TOOLS=true, as in CI) when Chromium is not installed. */
    static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message =
                "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("EXOSPHERE_REQUIRE_TOOLS"))) {
            fail("EXOSPHERE_REQUIRE_TOOLS=true but " + message);
        }
        Assumptions.abort(message);
    }

    /** A new headless browser that reaches {@code cloud}'s UAP over TLS. */
    static WebDriver open(CloudSimulator cloud) {
        int uapPort = uapPort(cloud);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,1100",
                "--host-resolver-rules=MAP *.simulated.test 127.0.0.1:" + uapPort,
                "--ignore-certificate-errors-spki-list=" + uapKeyPin(cloud, uapPort));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** Saves a screenshot as target/screenshots/{name}.png. */
    static void screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The UAP's real port (UAP URLs say 443; the simulator's socket factory knows where it listens). */
    private static int uapPort(CloudSimulator cloud) {
        try (Socket socket = cloud.socketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), 443), 5000);
            return socket.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The base64 SHA-256 of the UAP certificate's public key, read over a TLS connection that validates the
     * chain against the simulator's CA (so Chromium is told to trust exactly what the CA vouches for).
     */
    private static String uapKeyPin(CloudSimulator cloud, int port) {
        String host = "uap-check." + cloud.uapHostname(cloud.credentials().defaultRegion()).orElseThrow();
        try (SSLSocket socket = (SSLSocket) cloud.clientCertificates()
                .sslSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), port)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(leaf.getPublicKey().getEncoded());
            return Base64.getEncoder().encodeToString(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
