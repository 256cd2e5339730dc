package app.exosphere.core.instance;

import app.exosphere.core.compute.CreatedServer;
import app.exosphere.core.compute.Server;
import app.exosphere.core.compute.ServerCreateRequest;
import app.exosphere.core.compute.ServerListOptions;
import app.exosphere.core.compute.ServerStatus;
import app.exosphere.core.error.ConnectionException;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.error.ResponseDecodingException;
import app.exosphere.core.error.ServerErrorException;
import app.exosphere.core.rules.ExosphereMetadata;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /servers} exactly once, whatever happens to the answer: the server {@link CreateOnce.Target} of
 * {@link CreateOnce}'s create-then-look-up loop (the one images, snapshots, DNS records and shares use), plus
 * the launch-id rules below.
 *
 * <ul>
 *   <li>The transport never retries a POST. When the create fails <em>ambiguously</em> — connection reset,
 *       timeout, 5xx, a 2xx whose body is truncated or empty — Nova may have acted, so the launch id
 *       (tag {@code exoLaunch:…} at compute ≥ 2.52, always the {@code exoLaunchId} metadata item) is looked
 *       up, again and again with backoff (1, 2, 4 … 15 s of the injected clock), until the server shows up
 *       or the reconcile window ({@link ExosphereSettings#reconcileWindow()}) since the POST has passed. Only
 *       a look-up that succeeded <em>after</em> the window and found nothing allows another POST (at most
 *       {@link CreateOnce#MAX_ATTEMPTS} in all).
 *   <li>When the look-ups themselves keep failing until the window ends, the outcome is unknown: {@link
 *       LaunchOutcomeUnknownException} carries the launch id.
 *   <li>A caller-chosen launch id ({@link LaunchId#of(String)}), or one this process already tried, is
 *       looked up <em>before</em> the first POST, so a retry or a restart never duplicates.
 *   <li>Two launches racing on one id (two replicas, a retry while the first is still running) may both
 *       create. Rule: <b>the server created first wins</b> — the earliest {@code created}, ties broken by
 *       the smaller server id — and whoever sees more than one server with the launch id deletes the
 *       others and returns the winner. A launch that saw only its own server returns it; the other racer,
 *       which then sees both, applies the same rule. Residual case: Nova's {@code created} has one-second
 *       resolution, so when both were created within the same second and the first racer already returned
 *       its server, the id tie-break may delete that one instead; its watch then fails with "no longer
 *       exists" rather than two servers surviving.
 * </ul>
 */
final class ExactlyOnceCreate implements CreateOnce.Target<Server> {
    private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceCreate.class);

    private final EngineContext ctx;
    private final ServerCreateRequest body;
    private final LaunchId id;
    private final LaunchId requestId;
    private final boolean byTag;
    private final boolean lookFirst;

    /**
     * @param id this server's launch id
     * @param requestId the launch id of the whole request (differs from {@code id} when count > 1)
     */
    ExactlyOnceCreate(
            EngineContext ctx,
            ServerCreateRequest body,
            LaunchId id,
            LaunchId requestId,
            boolean byTag,
            boolean lookFirst) {
        this.ctx = ctx;
        this.body = body;
        this.id = id;
        this.requestId = requestId;
        this.byTag = byTag;
        this.lookFirst = lookFirst;
    }

    CompletableFuture<Server> run() {
        CreateOnce.Pace pace = CreateOnce.Pace.of(ctx);
        if (!lookFirst) {
            return CreateOnce.createAsync(pace, this);
        }
        Instant deadline = ctx.clock.instant().plus(ctx.settings.reconcileWindow());
        // a successful look-up is final here; only failing look-ups are repeated (until the window ends)
        return CreateOnce.lookUntilKnown(pace, this, deadline, true, null).thenCompose(found -> {
            if (found.isPresent()) {
                LOG.info(
                        "launch {}: server {} already exists for this launch id; not creating another",
                        id,
                        found.get().id());
                return CompletableFuture.completedFuture(found.get());
            }
            return CreateOnce.createAsync(pace, this);
        });
    }

    @Override
    public String what() {
        return "server \"" + body.name() + "\" (launch id " + id + ")";
    }

    /**
     * {@code POST /servers} once; a 2xx without a server id counts as a cut answer (ambiguous). Under a launch
     * id looked up first, a successful create is followed by the race check of the class rule.
     */
    @Override
    public CompletableFuture<Server> create() {
        return ctx.os
                .compute()
                .servers()
                .create(body)
                .executeAsync()
                .thenApply(created -> {
                    if (created == null || created.id().isBlank()) {
                        throw new ResponseDecodingException("POST /servers answered 2xx without a server id", null);
                    }
                    return snapshot(created);
                })
                .thenCompose(server -> lookFirst ? settleRace(server) : CompletableFuture.completedFuture(server));
    }

    @Override
    public CompletableFuture<Optional<Server>> findNew() {
        return find();
    }

    @Override
    public RuntimeException outcomeUnknown(Throwable createFailure, Throwable lookupFailure) {
        return new LaunchOutcomeUnknownException(baseId(), body.name(), lookupFailure);
    }

    /** After a successful create under a chosen id: make sure no racer created one too (see the class rule). */
    private CompletableFuture<Server> settleRace(Server mine) {
        return find().handle((found, err) -> {
            if (err != null) {
                LOG.warn(
                        "launch {}: could not check for a concurrent launch with the same id ({}); keeping {}",
                        id,
                        unwrap(err).toString(),
                        mine.id());
                return mine;
            }
            return found.orElse(mine);
        });
    }

    /** The winner among the servers carrying the launch id, after deleting the others. */
    CompletableFuture<Optional<Server>> find() {
        ServerListOptions opts = byTag
                ? ServerListOptions.builder().addTags(id.tag()).build()
                : ServerListOptions.builder()
                        .name("^"
                                + java.util.regex.Pattern.quote(body.name())
                                        .replace("\\Q", "")
                                        .replace("\\E", "") + "$")
                        .build();
        return ctx.os.compute().servers().list(opts).all().executeAsync().thenCompose(servers -> {
            List<Server> mine = servers.stream()
                    .filter(s -> id.value().equals(s.metadata().get(ExosphereMetadata.LAUNCH_ID))
                            || s.tags().contains(id.tag()))
                    .filter(s -> !s.status().raw().equalsIgnoreCase("DELETED"))
                    .sorted(FIRST_CREATED)
                    .toList();
            if (mine.size() <= 1) {
                return CompletableFuture.completedFuture(mine.stream().findFirst());
            }
            Server winner = mine.get(0);
            CompletableFuture<?>[] deletes = mine.subList(1, mine.size()).stream()
                    .map(loser -> {
                        LOG.warn(
                                "launch {}: {} servers carry this launch id; keeping the first created {}, deleting {}",
                                id,
                                mine.size(),
                                winner.id(),
                                loser.id());
                        return ctx.os
                                .compute()
                                .servers()
                                .delete(loser.id())
                                .executeAsync()
                                .exceptionally(e -> {
                                    if (unwrap(e) instanceof NotFoundException) {
                                        return null; // the other racer deleted it already
                                    }
                                    throw e instanceof CompletionException ce ? ce : new CompletionException(e);
                                });
                    })
                    .toArray(CompletableFuture[]::new);
            return CompletableFuture.allOf(deletes).thenApply(v -> Optional.of(winner));
        });
    }

    /** The class rule's order: earliest {@code created} first, ties broken by the smaller id. */
    static final Comparator<Server> FIRST_CREATED = Comparator.comparing(
                    (Server s) -> s.createdAt().orElse(Instant.MAX))
            .thenComparing(Server::id);

    private LaunchId baseId() {
        return requestId.chosenByCaller() ? requestId : LaunchId.of(requestId.value());
    }

    /** The server as the create request describes it (Nova's answer holds only the id). */
    private Server snapshot(CreatedServer created) {
        return Server.builder()
                .id(created.id())
                .name(body.name())
                .status(ServerStatus.of("BUILD"))
                .metadata(body.metadata())
                .tags(body.tags())
                .keyName(body.keyName())
                .build();
    }

    static boolean ambiguous(Throwable t) {
        return t instanceof ConnectionException
                || t instanceof ServerErrorException
                || t instanceof ResponseDecodingException;
    }

    static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
