package app.exosphere.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The real loopback OpenStack that {@code integration/osbox/start} runs. Reads what start wrote to
 * its state directory (system property {@code osbox.state}, else {@code $OSBOX_STATE}, else
 * {@code /var/lib/exosphere-osbox}) and refuses, with the command to run, when osbox is not up.
 *
 * <pre>{@code
 * try (ContractCloud cloud = OsboxCloud.connect()) { ... }
 * }</pre>
 */
final class OsboxCloud implements ContractCloud {
    private final JsonNode facts;

    private OsboxCloud(JsonNode facts) {
        this.facts = facts;
    }

    static Path stateDirectory() {
        String dir = System.getProperty("osbox.state");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("OSBOX_STATE");
        }
        return Path.of(dir == null || dir.isBlank() ? "/var/lib/exosphere-osbox" : dir);
    }

    static OsboxCloud connect() {
        Path state = stateDirectory();
        if (!Files.exists(state.resolve("READY"))) {
            throw new IllegalStateException("osbox is not running (no " + state.resolve("READY")
                    + "): start it with `sudo integration/osbox/start`, or leave out -Posbox");
        }
        try {
            return new OsboxCloud(Rest.JSON.readTree(state.resolve("osbox.json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read osbox.json in " + state, e);
        }
    }

    private Rest.Login login(String who) {
        JsonNode u = facts.path("users").path(who);
        return new Rest.Login(
                u.path("name").asText(),
                u.path("password").asText(),
                u.path("project").asText(),
                u.path("domain").asText());
    }

    @Override
    public String name() {
        return "osbox";
    }

    @Override
    public String authUrl() {
        return facts.path("auth_url").asText();
    }

    @Override
    public Rest.Login member() {
        return login("demo");
    }

    @Override
    public Optional<Rest.Login> admin() {
        return Optional.of(login("admin"));
    }

    @Override
    public String region() {
        return facts.path("region").asText();
    }

    @Override
    public String imageName() {
        return facts.path("image").path("name").asText();
    }

    @Override
    public String smallFlavorName() {
        return "m1.nano";
    }

    @Override
    public String resizeFlavorName() {
        return "m1.micro";
    }

    @Override
    public String externalNetworkName() {
        return facts.path("external_network").path("name").asText();
    }

    @Override
    public void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public boolean savesServerImages() {
        return false; // Nova's fake.FakeDriver snapshots nothing into Glance
    }

    @Override
    public Duration patience() {
        // a 2-core machine shared with parallel builds: first boots have taken 13 s
        return Duration.ofSeconds(180);
    }

    @Override
    public void close() {}

    @Override
    public String toString() {
        return "osbox at " + authUrl();
    }
}
