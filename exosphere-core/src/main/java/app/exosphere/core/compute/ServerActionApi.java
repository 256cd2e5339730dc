package app.exosphere.core.compute;

import app.exosphere.core.auth.Secret;
import app.exosphere.core.error.ResponseDecodingException;
import app.exosphere.core.http.Call;
import app.exosphere.core.http.OpenStackResponse;
import app.exosphere.core.http.ServiceCall;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The HTTP calls of {@code POST /servers/{id}/action}: every server action Exosphere uses, and the
 * other common ones, each returned as a {@link Call}. Not to be confused with {@link ServerAction}, the
 * pure rules saying which action a server's state allows (no I/O), nor with {@link InstanceAction},
 * Nova's record of an action already performed ({@code /os-instance-actions}).
 *
 * <p>Obtained from {@link ServerApi#actions(Server)} (each call checks the {@link ServerAction} rule
 * first, Exosphere's {@code OpenStack.ServerActions}, and fails with {@link ServerActionNotAllowedException} before any
 * request) or {@link ServerApi#actions(String)} (no check; Nova decides).
 *
 * <pre>{@code
 * ServerActionApi a = compute.servers().actions(server);
 * a.reboot(RebootType.SOFT).execute();
 * String imageId = a.createImage("snap-1", Map.of("from-exosphere", "true")).execute();
 * }</pre>
 */
public final class ServerActionApi {
    private final ServiceClient nova;
    private final String serverId;
    private final Server known;

    ServerActionApi(ServiceClient nova, String serverId, Server known) {
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
    public Call<Void> start() {
        return simple(ServerAction.START);
    }

    /** {@code os-stop}. */
    public Call<Void> stop() {
        return simple(ServerAction.STOP);
    }

    /** {@code pause}. */
    public Call<Void> pause() {
        return simple(ServerAction.PAUSE);
    }

    /** {@code unpause}. */
    public Call<Void> unpause() {
        return simple(ServerAction.UNPAUSE);
    }

    /** {@code suspend}. */
    public Call<Void> suspend() {
        return simple(ServerAction.SUSPEND);
    }

    /** {@code resume}. */
    public Call<Void> resume() {
        return simple(ServerAction.RESUME);
    }

    /** {@code shelve}. */
    public Call<Void> shelve() {
        return simple(ServerAction.SHELVE);
    }

    /** {@code shelveOffload}. */
    public Call<Void> shelveOffload() {
        return simple(ServerAction.SHELVE_OFFLOAD);
    }

    /** {@code unshelve}. */
    public Call<Void> unshelve() {
        return simple(ServerAction.UNSHELVE);
    }

    /** {@code lock}. */
    public Call<Void> lock() {
        return simple(ServerAction.LOCK);
    }

    /** {@code lock} with {@code locked_reason} (2.73). */
    public Call<Void> lock(String reason) {
        ObjectNode inner = ServiceJson.object().put("locked_reason", reason);
        return action(ServerAction.LOCK, wrap("lock", inner), "2.73", r -> null);
    }

    /** {@code unlock}. */
    public Call<Void> unlock() {
        return simple(ServerAction.UNLOCK);
    }

    /** {@code unrescue}. */
    public Call<Void> unrescue() {
        return simple(ServerAction.UNRESCUE);
    }

    /** {@code confirmResize}. */
    public Call<Void> confirmResize() {
        return simple(ServerAction.CONFIRM_RESIZE);
    }

    /** {@code revertResize}. */
    public Call<Void> revertResize() {
        return simple(ServerAction.REVERT_RESIZE);
    }

    /** {@code forceDelete} (a soft-deleted server, when deferred delete is on). */
    public Call<Void> forceDelete() {
        return simple(ServerAction.FORCE_DELETE);
    }

    /** {@code restore} (a soft-deleted server). */
    public Call<Void> restore() {
        return simple(ServerAction.RESTORE);
    }

    // ---- actions with arguments

    /** {@code reboot} {@code {"type": "SOFT"|"HARD"}}. */
    public Call<Void> reboot(RebootType type) {
        return action(
                ServerAction.REBOOT, wrap("reboot", ServiceJson.object().put("type", type.name())), null, r -> null);
    }

    /** {@code resize} {@code {"flavorRef": …}}; then confirm or revert once {@code VERIFY_RESIZE}. */
    public Call<Void> resize(String flavorId) {
        return action(
                ServerAction.RESIZE, wrap("resize", ServiceJson.object().put("flavorRef", flavorId)), null, r -> null);
    }

    /**
     * {@code createImage} with metadata (Exosphere adds {@code from-exosphere: "true"}); returns the
     * new image id, read from the body (2.45+) or the {@code Location} header (below).
     */
    public Call<String> createImage(String name, Map<String, String> metadata) {
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
    public Call<Optional<Secret>> rescue(String adminPass, String rescueImageRef) {
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
    public Call<Server> rebuild(String imageId, String newName) {
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
    public Call<Void> addSecurityGroup(String groupName) {
        return securityGroupAction(ServerAction.ADD_SECURITY_GROUP, groupName);
    }

    /** {@code removeSecurityGroup} {@code {"name": …}}. */
    public Call<Void> removeSecurityGroup(String groupName) {
        return securityGroupAction(ServerAction.REMOVE_SECURITY_GROUP, groupName);
    }

    private Operation<Void> securityGroupAction(ServerAction a, String groupName) {
        return action(a, wrap(a.apiKey(), ServiceJson.object().put("name", groupName)), null, r -> null);
    }

    /** {@code os-getConsoleOutput} {@code {"length": n}}: the last {@code lines} lines (null: all). */
    public Call<String> consoleOutput(Integer lines) {
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
