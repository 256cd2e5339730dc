package app.exosphere.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.ApplicationCredential;
import app.exosphere.core.auth.ApplicationCredentialRequest;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.Secret;
import app.exosphere.core.auth.UserRef;
import app.exosphere.core.compute.Flavor;
import app.exosphere.core.compute.Keypair;
import app.exosphere.core.compute.NetworkSelection;
import app.exosphere.core.compute.RebootType;
import app.exosphere.core.compute.Server;
import app.exosphere.core.compute.ServerActionApi;
import app.exosphere.core.compute.ServerCreateRequest;
import app.exosphere.core.compute.ServerNetwork;
import app.exosphere.core.compute.ServerStatus;
import app.exosphere.core.compute.VolumeAttachment;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.http.Call;
import app.exosphere.core.image.Image;
import app.exosphere.core.image.ImageListOptions;
import app.exosphere.core.network.FloatingIp;
import app.exosphere.core.network.FloatingIpCreateRequest;
import app.exosphere.core.network.Network;
import app.exosphere.core.network.Port;
import app.exosphere.core.network.PortListOptions;
import app.exosphere.core.volume.Volume;
import app.exosphere.core.volume.VolumeCreateRequest;
import app.exosphere.core.volume.VolumeStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The same Exosphere-style instance life as {@link LaunchContract}, but through the SDK's own
 * clients ({@link OpenStack}, {@code compute()}, {@code network()}, {@code volume()}, {@code
 * image()}): proves that the typed clients build the requests a real cloud accepts and parse what
 * it answers, and that the simulator answers the SDK the same way.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SdkLaunchContract extends CloudContract {
    private OpenStack os;
    private String keypair;
    private String networkId;
    private String serverId;
    private String floatingIpId;
    private String volumeId;

    private OpenStack login(Credentials credentials) {
        return OpenStack.builder()
                .authUrl(cloud.authUrl())
                .credentials(credentials)
                .project(cloud.member().project(), DomainRef.name(cloud.member().domain()))
                .region(cloud.region())
                .build();
    }

    private Credentials password() {
        Rest.Login m = cloud.member();
        return Credentials.password(UserRef.name(m.user(), DomainRef.name(m.domain())), m.password());
    }

    private Map<String, String> exosphereMetadata() {
        // `Helpers.newServerMetadata`, member order as Exosphere sends it
        Map<String, String> m = new LinkedHashMap<>();
        m.put("exoServerVersion", "6");
        m.put("exoClientUuid", "3f0e8a52-1c2d-4e5f-9a8b-7c6d5e4f3a2b");
        m.put("exoCreatorUsername", cloud.member().user());
        m.put("exoSetup", "{\"status\":\"waiting\",\"epoch\":null}");
        m.put("exoFloatingIpOption", "automatic");
        return m;
    }

    private Server awaitStatus(ServerStatus.Known wanted) {
        Server s = await(
                "server " + serverId + " to become " + wanted,
                () -> os.compute().servers().get(serverId).execute(),
                srv -> (srv.status().is(wanted) && srv.taskState().isEmpty())
                        || srv.status().is(ServerStatus.Known.ERROR));
        assertThat(s.status().is(wanted))
                .as("status %s, fault %s", s.status(), s.fault())
                .isTrue();
        return s;
    }

    private void act(Function<ServerActionApi, Call<?>> action, ServerStatus.Known wanted) {
        action.apply(os.compute().servers().actions(serverId)).execute();
        awaitStatus(wanted);
    }

    private Volume awaitVolume(VolumeStatus.Known wanted) {
        Volume v = await(
                "volume " + volumeId + " to become " + wanted,
                () -> os.volume().volumes().get(volumeId).execute(),
                vol -> vol.status().is(wanted) || vol.status().raw().startsWith("error"));
        assertThat(v.status().is(wanted)).as("volume status %s", v.status()).isTrue();
        return v;
    }

    @Test
    @Order(1)
    void logsInWithAPasswordAndThenWithAnApplicationCredentialItCreates() {
        OpenStack byPassword = login(password());
        assertThat(byPassword.token().toString()).doesNotContain(cloud.member().password());
        ApplicationCredential ac = byPassword
                .identity()
                .createApplicationCredential(ApplicationCredentialRequest.named(prefix + "-sdk-ac"))
                .execute();
        assertThat(ac.secret()).isPresent();
        try {
            os = OpenStack.builder()
                    .authUrl(cloud.authUrl())
                    .credentials(ac.toCredentials())
                    .region(cloud.region())
                    .build();
            assertThat(os.compute().flavors().listDetail().toList()).isNotEmpty();
        } finally {
            byPassword.identity().deleteApplicationCredential(ac.id()).execute();
        }
        // the rest of the scenario runs on a password login (the credential is gone now)
        os = byPassword;
    }

    @Test
    @Order(2)
    void importsAKeypairAndFindsTheAutoAllocatedNetwork() {
        keypair = prefix + "-sdk-kp";
        Keypair kp =
                os.compute().keypairs().importKey(keypair, Keys.ED25519_PUBLIC).execute();
        assertThat(kp.name()).isEqualTo(keypair);
        assertThat(os.compute().keypairs().list().execute())
                .extracting(Keypair::name)
                .contains(keypair);

        networkId =
                os.network().autoAllocatedTopology(member.projectId()).execute().id();
        Network net = os.network().networks().get(networkId).execute();
        assertThat(net.name()).isEqualTo("auto_allocated_network");
    }

    @Test
    @Order(3)
    void launchesAnExosphereStyleServerAndReadsItBack() {
        Image image = os.image()
                .list(ImageListOptions.builder().name(cloud.imageName()).build())
                .toList()
                .get(0);
        Flavor flavor = os.compute().flavors().listDetail().stream()
                .filter(f -> f.name().equals(cloud.smallFlavorName()))
                .findFirst()
                .orElseThrow();
        ServerCreateRequest request = ServerCreateRequest.builder()
                .name(prefix + "-sdk-vm")
                .imageRef(image.id())
                .flavorRef(flavor.id())
                .keyName(keypair)
                .networks(NetworkSelection.of(ServerNetwork.network(networkId)))
                .userData("#cloud-config\nruncmd:\n  - echo sdk contract\n")
                .putAllMetadata(exosphereMetadata())
                .build();
        serverId = os.compute().servers().create(request).execute().id();

        Server s = awaitStatus(ServerStatus.Known.ACTIVE);
        assertThat(s.metadata()).isEqualTo(exosphereMetadata());
        assertThat(s.keyName()).hasValue(keypair);
        assertThat(s.flavor()).isPresent();
        assertThat(s.allAddresses()).isNotEmpty();
        assertThat(os.compute().servers().instanceActions(serverId).list())
                .extracting(a -> a.action())
                .contains("create");
        assertThat(os.compute().servers().consoleOutput(serverId, 50).execute()).isNotEmpty();
    }

    @Test
    @Order(4)
    void tagsTheServerWithAnExoPwTagThatHasSpaces() {
        String tag = "exoPw:correct horse battery staple";
        os.compute().servers().tags(serverId).add(tag).execute();
        assertThat(os.compute().servers().tags(serverId).list().execute()).contains(tag);
        assertThat(os.compute().servers().tags(serverId).exists(tag).execute()).isTrue();
        Server read = os.compute().servers().get(serverId).execute();
        assertThat(read.tags()).doesNotContain(tag); // the Server model keeps the passphrase as a Secret
        assertThat(read.passphrase().map(Secret::reveal)).contains("correct horse battery staple");
    }

    @Test
    @Order(5)
    void associatesAFloatingIpFromTheExternalNetwork() {
        Network external = os.network().networks().list(Map.of("router:external", "true")).stream()
                .filter(n -> n.name().equals(cloud.externalNetworkName()))
                .findFirst()
                .orElseThrow();
        List<Port> ports = os.network()
                .ports()
                .list(PortListOptions.builder().deviceId(serverId).build())
                .toList();
        assertThat(ports).hasSize(1);
        FloatingIp fip = os.network()
                .floatingIps()
                .create(FloatingIpCreateRequest.builder()
                        .floatingNetworkId(external.id())
                        .portId(ports.get(0).id())
                        .build())
                .execute();
        floatingIpId = fip.id();
        assertThat(fip.portId()).hasValue(ports.get(0).id());
        await(
                "floating IP in the server's addresses",
                () -> os.compute()
                        .servers()
                        .get(serverId)
                        .execute()
                        .allAddresses()
                        .toString(),
                a -> a.contains(fip.floatingIpAddress()));
    }

    @Test
    @Order(6)
    void attachesAVolumeWithTheExoVolumeTagAndDetachesIt() {
        volumeId = os.volume()
                .volumes()
                .create(VolumeCreateRequest.builder()
                        .sizeGb(1)
                        .name(prefix + "-sdk-vol")
                        .build())
                .execute()
                .id();
        awaitVolume(VolumeStatus.Known.AVAILABLE);
        String tag = "exoVolume::{\"name\":\"" + prefix + "-sdk-vol\"}";
        VolumeAttachment att = os.compute()
                .servers()
                .volumeAttachments(serverId)
                .attach(volumeId, tag)
                .execute();
        assertThat(att.volumeId()).isEqualTo(volumeId);
        awaitVolume(VolumeStatus.Known.IN_USE);
        assertThat(os.compute().servers().volumeAttachments(serverId).list().execute())
                .extracting(VolumeAttachment::tag)
                .containsExactly(java.util.Optional.of(tag));
        os.compute().servers().volumeAttachments(serverId).detach(volumeId).execute();
        awaitVolume(VolumeStatus.Known.AVAILABLE);
    }

    @Test
    @Order(7)
    void goesThroughTheLifecycleActions() {
        act(ServerActionApi::stop, ServerStatus.Known.SHUTOFF);
        act(ServerActionApi::start, ServerStatus.Known.ACTIVE);
        act(a -> a.reboot(RebootType.SOFT), ServerStatus.Known.ACTIVE);
        act(ServerActionApi::lock, ServerStatus.Known.ACTIVE);
        assertThat(os.compute().servers().get(serverId).execute().locked()).isTrue();
        act(ServerActionApi::unlock, ServerStatus.Known.ACTIVE);
        act(ServerActionApi::shelve, ServerStatus.Known.SHELVED_OFFLOADED);
        act(ServerActionApi::unshelve, ServerStatus.Known.ACTIVE);
        String resizeTo = os.compute().flavors().listDetail().stream()
                .filter(f -> f.name().equals(cloud.resizeFlavorName()))
                .findFirst()
                .orElseThrow()
                .id();
        act(a -> a.resize(resizeTo), ServerStatus.Known.VERIFY_RESIZE);
        act(ServerActionApi::confirmResize, ServerStatus.Known.ACTIVE);
    }

    @Test
    @Order(8)
    void deletesEverythingAndTheSdkReportsItGone() {
        os.network().floatingIps().delete(floatingIpId).execute();
        os.compute().servers().delete(serverId).execute();
        await(
                "server to be gone",
                () -> gone(() -> os.compute().servers().get(serverId).execute()),
                g -> g);
        os.volume().volumes().delete(volumeId).execute();
        await(
                "volume to be gone",
                () -> gone(() -> os.volume().volumes().get(volumeId).execute()),
                g -> g);
        os.compute().keypairs().delete(keypair).execute();
        Set<String> names = new TreeSet<>();
        os.compute().keypairs().list().execute().forEach(k -> names.add(k.name()));
        assertThat(names).doesNotContain(keypair);
    }

    private static boolean gone(Runnable fetch) {
        try {
            fetch.run();
            return false;
        } catch (NotFoundException e) {
            return true;
        }
    }
}
