package app.exosphere.core.instance;

import app.exosphere.core.OpenStack;
import app.exosphere.core.compute.Flavor;
import app.exosphere.core.http.Call;
import app.exosphere.core.http.ExosphereListener;
import app.exosphere.core.internal.Events;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.network.FloatingIp;
import app.exosphere.core.network.FloatingIpCreateRequest;
import app.exosphere.core.network.Network;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What the launch, the watcher and instance handles of one project and region share: the OpenStack view,
 * settings, clock, scheduler, and the small caches and memories that live as long as the {@link Instances}
 * that owns it. Package-private; thread-safe.
 */
final class EngineContext {
    final OpenStack os;
    final ExosphereSettings settings;
    final Clock clock;
    final ScheduledExecutorService scheduler;
    final ClockTimer timer;
    final GuacamoleAuth guacamole;
    /** Where launch and watch milestones go: the connection's listener. */
    private final Events events;
    /** Passphrases kept in memory ({@link PassphraseHandling#KEEP_IN_MEMORY}), by server id. */
    final Map<String, String> memoryPassphrases = new ConcurrentHashMap<>();
    /** Flavors by id (they do not change). */
    final Map<String, Flavor> flavorCache = new ConcurrentHashMap<>();
    /** Floating IP ids this SDK created, by server id, so that delete need not look them up. */
    final Map<String, String> createdFloatingIps = new ConcurrentHashMap<>();
    /** Floating IPs the watcher attached and their automatic hostnames, by server id, until delete. */
    final Map<String, AutomaticHostnames.Attached> attachedFloatingIps = new ConcurrentHashMap<>();
    /** Servers this SDK unshelved whose floating IP is not decided again yet, by server id. */
    final Map<String, UnshelvedFloatingIp> unshelved = new ConcurrentHashMap<>();

    /** Launch ids this context already launched (bounded), looked up before creating when reused. */
    private final Map<String, Boolean> launchedIds = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    };

    private final AtomicReference<CompletableFuture<Network>> externalNetwork = new AtomicReference<>();
    private ProjectWatcher watcher;

    EngineContext(OpenStack os, ExosphereSettings settings, Clock clock, ScheduledExecutorService scheduler) {
        this.os = os;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = scheduler;
        this.timer = new ClockTimer(clock, scheduler);
        this.guacamole = new GuacamoleAuth(os.httpClient(), clock);
        this.events = new Events(os.transportOptions().listener());
    }

    /**
     * A multi-request operation written once as blocking steps: {@link Call#execute()} runs them on the
     * caller's thread, {@link Call#executeAsync()} hands them to the shared OkHttp client's dispatcher
     * pool (the threads OkHttp runs its own asynchronous calls on), so no scheduler thread is held.
     */
    <T> Call<T> operation(Supplier<T> steps) {
        return Operation.composite(
                steps,
                () -> CompletableFuture.supplyAsync(
                        steps, os.httpClient().dispatcher().executorService()));
    }

    /** Tells the connection's {@link ExosphereListener} about a launch or watch milestone. */
    void milestone(String kind, String serverId, String launchId, String detail) {
        events.milestone(new ExosphereListener.Milestone(
                kind, Optional.ofNullable(serverId), Optional.ofNullable(launchId), detail, clock.instant()));
    }

    /** The UAP hostname for this cloud and region, if any. */
    Optional<String> uapHostname() {
        return settings.uapHostnameFor(os.authUrl(), os.region().orElse(null));
    }

    /** Records that {@code id} is being launched; true when it was launched before by this context. */
    boolean launched(LaunchId id) {
        synchronized (launchedIds) {
            return launchedIds.put(id.value(), Boolean.TRUE) != null;
        }
    }

    /** The one watcher of this project and region, started on first use. */
    synchronized ProjectWatcher watcher() {
        if (watcher == null) {
            watcher = new ProjectWatcher(this);
        }
        return watcher;
    }

    /**
     * Starts {@code POST /floatingips} for {@code serverId}'s port on the external network, with the description
     * that marks it as the SDK's ({@link Instance#createdFloatingIpDescription}): the one request behind the
     * launch's and the unshelve's floating-IP steps, both made exactly once by {@link PortFloatingIp}.
     */
    CompletableFuture<FloatingIp> startFloatingIpCreate(String serverId, String portId) {
        return externalNetwork()
                .thenCompose(external -> os.network()
                        .floatingIps()
                        .create(FloatingIpCreateRequest.builder()
                                .floatingNetworkId(external.id())
                                .portId(portId)
                                .description(Instance.createdFloatingIpDescription(serverId))
                                .build())
                        .executeAsync());
    }

    /**
     * Remembers {@code fip}, now attached to {@code serverId}, as one the SDK created when its description says
     * so, so that delete and {@code shelve(true)} release it without looking it up.
     */
    void rememberIfCreated(String serverId, FloatingIp fip) {
        if (fip.description()
                .filter(Instance.createdFloatingIpDescription(serverId)::equals)
                .isPresent()) {
            createdFloatingIps.put(serverId, fip.id());
        }
    }

    /**
     * The external network floating IPs are created on, looked up once ({@code router:external=true}) and
     * kept; a failed look-up is not kept.
     */
    CompletableFuture<Network> externalNetwork() {
        CompletableFuture<Network> cached = externalNetwork.get();
        if (cached != null && !cached.isCompletedExceptionally()) {
            return cached;
        }
        CompletableFuture<Network> fresh = new CompletableFuture<>();
        if (!externalNetwork.compareAndSet(cached, fresh)) {
            return externalNetwork();
        }
        os.network()
                .networks()
                .list(Map.of("router:external", "true"))
                .all()
                .executeAsync()
                .whenComplete((nets, err) -> {
                    if (err != null) {
                        fresh.completeExceptionally(err);
                    } else if (nets.isEmpty()) {
                        fresh.completeExceptionally(new InstanceFailedException(
                                "",
                                "The project sees no external network (router:external) to create a floating IP on",
                                false));
                    } else {
                        fresh.complete(nets.get(0));
                    }
                });
        return fresh;
    }
}
