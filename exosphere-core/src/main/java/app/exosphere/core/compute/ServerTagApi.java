package app.exosphere.core.compute;

import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.http.Call;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Nova {@code /servers/{id}/tags} (microversion 2.26). Tags are percent-encoded as one path segment,
 * so Exosphere's {@code exoPw:<passphrase>} tags with spaces work ({@code ServerTags.requestCreateServerTag}).
 *
 * <pre>{@code
 * compute.servers().tags(serverId).add("exoPw:correct horse battery staple").execute();
 * }</pre>
 */
public final class ServerTagApi {
    /** The microversion that introduced server tags. */
    public static final String MICROVERSION = "2.26";

    private final ServiceClient nova;
    private final String serverId;

    ServerTagApi(ServiceClient nova, String serverId) {
        this.nova = nova;
        this.serverId = serverId;
    }

    private static List<String> tags(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.path("tags").forEach(t -> out.add(t.asText()));
        return List.copyOf(out);
    }

    /** {@code GET /servers/{id}/tags}. */
    public Call<List<String>> list() {
        return Operation.of(
                () -> nova.get("servers/{id}/tags", serverId).microversion(MICROVERSION), r -> tags(r.json()));
    }

    /** {@code PUT /servers/{id}/tags}: replaces every tag; returns the new list. */
    public Call<List<String>> replaceAll(List<String> tags) {
        ObjectNode body = ServiceJson.object();
        ArrayNode a = body.putArray("tags");
        tags.forEach(a::add);
        return Operation.of(
                () -> nova.put("servers/{id}/tags", serverId)
                        .microversion(MICROVERSION)
                        .body(body),
                r -> tags(r.json()));
    }

    /** {@code PUT /servers/{id}/tags/{tag}}: adds one tag (idempotent). */
    public Call<Void> add(String tag) {
        checkTag(tag);
        return Operation.noResult(
                () -> nova.put("servers/{id}/tags/{tag}", serverId, tag).microversion(MICROVERSION));
    }

    /** {@code GET /servers/{id}/tags/{tag}}: whether the server has the tag (404 means no). */
    public Call<Boolean> exists(String tag) {
        checkTag(tag);
        Operation<Void> read = Operation.noResult(
                () -> nova.get("servers/{id}/tags/{tag}", serverId, tag).microversion(MICROVERSION));
        return Operation.composite(
                () -> {
                    try {
                        read.execute();
                        return true;
                    } catch (NotFoundException e) {
                        return false;
                    }
                },
                () -> read.executeAsync().handle((v, e) -> {
                    if (e == null) {
                        return true;
                    }
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (cause instanceof NotFoundException) {
                        return false;
                    }
                    throw cause instanceof RuntimeException ? (RuntimeException) cause : new CompletionException(cause);
                }));
    }

    /** {@code DELETE /servers/{id}/tags/{tag}}. */
    public Call<Void> delete(String tag) {
        checkTag(tag);
        return Operation.noResult(
                () -> nova.delete("servers/{id}/tags/{tag}", serverId, tag).microversion(MICROVERSION));
    }

    /** {@code DELETE /servers/{id}/tags}: removes every tag. */
    public Call<Void> deleteAll() {
        return Operation.noResult(
                () -> nova.delete("servers/{id}/tags", serverId).microversion(MICROVERSION));
    }

    private static void checkTag(String tag) {
        // Nova's rule: 1-60 characters, no ',' and no '/'. The tag itself is never echoed: exoPw tags carry a
        // passphrase.
        if (tag == null || tag.isEmpty() || tag.length() > 60 || tag.indexOf(',') >= 0 || tag.indexOf('/') >= 0) {
            throw new IllegalArgumentException("a server tag must be 1-60 characters without ',' or '/'");
        }
    }
}
