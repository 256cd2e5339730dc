package app.exosphere.core.compute;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceCall;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;

/**
 * Nova {@code /servers} and everything below {@code /servers/{id}}.
 *
 * <p>Server reads pin microversion {@value #MICROVERSION}, as Exosphere does ({@code Rest.Nova.requestServer}):
 * it has {@code tags} and {@code locked} and still a {@code flavor.id}. The model also decodes every
 * later shape.
 *
 * <pre>{@code
 * ServerApi servers = compute.servers();
 * CreatedServer c = servers.create(request).execute();                       // POST /servers
 * Server s = servers.get(c.id()).execute();                                  // GET /servers/{id}
 * servers.list(ServerListOptions.none()).forEach(System.out::println);       // GET /servers/detail
 * servers.actions(s).shelve().execute();                                     // POST /servers/{id}/action
 * servers.metadata(s.id()).update(Map.of("exoSetup", setupJson)).execute();       // POST /servers/{id}/metadata
 * servers.tags(s.id()).add("exoPw:" + passphrase.reveal()).execute();               // PUT /servers/{id}/tags/{tag}
 * String log = servers.consoleOutput(s.id(), 1000).execute();                // os-getConsoleOutput
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
    public Call<CreatedServer> create(ServerCreateRequest request) {
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
    public Call<Server> get(String serverId) {
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
    public Call<Server> update(String serverId, ServerUpdate update) {
        return Operation.of(
                () -> nova.put("servers/{id}", serverId)
                        .microversion(update.requiredMicroversion().orElse(MICROVERSION))
                        .body(update.toJson()),
                Decode.member("server", Server.class));
    }

    /** {@code PUT /servers/{id}} {@code {"server":{"name":…}}}. */
    public Call<Server> rename(String serverId, String newName) {
        return update(serverId, ServerUpdate.builder().name(newName).build());
    }

    // ---- DELETE /servers/{id}

    /** {@code DELETE /servers/{id}} without precondition checks. */
    public Call<Void> delete(String serverId) {
        return Operation.noResult(() -> nova.delete("servers/{id}", serverId));
    }

    /**
     * {@code DELETE /servers/{id}} after checking Exosphere's precondition (not already deleted, not
     * locked; Exosphere's {@code OpenStack.ServerActions}).
     *
     * Executing it fails with {@link ServerActionNotAllowedException} before any request when the
     * server's state forbids it.
     */
    public Call<Void> delete(Server server) {
        return Operation.noResult(() -> {
            ServerAction.DELETE.check(server);
            return nova.delete("servers/{id}", server.id());
        });
    }

    // ---- POST /servers/{id}/action

    /** Actions on a server by id: sent without client-side checks. */
    public ServerActionApi actions(String serverId) {
        return new ServerActionApi(nova, serverId, null);
    }

    /** Actions on a server whose state is known: each action first checks Exosphere's {@code OpenStack.ServerActions}. */
    public ServerActionApi actions(Server server) {
        return new ServerActionApi(nova, server.id(), server);
    }

    /**
     * {@code os-getConsoleOutput}: the last {@code lines} lines of the console log (all when {@code
     * lines} is null). Exosphere reads it for setup status, graphs and tokens ({@code GoalServer.stepServerPollConsoleLog}).
     */
    public Call<String> consoleOutput(String serverId, Integer lines) {
        return actions(serverId).consoleOutput(lines);
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
    public Call<java.util.List<ServerSecurityGroup>> securityGroups(String serverId) {
        return Operation.of(
                () -> nova.get("servers/{id}/os-security-groups", serverId).microversion(MICROVERSION),
                Decode.list("security_groups", ServerSecurityGroup.class));
    }
}
