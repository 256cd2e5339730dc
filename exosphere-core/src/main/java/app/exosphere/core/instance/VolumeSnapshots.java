package app.exosphere.core.instance;

import app.exosphere.core.error.BadRequestException;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.error.OpenStackException;
import app.exosphere.core.error.ResourceStatusException;
import app.exosphere.core.http.Call;
import app.exosphere.core.volume.Snapshot;
import app.exosphere.core.volume.SnapshotCreateRequest;
import app.exosphere.core.volume.SnapshotStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Volume snapshots the web app's way ({@code OpenStack.VolumeSnapshots}, {@code Page.VolumeDetail}): list
 * them (all, or a volume's), delete them idempotently, and — what the web app lacks — create them exactly
 * once and follow their status until available or gone. Obtain it from {@code exosphere.snapshots()};
 * immutable and thread-safe.
 *
 * <pre>{@code
 * Snapshot s = exosphere.snapshots().create(SnapshotCreateRequest.builder().volumeId(volumeId).name("before-upgrade").build()).execute();
 * exosphere.snapshots().awaitAvailable(s.id(), Duration.ofMinutes(10)).execute();
 * exosphere.snapshots().listOf(volumeId).execute().forEach(x -> System.out.println(x.name().orElse("-")));
 * exosphere.snapshots().delete(s.id()).execute();
 * }</pre>
 */
public final class VolumeSnapshots {
    private final EngineContext ctx;

    VolumeSnapshots(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Fetches every snapshot of the project ({@code GET /snapshots}, all pages). */
    public Call<List<Snapshot>> list() {
        return ctx.os.volume().snapshots().list().all();
    }

    /** Fetches the snapshots of one volume (those whose {@code volume_id} is {@code volumeId}). */
    public Call<List<Snapshot>> listOf(String volumeId) {
        return ctx.operation(() -> ctx.os.volume().snapshots().list().stream()
                .filter(s -> s.belongsTo(volumeId))
                .toList());
    }

    /**
     * Creates the snapshot exactly once ({@code POST /snapshots}): the volume's snapshots with that name
     * are listed first, and when the create fails ambiguously a new one (not in that list) is looked for
     * until the reconcile window has passed ({@link ExosphereSettings#reconcileWindow()}), so a lost answer
     * never makes a second snapshot. A request without a name cannot be told apart from the volume's other
     * unnamed snapshots and is refused.
     */
    public Call<Snapshot> create(SnapshotCreateRequest request) {
        String name = request.name()
                .filter(n -> !n.isBlank())
                .orElseThrow(
                        () -> new IllegalArgumentException(
                                "a snapshot created through exosphere.snapshots() needs a name, so that a lost answer can be"
                                        + " recognised; use openStack.volume().snapshots().create(request) for an unnamed one"));
        return ctx.operation(() -> {
            Set<String> before =
                    named(request.volumeId(), name).stream().map(Snapshot::id).collect(Collectors.toSet());
            Snapshot s = CreateOnce.run(
                    ctx,
                    "snapshot \"" + name + "\" of volume " + request.volumeId(),
                    () -> ctx.os.volume().snapshots().create(request).execute(),
                    () -> named(request.volumeId(), name).stream()
                            .filter(x -> !before.contains(x.id()))
                            .findFirst());
            ctx.milestone("snapshot-created", null, null, "snapshot " + s.id() + " of volume " + request.volumeId());
            return s;
        });
    }

    private List<Snapshot> named(String volumeId, String name) {
        return ctx.os.volume().snapshots().list().stream()
                .filter(s ->
                        s.belongsTo(volumeId) && s.name().filter(name::equals).isPresent())
                .toList();
    }

    /**
     * Follows the snapshot until {@code available}; fails with {@link ResourceStatusException} when it goes
     * {@code error}, {@code deleting}, {@code deleted} or {@code error_deleting}, disappears, or is not
     * available after {@code waitFor} of the injected clock.
     */
    public Call<Snapshot> awaitAvailable(String snapshotId, Duration waitFor) {
        return ctx.operation(() -> follower(snapshotId)
                .until(
                        s -> SnapshotStatus.of(s).is(SnapshotStatus.Known.AVAILABLE),
                        s -> {
                            SnapshotStatus st = SnapshotStatus.of(s);
                            return st.is(SnapshotStatus.Known.ERROR)
                                    || st.is(SnapshotStatus.Known.DELETING)
                                    || st.is(SnapshotStatus.Known.DELETED)
                                    || st.is(SnapshotStatus.Known.ERROR_DELETING);
                        },
                        false,
                        waitFor,
                        "available")
                .orElseThrow());
    }

    /** Follows the snapshot until Cinder no longer has it; fails when it goes {@code error_deleting}. */
    public Call<Void> awaitDeleted(String snapshotId, Duration waitFor) {
        return ctx.operation(() -> {
            follower(snapshotId)
                    .until(
                            s -> SnapshotStatus.of(s).is(SnapshotStatus.Known.DELETED),
                            s -> SnapshotStatus.of(s).is(SnapshotStatus.Known.ERROR_DELETING),
                            true,
                            waitFor,
                            "deleted");
            return null;
        });
    }

    private StatusFollower<Snapshot> follower(String snapshotId) {
        return new StatusFollower<>(
                ctx,
                "volume snapshot",
                snapshotId,
                () -> ctx.os.volume().snapshots().get(snapshotId).execute(),
                s -> s.status().raw());
    }

    /**
     * Deletes the snapshot ({@code DELETE /snapshots/{id}}, Exosphere's {@code OpenStack.Volumes.requestDeleteVolumeSnapshot});
     * idempotent: one already gone (404) or already being deleted counts as deleted, and an ambiguous failure is
     * tried once more.
     */
    public Call<Void> delete(String snapshotId) {
        return ctx.operation(() -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    ctx.os.volume().snapshots().delete(snapshotId).execute();
                    return null;
                } catch (NotFoundException gone) {
                    return null;
                } catch (BadRequestException refused) {
                    // Cinder refuses to delete a snapshot that is already being deleted (a retry, another replica)
                    if (alreadyGoing(snapshotId)) {
                        return null;
                    }
                    throw refused;
                } catch (OpenStackException e) {
                    if (attempt >= 2 || !ExactlyOnceCreate.ambiguous(e)) {
                        throw e;
                    }
                }
            }
        });
    }

    private boolean alreadyGoing(String snapshotId) {
        try {
            SnapshotStatus st =
                    ctx.os.volume().snapshots().get(snapshotId).execute().status();
            return st.is(SnapshotStatus.Known.DELETING) || st.is(SnapshotStatus.Known.DELETED);
        } catch (NotFoundException gone) {
            return true;
        }
    }

    /** Fetches the snapshot, empty when Cinder does not have it. */
    public Call<Optional<Snapshot>> find(String snapshotId) {
        return ctx.operation(() -> {
            try {
                return Optional.of(ctx.os.volume().snapshots().get(snapshotId).execute());
            } catch (NotFoundException gone) {
                return Optional.empty();
            }
        });
    }

    @Override
    public String toString() {
        return "VolumeSnapshots{" + ctx.os.region().orElse("any region") + "}";
    }
}
