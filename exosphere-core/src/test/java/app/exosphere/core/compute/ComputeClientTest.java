package app.exosphere.core.compute;

import static app.exosphere.core.FakeCloud.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.FakeCloud;
import app.exosphere.core.Samples;
import app.exosphere.core.auth.Secret;
import app.exosphere.core.error.ConflictException;
import app.exosphere.core.error.MicroversionNotSupportedException;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.internal.json.ServiceJson;
import app.exosphere.core.quota.QuotaUsage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ComputeClientTest {
    private final FakeCloud cloud = new FakeCloud();
    private final ComputeClient compute = cloud.openStack().compute();

    @AfterEach
    void close() {
        cloud.close();
    }

    private static JsonNode tree(String s) {
        return ServiceJson.tree(s);
    }

    private static String path(RecordedRequest r) {
        return r.getUrl().encodedPath();
    }

    private static void assertMicroversion(RecordedRequest r, String v) {
        assertThat(r.getHeaders().get("OpenStack-API-Version")).isEqualTo("compute " + v);
        assertThat(r.getHeaders().get("X-OpenStack-Nova-API-Version")).isEqualTo(v);
    }

    private static Server server(String status, boolean locked) {
        return Server.builder()
                .id("srv-1")
                .status(ServerStatus.of(status))
                .locked(locked)
                .build();
    }

    // ---- servers

    @Test
    void createPostsTheExosphereBodyWithoutMicroversionAndReadsTheSampleResponse() {
        cloud.replySample(202, "nova/servers__server-create-resp.json");
        ServerCreateRequest req = ServerCreateRequest.builder()
                .name("exo-1")
                .imageRef("img-1")
                .keyName("laptop")
                .flavorRef("3")
                .networks(NetworkSelection.of(ServerNetwork.network("net-1")))
                .userData("#cloud-config\n")
                .addSecurityGroups("exosphere")
                .putMetadata("exoServerVersion", "5")
                .build();

        CreatedServer created = compute.servers().create(req).execute();

        RecordedRequest r = cloud.take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(path(r)).isEqualTo("/compute/v2.1/servers");
        assertThat(r.getHeaders().get("OpenStack-API-Version")).isNull();
        assertThat(body(r)).isEqualTo(req.toJson().toString());
        assertThat(created.id()).isEqualTo("f5dc173b-6804-445a-a6d8-c705dad5b5eb");
    }

    @Test
    void createWithTagsPinsMicroversion252() {
        cloud.replySample(202, "nova/servers__v2.100__server-create-resp.json");
        compute.servers()
                .create(ServerCreateRequest.builder()
                        .name("a")
                        .imageRef("i")
                        .flavorRef("f")
                        .networks(NetworkSelection.auto())
                        .addTags("exoPw:a b")
                        .build())
                .execute();
        RecordedRequest r = cloud.take();
        assertMicroversion(r, "2.52");
        assertThat(tree(body(r)).at("/server/tags/0").asText()).isEqualTo("exoPw:a b");
    }

    @Test
    void getPinsMicroversion227AndParsesTheHighestMicroversionSample() throws Exception {
        cloud.replySample(200, "nova/servers__v2.100__server-get-resp.json");
        Server s = compute.servers()
                .get("0e44cc9c-e052-415d-afbf-469b0d384170")
                .executeAsync()
                .get();
        RecordedRequest r = cloud.take();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(path(r)).isEqualTo("/compute/v2.1/servers/0e44cc9c-e052-415d-afbf-469b0d384170");
        assertMicroversion(r, "2.27");
        assertThat(s.name()).isEqualTo("new-server-test");
        assertThat(s.flavor().flatMap(ServerFlavor::originalName)).contains("m1.tiny");
    }

    /** Page {@code n} of a Nova listing built from the upstream sample: {@code size} servers, a next link if asked. */
    private ObjectNode serverPage(int n, int size, boolean next) {
        ObjectNode p = (ObjectNode) Samples.json("nova/servers__servers-details-resp.json");
        JsonNode template = p.get("servers").get(0);
        var servers = p.putArray("servers");
        for (int i = 1; i <= size; i++) {
            servers.add(((ObjectNode) template.deepCopy()).put("id", "srv-" + n + "-" + i));
        }
        if (next) {
            ((ObjectNode) p.get("servers_links").get(0))
                    .put(
                            "href",
                            cloud.base() + "/compute/v2.1/servers/detail?limit=2&status=ACTIVE&marker=srv-" + n + "-2");
        } else {
            p.remove("servers_links");
        }
        return p;
    }

    @Test
    void listsServerDetailsLazilyAcrossThreePagesWithFilters() {
        cloud.reply(200, serverPage(1, 2, true).toString());
        cloud.reply(200, serverPage(2, 2, true).toString());
        cloud.reply(200, serverPage(3, 1, false).toString());

        var pages = compute.servers()
                .list(ServerListOptions.builder()
                        .status("ACTIVE")
                        .name("^exo")
                        .addTags("exoPw:x y")
                        .changesSince(Instant.parse("2024-01-02T03:04:05Z"))
                        .pageSize(2)
                        .build());
        assertThat(cloud.idle()).as("lazy: nothing sent before iteration").isTrue();
        List<String> ids = pages.stream().map(Server::id).toList();

        assertThat(ids).containsExactly("srv-1-1", "srv-1-2", "srv-2-1", "srv-2-2", "srv-3-1");
        RecordedRequest first = cloud.take();
        assertThat(path(first)).isEqualTo("/compute/v2.1/servers/detail");
        assertThat(first.getUrl().queryParameter("status")).isEqualTo("ACTIVE");
        assertThat(first.getUrl().queryParameter("name")).isEqualTo("^exo");
        assertThat(first.getUrl().queryParameter("tags")).isEqualTo("exoPw:x y");
        assertThat(first.getUrl().queryParameter("changes-since")).isEqualTo("2024-01-02T03:04:05Z");
        assertThat(first.getUrl().queryParameter("limit")).isEqualTo("2");
        assertMicroversion(first, "2.27");
        RecordedRequest second = cloud.take();
        assertThat(second.getUrl().queryParameter("marker")).isEqualTo("srv-1-2");
        assertMicroversion(second, "2.27");
        assertThat(cloud.take().getUrl().queryParameter("marker")).isEqualTo("srv-2-2");
        assertThat(cloud.idle()).isTrue();
    }

    @Test
    void listsSummariesFromServersSample() {
        cloud.replySample(200, "nova/servers__servers-list-resp.json");
        cloud.reply(200, "{\"servers\":[]}");
        List<ServerSummary> all =
                compute.servers().listSummaries(ServerListOptions.none()).toList();
        assertThat(path(cloud.take())).isEqualTo("/compute/v2.1/servers");
        assertThat(cloud.take().getUrl().queryParameter("marker")).isEqualTo("22c91117-08de-4894-9aa9-6ef382400985");
        assertThat(all).extracting(ServerSummary::name).containsExactly("new-server-test");
    }

    @Test
    void renamesWithPutAndParsesTheUpdateSample() {
        cloud.replySample(200, "nova/servers__server-update-resp.json");
        Server s = compute.servers().rename("srv-1", "new-server-test").execute();
        RecordedRequest r = cloud.take();
        assertThat(r.getMethod()).isEqualTo("PUT");
        assertThat(path(r)).isEqualTo("/compute/v2.1/servers/srv-1");
        assertThat(tree(body(r))).isEqualTo(tree("{\"server\":{\"name\":\"new-server-test\"}}"));
        assertThat(s.name()).isEqualTo("new-server-test");
    }

    @Test
    void setsHostnameAtMicroversion290AsExosphereDoesOnRename() {
        cloud.replySample(200, "nova/servers__v2.104__server-update-resp.json");
        compute.servers()
                .update("srv-1", ServerUpdate.builder().hostname("new-host").build())
                .execute();
        RecordedRequest r = cloud.take();
        assertMicroversion(r, "2.90");
        assertThat(tree(body(r))).isEqualTo(tree("{\"server\":{\"hostname\":\"new-host\"}}"));
    }

    @Test
    void deletesAndRefusesToDeleteALockedServerBeforeAnyCall() {
        cloud.replyEmpty(204);
        compute.servers().delete(server("ACTIVE", false)).execute();
        RecordedRequest r = cloud.take();
        assertThat(r.getMethod()).isEqualTo("DELETE");
        assertThat(path(r)).isEqualTo("/compute/v2.1/servers/srv-1");

        assertThatThrownBy(
                        () -> compute.servers().delete(server("ACTIVE", true)).execute())
                .isInstanceOf(ServerActionNotAllowedException.class);
        assertThat(compute.servers().delete(server("SOFT_DELETED", false)).executeAsync())
                .isCompletedExceptionally();
        assertThat(cloud.idle()).isTrue();
    }

    // ---- actions

    private JsonNode actionBody(Runnable action) {
        cloud.replyEmpty(202);
        action.run();
        RecordedRequest r = cloud.take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(path(r)).isEqualTo("/compute/v2.1/servers/srv-1/action");
        return tree(body(r));
    }

    @Test
    void sendsEveryNoArgumentActionExactlyLikeTheUpstreamSamples() {
        ServerActionApi a = compute.servers().actions("srv-1");
        assertThat(actionBody(() -> a.start().execute()))
                .isEqualTo(Samples.json("nova/servers__server-action-start.json"));
        assertThat(actionBody(() -> a.stop().execute()))
                .isEqualTo(Samples.json("nova/servers__server-action-stop.json"));
        assertThat(actionBody(() -> a.pause().execute()))
                .isEqualTo(Samples.json("nova/os-pause-server__pause-server.json"));
        assertThat(actionBody(() -> a.unpause().execute()))
                .isEqualTo(Samples.json("nova/os-pause-server__unpause-server.json"));
        assertThat(actionBody(() -> a.suspend().execute()))
                .isEqualTo(Samples.json("nova/os-suspend-server__server-suspend.json"));
        assertThat(actionBody(() -> a.resume().execute()))
                .isEqualTo(Samples.json("nova/os-suspend-server__server-resume.json"));
        assertThat(actionBody(() -> a.shelve().execute())).isEqualTo(Samples.json("nova/os-shelve__os-shelve.json"));
        assertThat(actionBody(() -> a.shelveOffload().execute()))
                .isEqualTo(Samples.json("nova/os-shelve__os-shelve-offload.json"));
        assertThat(actionBody(() -> a.unshelve().execute()))
                .isEqualTo(Samples.json("nova/os-shelve__os-unshelve.json"));
        assertThat(actionBody(() -> a.lock().execute()))
                .isEqualTo(Samples.json("nova/os-lock-server__lock-server.json"));
        assertThat(actionBody(() -> a.unlock().execute()))
                .isEqualTo(Samples.json("nova/os-lock-server__unlock-server.json"));
        assertThat(actionBody(() -> a.unrescue().execute()))
                .isEqualTo(Samples.json("nova/os-rescue__server-unrescue-req.json"));
        assertThat(actionBody(() -> a.confirmResize().execute()))
                .isEqualTo(Samples.json("nova/servers__server-action-confirm-resize.json"));
        assertThat(actionBody(() -> a.revertResize().execute()))
                .isEqualTo(Samples.json("nova/servers__server-action-revert-resize.json"));
        assertThat(actionBody(() -> a.forceDelete().execute()))
                .isEqualTo(Samples.json("nova/os-deferred-delete__force-delete-post-req.json"));
        assertThat(actionBody(() -> a.restore().execute()))
                .isEqualTo(Samples.json("nova/os-deferred-delete__restore-post-req.json"));
    }

    @Test
    void sendsActionsWithArgumentsLikeTheUpstreamSamples() {
        ServerActionApi a = compute.servers().actions("srv-1");
        assertThat(actionBody(() -> a.reboot(RebootType.HARD).execute()))
                .isEqualTo(Samples.json("nova/servers__server-action-reboot.json"));
        JsonNode resize = actionBody(() -> a.resize("2").execute());
        assertThat(resize.at("/resize/flavorRef").asText()).isEqualTo("2");
        assertThat(actionBody(() -> a.addSecurityGroup("test").execute()))
                .isEqualTo(Samples.json("nova/os-security-groups__security-group-add-post-req.json"));
        assertThat(actionBody(() -> a.removeSecurityGroup("test").execute()))
                .isEqualTo(Samples.json("nova/os-security-groups__security-group-remove-post-req.json"));
    }

    @Test
    void lockWithReasonPinsMicroversion273() {
        cloud.replyEmpty(202);
        compute.servers().actions("srv-1").lock("I don't want to work").execute();
        RecordedRequest r = cloud.take();
        assertMicroversion(r, "2.73");
        assertThat(tree(body(r))).isEqualTo(Samples.json("nova/os-lock-server__v2.73__lock-server-with-reason.json"));
    }

    @Test
    void createImageSendsMetadataAndReadsImageIdFromBodyOrLocation() {
        cloud.replySample(202, "nova/servers__v2.45__server-action-create-image-resp.json");
        String id = compute.servers()
                .actions(server("ACTIVE", true)) // createImage ignores the lock (Exosphere's `OpenStack.ServerActions`)
                .createImage("foo-image", Map.of("meta_var", "meta_val"))
                .execute();
        assertThat(tree(body(cloud.take())))
                .isEqualTo(Samples.json("nova/servers__v2.45__server-action-create-image.json"));
        assertThat(id).isEqualTo("0e7761dd-ee98-41f0-ba35-05994e446431");

        cloud.reply(new mockwebserver3.MockResponse.Builder()
                .code(202)
                .addHeader("Location", cloud.base() + "/image/v2/images/abc-123")
                .build());
        assertThat(compute.servers().actions("srv-1").createImage("x", Map.of()).execute())
                .isEqualTo("abc-123");
        cloud.take();
    }

    @Test
    void rescueSendsAdminPassAndReturnsTheSampleAnswer() {
        cloud.replySample(200, "nova/os-rescue__server-rescue.json");
        assertThat(compute.servers()
                        .actions("srv-1")
                        .rescue("MySecretPass", null)
                        .execute())
                .contains(Secret.of("MySecretPass"));
        assertThat(tree(body(cloud.take()))).isEqualTo(Samples.json("nova/os-rescue__server-rescue-req.json"));
    }

    @Test
    void rebuildReturnsTheRebuiltServer() {
        cloud.replySample(202, "nova/servers__v2.100__server-action-rebuild-resp.json");
        Server s = compute.servers()
                .actions("srv-1")
                .rebuild("70a599e0-31e7-49b7-b260-868f441e862b", "foobar")
                .execute();
        RecordedRequest r = cloud.take();
        assertThat(tree(body(r)).at("/rebuild/imageRef").asText()).isEqualTo("70a599e0-31e7-49b7-b260-868f441e862b");
        assertThat(tree(body(r)).at("/rebuild/name").asText()).isEqualTo("foobar");
        assertThat(s.name()).isEqualTo("foobar");
    }

    @Test
    void checksPreconditionsBeforeAnyCallWhenTheServerIsKnown() throws Exception {
        ServerActionApi shutoff = compute.servers().actions(server("SHUTOFF", false));
        assertThatThrownBy(() -> shutoff.stop().execute()).isInstanceOf(ServerActionNotAllowedException.class);
        assertThatThrownBy(() -> shutoff.suspend().executeAsync().get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ServerActionNotAllowedException.class);
        assertThat(cloud.idle()).isTrue();
        cloud.replyEmpty(202);
        shutoff.start().execute();
        assertThat(tree(body(cloud.take()))).isEqualTo(Samples.json("nova/servers__server-action-start.json"));
    }

    @Test
    void readsConsoleOutputWithLength() {
        cloud.replySample(200, "nova/os-console-output__console-output-post-resp.json");
        String out = compute.servers().consoleOutput("srv-1", 50).execute();
        assertThat(tree(body(cloud.take())))
                .isEqualTo(Samples.json("nova/os-console-output__console-output-post-req.json"));
        assertThat(out).isEqualTo("FAKE CONSOLE OUTPUT\nANOTHER\nLAST LINE");
    }

    @Test
    void mapsNovaFaultsToTypedErrors() {
        cloud.reply(
                409,
                "{\"conflictingRequest\":{\"code\":409,\"message\":\"Cannot 'os-start' instance srv-1 while it is in vm_state active\"}}");
        assertThatThrownBy(() -> compute.servers().actions("srv-1").start().execute())
                .isInstanceOf(ConflictException.class)
                .satisfies(e ->
                        assertThat(((ConflictException) e).openStackMessage()).contains("vm_state active"));
        cloud.take();
        cloud.reply(404, "{\"itemNotFound\":{\"code\":404,\"message\":\"Instance nope could not be found.\"}}");
        assertThatThrownBy(() -> compute.servers().get("nope").execute()).isInstanceOf(NotFoundException.class);
        cloud.take();
    }

    // ---- metadata, tags, password

    @Test
    void updatesMetadataWithPostAndReadsEveryItemBack() {
        cloud.replySample(200, "nova/server-metadata__server-metadata-all-resp.json");
        Map<String, String> all = compute.servers()
                .metadata("srv-1")
                .update(Map.of("foo", "Foo Value"))
                .execute();
        RecordedRequest r = cloud.take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(path(r)).isEqualTo("/compute/v2.1/servers/srv-1/metadata");
        assertThat(tree(body(r))).isEqualTo(tree("{\"metadata\":{\"foo\":\"Foo Value\"}}"));
        assertThat(all).containsEntry("foo", "Foo Value");
    }

    @Test
    void replacesListsGetsPutsAndDeletesMetadataItems() {
        ServerMetadataApi md = compute.servers().metadata("srv-1");
        cloud.replySample(200, "nova/server-metadata__server-metadata-all-resp.json");
        md.replaceAll(Map.of("foo", "Foo Value")).execute();
        RecordedRequest put = cloud.take();
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(tree(body(put))).isEqualTo(Samples.json("nova/server-metadata__server-metadata-all-req.json"));

        cloud.replySample(200, "nova/server-metadata__server-metadata-all-resp.json");
        assertThat(md.list().execute()).containsKey("foo");
        assertThat(cloud.take().getMethod()).isEqualTo("GET");

        cloud.replySample(200, "nova/server-metadata__server-metadata-resp.json");
        assertThat(md.get("foo").execute()).isEqualTo("Foo Value");
        assertThat(path(cloud.take())).isEqualTo("/compute/v2.1/servers/srv-1/metadata/foo");

        cloud.replySample(200, "nova/server-metadata__server-metadata-resp.json");
        md.put("foo", "Bar Value").execute();
        RecordedRequest item = cloud.take();
        assertThat(tree(body(item))).isEqualTo(Samples.json("nova/server-metadata__server-metadata-req.json"));

        cloud.replyEmpty(204);
        md.delete("exoVolumes::9a7e").execute();
        RecordedRequest del = cloud.take();
        assertThat(del.getMethod()).isEqualTo("DELETE");
        assertThat(path(del)).isEqualTo("/compute/v2.1/servers/srv-1/metadata/exoVolumes::9a7e");
    }

    @Test
    void addsExoPwTagWithPercentEncodedSpacesAtMicroversion226() {
        cloud.replyEmpty(201);
        compute.servers().tags("srv-1").add("exoPw:correct horse battery").execute();
        RecordedRequest r = cloud.take();
        assertThat(r.getMethod()).isEqualTo("PUT");
        assertThat(path(r)).isEqualTo("/compute/v2.1/servers/srv-1/tags/exoPw:correct%20horse%20battery");
        assertMicroversion(r, "2.26");
    }

    @Test
    void listsReplacesChecksAndDeletesTags() {
        ServerTagApi tags = compute.servers().tags("srv-1");
        cloud.replySample(200, "nova/os-server-tags__v2.26__server-tags-index-resp.json");
        assertThat(tags.list().execute()).containsExactly("tag1", "tag2");
        cloud.take();
        cloud.replySample(200, "nova/os-server-tags__v2.26__server-tags-put-all-resp.json");
        assertThat(tags.replaceAll(List.of("tag1", "tag2")).execute()).containsExactly("tag1", "tag2");
        assertThat(tree(body(cloud.take())))
                .isEqualTo(Samples.json("nova/os-server-tags__v2.26__server-tags-put-all-req.json"));
        cloud.replyEmpty(204);
        assertThat(tags.exists("tag1").execute()).isTrue();
        cloud.take();
        cloud.reply(404, "{\"itemNotFound\":{\"code\":404,\"message\":\"not found\"}}");
        assertThat(tags.exists("tag9").execute()).isFalse();
        cloud.take();
        cloud.replyEmpty(204);
        tags.delete("exoPw:a b").execute();
        assertThat(path(cloud.take())).endsWith("/tags/exoPw:a%20b");
        cloud.replyEmpty(204);
        tags.deleteAll().execute();
        assertThat(path(cloud.take())).isEqualTo("/compute/v2.1/servers/srv-1/tags");
        assertThatThrownBy(() -> tags.add("a/b").execute()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void getsAndClearsTheServerPassword() {
        cloud.replySample(200, "nova/os-server-password__get-password-resp.json");
        assertThat(compute.servers().password("srv-1").get().execute())
                .get()
                .asString()
                .startsWith("xlozO3wLCBRWAa2y");
        assertThat(path(cloud.take())).isEqualTo("/compute/v2.1/servers/srv-1/os-server-password");
        cloud.replyEmpty(204);
        compute.servers().password("srv-1").clear().execute();
        assertThat(cloud.take().getMethod()).isEqualTo("DELETE");
        cloud.reply(200, "{\"password\":\"\"}");
        assertThat(compute.servers().password("srv-1").get().execute()).isEmpty();
        cloud.take();
    }

    // ---- consoles, instance actions, security groups, volume attachments

    @Test
    void createsRemoteConsoleAtMicroversion26WhenTheCloudOffersIt() {
        cloud.replySample(200, "nova/os-remote-consoles__v2.6__create-vnc-console-resp.json");
        RemoteConsole c = compute.servers()
                .remoteConsoles("srv-1")
                .create(RemoteConsole.Protocol.VNC)
                .execute();
        RecordedRequest r = cloud.take();
        assertThat(path(r)).isEqualTo("/compute/v2.1/servers/srv-1/remote-consoles");
        assertMicroversion(r, "2.6");
        assertThat(tree(body(r))).isEqualTo(Samples.json("nova/os-remote-consoles__v2.6__create-vnc-console-req.json"));
        assertThat(c.url().toUriString()).contains("token%3Db60bcfc3");
        assertThat(c.url().toString()).doesNotContain("b60bcfc3");
    }

    @Test
    void fallsBackToTheLegacyConsoleActionBelowMicroversion26() throws Exception {
        try (FakeCloud old = new FakeCloud()) {
            ComputeClient capped = app.exosphere.core.OpenStack.builder()
                    .authUrl(old.base() + "/v3")
                    .credentials(app.exosphere.core.auth.Credentials.password(
                            app.exosphere.core.auth.UserRef.name(
                                    "alice", app.exosphere.core.auth.DomainRef.of("Default")),
                            "pw"))
                    .project(FakeCloud.PROJECT_ID)
                    .clock(java.time.Clock.fixed(Instant.parse("2015-11-07T02:00:00Z"), java.time.ZoneOffset.UTC))
                    .endpointOverride(app.exosphere.core.http.ServiceType.COMPUTE, old.base() + "/legacy/v2.1")
                    .build()
                    .compute();
            // no version document at /legacy/v2.1/: the first recorded call is the discovery, answered as a
            // pre-microversion cloud
            old.reply(200, "{\"version\":{\"id\":\"v2.0\",\"status\":\"SUPPORTED\",\"links\":[]}}");
            old.replySample(200, "nova/os-remote-consoles__get-vnc-console-post-resp.json");
            RemoteConsole c = capped.servers()
                    .remoteConsoles("srv-1")
                    .create(RemoteConsole.Protocol.VNC)
                    .executeAsync()
                    .get();
            assertThat(path(old.take())).isEqualTo("/legacy/v2.1/");
            RecordedRequest r = old.take();
            assertThat(path(r)).isEqualTo("/legacy/v2.1/servers/srv-1/action");
            assertThat(tree(body(r))).isEqualTo(Samples.json("nova/os-remote-consoles__get-vnc-console-post-req.json"));
            assertThat(c.type()).contains("novnc");
        }
    }

    @Test
    void listsInstanceActionsAndOneWithEvents() {
        cloud.replySample(200, "nova/os-instance-actions__v2.84__instance-actions-list-resp.json");
        assertThat(compute.servers().instanceActions("srv-1").list().toList()).isNotEmpty();
        RecordedRequest r = cloud.take();
        assertThat(path(r)).isEqualTo("/compute/v2.1/servers/srv-1/os-instance-actions");
        assertMicroversion(r, "2.27");
        cloud.replySample(200, "nova/os-instance-actions__v2.84__instance-action-get-resp.json");
        assertThat(compute.servers()
                        .instanceActions("srv-1")
                        .get("req-1")
                        .execute()
                        .events())
                .isNotEmpty();
        assertThat(path(cloud.take())).isEqualTo("/compute/v2.1/servers/srv-1/os-instance-actions/req-1");
    }

    @Test
    void listsServerSecurityGroups() {
        cloud.replySample(200, "nova/os-security-groups__server-security-groups-list-resp.json");
        assertThat(compute.servers().securityGroups("srv-1").execute())
                .extracting(ServerSecurityGroup::name)
                .containsExactly("default");
        RecordedRequest r = cloud.take();
        assertThat(path(r)).isEqualTo("/compute/v2.1/servers/srv-1/os-security-groups");
        assertMicroversion(r, "2.27");
    }

    @Test
    void attachesWithDeviceTagAtMicroversion249ListsAndDetaches() {
        cloud.replySample(200, "nova/os-volume_attachments__v2.89__attach-volume-to-server-resp.json");
        VolumeAttachment a = compute.servers()
                .volumeAttachments("srv-1")
                .attach("a07f71dc-8151-4e7d-a0cc-cd24a3f11113", "exoVolume::{\"name\":\"data\"}")
                .execute();
        RecordedRequest r = cloud.take();
        assertThat(path(r)).isEqualTo("/compute/v2.1/servers/srv-1/os-volume_attachments");
        assertMicroversion(r, "2.49");
        assertThat(tree(body(r)))
                .isEqualTo(tree("{\"volumeAttachment\":{\"volumeId\":\"a07f71dc-8151-4e7d-a0cc-cd24a3f11113\","
                        + "\"tag\":\"exoVolume::{\\\"name\\\":\\\"data\\\"}\"}}"));
        assertThat(a.device()).contains("/dev/sdb");

        cloud.replySample(200, "nova/os-volume_attachments__v2.101__list-volume-attachments-resp.json");
        assertThat(compute.servers().volumeAttachments("srv-1").list().execute())
                .hasSize(2);
        cloud.take();

        cloud.replySample(200, "nova/os-volume_attachments__attach-volume-to-server-resp.json");
        compute.servers().volumeAttachments("srv-1").attach("v", null).execute();
        assertThat(cloud.take().getHeaders().get("OpenStack-API-Version")).isNull();

        cloud.replySample(200, "nova/os-volume_attachments__v2.89__attach-volume-to-server-resp.json");
        compute.servers()
                .volumeAttachments("srv-1")
                .attach("a07f71dc-8151-4e7d-a0cc-cd24a3f11113", "foo", true)
                .execute();
        RecordedRequest withDelete = cloud.take();
        assertMicroversion(withDelete, "2.79");
        assertThat(tree(body(withDelete)))
                .isEqualTo(Samples.json("nova/os-volume_attachments__v2.101__attach-volume-to-server-req.json"));

        cloud.replyEmpty(202);
        compute.servers().volumeAttachments("srv-1").detach("vol-9").execute();
        RecordedRequest d = cloud.take();
        assertThat(d.getMethod()).isEqualTo("DELETE");
        assertThat(path(d)).isEqualTo("/compute/v2.1/servers/srv-1/os-volume_attachments/vol-9");
    }

    // ---- flavors, keypairs, limits, zones, quotas

    @Test
    void listsFlavorDetailsAtMicroversion261() {
        cloud.replySample(200, "nova/flavors__v2.102__flavors-detail-resp.json");
        List<Flavor> flavors = compute.flavors().listDetail().toList();
        RecordedRequest r = cloud.take();
        assertThat(path(r)).isEqualTo("/compute/v2.1/flavors/detail");
        assertMicroversion(r, "2.61");
        assertThat(flavors).hasSize(7);
        cloud.replySample(200, "nova/flavors__v2.102__flavor-get-resp.json");
        assertThat(compute.flavors().get("7").execute().id()).isEqualTo("7");
        cloud.take();
        cloud.replySample(200, "nova/flavor-extra-specs__flavor-extra-specs-list-resp.json");
        assertThat(compute.flavors().extraSpecs("7").execute()).isNotEmpty();
        assertThat(path(cloud.take())).isEqualTo("/compute/v2.1/flavors/7/os-extra_specs");
    }

    @Test
    void decodesBaseFlavorSampleWhereSwapIsAnEmptyString() {
        cloud.replySample(200, "nova/flavors__flavors-detail-resp.json");
        assertThat(compute.flavors().listDetail().toList())
                .allSatisfy(f -> assertThat(f.swapMb()).isZero());
        cloud.take();
    }

    @Test
    void importsListsGetsCreatesAndDeletesKeypairs() {
        JsonNode importReq =
                Samples.json("nova/os-keypairs__keypairs-import-post-req.json").get("keypair");
        cloud.replySample(200, "nova/os-keypairs__keypairs-import-post-resp.json");
        Keypair k = compute.keypairs()
                .importKey(
                        importReq.get("name").asText(),
                        importReq.get("public_key").asText())
                .execute();
        RecordedRequest r = cloud.take();
        assertThat(path(r)).isEqualTo("/compute/v2.1/os-keypairs");
        assertThat(tree(body(r))).isEqualTo(Samples.json("nova/os-keypairs__keypairs-import-post-req.json"));
        assertThat(k.fingerprint()).isPresent();

        cloud.replySample(200, "nova/os-keypairs__keypairs-list-resp.json");
        assertThat(compute.keypairs().list().execute()).hasSize(1);
        cloud.take();
        cloud.replySample(200, "nova/os-keypairs__keypairs-get-resp.json");
        assertThat(compute.keypairs().get("kp").execute().name()).isNotBlank();
        cloud.take();
        cloud.replySample(200, "nova/os-keypairs__keypairs-post-resp.json");
        assertThat(compute.keypairs().create("kp").execute().privateKey()).isPresent();
        assertThat(tree(body(cloud.take())).at("/keypair/name").asText()).isEqualTo("kp");
        cloud.replyEmpty(202);
        compute.keypairs().delete("me and myself").execute();
        assertThat(path(cloud.take())).isEqualTo("/compute/v2.1/os-keypairs/me%20and%20myself");
    }

    @Test
    void readsLimitsZonesAndQuotaSets() throws Exception {
        cloud.replySample(200, "nova/limits__v2.57__limit-get-resp.json");
        assertThat(compute.limits().executeAsync().get().instances()).isEqualTo(QuotaUsage.of(0, 10));
        assertThat(path(cloud.take())).isEqualTo("/compute/v2.1/limits");
        cloud.replySample(200, "nova/os-availability-zone__availability-zone-list-resp.json");
        assertThat(compute.availabilityZones().execute()).isNotEmpty();
        assertThat(path(cloud.take())).isEqualTo("/compute/v2.1/os-availability-zone");
        cloud.replySample(200, "nova/os-quota-sets__v2.57__quotas-show-detail-get-resp.json");
        Map<String, QuotaUsage> detail = compute.quotaUsage("proj").execute();
        assertThat(path(cloud.take())).isEqualTo("/compute/v2.1/os-quota-sets/proj/detail");
        assertThat(detail).containsKey("cores");
        cloud.replySample(200, "nova/os-quota-sets__v2.57__quotas-show-get-resp.json");
        assertThat(compute.quotaSets().get("proj").execute()).containsKey("instances");
        cloud.take();
    }

    @Test
    void failsBeforeSendingWhenTheCloudLacksTheNeededMicroversion() {
        try (FakeCloud c = new FakeCloud()) {
            ComputeClient capped = app.exosphere.core.OpenStack.builder()
                    .authUrl(c.base() + "/v3")
                    .credentials(app.exosphere.core.auth.Credentials.password(
                            app.exosphere.core.auth.UserRef.name(
                                    "alice", app.exosphere.core.auth.DomainRef.of("Default")),
                            "pw"))
                    .project(FakeCloud.PROJECT_ID)
                    .clock(java.time.Clock.fixed(Instant.parse("2015-11-07T02:00:00Z"), java.time.ZoneOffset.UTC))
                    .endpointOverride(app.exosphere.core.http.ServiceType.COMPUTE, c.base() + "/old/v2.1")
                    .build()
                    .compute();
            c.reply(
                    200,
                    "{\"version\":{\"id\":\"v2.1\",\"status\":\"CURRENT\",\"version\":\"2.38\",\"min_version\":\"2.1\"}}");
            assertThatThrownBy(() -> capped.servers()
                            .create(ServerCreateRequest.builder()
                                    .name("a")
                                    .imageRef("i")
                                    .flavorRef("f")
                                    .addTags("t")
                                    .build())
                            .execute())
                    .isInstanceOf(MicroversionNotSupportedException.class)
                    .hasMessageContaining("2.52");
            c.take(); // the version document
            assertThat(c.idle()).isTrue();
        }
    }
}
