package app.exosphere.core.compute;

import app.exosphere.core.error.ResponseDecodingException;
import app.exosphere.core.http.OpenStackResponse;
import app.exosphere.core.http.ServiceCall;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Call;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@code POST /servers/{id}/action}: every server action Exosphere uses, and the other common ones.
 * Obtained from {@link ServerApi#actions(Server)} (checks exosphere-spec §9.13 first and fails with
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

    private <T> Call<T> action(
            ServerAction precondition, JsonNode body, String microversion, Function<OpenStackResponse, T> decoder) {
        return Call.of(
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

    private Call<Void> simple(ServerAction a) {
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
        simple(ServerAction.START).sync();
    }

    /** Asynchronous {@link #start()}. */
    public CompletableFuture<Void> startAsync() {
        return simple(ServerAction.START).async();
    }

    /** {@code os-stop}. */
    public void stop() {
        simple(ServerAction.STOP).sync();
    }

    /** Asynchronous {@link #stop()}. */
    public CompletableFuture<Void> stopAsync() {
        return simple(ServerAction.STOP).async();
    }

    /** {@code pause}. */
    public void pause() {
        simple(ServerAction.PAUSE).sync();
    }

    /** Asynchronous {@link #pause()}. */
    public CompletableFuture<Void> pauseAsync() {
        return simple(ServerAction.PAUSE).async();
    }

    /** {@code unpause}. */
    public void unpause() {
        simple(ServerAction.UNPAUSE).sync();
    }

    /** Asynchronous {@link #unpause()}. */
    public CompletableFuture<Void> unpauseAsync() {
        return simple(ServerAction.UNPAUSE).async();
    }

    /** {@code suspend}. */
    public void suspend() {
        simple(ServerAction.SUSPEND).sync();
    }

    /** Asynchronous {@link #suspend()}. */
    public CompletableFuture<Void> suspendAsync() {
        return simple(ServerAction.SUSPEND).async();
    }

    /** {@code resume}. */
    public void resume() {
        simple(ServerAction.RESUME).sync();
    }

    /** Asynchronous {@link #resume()}. */
    public CompletableFuture<Void> resumeAsync() {
        return simple(ServerAction.RESUME).async();
    }

    /** {@code shelve}. */
    public void shelve() {
        simple(ServerAction.SHELVE).sync();
    }

    /** Asynchronous {@link #shelve()}. */
    public CompletableFuture<Void> shelveAsync() {
        return simple(ServerAction.SHELVE).async();
    }

    /** {@code shelveOffload}. */
    public void shelveOffload() {
        simple(ServerAction.SHELVE_OFFLOAD).sync();
    }

    /** Asynchronous {@link #shelveOffload()}. */
    public CompletableFuture<Void> shelveOffloadAsync() {
        return simple(ServerAction.SHELVE_OFFLOAD).async();
    }

    /** {@code unshelve}. */
    public void unshelve() {
        simple(ServerAction.UNSHELVE).sync();
    }

    /** Asynchronous {@link #unshelve()}. */
    public CompletableFuture<Void> unshelveAsync() {
        return simple(ServerAction.UNSHELVE).async();
    }

    /** {@code lock}. */
    public void lock() {
        simple(ServerAction.LOCK).sync();
    }

    /** Asynchronous {@link #lock()}. */
    public CompletableFuture<Void> lockAsync() {
        return simple(ServerAction.LOCK).async();
    }

    /** {@code lock} with {@code locked_reason} (2.73). */
    public void lock(String reason) {
        lockCall(reason).sync();
    }

    /** Asynchronous {@link #lock(String)}. */
    public CompletableFuture<Void> lockAsync(String reason) {
        return lockCall(reason).async();
    }

    private Call<Void> lockCall(String reason) {
        ObjectNode inner = ServiceJson.object().put("locked_reason", reason);
        return action(ServerAction.LOCK, wrap("lock", inner), "2.73", r -> null);
    }

    /** {@code unlock}. */
    public void unlock() {
        simple(ServerAction.UNLOCK).sync();
    }

    /** Asynchronous {@link #unlock()}. */
    public CompletableFuture<Void> unlockAsync() {
        return simple(ServerAction.UNLOCK).async();
    }

    /** {@code unrescue}. */
    public void unrescue() {
        simple(ServerAction.UNRESCUE).sync();
    }

    /** Asynchronous {@link #unrescue()}. */
    public CompletableFuture<Void> unrescueAsync() {
        return simple(ServerAction.UNRESCUE).async();
    }

    /** {@code confirmResize}. */
    public void confirmResize() {
        simple(ServerAction.CONFIRM_RESIZE).sync();
    }

    /** Asynchronous {@link #confirmResize()}. */
    public CompletableFuture<Void> confirmResizeAsync() {
        return simple(ServerAction.CONFIRM_RESIZE).async();
    }

    /** {@code revertResize}. */
    public void revertResize() {
        simple(ServerAction.REVERT_RESIZE).sync();
    }

    /** Asynchronous {@link #revertResize()}. */
    public CompletableFuture<Void> revertResizeAsync() {
        return simple(ServerAction.REVERT_RESIZE).async();
    }

    /** {@code forceDelete} (a soft-deleted server, when deferred delete is on). */
    public void forceDelete() {
        simple(ServerAction.FORCE_DELETE).sync();
    }

    /** Asynchronous {@link #forceDelete()}. */
    public CompletableFuture<Void> forceDeleteAsync() {
        return simple(ServerAction.FORCE_DELETE).async();
    }

    /** {@code restore} (a soft-deleted server). */
    public void restore() {
        simple(ServerAction.RESTORE).sync();
    }

    /** Asynchronous {@link #restore()}. */
    public CompletableFuture<Void> restoreAsync() {
        return simple(ServerAction.RESTORE).async();
    }

    // ---- actions with arguments

    /** {@code reboot} {@code {"type": "SOFT"|"HARD"}}. */
    public void reboot(RebootType type) {
        rebootCall(type).sync();
    }

    /** Asynchronous {@link #reboot(RebootType)}. */
    public CompletableFuture<Void> rebootAsync(RebootType type) {
        return rebootCall(type).async();
    }

    private Call<Void> rebootCall(RebootType type) {
        return action(
                ServerAction.REBOOT, wrap("reboot", ServiceJson.object().put("type", type.name())), null, r -> null);
    }

    /** {@code resize} {@code {"flavorRef": …}}; then confirm or revert once {@code VERIFY_RESIZE}. */
    public void resize(String flavorId) {
        resizeCall(flavorId).sync();
    }

    /** Asynchronous {@link #resize(String)}. */
    public CompletableFuture<Void> resizeAsync(String flavorId) {
        return resizeCall(flavorId).async();
    }

    private Call<Void> resizeCall(String flavorId) {
        return action(
                ServerAction.RESIZE, wrap("resize", ServiceJson.object().put("flavorRef", flavorId)), null, r -> null);
    }

    /**
     * {@code createImage} with metadata (Exosphere adds {@code from-exosphere: "true"}); returns the
     * new image id, read from the body (2.45+) or the {@code Location} header (below).
     */
    public String createImage(String name, Map<String, String> metadata) {
        return createImageCall(name, metadata).sync();
    }

    /** Asynchronous {@link #createImage(String, Map)}. */
    public CompletableFuture<String> createImageAsync(String name, Map<String, String> metadata) {
        return createImageCall(name, metadata).async();
    }

    private Call<String> createImageCall(String name, Map<String, String> metadata) {
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
     * Nova reports (treat it as a secret).
     */
    public Optional<String> rescue(String adminPass, String rescueImageRef) {
        return rescueCall(adminPass, rescueImageRef).sync();
    }

    /** Asynchronous {@link #rescue(String, String)}. */
    public CompletableFuture<Optional<String>> rescueAsync(String adminPass, String rescueImageRef) {
        return rescueCall(adminPass, rescueImageRef).async();
    }

    private Call<Optional<String>> rescueCall(String adminPass, String rescueImageRef) {
        ObjectNode inner = ServiceJson.object();
        if (adminPass != null) {
            inner.put("adminPass", adminPass);
        }
        if (rescueImageRef != null) {
            inner.put("rescue_image_ref", rescueImageRef);
        }
        return action(ServerAction.RESCUE, wrap("rescue", inner), null, r -> {
            JsonNode p = r.json().path("adminPass");
            return p.isTextual() ? Optional.of(p.asText()) : Optional.empty();
        });
    }

    /** {@code rebuild} onto {@code imageId}, optionally renaming; returns the rebuilt server (2.27). */
    public Server rebuild(String imageId, String newName) {
        return rebuildCall(imageId, newName).sync();
    }

    /** Asynchronous {@link #rebuild(String, String)}. */
    public CompletableFuture<Server> rebuildAsync(String imageId, String newName) {
        return rebuildCall(imageId, newName).async();
    }

    private Call<Server> rebuildCall(String imageId, String newName) {
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
        securityGroupCall(ServerAction.ADD_SECURITY_GROUP, groupName).sync();
    }

    /** Asynchronous {@link #addSecurityGroup(String)}. */
    public CompletableFuture<Void> addSecurityGroupAsync(String groupName) {
        return securityGroupCall(ServerAction.ADD_SECURITY_GROUP, groupName).async();
    }

    /** {@code removeSecurityGroup} {@code {"name": …}}. */
    public void removeSecurityGroup(String groupName) {
        securityGroupCall(ServerAction.REMOVE_SECURITY_GROUP, groupName).sync();
    }

    /** Asynchronous {@link #removeSecurityGroup(String)}. */
    public CompletableFuture<Void> removeSecurityGroupAsync(String groupName) {
        return securityGroupCall(ServerAction.REMOVE_SECURITY_GROUP, groupName).async();
    }

    private Call<Void> securityGroupCall(ServerAction a, String groupName) {
        return action(a, wrap(a.apiKey(), ServiceJson.object().put("name", groupName)), null, r -> null);
    }

    /** {@code os-getConsoleOutput} {@code {"length": n}}: the last {@code lines} lines (null: all). */
    public String consoleOutput(Integer lines) {
        return consoleOutputCall(lines).sync();
    }

    /** Asynchronous {@link #consoleOutput(Integer)}. */
    public CompletableFuture<String> consoleOutputAsync(Integer lines) {
        return consoleOutputCall(lines).async();
    }

    private Call<String> consoleOutputCall(Integer lines) {
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
        return Call.of(
                () -> nova.post("servers/{id}/action", serverId).body(body).idempotent(true),
                r -> r.json().path("output").asText(""));
    }
}
