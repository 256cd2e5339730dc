package app.exosphere.core.instance;

import app.exosphere.cloudinit.SecretText;
import app.exosphere.cloudinit.console.SetupState;
import app.exosphere.cloudinit.console.SetupStatus;
import app.exosphere.core.auth.SecretUrl;
import app.exosphere.core.compute.Server;
import app.exosphere.core.compute.ServerAddress;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.error.OpenStackException;
import app.exosphere.core.network.FloatingIp;
import app.exosphere.core.network.Port;
import app.exosphere.core.rules.ExosphereMetadata;
import app.exosphere.core.rules.FloatingIpChoice;
import app.exosphere.core.rules.FloatingIpDecision;
import app.exosphere.core.rules.ServerOrigin;
import app.exosphere.uap.JupyterUrls;
import app.exosphere.workflow.WorkflowConsole;
import app.exosphere.workflow.WorkflowSetupPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one watcher of a project and region: every {@link InstanceWatch} of the {@link Instances} registers its
 * server here, and each cycle costs
 *
 * <ul>
 *   <li>one {@code GET /servers/detail} for all watched servers (paged only past 1000 servers);
 *   <li>one console read ({@code os-getConsoleOutput} bounded by {@code length}) per server whose setup (or
 *       workflow) is unfinished, read in parallel; the length doubles only while the bounded read holds no
 *       status line, so the newest one is never missed;
 *   <li>the password read, once per cycle, only for servers whose passphrase is not known yet;
 *   <li>the few writes Exosphere does (floating IP, {@code exoSetup}, {@code exoPw:} tag).
 * </ul>
 *
 * The interval adapts on the injected clock: {@link ExosphereSettings#fastPollInterval()} while a server is
 * building, was just added, waits for its floating IP or just changed state; then doubling up to {@link
 * ExosphereSettings#pollInterval()} while nothing changes. The interval runs from the start of one cycle to
 * the start of the next, but the watcher always rests at least half of it between cycles. It stops when
 * nothing is watched.
 *
 * <p>The list is not filtered by {@code changes-since}: Nova moves a server's {@code updated} when its
 * status or metadata change but not when a tag is added, and a replica's {@code exoPw:} tag must be seen;
 * one unfiltered list is still one request (a page holds 1000 servers).
 *
 * <p>Safe with replicas (another process watching the same servers): floating IPs are created with the
 * port, so Neutron refuses a second one for the same fixed IP (the loser finds the winner's); the passphrase
 * tag is a set member; {@code exoSetup} is written only forward (waiting &lt; starting &lt; running &lt;
 * complete/error/timeout) after re-reading the recorded value.
 */
final class ProjectWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectWatcher.class);
    /** Floating IPs are only created for servers younger than this (Exosphere {@code Helpers.getNewFloatingIpOption}). */
    static final Duration FLOATING_IP_WINDOW = Duration.ofMinutes(5);
    /** A just-added server is polled fast for this long. */
    private static final Duration JUST_ADDED = Duration.ofMinutes(2);

    private final EngineContext ctx;
    private final Map<String, Track> tracks = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private boolean running;
    private boolean kicked;
    private Duration interval;
    private long cycles;

    ProjectWatcher(EngineContext ctx) {
        this.ctx = ctx;
        this.interval = ctx.settings.fastPollInterval();
    }

    /** Starts following the handle's server (a cycle starts at once). */
    void watch(InstanceWatch handle) {
        tracks.compute(handle.serverId(), (id, t) -> {
            Track track = t == null ? new Track(handle.initial()) : t;
            track.handles.add(handle);
            return track;
        });
        kick();
    }

    /** Stops delivering to the handle; its server is dropped when no handle is left. */
    void unwatch(InstanceWatch handle) {
        tracks.computeIfPresent(handle.serverId(), (id, t) -> {
            t.handles.remove(handle);
            return t.handles.isEmpty() ? null : t;
        });
    }

    /** Number of servers watched now. */
    int watchedServers() {
        return tracks.size();
    }

    /** Whether no cycle is running or scheduled (nothing watched and the last cycle over). */
    boolean idle() {
        synchronized (lock) {
            return !running;
        }
    }

    /** Cycles run so far (for tests and diagnostics). */
    long cycles() {
        synchronized (lock) {
            return cycles;
        }
    }

    private void kick() {
        synchronized (lock) {
            interval = ctx.settings.fastPollInterval();
            if (running) {
                kicked = true;
                return;
            }
            running = true;
        }
        ctx.scheduler.execute(this::loop);
    }

    private void loop() {
        boolean hot = true;
        Instant cycleStart = ctx.clock.instant();
        try {
            hot = cycle();
        } catch (RuntimeException e) {
            LOG.warn("project watcher cycle failed; trying again", e);
        } finally {
            scheduleNext(hot, Duration.between(cycleStart, ctx.clock.instant()));
        }
    }

    /**
     * The wait after a cycle that took {@code cycleTook}: the interval counts from the cycle's start, as
     * openstack4j's wait-for-status loop does (the list and the port look-ups no longer stretch a 1 s
     * interval to 1.2–1.4 s), but never less than half the interval, so that a slow cloud is not polled
     * back to back.
     */
    static Duration delayAfter(Duration interval, Duration cycleTook) {
        Duration left = interval.minus(cycleTook.isNegative() ? Duration.ZERO : cycleTook);
        Duration floor = interval.dividedBy(2);
        return left.compareTo(floor) < 0 ? floor : left;
    }

    /** Schedules the next cycle on the injected clock, or stops when nothing is watched. */
    private void scheduleNext(boolean hot, Duration cycleTook) {
        Duration next;
        synchronized (lock) {
            cycles++;
            if (tracks.isEmpty() && !kicked) {
                running = false;
                return;
            }
            if (hot || kicked) {
                interval = ctx.settings.fastPollInterval();
            } else {
                Duration doubled = interval.multipliedBy(2);
                interval = doubled.compareTo(ctx.settings.pollInterval()) > 0 ? ctx.settings.pollInterval() : doubled;
            }
            next = kicked ? Duration.ZERO : delayAfter(interval, cycleTook);
            kicked = false;
        }
        ctx.timer.delay(next).whenComplete((v, err) -> {
            if (err != null) {
                synchronized (lock) {
                    running = false;
                }
                return;
            }
            try {
                ctx.scheduler.execute(this::loop);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                synchronized (lock) {
                    running = false;
                }
            }
        });
    }

    /** One cycle; true when some server needs the fast interval. */
    private boolean cycle() {
        if (tracks.isEmpty()) {
            return false;
        }
        List<Server> servers;
        try {
            servers = ctx.os.compute().servers().list().toList();
        } catch (OpenStackException e) {
            // Exosphere keeps the previous status on HTTP errors and tries again
            LOG.debug("listing servers failed, retrying: {}", e.getMessage());
            return true;
        }
        Map<String, Server> byId = new HashMap<>();
        servers.forEach(s -> byId.put(s.id(), s));
        // console reads for every unfinished setup start together
        Map<String, CompletableFuture<String>> consoles = new HashMap<>();
        for (Map.Entry<String, Track> e : tracks.entrySet()) {
            Server s = byId.get(e.getKey());
            if (s != null && e.getValue().needsConsole(s)) {
                consoles.put(
                        e.getKey(),
                        ctx.os
                                .compute()
                                .servers()
                                .consoleOutput(e.getKey(), e.getValue().consoleLines)
                                .executeAsync());
            }
        }
        boolean hot = false;
        for (Map.Entry<String, Track> e : tracks.entrySet()) {
            Track t = e.getValue();
            try {
                Server s = byId.get(e.getKey());
                if (s == null) {
                    s = missing(e.getKey(), t);
                    if (s == null) {
                        continue;
                    }
                }
                hot |= t.step(s, consoles.get(e.getKey()));
            } catch (OpenStackException ex) {
                LOG.debug("watch {}: poll step failed, retrying: {}", e.getKey(), ex.getMessage());
                hot = true;
            } catch (RuntimeException ex) {
                LOG.warn("watch {}: unexpected failure", e.getKey(), ex);
                t.fail(new InstanceFailedException(e.getKey(), "Watching failed: " + ex, false));
            }
            if (t.finished()) {
                tracks.remove(e.getKey(), t);
            }
        }
        return hot;
    }

    /** A watched server absent from the list: gone (the watch fails), or not listed yet. */
    private Server missing(String id, Track t) {
        try {
            return ctx.os.compute().servers().get(id).execute();
        } catch (NotFoundException gone) {
            t.emit(Progress.State.ERROR, "The server no longer exists");
            t.fail(new InstanceFailedException(id, "Server " + id + " no longer exists (deleted?)", false));
            return null;
        }
    }

    static int rank(SetupState s) {
        return switch (s) {
            case WAITING -> 0;
            case STARTING -> 1;
            case RUNNING -> 2;
            case COMPLETE, ERROR, TIMEOUT -> 3;
            case UNKNOWN -> -1;
        };
    }

    /** What the watcher knows about one server, and the handles it reports to. */
    final class Track {
        final String serverId;
        final Instant started;
        final String launchId;
        final List<InstanceWatch> handles = new CopyOnWriteArrayList<>();
        volatile Progress.State last;
        volatile SetupStatus setup;
        /** The last {@code exoSetup} this watcher wrote (never write the same or an older one again). */
        SetupStatus written = SetupStatus.initial();

        volatile Instance latest;
        boolean activeSeen;
        boolean floatingIpDone;
        boolean passphraseDone;
        boolean guacamoleChecked;
        boolean workflowStarted;
        boolean readyDone;
        boolean failed;
        SecretText workflowToken;
        Integer consoleLines;
        /** The server's first port, looked up while it builds so the floating IP need not wait for ACTIVE. */
        String portId;
        /** The MAC address of {@link #portId} when it was looked up while building; cleared once checked at ACTIVE. */
        String portMac;
        /** The floating IP this watch attached (created, found or assigned). */
        FloatingIp attachedFloatingIp;
        /** The floating IP's create in flight (started while the server builds or at ACTIVE), settled by a later cycle. */
        PortFloatingIp pendingFloatingIp;
        /** The port is known and what to do about its floating IP waits for the server to leave BUILD. */
        boolean deferredToActive;

        Track(Instance instance) {
            this.serverId = instance.id();
            this.started = ctx.clock.instant();
            this.latest = instance;
            this.setup = instance.origin().setupStatus();
            this.launchId = instance.origin().launchId().orElse(null);
            this.consoleLines = ctx.settings.consoleTailLines();
        }

        boolean finished() {
            if (failed) {
                return true;
            }
            boolean workflowPending = latest.origin().workflow().isPresent()
                    && handles.stream().anyMatch(h -> !h.workflowReady().isDone());
            return readyDone && !workflowPending;
        }

        boolean needsConsole(Server s) {
            if (failed || !s.status().raw().equalsIgnoreCase("ACTIVE")) {
                return false;
            }
            ServerOrigin o = ServerOrigin.of(s);
            if (!o.fromExosphere() || !o.versionAtLeast(4)) {
                return false;
            }
            boolean setupDone = rank(setup.state()) == 3 || rank(o.setupStatus().state()) == 3;
            boolean workflowPending = o.workflow().isPresent() && workflowToken == null;
            return !setupDone || workflowPending;
        }

        /** Processes one snapshot; true when this server wants the fast interval. */
        boolean step(Server server, CompletableFuture<String> console) {
            Instance instance = new Instance(ctx, server);
            latest = instance;
            settleFloatingIp(false);
            if (failed) {
                return false;
            }
            ServerOrigin origin = instance.origin();
            Progress.State before = last;
            String status = server.status().raw().toUpperCase(Locale.ROOT);
            if (status.equals("ERROR")) {
                String fault = server.fault().map(f -> f.message()).orElse("no fault message");
                emit(Progress.State.ERROR, "Server is in ERROR: " + fault);
                fail(new InstanceFailedException(serverId, "Server " + serverId + " went to ERROR: " + fault, false));
                return false;
            }
            if (status.equals("DELETED") || status.equals("SOFT_DELETED")) {
                emit(Progress.State.ERROR, "The server was deleted");
                fail(new InstanceFailedException(serverId, "Server " + serverId + " was deleted", false));
                return false;
            }
            if (status.equals("BUILD")) {
                emit(Progress.State.BUILDING, "Nova is building the server");
                floatingIpWhileBuilding(server, origin);
                return !failed;
            }
            if (!status.equals("ACTIVE")) {
                emit(last == null ? Progress.State.BUILDING : last, "Server is " + status);
                return justAdded();
            }
            if (!activeSeen) {
                activeSeen = true;
                emit(Progress.State.ACTIVE, "Server is ACTIVE");
                LaunchLog.info(serverId, launchId, "server {} is ACTIVE", serverId);
            }
            if (!guacamoleChecked) {
                guacamoleChecked = true;
                guacamoleWithoutUap(origin);
            }
            // unshelved by this SDK: the web app's floating-IP step runs again, in its own class
            if (UnshelvedFloatingIp.armed(ctx, serverId)) {
                floatingIpDone = UnshelvedFloatingIp.step(this, instance);
                if (failed || !floatingIpDone) {
                    return !failed;
                }
            }
            if (portReplacedSinceBuilding(server)) {
                followReplacedPort();
                if (failed) {
                    return false;
                }
            }
            if (!floatingIpDone && origin.createdByClient(ctx.settings.clientUuid())) {
                floatingIp(server, origin);
                if (failed) {
                    return false;
                }
                if (pendingFloatingIp != null) {
                    return true; // looking for it after an ambiguous answer: settled first (a later cycle), then setup
                }
            } else if (!origin.createdByClient(ctx.settings.clientUuid())) {
                floatingIpDone = true; // not ours: Exosphere only manages floating IPs of servers it launched
            }
            if (!origin.fromExosphere() || !origin.versionAtLeast(4)) {
                // Exosphere (Helpers.getServerUiStatus): below version 4, or not from Exosphere, ACTIVE is Ready
                if (floatingIpDone) {
                    complete(instance);
                }
                return !floatingIpDone || last != before;
            }
            SetupStatus recorded = origin.setupStatus();
            if (rank(recorded.state()) > rank(setup.state())) {
                setup = recorded; // another replica (or Exosphere) got further
            }
            String text = console == null ? null : join(console);
            SetupStatus next = setup;
            if (text != null) {
                boolean hasStatusLine = !SetupStatus.linesIn(text).isEmpty();
                consoleLines = hasStatusLine ? ctx.settings.consoleTailLines() : grow(consoleLines);
                next = setup.next(text, server.createdAt().orElse(started), ctx.clock.instant());
            } else if (rank(setup.state()) < 3) {
                next = setup.timedOut(server.createdAt().orElse(started), ctx.clock.instant());
            }
            if (rank(next.state()) > rank(recorded.state()) && rank(next.state()) > rank(written.state())) {
                writeSetupForward(next);
            }
            if (rank(next.state()) >= rank(setup.state())) {
                setup = next;
            }
            if (!passphraseDone
                    && origin.versionAtLeast(1)
                    && (setup.state() == SetupState.RUNNING || setup.state() == SetupState.COMPLETE)) {
                passphrase(origin);
            }
            switch (setup.state()) {
                case STARTING -> emitPhase(Progress.State.SETUP_STARTING, "Setup is starting");
                case RUNNING -> emitPhase(Progress.State.SETUP_RUNNING, "Setup is running");
                case COMPLETE -> {
                    if (floatingIpDone) {
                        complete(instance);
                    }
                }
                case ERROR -> {
                    emit(Progress.State.ERROR, "Setup reported an error; see the console log");
                    fail(new InstanceFailedException(
                            serverId,
                            "Setup of " + serverId + " failed (exoSetup error); read the console log",
                            false));
                    return false;
                }
                case TIMEOUT -> {
                    emit(Progress.State.TIMEOUT, "Setup did not finish in Exosphere's time limit");
                    fail(new InstanceFailedException(serverId, "Setup of " + serverId + " timed out", true));
                    return false;
                }
                default -> {}
            }
            if (origin.workflow().isPresent() && readyDone && text != null) {
                workflow(text, instance);
            }
            return justAdded() || !floatingIpDone || last != before;
        }

        private boolean justAdded() {
            return Duration.between(started, ctx.clock.instant()).compareTo(JUST_ADDED) < 0 && !activeSeen;
        }

        private int grow(Integer lines) {
            // the newest status line is further up than the bounded read: read twice as much next time
            return lines == null ? ctx.settings.consoleTailLines() : Math.min(lines * 2, 1 << 16);
        }

        private void emitPhase(Progress.State state, String message) {
            if (state != last) {
                LaunchLog.info(serverId, launchId, "server {}: {}", serverId, message.toLowerCase(Locale.ROOT));
            }
            emit(state, message);
        }

        /** Writes {@code exoSetup} only forward, after re-reading what is recorded now (replicas). */
        private void writeSetupForward(SetupStatus next) {
            var metadata = ctx.os.compute().servers().metadata(serverId);
            SetupStatus now;
            try {
                now = SetupStatus.fromMetadataValue(
                        metadata.get(SetupStatus.METADATA_KEY).execute());
            } catch (NotFoundException absent) {
                now = SetupStatus.initial();
            }
            if (rank(now.state()) >= rank(next.state())) {
                if (rank(now.state()) > rank(setup.state())) {
                    setup = now;
                }
                return;
            }
            metadata.update(Map.of(SetupStatus.METADATA_KEY, next.toMetadataValue()))
                    .execute();
            written = next;
        }

        private void guacamoleWithoutUap(ServerOrigin origin) {
            if (origin.fromExosphere()
                    && origin.versionAtLeast(3)
                    && origin.guacamole().isEmpty()
                    && origin.createdByClient(ctx.settings.clientUuid())
                    && ctx.uapHostname().isEmpty()) {
                // the event only: the launch that decided it logged the WARN line (Launch.userData)
                emit(
                        Progress.State.SKIPPED,
                        "Guacamole (web shell and desktop) was not deployed: no User Application Proxy is known for"
                                + " this cloud and region; set ExosphereSettings.uapHostname, or launch with guacamole(true)");
            }
        }

        private void skip(String message) {
            emit(Progress.State.SKIPPED, message);
            LaunchLog.warn(serverId, launchId, "server {}: {}", serverId, message);
        }

        /**
         * While the server builds: as soon as Neutron lists its first port with a fixed IP, decide as the web
         * app does once the build ends ({@link FloatingIpDecision#decideWhileBuilding}) and start {@code POST
         * /floatingips} on that port without waiting for the answer, so that the floating IP is attached while
         * Nova finishes the build (binding the port, reading back its network info). Neutron associates a
         * floating IP with a port that is still {@code DOWN}. The answer is settled by a later cycle ({@link
         * #settleFloatingIp}); an existing floating IP to assign, a server outside the 5-minute window, or no
         * fixed IP yet are left to the cycle that sees the server leave {@code BUILD}, as before. No look-up
         * while Nova is still scheduling (no port can exist yet). Measured on the loopback OpenStack
         * (docs/performance.md, launch section): started at the first listing, the create ends before or
         * with ACTIVE in most launches; waiting for the port to be bound first left it after ACTIVE in most.
         */
        private void floatingIpWhileBuilding(Server server, ServerOrigin origin) {
            if (floatingIpDone
                    || pendingFloatingIp != null
                    || !origin.createdByClient(ctx.settings.clientUuid())
                    || origin.floatingIp().kind() == FloatingIpChoice.Kind.NONE
                    || deferredToActive
                    || server.taskState().filter("scheduling"::equalsIgnoreCase).isPresent()) {
                return;
            }
            List<Port> ports = latest.fetchPorts().execute();
            if (ports.isEmpty()) {
                return;
            }
            Port port = ports.get(0);
            portId = port.id();
            portMac = port.macAddress().orElse(null);
            List<String> fixed = port.fixedIps().stream()
                    .map(f -> f.ipAddress())
                    .flatMap(Optional::stream)
                    .toList();
            FloatingIpDecision d = FloatingIpDecision.decideWhileBuilding(origin.floatingIp(), false, fixed);
            Instant created = server.createdAt().orElse(started);
            if (d.action() == FloatingIpDecision.Action.NOTHING) {
                floatingIpDone = true; // "automatic" and the port has a public fixed IP
            } else if (d.action() == FloatingIpDecision.Action.CREATE
                    && !ctx.clock.instant().isAfter(created.plus(FLOATING_IP_WINDOW))) {
                startFloatingIp(portId);
            } else if (d.action() != FloatingIpDecision.Action.WAIT) {
                deferredToActive = true; // assigning an existing one, or outside the window: decided at ACTIVE
                ctx.externalNetwork();
            }
        }

        /**
         * Whether the port looked up while the server built is gone from the ACTIVE server, told from the
         * server's own addresses (no request): none carries that port's MAC address. Nova does that when it
         * reschedules a build whose first host failed: it deletes the port it made there (Neutron disassociates
         * a floating IP from it) and makes a new one. Checked once, at the first ACTIVE snapshot.
         */
        private boolean portReplacedSinceBuilding(Server server) {
            String mac = portMac;
            portMac = null;
            if (mac == null || portId == null) {
                return false;
            }
            List<String> macs = server.allAddresses().stream()
                    .map(ServerAddress::macAddress)
                    .flatMap(Optional::stream)
                    .toList();
            return !macs.isEmpty() && macs.stream().noneMatch(mac::equalsIgnoreCase);
        }

        /**
         * The port the floating IP was started on while building was replaced: forget it, and move the floating
         * IP already attached there (the SDK's, or a replica's it found) to the server's port now, one {@code
         * PUT}, so that READY still means attached. A floating IP not settled yet is decided afresh by {@link
         * #floatingIp} on the new port.
         */
        private void followReplacedPort() {
            String was = portId;
            portId = null;
            FloatingIp fip = attachedFloatingIp;
            if (fip == null || pendingFloatingIp != null) {
                return;
            }
            List<String> ports = serverPortIds();
            if (ports.isEmpty()) {
                floatingIpFailed(
                        new IllegalStateException("Nova replaced port " + was + " and the server has no port now"));
                return;
            }
            portId = ports.get(0);
            try {
                FloatingIp moved = ctx.os
                        .network()
                        .floatingIps()
                        .associate(fip.id(), portId)
                        .execute();
                attachedFloatingIp = moved;
                LaunchLog.warn(
                        serverId,
                        launchId,
                        "server {}: Nova replaced port {} while building (a rescheduled build); floating IP {} moved to port {}",
                        serverId,
                        was,
                        moved.floatingIpAddress(),
                        portId);
            } catch (OpenStackException e) {
                if (!portHasFloatingIp(portId)) {
                    floatingIpFailed(e);
                }
            }
        }

        /** The ids of the server's ports now, one look-up ({@link Instance#fetchPorts}). */
        private List<String> serverPortIds() {
            return latest.fetchPorts().execute().stream().map(Port::id).toList();
        }

        private void floatingIp(Server server, ServerOrigin origin) {
            settleFloatingIp(true); // one started while the server built: its answer first
            if (floatingIpDone || failed || pendingFloatingIp != null) {
                return;
            }
            boolean hasFip = server.allAddresses().stream().anyMatch(ServerAddress::isFloating);
            FloatingIpChoice intent = origin.floatingIp();
            if (hasFip || intent.kind() == FloatingIpChoice.Kind.NONE) {
                floatingIpDone = true; // nothing to look up
                return;
            }
            List<String> fixed = server.allAddresses().stream()
                    .filter(a -> !a.isFloating())
                    .map(ServerAddress::address)
                    .toList();
            if (intent.kind() == FloatingIpChoice.Kind.AUTOMATIC
                    && fixed.stream().anyMatch(FloatingIpDecision::isPublicIpv4)) {
                floatingIpDone = true;
                return;
            }
            List<String> ports = portId != null ? List.of(portId) : serverPortIds();
            FloatingIpDecision d =
                    FloatingIpDecision.decide(intent, server.status().raw(), !ports.isEmpty(), false, fixed);
            switch (d.action()) {
                case WAIT -> {}
                case NOTHING -> floatingIpDone = true;
                case CREATE -> {
                    Instant created = server.createdAt().orElse(started);
                    if (ctx.clock.instant().isAfter(created.plus(FLOATING_IP_WINDOW))) {
                        floatingIpDone = true;
                        String why = "No floating IP was created: the server is older than Exosphere's "
                                + FLOATING_IP_WINDOW.toMinutes()
                                + "-minute window for new floating IPs (Helpers.getNewFloatingIpOption)";
                        skip(why);
                        fail(new InstanceFailedException(serverId, why + "; attach one with FloatingIpChoice", false));
                        return;
                    }
                    startFloatingIp(ports.get(0));
                    settleFloatingIp(true);
                }
                case ASSIGN_EXISTING -> {
                    try {
                        FloatingIp fip = ctx.os
                                .network()
                                .floatingIps()
                                .associate(d.existingFloatingIpId().orElseThrow(), ports.get(0))
                                .execute();
                        attached(fip, "assigned");
                    } catch (OpenStackException e) {
                        if (!portHasFloatingIp(ports.get(0))) {
                            floatingIpFailed(e);
                        }
                    }
                }
            }
        }

        /**
         * Starts creating the floating IP on the port without waiting ({@link PortFloatingIp}, the one
         * exactly-once create the unshelve uses too), its outcome settled by {@link #settleFloatingIp} in this
         * or a later cycle: at most one per port (Neutron refuses a second floating IP for a fixed IP, so a
         * replica doing the same finds this one, and this one the replica's).
         */
        private void startFloatingIp(String portId) {
            this.portId = portId;
            pendingFloatingIp = PortFloatingIp.start(ctx, serverId, portId, "the floating IP of server " + serverId);
        }

        /**
         * Settles the floating IP's create in flight once it has ended. With {@code firstAnswer} (the server is
         * ACTIVE) waits for its first POST's answer as before, one request, but never for the look-ups and
         * retries after an ambiguous one: those are settled by a later cycle.
         */
        private void settleFloatingIp(boolean firstAnswer) {
            PortFloatingIp pending = pendingFloatingIp;
            if (pending == null) {
                return;
            }
            if (firstAnswer) {
                pending.awaitFirstAnswer();
            }
            if (!pending.isDone()) {
                return;
            }
            pendingFloatingIp = null;
            PortFloatingIp.Outcome outcome = pending.outcome();
            if (outcome.floatingIp().isPresent()) {
                attached(outcome.floatingIp().get(), outcome.how());
            } else {
                floatingIpFailed(outcome.failure());
            }
        }

        private boolean portHasFloatingIp(String portId) {
            Optional<FloatingIp> existing = PortFloatingIp.onPort(ctx, portId);
            existing.ifPresent(f -> attached(f, "found"));
            return existing.isPresent();
        }

        private void attached(FloatingIp fip, String how) {
            floatingIpDone = true;
            attachedFloatingIp = fip;
            ctx.rememberIfCreated(serverId, fip);
            emit(Progress.State.FLOATING_IP_ATTACHED, "Floating IP " + fip.floatingIpAddress() + " attached");
            LaunchLog.info(serverId, launchId, "server {}: floating IP {} {}", serverId, fip.floatingIpAddress(), how);
            // in the background; the watches of now, not the live list: a watch leaves it at READY, and the
            // hostname's outcome may come after that
            AutomaticHostnames.afterAttach(ctx, latest, fip, launchId, started, List.copyOf(handles));
        }

        private void floatingIpFailed(RuntimeException cause) {
            String why = "The requested floating IP could not be attached: " + cause.getMessage();
            skip(why);
            fail(new InstanceFailedException(serverId, "Server " + serverId + ": " + why, false));
        }

        private void passphrase(ServerOrigin origin) {
            if (origin.passphrase().isPresent() || ctx.memoryPassphrases.containsKey(serverId)) {
                passphraseDone = true;
                return;
            }
            Optional<String> pw =
                    ctx.os.compute().servers().password(serverId).get().execute();
            if (pw.isEmpty() || pw.get().isEmpty()) {
                return;
            }
            // Exosphere (State.Update.Server receivePasswordFromServer): store it as the exoPw: tag (or keep it
            // in memory), then clear the server password; a replica doing the same adds the same tag
            if (ctx.settings.passphraseHandling() == PassphraseHandling.STORE_AS_TAG) {
                ctx.os
                        .compute()
                        .servers()
                        .tags(serverId)
                        .add(ExosphereMetadata.PASSPHRASE_TAG_PREFIX + pw.get())
                        .execute();
            } else {
                ctx.memoryPassphrases.put(serverId, pw.get());
            }
            ctx.os.compute().servers().password(serverId).clear().execute();
            passphraseDone = true;
            LaunchLog.info(
                    serverId,
                    launchId,
                    "server {}: passphrase stored ({})",
                    serverId,
                    ctx.settings.passphraseHandling());
        }

        private void workflow(String console, Instance instance) {
            WorkflowConsole wc = WorkflowConsole.scan(console);
            if (!workflowStarted && wc.latestPhase().isPresent()) {
                workflowStarted = true;
                emit(Progress.State.WORKFLOW_STARTED, "The workflow is being built");
            }
            if (wc.token().isEmpty()) {
                consoleLines = grow(consoleLines);
                return;
            }
            if (wc.token().get().equals(workflowToken)) {
                return;
            }
            Optional<String> uap = ctx.uapHostname();
            Optional<String> fip = instance.server().allAddresses().stream()
                    .filter(ServerAddress::isFloating)
                    .map(ServerAddress::address)
                    .findFirst()
                    .or(() -> instance.fetchFloatingIps().execute().stream()
                            .map(FloatingIp::floatingIpAddress)
                            .findFirst());
            if (uap.isPresent() && fip.isPresent()) {
                workflowToken = wc.token().get();
                SecretUrl url = SecretUrl.of(JupyterUrls.workflow(
                                uap.get(),
                                fip.get(),
                                instance.origin().workflow().get().path(),
                                workflowToken.reveal())
                        .normalized());
                emit(Progress.State.WORKFLOW_READY, "The workflow is ready");
                LaunchLog.info(serverId, launchId, "server {}: workflow ready", serverId);
                handles.forEach(h -> h.completeWorkflow(url));
            }
            if (wc.latestPhase().filter(p -> p == WorkflowSetupPhase.COMPLETE).isPresent() && uap.isEmpty()) {
                workflowToken = wc.token().get();
                skip("The workflow is built but has no URL: no User Application Proxy is known for this cloud");
            }
        }

        private void complete(Instance instance) {
            if (readyDone) {
                return;
            }
            readyDone = true;
            emit(Progress.State.READY, "Ready");
            LaunchLog.info(serverId, launchId, "server {} is ready", serverId);
            handles.forEach(h -> h.complete(instance));
        }

        void fail(InstanceFailedException e) {
            if (failed) {
                return;
            }
            failed = true;
            LaunchLog.warn(serverId, launchId, "server {} failed: {}", serverId, e.getMessage());
            handles.forEach(h -> h.fail(e));
        }

        void emit(Progress.State state, String message) {
            if (state == last && state.isPhase()) {
                return;
            }
            if (state.isPhase()) {
                last = state; // e.g. the floating IP may come while building: an event, not a phase
            }
            Instant now = ctx.clock.instant();
            Progress p = new Progress(serverId, state, Duration.between(started, now), message, now);
            ctx.milestone(state.name(), serverId, launchId, message);
            handles.forEach(h -> h.deliver(p, latest));
        }
    }

    private static <T> T join(CompletableFuture<T> f) {
        return Instances.join(f);
    }
}
