package app.exosphere.testkit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test's view of one simulated server and the instance inside it: what the cloud holds (status,
 * metadata, tags), what the instance knows (its passphrase, workflow token, the user data options it
 * recognised) and a knob to script its resource usage. Every call reads the current state.
 *
 * <pre>{@code
 * SimulatedServer s = cloud.server("my-instance").orElseThrow();
 * String passphrase = s.passphrase().orElseThrow();
 * s.simulateLoad(99, 97, 92);   // the next resource-usage lines raise every alert
 * }</pre>
 */
public final class SimulatedServer {
    private final CloudSimulator cloud;
    private final String id;

    SimulatedServer(CloudSimulator cloud, String id) {
        this.cloud = cloud;
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String name() {
        return cloud.inspect(id, (w, s) -> s.name);
    }

    public String region() {
        return cloud.inspect(id, (w, s) -> s.region);
    }

    /** The Nova status ({@code BUILD}, {@code ACTIVE}, {@code SHUTOFF}, …). */
    public String status() {
        return cloud.inspect(id, (w, s) -> s.status);
    }

    public Instant created() {
        return cloud.inspect(id, (w, s) -> s.created);
    }

    public Map<String, String> metadata() {
        return cloud.inspect(id, (w, s) -> Map.copyOf(new LinkedHashMap<>(s.metadata)));
    }

    public List<String> tags() {
        return cloud.inspect(id, (w, s) -> List.copyOf(s.tags));
    }

    /** The exouser passphrase the instance generated, once its passphrase role ran. */
    public Optional<String> passphrase() {
        return cloud.inspect(id, (w, s) -> Optional.ofNullable(s.passphrase));
    }

    /** The Jupyter token the workflow printed, once it did. */
    public Optional<String> workflowToken() {
        return cloud.inspect(
                id,
                (w, s) -> Optional.ofNullable(
                        s.workflowTokenAt != null && !w.now().isBefore(s.workflowTokenAt) ? s.workflowToken : null));
    }

    /** The floating IP address associated with one of its ports, if any. */
    public Optional<String> floatingIp() {
        return cloud.inspect(id, (w, s) -> Optional.ofNullable(CloudSimulator.floatingAddress(w, s)));
    }

    /** Whether its user data was recognised as Exosphere's. */
    public boolean runsExosphereSetup() {
        return cloud.inspect(id, (w, s) -> s.setup.exosphere());
    }

    /** Whether its user data asked for Guacamole ({@code guac_enabled}). */
    public boolean deploysGuacamole() {
        return cloud.inspect(id, (w, s) -> s.setup.guacamole());
    }

    /** Whether its user data asked for a graphical desktop ({@code gui_enabled}). */
    public boolean deploysDesktop() {
        return cloud.inspect(id, (w, s) -> s.setup.desktop());
    }

    /** The workflow repository its user data asked for. */
    public Optional<String> workflowRepository() {
        return cloud.inspect(id, (w, s) -> s.setup.workflowRepository());
    }

    /** The whole console log as Nova would return it now. */
    public String consoleLog() {
        return cloud.inspect(
                id,
                (w, s) -> s.consoleText(
                        w.now(), -1, w.flavor(s.flavorId).get("name").asText().startsWith("g")));
    }

    /** From now on, resource-usage lines report these percentages. */
    public void simulateLoad(int cpuPct, int memPct, int rootfsPct) {
        for (int v : new int[] {cpuPct, memPct, rootfsPct}) {
            if (v < 0 || v > 100) {
                throw new IllegalArgumentException("percentages must be 0..100, got " + v);
            }
        }
        cloud.inspect(id, (w, s) -> {
            s.loadOverride = new int[] {cpuPct, memPct, rootfsPct};
            return null;
        });
    }

    @Override
    public String toString() {
        return "SimulatedServer[" + id + "]";
    }
}
