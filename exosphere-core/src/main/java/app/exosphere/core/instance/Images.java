package app.exosphere.core.instance;

import app.exosphere.core.compute.Server;
import app.exosphere.core.compute.ServerAction;
import app.exosphere.core.compute.ServerActionApi;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.error.OpenStackException;
import app.exosphere.core.error.ResourceStatusException;
import app.exosphere.core.http.Call;
import app.exosphere.core.image.Image;
import app.exosphere.core.image.ImageListOptions;
import app.exosphere.core.image.ImageStatus;
import app.exosphere.core.image.ImageVisibility;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Images of instances, the web app's way ({@code Page.ServerCreateImage}, {@code Rest.Nova.requestCreateServerImage}),
 * created exactly once, plus what the web app does with images afterwards ({@code Rest.Glance}): change
 * visibility, delete, and following an image's status until it is active or gone. Obtain it from {@code
 * exosphere.images()}; immutable and thread-safe.
 *
 * <pre>{@code
 * Image img = exosphere.images().createFrom(instance).execute();            // named "<instance name>-image"
 * Image ready = exosphere.images().awaitActive(img.id(), Duration.ofMinutes(30)).execute();
 * exosphere.images().setVisibility(ready.id(), ImageVisibility.COMMUNITY).execute();
 * exosphere.images().delete(ready.id()).execute();
 * }</pre>
 */
public final class Images {
    /** The metadata the web app writes on every image it creates from an instance ({@code "from-exosphere": "true"}). */
    public static final Map<String, String> WEB_APP_METADATA = Map.of("from-exosphere", "true");

    /** Nova's property linking an instance image to its server. */
    static final String INSTANCE_UUID = "instance_uuid";

    private final EngineContext ctx;

    Images(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The name the web app pre-fills: {@code <instance name>-image} (the suffix is literal, not localized).
     */
    public static String defaultName(Server server) {
        return server.name() + "-image";
    }

    /** Creates an image of the instance named {@link #defaultName(Server)}; see {@link #createFrom(Instance, String)}. */
    public Call<Image> createFrom(Instance instance) {
        return createFrom(instance, defaultName(instance.server()));
    }

    /**
     * Creates an image of the instance ({@code POST /servers/{id}/action} {@code createImage} with the web
     * app's metadata {@code {"from-exosphere":"true"}}) exactly once, and answers the new Glance image
     * (usually {@code queued} or {@code saving}; follow it with {@link #awaitActive}).
     *
     * <p>Allowed when the server is ACTIVE, PAUSED, SHUTOFF or SUSPENDED, locked or not, unless its flavor
     * group disallows "Image" ({@link ActionDisallowedException}; a refused state fails with {@code
     * ServerActionNotAllowedException}); both before any request. Before creating, the images of this
     * server with that name are listed; when the create fails ambiguously, a new one (not in that list) is
     * looked for until the reconcile window has passed (see {@link ExosphereSettings#reconcileWindow()}), so a
     * lost answer never makes a second image. Unlike the web app, an empty name is refused here.
     */
    public Call<Image> createFrom(Instance instance, String imageName) {
        if (imageName == null || imageName.isBlank()) {
            throw new IllegalArgumentException(
                    "an image name must not be empty (the default is \"" + defaultName(instance.server()) + "\")");
        }
        Server server = instance.server();
        ServerActionApi actions = instance.actionsChecked(ServerAction.CREATE_IMAGE);
        ServerAction.CREATE_IMAGE.check(server);
        return ctx.operation(() -> {
            Set<String> before = imagesOf(server.id(), imageName).keySet();
            String what = "image \"" + imageName + "\" of server " + server.id();
            Image image = CreateOnce.run(
                    ctx,
                    what,
                    () -> fetchOrDescribe(
                            actions.createImage(imageName, WEB_APP_METADATA).execute(), imageName, server),
                    () -> imagesOf(server.id(), imageName).entrySet().stream()
                            .filter(e -> !before.contains(e.getKey()))
                            .map(Map.Entry::getValue)
                            .findFirst());
            ctx.milestone("image-created", server.id(), null, "image " + image.id() + " \"" + imageName + "\"");
            return image;
        });
    }

    /** The images Nova made from this server with this name, by id. */
    private Map<String, Image> imagesOf(String serverId, String name) {
        return ctx
                .os
                .image()
                .list(ImageListOptions.builder()
                        .name(name)
                        .putProperties(INSTANCE_UUID, serverId)
                        .build())
                .stream()
                .filter(i -> i.property(INSTANCE_UUID).filter(serverId::equals).isPresent())
                .collect(Collectors.toMap(Image::id, i -> i, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** The new image from Glance; when reading it fails the image exists anyway, so it is described, not lost. */
    private Image fetchOrDescribe(String imageId, String name, Server server) {
        try {
            return ctx.os.image().get(imageId).execute();
        } catch (OpenStackException e) {
            LaunchLog.warn(
                    server.id(),
                    null,
                    "image {} was created but reading it back failed ({}); answering what the request describes",
                    imageId,
                    e.getClass().getSimpleName());
            return Image.builder()
                    .id(imageId)
                    .name(name)
                    .status(ImageStatus.of(ImageStatus.Known.QUEUED))
                    .putProperties(INSTANCE_UUID, server.id())
                    .putAllProperties(WEB_APP_METADATA)
                    .build();
        }
    }

    /**
     * Follows the image until Glance says {@code active}: fails with {@link ResourceStatusException} when it
     * goes {@code killed}, {@code deleted}, {@code pending_delete} or {@code deactivated}, disappears, or is
     * not active after {@code waitFor} of the injected clock. Polled at the watcher's adaptive interval.
     */
    public Call<Image> awaitActive(String imageId, Duration waitFor) {
        return ctx.operation(() -> follower(imageId)
                .until(
                        s -> ImageStatus.of(s).is(ImageStatus.Known.ACTIVE),
                        s -> Set.of(
                                        ImageStatus.Known.KILLED,
                                        ImageStatus.Known.DELETED,
                                        ImageStatus.Known.PENDING_DELETE,
                                        ImageStatus.Known.DEACTIVATED)
                                .stream()
                                .anyMatch(k -> ImageStatus.of(s).is(k)),
                        false,
                        waitFor,
                        "active")
                .orElseThrow());
    }

    /** Follows the image until Glance no longer has it (404 or {@code deleted}). */
    public Call<Void> awaitDeleted(String imageId, Duration waitFor) {
        return ctx.operation(() -> {
            follower(imageId)
                    .until(s -> ImageStatus.of(s).is(ImageStatus.Known.DELETED), s -> false, true, waitFor, "deleted");
            return null;
        });
    }

    private StatusFollower<Image> follower(String imageId) {
        return new StatusFollower<>(
                ctx,
                "image",
                imageId,
                () -> ctx.os.image().get(imageId).execute(),
                i -> i.status().raw());
    }

    /**
     * Changes who can see the image ({@code PATCH /v2/images/{id}} replacing {@code /visibility}, Exosphere's
     * {@code Rest.Glance.requestChangeVisibility}); returns the updated image. Setting the visibility it
     * already has is allowed and sends the same request.
     */
    public Call<Image> setVisibility(String imageId, ImageVisibility visibility) {
        return ctx.os.image().setVisibility(imageId, visibility);
    }

    /**
     * Deletes the image ({@code DELETE /v2/images/{id}}); idempotent: an image already gone (404, e.g. on
     * a retry after a lost answer) counts as deleted, and an ambiguous failure is tried once more.
     */
    public Call<Void> delete(String imageId) {
        return ctx.operation(() -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    ctx.os.image().delete(imageId).execute();
                    return null;
                } catch (NotFoundException gone) {
                    return null;
                } catch (OpenStackException e) {
                    if (attempt >= 2 || !ExactlyOnceCreate.ambiguous(e)) {
                        throw e;
                    }
                }
            }
        });
    }

    /** Fetches the image. */
    public Call<Optional<Image>> find(String imageId) {
        return ctx.operation(() -> {
            try {
                return Optional.of(ctx.os.image().get(imageId).execute());
            } catch (NotFoundException gone) {
                return Optional.empty();
            }
        });
    }

    @Override
    public String toString() {
        return "Images{" + ctx.os.region().orElse("any region") + "}";
    }
}
