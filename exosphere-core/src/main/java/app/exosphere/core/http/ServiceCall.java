package app.exosphere.core.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A request being prepared on a {@link ServiceClient}; as a {@link Call} it sends the request as built
 * when executed, and {@link #as}/{@link #json()} give calls that decode the answer. Not thread-safe while
 * being built (use it in one statement); the {@link ServiceClient} it came from is.
 *
 * <pre>{@code
 * Server s = nova.get("servers/{id}", id).microversion("2.27").as("server", Server.class).execute();
 * CompletableFuture<OpenStackResponse> f = nova.delete("servers/{id}", id).executeAsync();
 * }</pre>
 */
public final class ServiceCall implements Call<OpenStackResponse> {
    private final ServiceClient client;
    private final OpenStackRequest.Builder builder;

    /**
     * A call on {@code client} (normally created by {@link ServiceClient#get(String, Object...)} etc.).
     *
     * @param client the client that will send it
     * @param builder the request being built
     */
    public ServiceCall(ServiceClient client, OpenStackRequest.Builder builder) {
        this.client = client;
        this.builder = builder;
    }

    /** Adds a query parameter (null values skipped). */
    public ServiceCall query(String name, Object value) {
        builder.query(name, value);
        return this;
    }

    /** Adds query parameters (null values skipped). */
    public ServiceCall query(Map<String, ?> params) {
        builder.query(params);
        return this;
    }

    /** Sets an extra header. */
    public ServiceCall header(String name, String value) {
        builder.header(name, value);
        return this;
    }

    /** Sets a JSON body (any Jackson-serializable object). */
    public ServiceCall body(Object json) {
        builder.body(json);
        return this;
    }

    /** Sets a raw body. */
    public ServiceCall body(byte[] bytes, String contentType) {
        builder.body(bytes, contentType);
        return this;
    }

    /** Pins the microversion (checked against the cloud before sending). */
    public ServiceCall microversion(String version) {
        builder.microversion(version);
        return this;
    }

    /** Sends the negotiated microversion, failing clearly if it is below {@code version}. */
    public ServiceCall minimumMicroversion(String version) {
        builder.minimumMicroversion(version);
        return this;
    }

    /** Sends the negotiated microversion. */
    public ServiceCall negotiatedMicroversion() {
        builder.negotiatedMicroversion();
        return this;
    }

    /** Marks a POST/PATCH as safe to retry (or a GET as unsafe). */
    public ServiceCall idempotent(boolean value) {
        builder.idempotent(value);
        return this;
    }

    /** Uses the catalog endpoint as is, without the service's version prefix. */
    public ServiceCall withoutVersionPrefix() {
        builder.withoutVersionPrefix();
        return this;
    }

    /** The immutable request built so far. */
    public OpenStackRequest request() {
        return builder.build();
    }

    /** Sends the request as built now (each execution sends afresh). */
    @Override
    public OpenStackResponse execute() {
        return client.send(request()).execute();
    }

    /** Sends the request as built now, without blocking. */
    @Override
    public CompletableFuture<OpenStackResponse> executeAsync() {
        try {
            return client.send(request()).executeAsync();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The request as built now, its answer decoded as {@code type} when executed. */
    public <T> Call<T> as(Class<T> type) {
        return decoded(r -> r.as(type));
    }

    /** The request as built now, its answer decoded as a generic type when executed. */
    public <T> Call<T> as(TypeReference<T> type) {
        return decoded(r -> r.as(type));
    }

    /**
     * The request as built now, the top-level member {@code member} (e.g. {@code "server"}) of its answer
     * decoded as {@code type} when executed.
     */
    public <T> Call<T> as(String member, Class<T> type) {
        return decoded(r -> r.as(member, type));
    }

    /** The request as built now, its answer read as a JSON tree when executed. */
    public Call<JsonNode> json() {
        return decoded(OpenStackResponse::json);
    }

    private <T> Call<T> decoded(Function<OpenStackResponse, T> decoder) {
        Call<OpenStackResponse> call = client.send(request());
        return new Call<>() {
            @Override
            public T execute() {
                return decoder.apply(call.execute());
            }

            @Override
            public CompletableFuture<T> executeAsync() {
                return call.executeAsync().thenApply(decoder);
            }
        };
    }

    /** A lazy listing of the array {@code collectionKey} over all pages. */
    public <T> Paginator<T> paginate(String collectionKey, Class<T> itemType) {
        return client.paginate(request(), collectionKey, itemType);
    }

    /** A lazy listing with {@code limit=pageSize} on the first request (later pages follow the links). */
    public <T> Paginator<T> paginate(String collectionKey, Class<T> itemType, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        builder.query("limit", pageSize);
        return client.paginate(request(), collectionKey, itemType);
    }
}
