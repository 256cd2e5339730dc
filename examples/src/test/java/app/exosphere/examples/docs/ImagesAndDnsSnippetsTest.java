package app.exosphere.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.dns.RecordSet;
import app.exosphere.core.image.Image;
import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.Instance;
import app.exosphere.core.instance.LaunchRequest;
import app.exosphere.core.network.FloatingIp;
import app.exosphere.core.volume.Snapshot;
import app.exosphere.core.volume.Volume;
import app.exosphere.core.volume.VolumeCreateRequest;
import app.exosphere.examples.SimulatedSession;
import app.exosphere.testkit.CloudSimulator;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** docs/images-and-dns.md: its snippets, run on the simulated cloud, do what the guide says. */
class ImagesAndDnsSnippetsTest {
    @RegisterExtension
    static final SimulatedSession simulated = new SimulatedSession();

    static CloudSimulator cloud;
    static Instance instance;

    @BeforeAll
    static void start() {
        cloud = simulated.session().simulator().orElseThrow();
        Exosphere exo = simulated.session().exosphere();
        Instance launched =
                exo.launch(LaunchRequest.builder().name("docs vm").build()).execute();
        simulated.session().waitUntilReady(launched.id(), Duration.ofMinutes(30), p -> {});
        instance = exo.instance(launched.id()).execute();
    }

    @Test
    void imageSnippetsCreateOneCommunityImageAndDeleteIt() {
        ImagesAndDnsSnippets guide = new ImagesAndDnsSnippets();
        Image image = guide.imageOf(simulated.session().exosphere(), instance);
        assertThat(image.name()).isEqualTo("docs vm-image");
        assertThat(cloud.imageState(image.id())).contains("active/community");
        guide.deleteImage(simulated.session().exosphere(), image.id());
        assertThat(cloud.imageState(image.id())).isEmpty();
    }

    @Test
    void snapshotSnippetCreatesOneAndListsItAvailable() {
        Volume v = simulated
                .session()
                .exosphere()
                .openStack()
                .volume()
                .volumes()
                .create(VolumeCreateRequest.builder().name("docs-vol").sizeGb(2).build())
                .execute();
        cloud.advance(Duration.ofSeconds(10));
        ImagesAndDnsSnippets guide = new ImagesAndDnsSnippets();
        int before = cloud.snapshotCount();
        Snapshot s = guide.snapshotOf(simulated.session().exosphere(), v.id());
        assertThat(cloud.snapshotCount()).isEqualTo(before + 1);
        assertThat(guide.printed).containsExactly("before-upgrade 2 GB Available");
        simulated.session().exosphere().snapshots().delete(s.id()).execute();
    }

    @Test
    void volumesSnippetCreatesOneBlankVolumeRenamesItAndRefusesToDeleteAnAttachedOne() {
        Exosphere exo = simulated.session().exosphere();
        Volume attached = exo.volumes().create("docs-attached", 1).execute();
        cloud.advance(Duration.ofSeconds(10));
        instance.attachVolume(attached).execute();
        cloud.advance(Duration.ofSeconds(10));
        ImagesAndDnsSnippets guide = new ImagesAndDnsSnippets();

        Volume data = guide.volumes(exo, attached.id());

        assertThat(cloud.volumesNamed("results")).isEmpty();
        assertThat(cloud.volumesNamed("results-2024")).hasSize(1);
        assertThat(exo.openStack().volume().volumes().get(data.id()).execute().sizeGb())
                .isEqualTo(100);
        assertThat(guide.printed)
                .singleElement()
                .asString()
                .contains("is attached to instance " + instance.id())
                .contains("It cannot be deleted before the instance is deleted.");
        assertThat(cloud.volumesNamed("docs-attached")).hasSize(1);
        instance.detachVolume(attached.id()).execute();
    }

    @Test
    void hostnameSnippetCreatesTheWebAppsRecordAndShowsIt() {
        String ip = instance.fetchFloatingIps().execute().stream()
                .map(FloatingIp::floatingIpAddress)
                .findFirst()
                .orElseThrow();
        ImagesAndDnsSnippets guide = new ImagesAndDnsSnippets();
        RecordSet rs = guide.hostnameOf(simulated.session().exosphere(), instance, ip);
        assertThat(rs.name()).isEqualTo("docs-vm.tra000001.projects.simulated.test.");
        assertThat(guide.printed)
                .containsExactly(
                        "zone tra000001.projects.simulated.test.",
                        "hostname docs-vm",
                        "docs-vm.tra000001.projects.simulated.test");
        simulated.session().exosphere().hostnames().deleteFor(ip).execute();
    }

    @Test
    void renameSnippetRecreatesTheHostnameAndShelveReleasesTheFloatingIpWithIt() {
        Exosphere exo = simulated.session().exosphere();
        Instance launched =
                exo.launch(LaunchRequest.builder().name("docs rename").build()).execute();
        simulated.session().waitUntilReady(launched.id(), Duration.ofMinutes(30), p -> {});
        Instance vm = exo.instance(launched.id()).execute();
        String ip = vm.fetchFloatingIps().execute().stream()
                .map(FloatingIp::floatingIpAddress)
                .findFirst()
                .orElseThrow();
        ImagesAndDnsSnippets guide = new ImagesAndDnsSnippets();

        guide.renameAndShelve(vm);
        cloud.advance(Duration.ofSeconds(30));

        assertThat(guide.printed)
                .contains("hostname in Nova analysis-2", "created analysis-2.tra000001.projects.simulated.test")
                .noneMatch(line -> line.startsWith("not done"));
        assertThat(cloud.recordSetsHolding(ip)).isEmpty();
        assertThat(cloud.floatingIpCountOf(vm.id())).isZero();
    }
}
