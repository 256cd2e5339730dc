package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.SecretUrl;
import app.exosphere.core.compute.VolumeAttachment;
import app.exosphere.core.error.InvalidLaunchRequestException;
import app.exosphere.core.http.Call;
import app.exosphere.core.network.FloatingIp;
import app.exosphere.core.network.FloatingIpCreateRequest;
import app.exosphere.core.network.Network;
import app.exosphere.core.rules.FloatingIpChoice;
import app.exosphere.core.rules.Interaction;
import app.exosphere.core.rules.Interactions;
import app.exosphere.core.volume.Volume;
import app.exosphere.core.volume.VolumeCreateRequest;
import app.exosphere.testkit.CloudCredentials;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.JournalEntry;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.Service;
import app.exosphere.testkit.SimulatedClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Day-two operations on an instance (volumes, rename, delete, interactions) against the simulated cloud,
 * asserting the exact calls in the simulator's request journal.
 */
class InstanceOperationsEndToEndTest {

    private CloudSimulator cloud;
    private Exosphere exo;

    @BeforeEach
    void start() {
        cloud = CloudSimulator.builder()
                .scenario(Scenario.jetstream2())
                .clock(SimulatedClock.accelerated(Instant.parse("2024-01-01T00:00:00Z"), 60))
                .seed(11)
                .start();
        CloudCredentials c = cloud.credentials();
        Clock clock = SimulatedCloudEndToEndTest.clockOf(cloud.clock());
        OpenStack os = OpenStack.builder()
                .authUrl(c.authUrl())
                .credentials(
                        Credentials.applicationCredential(c.applicationCredentialId(), c.applicationCredentialSecret()))
                .region("IU")
                .httpClient(cloud.newHttpClient())
                .clock(clock)
                .build();
        exo = Exosphere.builder()
                .openStack(os)
                .settings(ExosphereSettings.builder()
                        .clientUuid("3f0e8a52-1c2d-4e5f-9a8b-7c6d5e4f3a2b")
                        .uapHostname(cloud.uapHostname("IU").orElseThrow())
                        .pollInterval(Duration.ofMillis(100))
                        .build())
                .clock(clock)
                .build();
    }

    @AfterEach
    void stop() {
        exo.close();
        cloud.close();
    }

    private Instance readyInstance(String name) {
        return readyInstance(name, FloatingIpChoice.automatic());
    }

    private Instance readyInstance(String name, FloatingIpChoice fip) {
        Instance vm = exo.launch(LaunchRequest.builder()
                        .name(name)
                        .image(ImageChoice.name("Featured-Ubuntu24"))
                        .flavor(FlavorChoice.name("m3.small"))
                        .floatingIp(fip)
                        .build())
                .execute();
        return vm.watch().awaitReady(Duration.ofSeconds(60)).refresh().execute();
    }

    private Volume availableVolume(String name) {
        Volume v = exo.openStack()
                .volume()
                .volumes()
                .create(VolumeCreateRequest.builder()
                        .name(Optional.ofNullable(name))
                        .sizeGb(10)
                        .build())
                .execute();
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            Volume now = exo.openStack().volume().volumes().get(v.id()).execute();
            if (now.status().raw().equals("available")) {
                return now;
            }
            pause();
        }
        throw new AssertionError("volume never became available");
    }

    private List<JournalEntry> calls(Service service, String method, String pathRegex) {
        return cloud.journal().entries(service).stream()
                .filter(e -> e.method().equals(method) && e.path().matches(pathRegex))
                .toList();
    }

    @Test
    void attachVolumeTagsTheAttachmentWithExoVolumeNameAndAVersion6ServerGetsNoExoVolumesMetadata() {
        Instance vm = readyInstance("vols");
        Volume data = availableVolume("data set#1");

        VolumeAttachment a = vm.attachVolume(data).execute();

        List<JournalEntry> attach = calls(Service.COMPUTE, "POST", ".*/servers/" + vm.id() + "/os-volume_attachments");
        assertThat(attach).hasSize(1);
        assertThat(attach.get(0).status()).isEqualTo(200);
        // Exosphere's `ServerVolumes.requestAttachVolume`: device tag on every attach
        assertThat(attach.get(0).requestBody())
                .contains("\"volumeId\":\"" + data.id() + "\"")
                .contains("\"tag\":\"exoVolume::{\\\"name\\\":\\\"data set#1\\\"}\"");
        assertThat(a.volumeId()).isEqualTo(data.id());
        assertThat(calls(Service.COMPUTE, "POST", ".*/servers/" + vm.id() + "/metadata"))
                .noneMatch(e -> e.requestBody().contains("exoVolumes::"));
        assertThat(cloud.server(vm.id()).orElseThrow().metadata()).doesNotContainKey("exoVolumes::" + data.id());
    }

    @Test
    void volumesListsTheAttachmentWithItsSanitizedNameMountpointOnAVersion6Server() {
        Instance vm = readyInstance("mounts");
        Volume data = availableVolume("data set#1");
        vm.attachVolume(data).execute();

        Map<VolumeAttachment, Optional<String>> volumes =
                vm.refresh().execute().fetchVolumes().execute();

        assertThat(volumes).hasSize(1);
        Map.Entry<VolumeAttachment, Optional<String>> e =
                volumes.entrySet().iterator().next();
        assertThat(e.getKey().volumeId()).isEqualTo(data.id());
        assertThat(e.getKey().device()).contains("/dev/sdb");
        // Exosphere's `GetterSetters.volNameToMountpoint`: version >= 5 → /media/volume/ + name with \W+ replaced by
        // "-"
        assertThat(e.getValue()).contains("/media/volume/data-set-1");
    }

    @Test
    void anUnnamedVolumeOnAVersion6ServerHasNoDisplayedMountpointLikeTheWebApp() {
        Instance vm = readyInstance("unnamed");
        Volume unnamed = availableVolume(null);
        assertThat(unnamed.nameIfSet()).isEmpty();
        vm.attachVolume(unnamed).execute();

        Map<VolumeAttachment, Optional<String>> volumes =
                vm.refresh().execute().fetchVolumes().execute();

        // Page.ServerDetail: "Could not determine", never the device-based /media/volume/sdb
        assertThat(volumes.values()).containsExactly(Optional.empty());
        assertThat(vm.mountpoint("", "/dev/sdb")).contains("/media/volume/");
    }

    @Test
    void mountpointFollowsTheServerVersion() {
        Instance v6 = readyInstance("mp");
        assertThat(v6.mountpoint("my vol", "/dev/sdc")).contains("/media/volume/my-vol");

        exo.openStack()
                .compute()
                .servers()
                .metadata(v6.id())
                .update(Map.of("exoServerVersion", "4"))
                .execute();
        Instance v4 = exo.instance(v6.id()).execute();
        // Exosphere's `GetterSetters.volDeviceToMountpoint`: before version 5 the mountpoint comes from the device name
        assertThat(v4.mountpoint("my vol", "/dev/sdc")).contains("/media/volume/sdc");
        assertThat(v4.mountpoint("my vol", null)).isEmpty();
    }

    @Test
    void aVersion5ServerAlsoGetsExoVolumesMetadataOnAttachAndLosesItOnDetach() {
        Instance vm = readyInstance("v5");
        exo.openStack()
                .compute()
                .servers()
                .metadata(vm.id())
                .update(Map.of("exoServerVersion", "5"))
                .execute();
        Instance v5 = exo.instance(vm.id()).execute();
        Volume data = availableVolume("scratch");

        v5.attachVolume(data).execute();

        String key = "exoVolumes::" + data.id();
        // Exosphere's `Rest.Nova.requestSetServerMetadata`: metadata only for version-5 servers, value {"name":"<volume
        // name>"}
        assertThat(cloud.server(vm.id()).orElseThrow().metadata()).containsEntry(key, "{\"name\":\"scratch\"}");
        assertThat(calls(Service.COMPUTE, "POST", ".*/servers/" + vm.id() + "/os-volume_attachments")
                        .get(0)
                        .requestBody())
                .contains("exoVolume::");

        exo.instance(vm.id()).execute().detachVolume(data.id()).execute();

        assertThat(calls(Service.COMPUTE, "DELETE", ".*/servers/" + vm.id() + "/os-volume_attachments/" + data.id()))
                .hasSize(1);
        assertThat(calls(Service.COMPUTE, "DELETE", ".*/servers/" + vm.id() + "/metadata/exoVolumes::" + data.id()))
                .hasSize(1);
        assertThat(cloud.server(vm.id()).orElseThrow().metadata()).doesNotContainKey(key);
        assertThat(exo.instance(vm.id()).execute().fetchVolumes().execute()).isEmpty();
    }

    @Test
    void detachVolumeOnAVersion6ServerOnlyDetaches() {
        Instance vm = readyInstance("det");
        Volume data = availableVolume("d");
        vm.attachVolume(data).execute();

        vm.refresh().execute().detachVolume(data.id()).execute();

        assertThat(calls(Service.COMPUTE, "DELETE", ".*/servers/" + vm.id() + "/os-volume_attachments/" + data.id()))
                .hasSize(1);
        assertThat(calls(Service.COMPUTE, "DELETE", ".*/servers/" + vm.id() + "/metadata/.*"))
                .isEmpty();
        assertThat(vm.fetchVolumes().execute()).isEmpty();
    }

    @Test
    void aVolumeNameTooLongForANovaDeviceTagIsAttachedWithoutATag() {
        Instance vm = readyInstance("long");
        Volume data = availableVolume("a-volume-name-that-is-far-too-long-for-a-device-tag");

        vm.attachVolume(data).execute();

        JournalEntry attach = calls(Service.COMPUTE, "POST", ".*/servers/" + vm.id() + "/os-volume_attachments")
                .get(0);
        assertThat(attach.status()).isEqualTo(200);
        assertThat(attach.requestBody()).doesNotContain("\"tag\"");
    }

    @Test
    void howToMountFormatsOnlyAnUnformattedDiskAndMountsUnderTheSanitizedName() {
        String script = Instance.howToMount("/dev/sdb", "my data");

        assertThat(script)
                .contains("sudo blkid /dev/sdb || sudo mkfs.ext4 /dev/sdb")
                .contains("sudo mkdir -p /media/volume/my-data")
                .contains("sudo mount /dev/sdb /media/volume/my-data")
                .contains("/dev/sdb /media/volume/my-data ext4 defaults,nofail 0 2");
        assertThat(Instance.howToMount("/dev/sdc", null)).contains("/media/volume/volume");
    }

    @Test
    void renameSendsTheNewNameAndHostnameToNovaAndRejectsAnInvalidNameBeforeAnyCall() {
        Instance vm = readyInstance("old-name");

        vm.rename("new-name").execute();

        List<JournalEntry> puts = calls(Service.COMPUTE, "PUT", ".*/servers/" + vm.id());
        assertThat(puts).hasSize(2); // the name, then (compute 2.90) the hostname, as the web app renames
        assertThat(puts.get(0).requestBody()).contains("\"name\":\"new-name\"");
        assertThat(puts.get(1).requestBody()).isEqualTo("{\"server\":{\"hostname\":\"new-name\"}}");
        assertThat(cloud.server(vm.id()).orElseThrow().name()).isEqualTo("new-name");
        assertThat(vm.refresh().execute().name()).isEqualTo("new-name");

        int before = cloud.journal().size();
        assertThatThrownBy(() -> vm.rename("bad name!").execute()).isInstanceOf(InvalidLaunchRequestException.class);
        assertThat(cloud.journal().size()).isEqualTo(before);
    }

    @Test
    void deleteReleasesTheFloatingIpTheSdkCreatedAndWaitsUntilTheServerIsGone() {
        Instance vm = readyInstance("gone");
        FloatingIp created = vm.fetchFloatingIps().execute().get(0);

        vm.delete(true, Duration.ofSeconds(120)).execute();

        assertThat(calls(Service.NETWORK, "DELETE", ".*/floatingips/" + created.id()))
                .hasSize(1);
        assertThat(cloud.server(vm.id())).isEmpty();
        assertThat(exo.list().execute()).noneMatch(i -> i.id().equals(vm.id()));
    }

    @Test
    void operationsSendNothingUntilExecutedAndTheirAsynchronousFormSendsTheSameRequests() throws Exception {
        Instance vm = readyInstance("lazy");
        int before = cloud.journal().size();

        Call<Void> stop = vm.stop();
        Call<Interactions> interactions = vm.fetchInteractions();
        Call<Void> delete = vm.delete(true, Duration.ofSeconds(120));
        assertThat(cloud.journal().size()).isEqualTo(before);

        Interactions blocking = interactions.execute();
        Interactions async = interactions.executeAsync().get(60, TimeUnit.SECONDS);
        assertThat(async.all().keySet()).isEqualTo(blocking.all().keySet());
        assertThat(async.status(Interaction.NATIVE_SSH).value())
                .isEqualTo(blocking.status(Interaction.NATIVE_SSH).value());

        stop.executeAsync().get(60, TimeUnit.SECONDS);
        // the instance's watch keeps reading the console log (POST …/action too): count the stops only
        assertThat(calls(Service.COMPUTE, "POST", ".*/servers/" + vm.id() + "/action"))
                .extracting(JournalEntry::requestBody)
                .filteredOn(body -> body.contains("os-stop"))
                .hasSize(1);
        assertThat(cloud.server(vm.id()))
                .as("the delete call was built, never executed")
                .isPresent();
        assertThat(calls(Service.COMPUTE, "DELETE", ".*/servers/" + vm.id())).isEmpty();
    }

    @Test
    void deleteInItsAsynchronousFormReleasesTheCreatedFloatingIpAndTheServer() throws Exception {
        Instance vm = readyInstance("gone-async");
        FloatingIp created = vm.fetchFloatingIps().execute().get(0);

        vm.delete(true, Duration.ofSeconds(120)).executeAsync().get(60, TimeUnit.SECONDS);

        assertThat(calls(Service.NETWORK, "DELETE", ".*/floatingips/" + created.id()))
                .hasSize(1);
        assertThat(cloud.server(vm.id())).isEmpty();
    }

    @Test
    void launchLaunchesOneInstanceAndRefusesARequestForSeveralBeforeAnyCall() {
        LaunchRequest three = LaunchRequest.builder()
                .name("many")
                .image(ImageChoice.name("Featured-Ubuntu24"))
                .flavor(FlavorChoice.name("m3.small"))
                .count(3)
                .build();
        int before = cloud.journal().size();

        assertThatThrownBy(() -> exo.launch(three).execute())
                .isInstanceOf(InvalidLaunchRequestException.class)
                .hasMessageContaining("launchAll");
        assertThatThrownBy(() -> exo.instances().launch(three).execute())
                .isInstanceOf(InvalidLaunchRequestException.class);
        assertThat(cloud.journal().size()).isEqualTo(before);
        assertThat(cloud.servers()).isEmpty();
    }

    @Test
    void deleteKeepsAFloatingIpTheSdkDidNotCreate() {
        Network ext = exo.openStack().network().networks().list().stream()
                .filter(Network::external)
                .findFirst()
                .orElseThrow();
        FloatingIp mine = exo.openStack()
                .network()
                .floatingIps()
                .create(FloatingIpCreateRequest.onNetwork(ext.id()))
                .execute();
        Instance vm = readyInstance("keep", FloatingIpChoice.useExisting(mine.id()));
        assertThat(vm.fetchFloatingIps().execute()).extracting(FloatingIp::id).containsExactly(mine.id());

        vm.delete(true, Duration.ofSeconds(120)).execute();

        assertThat(calls(Service.NETWORK, "DELETE", ".*/floatingips/.*")).isEmpty();
        assertThat(exo.openStack()
                        .network()
                        .floatingIps()
                        .get(mine.id())
                        .execute()
                        .floatingIpAddress())
                .isEqualTo(mine.floatingIpAddress());
    }

    @Test
    void deleteWithoutReleaseKeepsEvenTheSdkCreatedFloatingIp() {
        Instance vm = readyInstance("retain");
        FloatingIp created = vm.fetchFloatingIps().execute().get(0);

        vm.delete(false, null).execute();

        assertThat(calls(Service.NETWORK, "DELETE", ".*/floatingips/.*")).isEmpty();
        assertThat(calls(Service.COMPUTE, "DELETE", ".*/servers/" + vm.id())).hasSize(1);
        assertThat(exo.openStack()
                        .network()
                        .floatingIps()
                        .get(created.id())
                        .execute()
                        .id())
                .isEqualTo(created.id());
    }

    @Test
    void interactionsOfAReadyInstanceOfferSshAndWebShellThroughTheUapAndTheyStopOnceStopped() {
        Instance vm = readyInstance("talk");
        String fip = vm.fetchFloatingIps().execute().get(0).floatingIpAddress();

        Interactions ready = vm.fetchInteractions().execute();

        assertThat(ready.status(Interaction.NATIVE_SSH).value()).contains(SecretUrl.of("exouser@" + fip));
        // Exosphere's `Helpers.Url.buildProxyUrl`: http-<ip with dashes>-49528.<uap hostname>
        assertThat(ready.status(Interaction.WEB_SHELL).value().orElseThrow().toUriString())
                .startsWith("https://http-" + fip.replace('.', '-') + "-49528."
                        + cloud.uapHostname("IU").orElseThrow());

        vm.stop().execute();
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Instance stopped = vm.refresh().execute();
        while (!stopped.server().status().raw().equals("SHUTOFF") && System.nanoTime() < until) {
            pause();
            stopped = vm.refresh().execute();
        }
        Interactions off = stopped.fetchInteractions().execute();
        assertThat(off.status(Interaction.WEB_SHELL).value()).isEmpty();
        assertThat(off.status(Interaction.NATIVE_SSH).value()).isEmpty();
    }

    /** Test-side pacing between re-reads of the simulated cloud (not SDK logic). */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
