package app.exosphere.examples.docs;

import app.exosphere.core.OpenStack;
import app.exosphere.core.compute.Server;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.http.ServiceType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The code of {@code docs/transport.md}. */
final class TransportSnippets {

    private TransportSnippets() {}

    record Result(JsonNode server, Server typed, CompletableFuture<JsonNode> flavors, Paginator<JsonNode> servers) {}

    static Result requests(OpenStack openStack, String id, Object consoleRequest, String pw) {
        // snippet:transport-requests
        ServiceClient nova = openStack.service(ServiceType.COMPUTE);

        // path templates: each {x} is filled with the next argument, percent-encoded as one segment
        JsonNode server = nova.get("servers/{id}", id)
                .microversion("2.27")
                .as("server", JsonNode.class)
                .execute();
        Server typed = nova.get("servers/{id}", id)
                .microversion("2.27")
                .as("server", Server.class)
                .execute();

        nova.post("servers/{id}/action", id).body(Map.of("os-start", Map.of())).execute(); // not retried
        nova.post("servers/{id}/action", id)
                .body(consoleRequest)
                .idempotent(true)
                .json()
                .execute(); // retried
        nova.put("servers/{id}/tags/{tag}", id, "exoPw:" + pw)
                .microversion("2.26")
                .execute();

        CompletableFuture<JsonNode> f =
                nova.get("flavors/detail").minimumMicroversion("2.61").json().executeAsync();

        Paginator<JsonNode> servers = nova.get("servers/detail")
                .query("status", "ACTIVE")
                .paginate("servers", JsonNode.class, 100); // limit=100, then follow the links lazily
        // end-snippet
        return new Result(server, typed, f, servers);
    }
}
