package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.error.ForbiddenException;
import app.exosphere.core.rules.ExosphereMetadata;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Fault;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.Service;
import app.exosphere.testkit.SimulatedClock;
import app.exosphere.testkit.SimulatedServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once create under every ambiguous outcome of {@code POST /servers}, counted in the simulated cloud's
 * state (not in what the SDK returns).
 */
class ExactlyOnceLaunchTest {

    private final CloudSimulator cloud = CloudSimulator.builder()
            .scenario(Scenario.jetstream2())
            .clock(SimulatedClock.accelerated(Instant.parse("2024-01-01T00:00:00Z"), 60))
            .seed(12)
            .start();

    @AfterEach
    void close() {
        cloud.close();
    }

    private static final String CREATE = "^/servers$";

    private List<SimulatedServer> serversCarrying(LaunchId id) {
        return cloud.servers().stream()
                .filter(s -> id.value().equals(s.metadata().get(ExosphereMetadata.LAUNCH_ID)))
                .toList();
    }

    private long creates() {
        return cloud.journal().count(Service.COMPUTE, "POST", CREATE);
    }

    @Test
    void createLandingLateAfterAResetIsFoundByTheReconcilingLookUpsNotCreatedTwice() {
        // the client sees a reset; Nova creates the server 20 s later, after the first look-ups found nothing
        cloud.faults()
                .add(Fault.on(Service.COMPUTE)
                        .method("POST")
                        .path(CREATE)
                        .landLate(Duration.ofSeconds(20))
                        .times(1)
                        .build());
        LaunchRequest request = SimulatedGateway.small("i12-late").build();
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = exo.launch(request).execute();

            assertThat(serversCarrying(request.launchId()))
                    .singleElement()
                    .satisfies(s -> assertThat(s.id()).isEqualTo(vm.id()));
            assertThat(creates()).isEqualTo(1);
            assertThat(cloud.journal().count(Service.COMPUTE, "GET", "^/servers/detail$"))
                    .isGreaterThan(1);
        }
    }

    @Test
    void callerChosenLaunchIdIsLookedUpBeforeTheFirstPostSoRelaunchingFindsTheServer() {
        LaunchRequest request = SimulatedGateway.small("i12-chosen")
                .launchId(LaunchId.of("i12-gateway-request-0001"))
                .build();
        try (Exosphere first = SimulatedGateway.connect(cloud);
                Exosphere afterRestart = SimulatedGateway.connect(cloud)) {
            Instance vm = first.launch(request).execute();
            Instance again = afterRestart.launch(request).execute();

            assertThat(again.id()).isEqualTo(vm.id());
            assertThat(serversCarrying(request.launchId())).hasSize(1);
            assertThat(creates()).isEqualTo(1);
        }
    }

    @Test
    void twoLaunchesRacingOnOneLaunchIdEndWithExactlyOneServerTheFirstCreated() throws Exception {
        LaunchRequest request = SimulatedGateway.small("i12-race")
                .launchId(LaunchId.of("i12-gateway-request-0002"))
                .build();
        // both replicas' look-ups before the create see nothing (answered late, processed at once), so both create
        cloud.faults()
                .add(Fault.on(Service.COMPUTE)
                        .method("GET")
                        .path("^/servers/detail$")
                        .latency(Duration.ofSeconds(1))
                        .times(2)
                        .build());
        try (Exosphere a = SimulatedGateway.connect(cloud);
                Exosphere b = SimulatedGateway.connect(cloud)) {
            CompletableFuture<Instance> fa =
                    a.instances().launchAll(request).executeAsync().thenApply(l -> l.get(0));
            CompletableFuture<Instance> fb =
                    b.instances().launchAll(request).executeAsync().thenApply(l -> l.get(0));
            String idA = fa.get().id();
            String idB = fb.get().id();
            cloud.advance(Duration.ofSeconds(10)); // let Nova finish the delete of the younger one

            assertThat(creates()).isEqualTo(2);
            List<SimulatedServer> left = serversCarrying(request.launchId());
            assertThat(left).hasSize(1);
            assertThat(List.of(idA, idB)).contains(left.get(0).id());
        }
    }

    @Test
    void truncatedTwoHundredAnswerToTheCreateIsAmbiguousAndResolvedByLookUp() {
        cloud.faults()
                .add(Fault.on(Service.COMPUTE)
                        .method("POST")
                        .path(CREATE)
                        .truncateResponseAfterProcessing()
                        .times(1)
                        .build());
        LaunchRequest request = SimulatedGateway.small("i12-truncated").build();
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = exo.launch(request).execute();

            assertThat(serversCarrying(request.launchId()))
                    .singleElement()
                    .satisfies(s -> assertThat(s.id()).isEqualTo(vm.id()));
            assertThat(creates()).isEqualTo(1);
        }
    }

    @Test
    void emptyTwoHundredAnswerToTheCreateIsAmbiguousAndResolvedByLookUp() {
        cloud.faults()
                .add(Fault.on(Service.COMPUTE)
                        .method("POST")
                        .path(CREATE)
                        .emptyResponseAfterProcessing()
                        .times(1)
                        .build());
        LaunchRequest request = SimulatedGateway.small("i12-empty").build();
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = exo.launch(request).execute();

            assertThat(serversCarrying(request.launchId()))
                    .singleElement()
                    .satisfies(s -> assertThat(s.id()).isEqualTo(vm.id()));
            assertThat(creates()).isEqualTo(1);
        }
    }

    @Test
    void lostAnswerWhoseLookUpsAlsoFailThrowsTheLaunchIdAndLaunchingAgainWithItReconciles() {
        cloud.faults()
                .add(Fault.on(Service.COMPUTE)
                        .method("POST")
                        .path(CREATE)
                        .dropResponseAfterProcessing()
                        .times(1)
                        .build());
        cloud.faults()
                .add(Fault.on(Service.COMPUTE)
                        .method("GET")
                        .path("^/servers/detail$")
                        .respondWith(503)
                        .build());
        LaunchRequest request = SimulatedGateway.small("i12-unknown").build();
        try (Exosphere exo = SimulatedGateway.connect(cloud, s -> s.reconcileWindow(Duration.ofSeconds(30)))) {
            LaunchOutcomeUnknownException unknown = org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> exo.launch(request).execute(), LaunchOutcomeUnknownException.class);
            assertThat(unknown).isNotNull();
            assertThat(unknown.launchId()).isEqualTo(request.launchId());
            assertThat(unknown).hasMessageContaining(request.launchId().value());
            assertThat(serversCarrying(request.launchId())).hasSize(1); // it does exist

            cloud.faults().clear();
            Instance vm = exo.launch(
                            request.toBuilder().launchId(unknown.launchId()).build())
                    .execute();

            assertThat(serversCarrying(request.launchId()))
                    .singleElement()
                    .satisfies(s -> assertThat(s.id()).isEqualTo(vm.id()));
            assertThat(creates()).isEqualTo(1);
        }
    }

    @Test
    void multiLaunchWhoseSecondCreateIsRefusedCarriesEveryCreatedServer() {
        cloud.faults()
                .add(Fault.on(Service.COMPUTE)
                        .method("POST")
                        .path(CREATE)
                        .respondWith(403, "Policy doesn't allow os_compute_api:servers:create to be performed.")
                        .skip(1)
                        .times(1)
                        .build());
        LaunchRequest request = SimulatedGateway.small("i12-many").count(3).build();
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            PartialLaunchException partial = org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> exo.launchAll(request).execute(), PartialLaunchException.class);

            assertThat(partial).isNotNull();
            assertThat(partial.created()).hasSize(2);
            assertThat(partial.failures()).singleElement().isInstanceOf(ForbiddenException.class);
            List<String> inCloud = cloud.servers().stream()
                    .filter(s -> s.name().startsWith("i12-many"))
                    .map(SimulatedServer::id)
                    .toList();
            assertThat(inCloud)
                    .containsExactlyInAnyOrderElementsOf(
                            partial.created().stream().map(Instance::id).toList());
            assertThat(partial.launchId()).isEqualTo(request.launchId());
        }
    }

    @Test
    void clientErrorOnASingleCreateIsThrownAsIsAndNeverRetried() {
        cloud.faults()
                .add(Fault.on(Service.COMPUTE)
                        .method("POST")
                        .path(CREATE)
                        .respondWith(403)
                        .times(1)
                        .build());
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            assertThatThrownBy(() -> exo.launch(
                                    SimulatedGateway.small("i12-refused").build())
                            .execute())
                    .isInstanceOf(ForbiddenException.class);
            assertThat(creates()).isEqualTo(1);
            assertThat(cloud.servers()).noneMatch(s -> s.name().equals("i12-refused"));
        }
    }
}
