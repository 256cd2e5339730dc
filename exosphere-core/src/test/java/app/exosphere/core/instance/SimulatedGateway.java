package app.exosphere.core.instance;

import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.Credentials;
import app.exosphere.testkit.CloudCredentials;
import app.exosphere.testkit.CloudSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** A gateway connected to a simulated cloud, on the simulator's clock (each call is one replica). */
final class SimulatedGateway {
    static final String CLIENT = "3f0e8a52-1c2d-4e5f-9a8b-7c6d5e4f3a2b";

    private SimulatedGateway() {}

    static Exosphere connect(CloudSimulator cloud) {
        return connect(cloud, b -> b);
    }

    /** Connects with Exosphere's defaults plus the simulator's UAP, adjusted by {@code settings}. */
    static Exosphere connect(CloudSimulator cloud, UnaryOperator<ExosphereSettings.Builder> settings) {
        return connect(cloud, o -> o, settings);
    }

    /** Like {@link #connect(CloudSimulator, UnaryOperator)}, the OpenStack client adjusted by {@code openStack}. */
    static Exosphere connect(
            CloudSimulator cloud,
            UnaryOperator<OpenStack.Builder> openStack,
            UnaryOperator<ExosphereSettings.Builder> settings) {
        CloudCredentials c = cloud.credentials();
        Clock clock = cloud.clock().asClock();
        OpenStack os = openStack
                .apply(OpenStack.builder()
                        .authUrl(c.authUrl())
                        .credentials(Credentials.applicationCredential(
                                c.applicationCredentialId(), c.applicationCredentialSecret()))
                        .region("IU")
                        .httpClient(cloud.newHttpClient())
                        .clock(clock))
                .build();
        ExosphereSettings.Builder b = ExosphereSettings.builder()
                .clientUuid(CLIENT)
                .uapHostname(cloud.uapHostname("IU").orElseThrow());
        return Exosphere.builder()
                .openStack(os)
                .settings(settings.apply(b).build())
                .clock(clock)
                .build();
    }

    /** {@link #launchAndAwait(Exosphere, LaunchRequest, Consumer, Progress.State...)} of {@link #small} {@code name}. */
    static Instance launchAndAwait(Exosphere exo, String name, Progress.State... states) {
        return launchAndAwait(exo, small(name).build(), p -> {}, states);
    }

    /**
     * Launches on the simulated cloud and watches until each of {@code states} was reported (READY within
     * 120 s, failing as {@link InstanceWatch#awaitReady} does; the others within 60 s more, e.g. the automatic
     * hostname's outcome, which may come after READY), every event passed to {@code listener} on the way;
     * returns the instance fetched again.
     */
    static Instance launchAndAwait(
            Exosphere exo, LaunchRequest request, Consumer<Progress> listener, Progress.State... states) {
        Set<Progress.State> wanted = EnumSet.copyOf(List.of(states));
        Set<Progress.State> seen = ConcurrentHashMap.newKeySet();
        CompletableFuture<Void> allSeen = new CompletableFuture<>();
        Instance vm = exo.launch(request).execute();
        InstanceWatch watch = vm.watch(p -> {
            listener.accept(p);
            if (wanted.contains(p.state()) && seen.add(p.state()) && seen.containsAll(wanted)) {
                allSeen.complete(null);
            }
        });
        if (wanted.contains(Progress.State.READY)) {
            watch.awaitReady(Duration.ofSeconds(120));
        }
        allSeen.orTimeout(60, TimeUnit.SECONDS).join();
        watch.close();
        return vm.refresh().execute();
    }

    static LaunchRequest.Builder small(String name) {
        return LaunchRequest.builder()
                .name(name)
                .image(ImageChoice.name("Featured-Ubuntu24"))
                .flavor(FlavorChoice.name("m3.small"));
    }
}
