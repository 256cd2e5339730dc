package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.Samples;
import app.exosphere.core.auth.Secret;
import app.exosphere.core.rules.ExosphereMetadata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Watcher state sequences from scripted server states and console logs. */
class InstanceWatchTest {

    static final String ID = "f5dc173b-6804-445a-a6d8-c705dad5b5eb";
    static final String PASSPHRASE = "ABE ACE YOGA YELL YOKE CAT DOG EGG FIG HAT INK";
    static final ObjectMapper JSON = new ObjectMapper();
    static final long CREATED_MS = RoutedCloud.SAMPLE_NOW.minusSeconds(60).toEpochMilli();

    private final RoutedCloud cloud = new RoutedCloud();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final AtomicInteger phase = new AtomicInteger();
    private final List<String> metadataWrites = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        scheduler.shutdownNow();
        cloud.close();
    }

    /** Console text for each phase: the status lines an instance writes, with kernel prefixes. */
    private static String console(int phase, boolean fail) {
        StringBuilder s =
                new StringBuilder("[    5.012345] cloud-init[812]: Cloud-init v. 23.4 running 'init-local'\r\n");
        if (phase >= 2) {
            s.append("[   12.500001] {\"status\":\"starting\", \"epoch\": ")
                    .append(CREATED_MS + 12_000)
                    .append("}\r\n");
        }
        if (phase >= 3) {
            s.append("[   20.000000] {\"status\":\"running\", \"epoch\": ")
                    .append(CREATED_MS + 20_000)
                    .append("}\r\n");
            s.append(
                    "{\"epoch\": 1446861660, \"cpuPctUsed\": 7, \"memPctUsed\": 21, \"rootfsPctUsed\": 11, \"gpuPctUsed\": null}\r\n");
        }
        if (phase >= 4) {
            s.append("[ 1800.1] {\"status\":\"")
                    .append(fail ? "error" : "complete")
                    .append("\", \"epoch\": ")
                    .append(CREATED_MS + 50_000)
                    .append("}   trailing text\r\n");
        }
        return s.toString();
    }

    private String server(String status, List<String> tags) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(Samples.text("nova/servers__server-get-resp.json"));
        ObjectNode s = (ObjectNode) root.get("server");
        s.put("id", ID);
        s.put("status", status);
        s.put("created", java.time.Instant.ofEpochMilli(CREATED_MS).toString());
        ObjectNode md = s.putObject("metadata");
        ExosphereMetadata.builder()
                .clientUuid(LaunchTest.CLIENT)
                .creatorUsername("admin")
                .guacamole(true)
                .build()
                .toMap()
                .forEach(md::put);
        if (status.equals("ERROR")) {
            s.putObject("fault").put("code", 500).put("message", "No valid host was found.");
        }
        ArrayNode t = s.putArray("tags");
        tags.forEach(t::add);
        return JSON.writeValueAsString(root);
    }

    private void route(int lastPhase) {
        // each read of the server (the handle's GET, then the project watcher's list) moves one phase on
        cloud.on("GET", "/compute/v2.1/servers/" + ID, r -> {
            int p = Math.min(phase.incrementAndGet(), lastPhase);
            try {
                return RoutedCloud.json(
                        200, server(p <= 2 ? "BUILD" : (lastPhase == 8 ? "ERROR" : "ACTIVE"), List.of()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        cloud.on("GET", "/compute/v2.1/servers/detail", r -> {
            int p = Math.min(phase.incrementAndGet(), lastPhase);
            try {
                String one = server(p <= 2 ? "BUILD" : (lastPhase == 8 ? "ERROR" : "ACTIVE"), List.of());
                return RoutedCloud.json(
                        200,
                        "{\"servers\":["
                                + JSON.writeValueAsString(JSON.readTree(one).get("server")) + "]}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        cloud.on("POST", "/compute/v2.1/servers/" + ID + "/action", r -> {
            int p = Math.min(phase.get() - 1, lastPhase);
            try {
                return RoutedCloud.json(
                        200,
                        JSON.writeValueAsString(JSON.createObjectNode().put("output", console(p, lastPhase == 9))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        cloud.on("POST", "/compute/v2.1/servers/" + ID + "/metadata", r -> {
            try {
                JsonNode md = JSON.readTree(r.getBody().utf8()).get("metadata");
                metadataWrites.add(md.get("exoSetup").asText());
                return RoutedCloud.json(
                        200, JSON.writeValueAsString(JSON.createObjectNode().set("metadata", md)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        cloud.on(
                "GET",
                "/compute/v2.1/servers/" + ID + "/os-server-password",
                200,
                "{\"password\":\"" + PASSPHRASE + "\"}");
        cloud.on(
                "DELETE",
                "/compute/v2.1/servers/" + ID + "/os-server-password",
                r -> new MockResponse.Builder().code(204).build());
        cloud.on(
                "PUT",
                "/compute/v2.1/servers/" + ID + "/tags/.*",
                r -> new MockResponse.Builder().code(201).build());
        cloud.onSample("GET", "/network/v2.0/ports", "neutron/ports__ports-list-response.json");
        cloud.on("GET", "/network/v2.0/floatingips", 200, "{\"floatingips\":[]}");
        cloud.onSample("GET", "/network/v2.0/networks", "neutron/networks__networks-list-response.json");
        cloud.on(
                "POST",
                "/network/v2.0/floatingips",
                201,
                Samples.text("neutron/floatingips__floatingip-create-response.json"));
    }

    private Instances instances(PassphraseHandling handling) {
        ExosphereSettings settings = ExosphereSettings.builder()
                .clientUuid(LaunchTest.CLIENT)
                .uapHostname("proxy-test.exosphere.app")
                .pollInterval(Duration.ofMillis(20))
                .fastPollInterval(Duration.ofMillis(20))
                .passphraseHandling(handling)
                .build();
        // a clock that runs, starting at the samples' time: the watcher's intervals are measured on it
        Clock clock =
                Clock.offset(Clock.systemUTC(), Duration.between(java.time.Instant.now(), RoutedCloud.SAMPLE_NOW));
        return Instances.create(cloud.openStack(), settings, clock, scheduler);
    }

    @Test
    void followsExosphereStatesToReadyWritingSetupStatusBackAndStoringThePassphraseAsTag() throws Exception {
        route(5);
        Instances instances = instances(PassphraseHandling.STORE_AS_TAG);
        List<Progress.State> states = new CopyOnWriteArrayList<>();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        Instance ready;
        try {
            InstanceWatch watch = instances.get(ID).execute().watch(p -> states.add(p.state()));
            ready = watch.awaitReady(Duration.ofSeconds(20));
        } finally {
            System.setErr(originalErr);
        }

        assertThat(ready.id()).isEqualTo(ID);
        assertThat(states)
                .containsSubsequence(
                        Progress.State.BUILDING,
                        Progress.State.ACTIVE,
                        Progress.State.FLOATING_IP_ATTACHED,
                        Progress.State.SETUP_STARTING,
                        Progress.State.SETUP_RUNNING,
                        Progress.State.READY);
        assertThat(metadataWrites)
                .containsExactly(
                        "{\"status\":\"starting\",\"epoch\":" + (CREATED_MS + 12_000) + "}",
                        "{\"status\":\"running\",\"epoch\":" + (CREATED_MS + 20_000) + "}",
                        "{\"status\":\"complete\",\"epoch\":" + (CREATED_MS + 50_000) + "}");
        // Exosphere's `ServerTags.requestCreateServerTag`: the tag with the percent-encoded passphrase, then the server
        // password cleared
        assertThat(cloud.lines())
                .contains(
                        "PUT /compute/v2.1/servers/" + ID + "/tags/exoPw:" + PASSPHRASE.replace(" ", "%20"),
                        "DELETE /compute/v2.1/servers/" + ID + "/os-server-password");
        // the floating IP was created exactly once, on the external network, for the server's first port
        assertThat(cloud.count("POST", "/network/v2.0/floatingips")).isEqualTo(1);
        assertThat(cloud.calls().stream()
                        .filter(c -> c.line().equals("POST /network/v2.0/floatingips"))
                        .findFirst()
                        .orElseThrow()
                        .body())
                .contains("\"port_id\":\"d80b1a3b-4fc1-49f3-952e-1e2ab7081d8b\"");
        // console polling: bounded reads ({"length":N}) are used
        assertThat(cloud.calls().stream().filter(c -> c.line().equals("POST /compute/v2.1/servers/" + ID + "/action")))
                .anySatisfy(c -> assertThat(c.body()).contains("\"length\":50"));
        String logText = logs.toString(StandardCharsets.UTF_8);
        assertThat(logText).isNotEmpty();
        assertThat(logText).doesNotContain("YOGA").doesNotContain("YOKE%20CAT");
    }

    @Test
    void memoryOnlyPassphraseIsKeptInProcessAndNeverTagged() {
        route(5);
        Instances instances = instances(PassphraseHandling.MEMORY_ONLY);
        Instance ready = instances.get(ID).execute().watch().awaitReady(Duration.ofSeconds(20));
        assertThat(ready.passphrase().map(Secret::reveal)).contains(PASSPHRASE);
        assertThat(cloud.count("PUT", "/compute/v2.1/servers/.*/tags/.*")).isZero();
        assertThat(cloud.count("DELETE", "/compute/v2.1/servers/.*/os-server-password"))
                .isEqualTo(1);
    }

    @Test
    void serverInErrorFailsLoudlyWithNovasFaultMessage() {
        route(8);
        InstanceWatch watch =
                instances(PassphraseHandling.STORE_AS_TAG).get(ID).execute().watch();
        assertThatThrownBy(() -> watch.awaitReady(Duration.ofSeconds(20)))
                .isInstanceOf(InstanceFailedException.class)
                .hasMessageContaining("No valid host was found.");
        assertThat(watch.state()).contains(Progress.State.ERROR);
    }

    @Test
    void setupErrorOnTheConsoleFailsTheWatch() {
        route(9);
        assertThatThrownBy(() -> instances(PassphraseHandling.STORE_AS_TAG)
                        .get(ID)
                        .execute()
                        .watch()
                        .awaitReady(Duration.ofSeconds(20)))
                .isInstanceOf(InstanceFailedException.class)
                .hasMessageContaining("failed (exoSetup error)");
    }

    @Test
    void callerTimeoutIsATypedFailure() {
        route(2); // stays in BUILD
        assertThatThrownBy(() -> instances(PassphraseHandling.STORE_AS_TAG)
                        .get(ID)
                        .execute()
                        .watch()
                        .awaitReady(Duration.ofMillis(300)))
                .isInstanceOfSatisfying(
                        InstanceFailedException.class,
                        e -> assertThat(e.timedOut()).isTrue())
                .hasMessageContaining("BUILDING");
    }

    @Test
    void floatingIpCreateFailingAmbiguouslyIsFoundOnThePortInsteadOfCreatedTwice() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean created = new java.util.concurrent.atomic.AtomicBoolean();
        String fip = JSON.writeValueAsString(JSON.createObjectNode()
                .set(
                        "floatingips",
                        JSON.createArrayNode()
                                .add(JSON.readTree(Samples.text("neutron/floatingips__floatingip-create-response.json"))
                                        .get("floatingip"))));
        // registered first, so these routes win over route()'s defaults
        cloud.on("POST", "/network/v2.0/floatingips", r -> {
            created.set(true); // Neutron created it, but the client sees a 500
            return RoutedCloud.json(
                    500,
                    "{\"NeutronError\":{\"type\":\"HTTPInternalServerError\",\"message\":\"Request Failed\",\"detail\":\"\"}}");
        });
        cloud.on(
                "GET",
                "/network/v2.0/floatingips",
                r -> RoutedCloud.json(200, created.get() ? fip : "{\"floatingips\":[]}"));
        route(5);

        instances(PassphraseHandling.STORE_AS_TAG).get(ID).execute().watch().awaitReady(Duration.ofSeconds(20));

        assertThat(cloud.count("POST", "/network/v2.0/floatingips")).isEqualTo(1);
    }
}
