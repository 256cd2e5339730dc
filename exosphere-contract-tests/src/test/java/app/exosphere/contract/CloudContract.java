package app.exosphere.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.UserRef;
import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.ExosphereSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of every contract scenario class. A scenario class is abstract and written once; it runs
 * twice through two tiny subclasses: {@code …OnSimulatorTest} (surefire, every build) and
 * {@code …OnOsboxIT} (failsafe, profile {@code osbox}), which only say which cloud to open.
 *
 * <p>Per class: opens the cloud, logs the member in, and records which servers, ports, floating IPs
 * and volumes the project already has. After the class, anything new is a leak: the leak check
 * removes what it can (so one failed run does not poison the next) and then fails the class.
 *
 * <pre>{@code
 * abstract class FlavorContract extends CloudContract {
 *     @Test void listsFlavors() { member.get("compute", "/flavors").expect(200); }
 * }
 * class FlavorContractOnOsboxIT extends FlavorContract {
 *     @Override ContractCloud openCloud() { return OsboxCloud.connect(); }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CloudContract {
    /** Names of everything a scenario creates start with this, unique per class run. */
    protected final String prefix = "contract-" + UUID.randomUUID().toString().substring(0, 8);

    protected ContractCloud cloud;
    protected Rest.Session member;
    private Snapshot before;

    /** The cloud this run of the scenarios talks to. */
    abstract ContractCloud openCloud();

    @BeforeAll
    final void openCloudAndRecordWhatExists() {
        cloud = openCloud();
        member = Rest.login(cloud.authUrl(), cloud.member()).inRegion(cloud.region());
        before = Snapshot.of(member);
    }

    @AfterAll
    final void leakCheck() {
        try {
            Rest.Session fresh = Rest.login(cloud.authUrl(), cloud.member()).inRegion(cloud.region());
            Snapshot after = Snapshot.of(fresh);
            Snapshot leaked = after.minus(before);
            if (!leaked.isEmpty()) {
                removeLeftovers(fresh, leaked);
            }
            assertThat(leaked.describe())
                    .as("left behind on %s by %s", cloud.name(), getClass().getSimpleName())
                    .isEmpty();
        } finally {
            cloud.close();
        }
    }

    /** The Exosphere client id the scenarios' gateways launch and watch as. */
    static final String CLIENT_UUID = "3f0e8a52-1c2d-4e5f-9a8b-7c6d5e4f3a2b";

    /**
     * A gateway logged in as the member (password, project scope, the cloud's region and clock) whose HTTP
     * client runs through {@code fault}, so a scenario can lose the answer of a request the cloud acted on
     * ({@link DropAnswerAfterSending#arm}). Close it after the class.
     */
    protected Exosphere connectThrough(DropAnswerAfterSending fault) {
        return connectThrough(fault, settings -> settings);
    }

    /** {@link #connectThrough(DropAnswerAfterSending)} with Exosphere's settings adjusted by {@code settings}. */
    protected Exosphere connectThrough(
            DropAnswerAfterSending fault, UnaryOperator<ExosphereSettings.Builder> settings) {
        Rest.Login m = cloud.member();
        OpenStack os = OpenStack.builder()
                .authUrl(cloud.authUrl())
                .credentials(Credentials.password(UserRef.name(m.user(), DomainRef.name(m.domain())), m.password()))
                .project(m.project(), DomainRef.name(m.domain()))
                .region(cloud.region())
                .httpClient(new OkHttpClient.Builder().addInterceptor(fault).build())
                .clock(cloud.clock())
                .build();
        return Exosphere.builder()
                .openStack(os)
                .settings(settings.apply(ExosphereSettings.builder().clientUuid(CLIENT_UUID))
                        .build())
                .clock(cloud.clock())
                .build();
    }

    /** Polls {@code fetch} until {@code done} holds, letting the cloud's time pass in between. */
    protected <T> T await(String what, Supplier<T> fetch, Predicate<T> done) {
        Instant deadline = Instant.now().plus(cloud.patience());
        T value = fetch.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up after " + cloud.patience().toSeconds() + " s waiting for " + what
                        + "; last: " + value);
            }
            cloud.pause(Duration.ofMillis(500));
            value = fetch.get();
        }
        return value;
    }

    protected JsonNode server(String id) {
        return member.get("compute", "/servers/" + id, "2.27").expect(200).path("server");
    }

    protected String awaitServerStatus(String id, String wanted) {
        JsonNode s = await(
                "server " + id + " to become " + wanted,
                () -> server(id),
                srv -> (srv.path("status").asText().equals(wanted)
                                && srv.path("OS-EXT-STS:task_state").isNull())
                        || srv.path("status").asText().equals("ERROR"));
        assertThat(s.path("status").asText())
                .as("server %s, fault %s", id, s.path("fault"))
                .isEqualTo(wanted);
        return s.path("status").asText();
    }

    protected String volumeStatus(String id) {
        return member.get("volumev3", "/volumes/" + id)
                .expect(200)
                .path("volume")
                .path("status")
                .asText();
    }

    protected void awaitVolumeStatus(String id, String wanted) {
        String st = await(
                "volume " + id + " to become " + wanted,
                () -> volumeStatus(id),
                s -> s.equals(wanted) || s.startsWith("error"));
        assertThat(st).isEqualTo(wanted);
    }

    /** What the project has of the four kinds a leak check cares about. */
    record Snapshot(Set<String> servers, Set<String> ports, Set<String> floatingIps, Set<String> volumes) {
        static Snapshot of(Rest.Session s) {
            Set<String> servers = ids(s.get("compute", "/servers").expect(200).path("servers"));
            Set<String> ports = ids(s.get("network", "/ports?project_id=" + s.projectId())
                    .expect(200)
                    .path("ports"));
            Set<String> fips = ids(s.get("network", "/floatingips?project_id=" + s.projectId())
                    .expect(200)
                    .path("floatingips"));
            Set<String> volumes = s.hasService("volumev3")
                    ? ids(s.get("volumev3", "/volumes").expect(200).path("volumes"))
                    : Set.of();
            return new Snapshot(servers, ports, fips, volumes);
        }

        private static Set<String> ids(JsonNode array) {
            Set<String> ids = new TreeSet<>();
            array.forEach(n -> ids.add(n.path("id").asText()));
            return ids;
        }

        Snapshot minus(Snapshot other) {
            return new Snapshot(
                    without(servers, other.servers),
                    without(ports, other.ports),
                    without(floatingIps, other.floatingIps),
                    without(volumes, other.volumes));
        }

        private static Set<String> without(Set<String> a, Set<String> b) {
            Set<String> r = new TreeSet<>(a);
            r.removeAll(b);
            return r;
        }

        boolean isEmpty() {
            return servers.isEmpty() && ports.isEmpty() && floatingIps.isEmpty() && volumes.isEmpty();
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            if (!servers.isEmpty()) parts.add("servers " + servers);
            if (!ports.isEmpty()) parts.add("ports " + ports);
            if (!floatingIps.isEmpty()) parts.add("floating IPs " + floatingIps);
            if (!volumes.isEmpty()) parts.add("volumes " + volumes);
            return String.join(", ", parts);
        }
    }

    private void removeLeftovers(Rest.Session s, Snapshot leaked) {
        leaked.floatingIps().forEach(id -> s.delete("network", "/floatingips/" + id));
        leaked.servers().forEach(id -> s.delete("compute", "/servers/" + id));
        for (String id : leaked.servers()) {
            try {
                await(
                        "leaked server " + id + " to go",
                        () -> s.get("compute", "/servers/" + id).status(),
                        st -> st == 404);
            } catch (AssertionError e) {
                // reported by the leak check itself
            }
        }
        leaked.volumes().forEach(id -> s.delete("volumev3", "/volumes/" + id));
    }
}
