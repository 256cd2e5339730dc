package app.exosphere.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.exosphere.core.OpenStack;
import app.exosphere.core.compute.NetworkSelection;
import app.exosphere.core.compute.ServerCreateRequest;
import app.exosphere.core.compute.ServerNetwork;
import app.exosphere.core.dns.RecordSet;
import app.exosphere.core.image.ImageListOptions;
import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.FlavorChoice;
import app.exosphere.core.instance.ImageChoice;
import app.exosphere.core.instance.Instance;
import app.exosphere.core.instance.InstanceWatch;
import app.exosphere.core.instance.LaunchRequest;
import app.exosphere.core.instance.Progress;
import app.exosphere.core.network.FloatingIp;
import app.exosphere.core.network.FloatingIpCreateRequest;
import app.exosphere.core.network.Network;
import app.exosphere.core.network.PortListOptions;
import app.exosphere.core.rules.DnsZoneChoice;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A DNS hostname for a floating IP the web app's way ({@code exosphere.hostnames()}, Designate), created with
 * its answer dropped after Designate got it: exactly one A record, shown on the instance, deleted
 * idempotently; and the hostname the SDK makes by itself for an instance it launches (the web app's automatic
 * record, its create answer dropped too), deleted with the instance's floating IP. Needs a {@code dns} service: skipped (reported) on a cloud without Designate. When the
 * project has no zone yet, the scenario creates {@code <prefix>.contract.test.} and deletes it after.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class HostnameContract extends CloudContract {
    private final DropAnswerAfterSending fault = new DropAnswerAfterSending();
    private Exosphere exo;
    private String serverId;
    private String floatingIpId;
    private String ip;
    private String createdZoneId;
    private RecordSet record;
    private Instance launched;
    private String launchedIp;

    @BeforeAll
    void requireDesignate() {
        assumeTrue(
                member.hasService("dns"), cloud.name() + " has no dns service in its catalog (Designate not running)");
    }

    /** The record sets holding the floating IP, as Designate lists them to the member ({@code "<type> <name>"}). */
    private List<String> recordsHoldingIp() {
        return recordsHolding(ip);
    }

    /** The record sets holding {@code address} that are not being deleted ({@code "<type> <name>"}). */
    private List<String> recordsHolding(String address) {
        JsonNode sets =
                member.get("dns", "/v2/recordsets?limit=1000").expect(200).path("recordsets");
        List<String> out = new ArrayList<>();
        for (JsonNode r : sets) {
            for (JsonNode rec : r.path("records")) {
                if (rec.asText().equals(address) && !r.path("action").asText().equals("DELETE")) {
                    out.add(r.path("type").asText() + " " + r.path("name").asText());
                }
            }
        }
        return out;
    }

    /** A fresh login for each check (on the simulator's fast clock a token lasts about a wall minute). */
    private Rest.Session fresh() {
        return Rest.login(cloud.authUrl(), cloud.member()).inRegion(cloud.region());
    }

    @Test
    @Order(1)
    void launchesAServerWithAFloatingIpAndFindsAZone() {
        exo = connectThrough(fault);
        OpenStack os = exo.openStack();
        if (exo.hostnames().fetchDefaultZone().execute().isEmpty()) {
            ObjectNode zone = JsonNodeFactory.instance.objectNode();
            zone.put("name", prefix + ".contract.test.");
            zone.put("email", "hostmaster@contract.test");
            createdZoneId =
                    member.post("dns", "/v2/zones", zone).expect(202).path("id").asText();
            await(
                    "zone to hold its SOA record set",
                    () -> exo.hostnames().fetchDefaultZone().execute(),
                    z -> z.isPresent());
        }
        String image = os.image()
                .list(ImageListOptions.builder().name(cloud.imageName()).build())
                .toList()
                .get(0)
                .id();
        String flavor = os.compute().flavors().listDetail().stream()
                .filter(f -> f.name().equals(cloud.smallFlavorName()))
                .findFirst()
                .orElseThrow()
                .id();
        String network =
                os.network().autoAllocatedTopology(member.projectId()).execute().id();
        serverId = os.compute()
                .servers()
                .create(ServerCreateRequest.builder()
                        .name(prefix + " Host_Name")
                        .imageRef(image)
                        .flavorRef(flavor)
                        .networks(NetworkSelection.of(ServerNetwork.network(network)))
                        .build())
                .execute()
                .id();
        awaitServerStatus(serverId, "ACTIVE");
        Network external = os.network().networks().list(Map.of("router:external", "true")).stream()
                .filter(n -> n.name().equals(cloud.externalNetworkName()))
                .findFirst()
                .orElseThrow();
        String port = os.network()
                .ports()
                .list(PortListOptions.builder().deviceId(serverId).build())
                .toList()
                .get(0)
                .id();
        FloatingIp fip = os.network()
                .floatingIps()
                .create(FloatingIpCreateRequest.builder()
                        .floatingNetworkId(external.id())
                        .portId(port)
                        .build())
                .execute();
        floatingIpId = fip.id();
        ip = fip.floatingIpAddress();
    }

    @Test
    @Order(2)
    void createsExactlyOneARecordWhenTheAnswerIsLostAndTheInstanceShowsIt() {
        Instance vm = exo.instance(serverId).execute();
        DnsZoneChoice.Chosen zone = exo.hostnames().fetchDefaultZone().execute().orElseThrow();
        int droppedBefore = fault.dropped();
        fault.arm("POST", "/recordsets$");

        record = exo.hostnames().create(vm, ip).execute();

        assertThat(fault.dropped() - droppedBefore).isEqualTo(1);
        String expected = prefix + "-host-name." + zone.zoneName();
        assertThat(record.name()).isEqualTo(expected);
        assertThat(recordsHoldingIp()).containsExactly("A " + expected);
        assertThat(exo.hostnames().create(vm, ip).execute().id()).isEqualTo(record.id());
        assertThat(recordsHoldingIp()).hasSize(1);
        assertThat(vm.fetchHostnames().execute()).containsExactly(expected.substring(0, expected.length() - 1));
    }

    @Test
    @Order(3)
    void deletesTheRecordIdempotentlyEvenWhenTheAnswerIsLost() {
        int droppedBefore = fault.dropped();
        fault.arm("DELETE", "/recordsets/");
        assertThat(exo.hostnames().deleteFor(ip).execute())
                .extracting(RecordSet::id)
                .containsExactly(record.id());
        await("record set to go", this::recordsHoldingIp, List::isEmpty);
        assertThat(exo.hostnames().deleteFor(ip).execute()).isEmpty();
    }

    @Test
    @Order(4)
    void anInstanceLaunchedThroughTheSdkGetsItsHostnameExactlyOnceEvenWhenTheAnswerIsLost() {
        DnsZoneChoice.Chosen zone = exo.hostnames().fetchDefaultZone().execute().orElseThrow();
        int droppedBefore = fault.dropped();
        fault.arm("POST", "/recordsets$");
        launched = exo.launch(LaunchRequest.builder()
                        .name(prefix + " Auto_Host")
                        .image(ImageChoice.name(cloud.imageName()))
                        .flavor(FlavorChoice.name(cloud.smallFlavorName()))
                        .build())
                .execute();
        CompletableFuture<Progress> outcome = new CompletableFuture<>();
        InstanceWatch watch = launched.watch(p -> {
            if (p.state() == Progress.State.HOSTNAME_CREATED
                    || (p.state() == Progress.State.SKIPPED && p.message().startsWith("No hostname"))) {
                outcome.complete(p);
            } else if (p.isTerminal()) {
                outcome.completeExceptionally(new AssertionError(p.state() + ": " + p.message()));
            }
        });
        Progress p;
        try {
            p = outcome.orTimeout(cloud.patience().toSeconds(), TimeUnit.SECONDS)
                    .join();
        } finally {
            watch.close();
        }

        assertThat(p.state()).as(p.message()).isEqualTo(Progress.State.HOSTNAME_CREATED);
        assertThat(fault.dropped() - droppedBefore).isEqualTo(1);
        launchedIp = launched.fetchFloatingIps().execute().get(0).floatingIpAddress();
        assertThat(recordsHolding(launchedIp)).containsExactly("A " + prefix + "-auto-host." + zone.zoneName());
    }

    @Test
    @Order(5)
    void deletingTheInstanceWithItsFloatingIpDeletesItsHostnameEvenWhenTheAnswerIsLost() {
        int droppedBefore = fault.dropped();
        fault.arm("DELETE", "/recordsets/");

        launched.refresh().execute().delete(true, cloud.patience()).execute();

        assertThat(fault.dropped() - droppedBefore).isEqualTo(1);
        await("the launched instance's record set to go", () -> recordsHolding(launchedIp), List::isEmpty);
        launched.delete(true, null).execute(); // again: nothing left, nothing fails
        launched = null;
    }

    @AfterAll
    void cleanUp() {
        if (launched != null) {
            try {
                launched.delete(true, cloud.patience()).execute();
            } catch (RuntimeException e) {
                // the leak check reports what is left
            }
        }
        Rest.Session member = Rest.login(cloud.authUrl(), cloud.member()).inRegion(cloud.region());
        if (floatingIpId != null) {
            member.delete("network", "/floatingips/" + floatingIpId);
        }
        if (serverId != null) {
            member.delete("compute", "/servers/" + serverId);
            await(
                    "server to go",
                    () -> member.get("compute", "/servers/" + serverId).status(),
                    st -> st == 404);
        }
        if (createdZoneId != null) {
            member.delete("dns", "/v2/zones/" + createdZoneId);
        }
        if (exo != null) {
            exo.close();
        }
    }
}
