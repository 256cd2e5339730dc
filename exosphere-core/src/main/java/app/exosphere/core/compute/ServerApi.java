package app.exosphere.core.compute;

import app.exosphere.core.http.ServiceCall;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.page.Paginator;
import java.util.concurrent.CompletableFuture;

/**
 * Nova {@code /servers} and everything below {@code /servers/{id}}.
 *
 * <p>Server reads pin microversion {@value #MICROVERSION}, as Exosphere does ({@code Rest.Nova.requestServer}):
 * it has {@code tags} and {@code locked} and still a {@code flavor.id}. The model also decodes every
 * later shape.
 *
 * <pre>{@code
 * ServerApi servers = compute.servers();
 * CreatedServer c = servers.create(request);                       // POST /servers
 * Server s = servers.get(c.id());                                  // GET /servers/{id}
 * servers.list(ServerListOptions.none()).forEach(System.out::println); // GET /servers/detail
 * servers.actions(s).shelve();                                     // POST /servers/{id}/action
 * servers.metadata(s.id()).update(Map.of("exoSetup", "{}"));         // POST /servers/{id}/metadata
 * servers.tags(s.id()).add("exoPw:" + passphrase.reveal());               // PUT /servers/{id}/tags/{tag}
 * String log = servers.consoleOutput(s.id(), 1000);                // os-getConsoleOutput
 * }</pre>
 */
public final class ServerApi {
    /** The microversion of server reads (Exosphere's {@code Rest.Nova.requestServer}). */
    public static final String MICROVERSION = "2.27";

    private final ServiceClient nova;

    ServerApi(ServiceClient nova) {
        this.nova = nova;
    }

    // ---- POST /servers

    /**
     * {@code POST /servers}. Sends no microversion unless the request needs one (tags 2.52,
     * {@code auto}/{@code none} networks 2.37, description 2.19, hostname 2.90); a cloud that lacks it
     * fails before sending with {@code MicroversionNotSupportedException}.
     */
    public CreatedServer create(ServerCreateRequest request) {
        return createCall(request).execute();
    }

    /** Asynchronous {@link #create(ServerCreateRequest)}. */
    public CompletableFuture<CreatedServer> createAsync(ServerCreateRequest request) {
        return createCall(request).executeAsync();
    }

    private Operation<CreatedServer> createCall(ServerCreateRequest request) {
        return Operation.of(
                () -> {
                    ServiceCall c = nova.post("servers").body(request.toJson());
                    request.requiredMicroversion().ifPresent(c::microversion);
                    return c;
                },
                r -> r.json().has("server")
                        ? r.as("server", CreatedServer.class)
                        : Decode.convert(r, r.json(), CreatedServer.class));
    }

    // ---- GET /servers/{id}, /servers/detail, /servers

    /** {@code GET /servers/{id}} (2.27). */
    public Server get(String serverId) {
        return getCall(serverId).execute();
    }

    /** Asynchronous {@link #get(String)}. */
    public CompletableFuture<Server> getAsync(String serverId) {
        return getCall(serverId).executeAsync();
    }

    private Operation<Server> getCall(String serverId) {
        return Operation.of(
                () -> nova.get("servers/{id}", serverId).microversion(MICROVERSION),
                Decode.member("server", Server.class));
    }

    /** {@code GET /servers/detail} (2.27) with filters, lazily across pages. */
    public Paginator<Server> list(ServerListOptions options) {
        ServiceCall c = nova.get("servers/detail").microversion(MICROVERSION).query(options.query());
        return options.pageSize().isPresent()
                ? c.paginate("servers", Server.class, options.pageSize().get())
                : c.paginate("servers", Server.class);
    }

    /** {@code GET /servers/detail} (2.27), every server of the project, lazily. */
    public Paginator<Server> list() {
        return list(ServerListOptions.none());
    }

    /** {@code GET /servers}: ids and names only, lazily. */
    public Paginator<ServerSummary> listSummaries(ServerListOptions options) {
        ServiceCall c = nova.get("servers").microversion(MICROVERSION).query(options.query());
        return options.pageSize().isPresent()
                ? c.paginate("servers", ServerSummary.class, options.pageSize().get())
                : c.paginate("servers", ServerSummary.class);
    }

    // ---- PUT /servers/{id}

    /** {@code PUT /servers/{id}}: rename, describe, or (2.90) set the hostname. */
    public Server update(String serverId, ServerUpdate update) {
        return updateCall(serverId, update).execute();
    }

    /** Asynchronous {@link #update(String, ServerUpdate)}. */
    public CompletableFuture<Server> updateAsync(String serverId, ServerUpdate update) {
        return updateCall(serverId, update).executeAsync();
    }

    private Operation<Server> updateCall(String serverId, ServerUpdate update) {
        return Operation.of(
                () -> nova.put("servers/{id}", serverId)
                        .microversion(update.requiredMicroversion().orElse(MICROVERSION))
                        .body(update.toJson()),
                Decode.member("server", Server.class));
    }

    /** {@code PUT /servers/{id}} {@code {"server":{"name":…}}}. */
    public Server rename(String serverId, String newName) {
        return update(serverId, ServerUpdate.builder().name(newName).build());
    }

    /** Asynchronous {@link #rename(String, String)}. */
    public CompletableFuture<Server> renameAsync(String serverId, String newName) {
        return updateAsync(serverId, ServerUpdate.builder().name(newName).build());
    }

    // ---- DELETE /servers/{id}

    /** {@code DELETE /servers/{id}} without precondition checks. */
    public void delete(String serverId) {
        deleteCall(serverId).execute();
    }

    /** Asynchronous {@link #delete(String)}. */
    public CompletableFuture<Void> deleteAsync(String serverId) {
        return deleteCall(serverId).executeAsync();
    }

    /**
     * {@code DELETE /servers/{id}} after checking Exosphere's precondition (not already deleted, not
     * locked; Exosphere's {@code OpenStack.ServerActions}).
     *
     * @throws ServerActionNotAllowedException before any call when the server's state forbids it
     */
    public void delete(Server server) {
        ServerAction.DELETE.check(server);
        deleteCall(server.id()).execute();
    }

    /** Asynchronous {@link #delete(Server)}; a refused precondition fails the future. */
    public CompletableFuture<Void> deleteAsync(Server server) {
        try {
            ServerAction.DELETE.check(server);
        } catch (ServerActionNotAllowedException e) {
            return CompletableFuture.failedFuture(e);
        }
        return deleteCall(server.id()).executeAsync();
    }

    private Operation<Void> deleteCall(String serverId) {
        return Operation.noResult(() -> nova.delete("servers/{id}", serverId));
    }

    // ---- POST /servers/{id}/action

    /** Actions on a server by id: sent without client-side checks. */
    public ServerActions actions(String serverId) {
        return new ServerActions(nova, serverId, null);
    }

    /** Actions on a server whose state is known: each action first checks Exosphere's {@code OpenStack.ServerActions}. */
    public ServerActions actions(Server server) {
        return new ServerActions(nova, server.id(), server);
    }

    /**
     * {@code os-getConsoleOutput}: the last {@code lines} lines of the console log (all when {@code
     * lines} is null). Exosphere reads it for setup status, graphs and tokens ({@code GoalServer.stepServerPollConsoleLog}).
     */
    public String consoleOutput(String serverId, Integer lines) {
        return actions(serverId).consoleOutput(lines);
    }

    /** Asynchronous {@link #consoleOutput(String, Integer)}. */
    public CompletableFuture<String> consoleOutputAsync(String serverId, Integer lines) {
        return actions(serverId).consoleOutputAsync(lines);
    }

    // ---- sub-resources

    /** {@code /servers/{id}/metadata}. */
    public ServerMetadataApi metadata(String serverId) {
        return new ServerMetadataApi(nova, serverId);
    }

    /** {@code /servers/{id}/tags} (2.26). */
    public ServerTagApi tags(String serverId) {
        return new ServerTagApi(nova, serverId);
    }

    /** {@code /servers/{id}/os-server-password}. */
    public ServerPasswordApi password(String serverId) {
        return new ServerPasswordApi(nova, serverId);
    }

    /** {@code /servers/{id}/os-volume_attachments}. */
    public VolumeAttachmentApi volumeAttachments(String serverId) {
        return new VolumeAttachmentApi(nova, serverId);
    }

    /** {@code /servers/{id}/os-instance-actions} (2.27 reads). */
    public InstanceActionApi instanceActions(String serverId) {
        return new InstanceActionApi(nova, serverId);
    }

    /** {@code /servers/{id}/remote-consoles} (2.6+, legacy actions below). */
    public RemoteConsoleApi remoteConsoles(String serverId) {
        return new RemoteConsoleApi(nova, serverId);
    }

    /** {@code GET /servers/{id}/os-security-groups} (2.27). */
    public java.util.List<ServerSecurityGroup> securityGroups(String serverId) {
        return securityGroupsCall(serverId).execute();
    }

    /** Asynchronous {@link #securityGroups(String)}. */
    public CompletableFuture<java.util.List<ServerSecurityGroup>> securityGroupsAsync(String serverId) {
        return securityGroupsCall(serverId).executeAsync();
    }

    private Operation<java.util.List<ServerSecurityGroup>> securityGroupsCall(String serverId) {
        return Operation.of(
                () -> nova.get("servers/{id}/os-security-groups", serverId).microversion(MICROVERSION),
                Decode.list("security_groups", ServerSecurityGroup.class));
    }
}
