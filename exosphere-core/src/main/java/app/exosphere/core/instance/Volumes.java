package app.exosphere.core.instance;

import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.error.OpenStackException;
import app.exosphere.core.error.VolumeInUseException;
import app.exosphere.core.http.Call;
import app.exosphere.core.volume.Volume;
import app.exosphere.core.volume.VolumeAttachmentInfo;
import app.exosphere.core.volume.VolumeCreateRequest;
import app.exosphere.core.volume.VolumeStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Volumes the web app's way ({@code OpenStack.Volumes}, {@code Page.VolumeCreate}, {@code Page.VolumeList}):
 * create a blank volume (a name and a size, nothing else) exactly once, rename it, and delete it — refused,
 * before any request, while it backs an instance. Attach and detach are on {@link Instance}. Obtain it from
 * {@code exosphere.volumes()}; immutable and thread-safe.
 *
 * <pre>{@code
 * Volume v = exosphere.volumes().create("results", 100).execute();
 * exosphere.volumes().rename(v.id(), "results-2024").execute();
 * exosphere.volumes().delete(v.id()).execute();
 * }</pre>
 */
public final class Volumes {
    private final EngineContext ctx;

    Volumes(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Creates a blank volume ({@code POST /volumes} {@code {"volume":{"name":…,"size":<GB>}}}, Exosphere's
     * {@code OpenStack.Volumes.requestCreateVolume}) exactly once: the project's volumes with that name are listed
     * first, and when the create fails ambiguously a new one (not in that list) is looked for until the
     * reconcile window has passed ({@link ExosphereSettings#reconcileWindow()}), so a lost answer never makes
     * a second volume. Refuses, before any request, a blank name (a lost answer could not be recognised) or a
     * size below 1 GB.
     */
    public Call<Volume> create(String name, int sizeGb) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a volume created through exosphere.volumes() needs a name, so that a"
                    + " lost answer can be recognised; use openStack.volume().volumes().create(request) for an unnamed"
                    + " one");
        }
        if (sizeGb < 1) {
            throw new IllegalArgumentException(
                    "a volume's size is a whole number of GB, at least 1 (got " + sizeGb + ")");
        }
        VolumeCreateRequest request =
                VolumeCreateRequest.builder().name(name).sizeGb(sizeGb).build();
        return ctx.operation(() -> {
            Set<String> before = named(name).stream().map(Volume::id).collect(Collectors.toSet());
            Volume v = CreateOnce.run(
                    ctx,
                    "volume \"" + name + "\" (" + sizeGb + " GB)",
                    () -> ctx.os.volume().volumes().create(request).execute(),
                    () -> named(name).stream()
                            .filter(x -> !before.contains(x.id()) && x.sizeGb() == sizeGb)
                            .findFirst());
            ctx.milestone("volume-created", null, null, "volume " + v.id() + " \"" + name + "\" " + sizeGb + " GB");
            return v;
        });
    }

    private List<Volume> named(String name) {
        return ctx.os.volume().volumes().list(Map.of("name", name), null).stream()
                .filter(v -> v.nameIfSet().filter(name::equals).isPresent())
                .toList();
    }

    /**
     * Renames the volume ({@code PUT /volumes/{id}} {@code {"volume":{"name":…}}}, Exosphere's {@code
     * OpenStack.Volumes.requestUpdateVolumeName}); repeating it is harmless.
     */
    public Call<Volume> rename(String volumeId, String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("a volume's new name must not be blank");
        }
        return ctx.os.volume().volumes().update(volumeId, newName, null);
    }

    /**
     * Deletes the volume ({@code DELETE /volumes/{id}}, Exosphere's {@code OpenStack.Volumes.requestDeleteVolume}),
     * after reading it: while it backs an instance
     * (attached, or {@code reserved} by a shelved instance) the call fails with {@link VolumeInUseException},
     * the web app's "It cannot be deleted before the instance is deleted.", and no delete is sent.
     * Idempotent: a volume already gone (404) or being deleted counts as deleted, and an ambiguous failure is
     * tried once more unless the volume is by then gone or being deleted.
     */
    public Call<Void> delete(String volumeId) {
        return ctx.operation(() -> {
            Volume v;
            try {
                v = ctx.os.volume().volumes().get(volumeId).execute();
            } catch (NotFoundException gone) {
                return null;
            }
            if (v.status().is(VolumeStatus.Known.DELETING)) {
                return null; // being deleted already (an earlier call, another replica)
            }
            refuseWhileItBacksAnInstance(v);
            for (int attempt = 1; ; attempt++) {
                try {
                    ctx.os.volume().volumes().delete(volumeId).execute();
                    ctx.milestone("volume-deleted", null, null, "volume " + volumeId);
                    return null;
                } catch (NotFoundException gone) {
                    return null;
                } catch (OpenStackException e) {
                    // a lost answer: Cinder may have started deleting, and then refuses a second DELETE
                    if (goneOrDeleting(volumeId)) {
                        return null;
                    }
                    if (attempt >= 2 || !ExactlyOnceCreate.ambiguous(e)) {
                        throw e;
                    }
                }
            }
        });
    }

    private boolean goneOrDeleting(String volumeId) {
        try {
            return ctx.os.volume().volumes().get(volumeId).execute().status().is(VolumeStatus.Known.DELETING);
        } catch (NotFoundException gone) {
            return true;
        } catch (OpenStackException unknown) {
            return false;
        }
    }

    // Exosphere's Page.VolumeList: no delete while the volume is attached or reserved by a shelved server
    static void refuseWhileItBacksAnInstance(Volume v) {
        List<String> servers =
                v.attachments().stream().map(VolumeAttachmentInfo::serverId).toList();
        String what = "Volume \"" + v.name() + "\" (" + v.id() + ")";
        if (!servers.isEmpty()) {
            throw new VolumeInUseException(
                    v.id(),
                    servers,
                    what + " is attached to instance " + String.join(", ", servers)
                            + ". It cannot be deleted before the instance is deleted."
                            + " Delete the instance first, or detach the volume if it is not its boot volume.");
        }
        VolumeStatus st = v.status();
        if (st.is(VolumeStatus.Known.RESERVED)
                || st.is(VolumeStatus.Known.IN_USE)
                || st.is(VolumeStatus.Known.ATTACHING)
                || st.is(VolumeStatus.Known.DETACHING)) {
            throw new VolumeInUseException(
                    v.id(),
                    List.of(),
                    what + " is " + st.raw() + " (reserved by an instance, e.g. a shelved one)"
                            + ". It cannot be deleted before the instance is deleted."
                            + " Delete or unshelve the instance first.");
        }
    }

    @Override
    public String toString() {
        return "Volumes{" + ctx.os.region().orElse("any region") + "}";
    }
}
