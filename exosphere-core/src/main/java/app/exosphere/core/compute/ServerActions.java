package app.exosphere.core.compute;

import app.exosphere.core.auth.Secret;
import app.exosphere.core.error.ResponseDecodingException;
import app.exosphere.core.http.OpenStackResponse;
import app.exosphere.core.http.ServiceCall;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@code POST /servers/{id}/action}: every server action Exosphere uses, and the other common ones.
 * Obtained from {@link ServerApi#actions(Server)} (checks Exosphere's {@code OpenStack.ServerActions} first and fails with
 * {@link ServerActionNotAllowedException} before any call) or {@link ServerApi#actions(String)} (no
 * check; Nova decides).
 *
 * <pre>{@code
 * ServerActions a = compute.servers().actions(server);
 * a.reboot(RebootType.SOFT);
 * String imageId = a.createImage("snap-1", Map.of("from-exosphere", "true"));
 * }</pre>
 */
public final class ServerActions {
    private final ServiceClient nova;
    private final String serverId;
    private final Server known;

    ServerActions(ServiceClient nova, String serverId, Server known) {
        this.nova = nova;
        this.serverId = serverId;
        this.known = known;
    }

    /** The server these actions apply to. */
    public String serverId() {
        return serverId;
    }

    private <T> Operation<T> action(
            ServerAction precondition, JsonNode body, String microversion, Function<OpenStackResponse, T> decoder) {
        return Operation.of(
                () -> {
                    if (known != null && precondition != null) {
                        precondition.check(known);
                    }
                    ServiceCall c = nova.post("servers/{id}/action", serverId).body(body);
                    if (microversion != null) {
                        c.microversion(microversion);
                    }
                    return c;
                },
                decoder);
    }

    private Operation<Void> simple(ServerAction a) {
        ObjectNode body = ServiceJson.object();
        body.putNull(a.apiKey());
        return action(a, body, null, r -> null);
    }

    private static ObjectNode wrap(String key, ObjectNode inner) {
        ObjectNode body = ServiceJson.object();
        body.set(key, inner);
        return body;
    }

    // ---- no-argument actions ({"<key>": null})

    /** {@code os-start}. */
    public void start() {
        simple(ServerAction.START).execute();
    }

    /** Asynchronous {@link #start()}. */
    public CompletableFuture<Void> startAsync() {
        return simple(ServerAction.START).executeAsync();
    }

    /** {@code os-stop}. */
    public void stop() {
        simple(ServerAction.STOP).execute();
    }

    /** Asynchronous {@link #stop()}. */
    public CompletableFuture<Void> stopAsync() {
        return simple(ServerAction.STOP).executeAsync();
    }

    /** {@code pause}. */
    public void pause() {
        simple(ServerAction.PAUSE).execute();
    }

    /** Asynchronous {@link #pause()}. */
    public CompletableFuture<Void> pauseAsync() {
        return simple(ServerAction.PAUSE).executeAsync();
    }

    /** {@code unpause}. */
    public void unpause() {
        simple(ServerAction.UNPAUSE).execute();
    }

    /** Asynchronous {@link #unpause()}. */
    public CompletableFuture<Void> unpauseAsync() {
        return simple(ServerAction.UNPAUSE).executeAsync();
    }

    /** {@code suspend}. */
    public void suspend() {
        simple(ServerAction.SUSPEND).execute();
    }

    /** Asynchronous {@link #suspend()}. */
    public CompletableFuture<Void> suspendAsync() {
        return simple(ServerAction.SUSPEND).executeAsync();
    }

    /** {@code resume}. */
    public void resume() {
        simple(ServerAction.RESUME).execute();
    }

    /** Asynchronous {@link #resume()}. */
    public CompletableFuture<Void> resumeAsync() {
        return simple(ServerAction.RESUME).executeAsync();
    }

    /** {@code shelve}. */
    public void shelve() {
        simple(ServerAction.SHELVE).execute();
    }

    /** Asynchronous {@link #shelve()}. */
    public CompletableFuture<Void> shelveAsync() {
        return simple(ServerAction.SHELVE).executeAsync();
    }

    /** {@code shelveOffload}. */
    public void shelveOffload() {
        simple(ServerAction.SHELVE_OFFLOAD).execute();
    }

    /** Asynchronous {@link #shelveOffload()}. */
    public CompletableFuture<Void> shelveOffloadAsync() {
        return simple(ServerAction.SHELVE_OFFLOAD).executeAsync();
    }

    /** {@code unshelve}. */
    public void unshelve() {
        simple(ServerAction.UNSHELVE).execute();
    }

    /** Asynchronous {@link #unshelve()}. */
    public CompletableFuture<Void> unshelveAsync() {
        return simple(ServerAction.UNSHELVE).executeAsync();
    }

    /** {@code lock}. */
    public void lock() {
        simple(ServerAction.LOCK).execute();
    }

    /** Asynchronous {@link #lock()}. */
    public CompletableFuture<Void> lockAsync() {
        return simple(ServerAction.LOCK).executeAsync();
    }

    /** {@code lock} with {@code locked_reason} (2.73). */
    public void lock(String reason) {
        lockCall(reason).execute();
    }

    /** Asynchronous {@link #lock(String)}. */
    public CompletableFuture<Void> lockAsync(String reason) {
        return lockCall(reason).executeAsync();
    }

    private Operation<Void> lockCall(String reason) {
        ObjectNode inner = ServiceJson.object().put("locked_reason", reason);
        return action(ServerAction.LOCK, wrap("lock", inner), "2.73", r -> null);
    }

    /** {@code unlock}. */
    public void unlock() {
        simple(ServerAction.UNLOCK).execute();
    }

    /** Asynchronous {@link #unlock()}. */
    public CompletableFuture<Void> unlockAsync() {
        return simple(ServerAction.UNLOCK).executeAsync();
    }

    /** {@code unrescue}. */
    public void unrescue() {
        simple(ServerAction.UNRESCUE).execute();
    }

    /** Asynchronous {@link #unrescue()}. */
    public CompletableFuture<Void> unrescueAsync() {
        return simple(ServerAction.UNRESCUE).executeAsync();
    }

    /** {@code confirmResize}. */
    public void confirmResize() {
        simple(ServerAction.CONFIRM_RESIZE).execute();
    }

    /** Asynchronous {@link #confirmResize()}. */
    public CompletableFuture<Void> confirmResizeAsync() {
        return simple(ServerAction.CONFIRM_RESIZE).executeAsync();
    }

    /** {@code revertResize}. */
    public void revertResize() {
        simple(ServerAction.REVERT_RESIZE).execute();
    }

    /** Asynchronous {@link #revertResize()}. */
    public CompletableFuture<Void> revertResizeAsync() {
        return simple(ServerAction.REVERT_RESIZE).executeAsync();
    }

    /** {@code forceDelete} (a soft-deleted server, when deferred delete is on). */
    public void forceDelete() {
        simple(ServerAction.FORCE_DELETE).execute();
    }

    /** Asynchronous {@link #forceDelete()}. */
    public CompletableFuture<Void> forceDeleteAsync() {
        return simple(ServerAction.FORCE_DELETE).executeAsync();
    }

    /** {@code restore} (a soft-deleted server). */
    public void restore() {
        simple(ServerAction.RESTORE).execute();
    }

    /** Asynchronous {@link #restore()}. */
    public CompletableFuture<Void> restoreAsync() {
        return simple(ServerAction.RESTORE).executeAsync();
    }

    // ---- actions with arguments

    /** {@code reboot} {@code {"type": "SOFT"|"HARD"}}. */
    public void reboot(RebootType type) {
        rebootCall(type).execute();
    }

    /** Asynchronous {@link #reboot(RebootType)}. */
    public CompletableFuture<Void> rebootAsync(RebootType type) {
        return rebootCall(type).executeAsync();
    }

    private Operation<Void> rebootCall(RebootType type) {
        return action(
                ServerAction.REBOOT, wrap("reboot", ServiceJson.object().put("type", type.name())), null, r -> null);
    }

    /** {@code resize} {@code {"flavorRef": …}}; then confirm or revert once {@code VERIFY_RESIZE}. */
    public void resize(String flavorId) {
        resizeCall(flavorId).execute();
    }

    /** Asynchronous {@link #resize(String)}. */
    public CompletableFuture<Void> resizeAsync(String flavorId) {
        return resizeCall(flavorId).executeAsync();
    }

    private Operation<Void> resizeCall(String flavorId) {
        return action(
                ServerAction.RESIZE, wrap("resize", ServiceJson.object().put("flavorRef", flavorId)), null, r -> null);
    }

    /**
     * {@code createImage} with metadata (Exosphere adds {@code from-exosphere: "true"}); returns the
     * new image id, read from the body (2.45+) or the {@code Location} header (below).
     */
    public String createImage(String name, Map<String, String> metadata) {
        return createImageCall(name, metadata).execute();
    }

    /** Asynchronous {@link #createImage(String, Map)}. */
    public CompletableFuture<String> createImageAsync(String name, Map<String, String> metadata) {
        return createImageCall(name, metadata).executeAsync();
    }

    private Operation<String> createImageCall(String name, Map<String, String> metadata) {
        ObjectNode inner = ServiceJson.object().put("name", name);
        if (!metadata.isEmpty()) {
            ObjectNode md = inner.putObject("metadata");
            metadata.forEach(md::put);
        }
        return action(ServerAction.CREATE_IMAGE, wrap("createImage", inner), null, r -> {
            JsonNode id = r.json().path("image_id");
            if (id.isTextual()) {
                return id.asText();
            }
            Optional<String> location = r.location().or(() -> r.header("Location"));
            if (location.isPresent()) {
                String l = location.get().replaceFirst("/+$", "");
                return l.substring(l.lastIndexOf('/') + 1);
            }
            throw new ResponseDecodingException(
                    "createImage answered without image_id and without a Location header", null);
        });
    }

    /**
     * {@code rescue}, optionally with an admin password and a rescue image; returns the admin password
     * Nova reports.
     */
    public Optional<Secret> rescue(String adminPass, String rescueImageRef) {
        return rescueCall(adminPass, rescueImageRef).execute();
    }

    /** Asynchronous {@link #rescue(String, String)}. */
    public CompletableFuture<Optional<Secret>> rescueAsync(String adminPass, String rescueImageRef) {
        return rescueCall(adminPass, rescueImageRef).executeAsync();
    }

    private Operation<Optional<Secret>> rescueCall(String adminPass, String rescueImageRef) {
        ObjectNode inner = ServiceJson.object();
        if (adminPass != null) {
            inner.put("adminPass", adminPass);
        }
        if (rescueImageRef != null) {
            inner.put("rescue_image_ref", rescueImageRef);
        }
        return action(ServerAction.RESCUE, wrap("rescue", inner), null, r -> {
            JsonNode p = r.json().path("adminPass");
            return p.isTextual() ? Optional.of(Secret.of(p.asText())) : Optional.empty();
        });
    }

    /** {@code rebuild} onto {@code imageId}, optionally renaming; returns the rebuilt server (2.27). */
    public Server rebuild(String imageId, String newName) {
        return rebuildCall(imageId, newName).execute();
    }

    /** Asynchronous {@link #rebuild(String, String)}. */
    public CompletableFuture<Server> rebuildAsync(String imageId, String newName) {
        return rebuildCall(imageId, newName).executeAsync();
    }

    private Operation<Server> rebuildCall(String imageId, String newName) {
        ObjectNode inner = ServiceJson.object().put("imageRef", imageId);
        if (newName != null) {
            inner.put("name", newName);
        }
        return action(
                ServerAction.REBUILD,
                wrap("rebuild", inner),
                ServerApi.MICROVERSION,
                r -> r.as("server", Server.class));
    }

    /** {@code addSecurityGroup} {@code {"name": …}}. */
    public void addSecurityGroup(String groupName) {
        securityGroupCall(ServerAction.ADD_SECURITY_GROUP, groupName).execute();
    }

    /** Asynchronous {@link #addSecurityGroup(String)}. */
    public CompletableFuture<Void> addSecurityGroupAsync(String groupName) {
        return securityGroupCall(ServerAction.ADD_SECURITY_GROUP, groupName).executeAsync();
    }

    /** {@code removeSecurityGroup} {@code {"name": …}}. */
    public void removeSecurityGroup(String groupName) {
        securityGroupCall(ServerAction.REMOVE_SECURITY_GROUP, groupName).execute();
    }

    /** Asynchronous {@link #removeSecurityGroup(String)}. */
    public CompletableFuture<Void> removeSecurityGroupAsync(String groupName) {
        return securityGroupCall(ServerAction.REMOVE_SECURITY_GROUP, groupName).executeAsync();
    }

    private Operation<Void> securityGroupCall(ServerAction a, String groupName) {
        return action(a, wrap(a.apiKey(), ServiceJson.object().put("name", groupName)), null, r -> null);
    }

    /** {@code os-getConsoleOutput} {@code {"length": n}}: the last {@code lines} lines (null: all). */
    public String consoleOutput(Integer lines) {
        return consoleOutputCall(lines).execute();
    }

    /** Asynchronous {@link #consoleOutput(Integer)}. */
    public CompletableFuture<String> consoleOutputAsync(Integer lines) {
        return consoleOutputCall(lines).executeAsync();
    }

    private Operation<String> consoleOutputCall(Integer lines) {
        if (lines != null && lines < 1) {
            throw new IllegalArgumentException("console output length must be at least 1 line, or null for all");
        }
        ObjectNode inner = ServiceJson.object();
        if (lines != null) {
            inner.put("length", lines);
        }
        ObjectNode body = wrap("os-getConsoleOutput", inner);
        // Reading the console is allowed in any state (Nova answers 409 while building) and has no side
        // effect, so the POST may be retried like a GET.
        return Operation.of(
                () -> nova.post("servers/{id}/action", serverId).body(body).idempotent(true),
                r -> r.json().path("output").asText(""));
    }
}
