package app.exosphere.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import app.exosphere.core.OpenStack;
import app.exosphere.core.compute.NetworkSelection;
import app.exosphere.core.compute.ServerCreateRequest;
import app.exosphere.core.compute.ServerNetwork;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.image.Image;
import app.exosphere.core.image.ImageListOptions;
import app.exosphere.core.image.ImageVisibility;
import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.Instance;
import app.exosphere.core.volume.SnapshotCreateRequest;
import app.exosphere.core.volume.VolumeCreateRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An image of a server the web app's way and volume snapshots, through {@code exosphere.images()} and
 * {@code exosphere.snapshots()}, with the answer of each create dropped after the cloud got it (client-side
 * fault, so the same scenario runs on the simulator and osbox). Counts are read from the cloud itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ImagesAndSnapshotsContract extends CloudContract {
    private final DropAnswerAfterSending fault = new DropAnswerAfterSending();
    private Exosphere exo;
    private String serverId;
    private String imageId;
    private String volumeId;
    private String snapshotId;

    /** Images whose {@code instance_uuid} is the server, as Glance lists them to the member. */
    private List<String> imagesOfServer() {
        JsonNode images = fresh().get("image", "/v2/images?instance_uuid=" + serverId)
                .expect(200)
                .path("images");
        List<String> ids = new ArrayList<>();
        images.forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    private List<String> snapshotsOfVolume() {
        return snapshotsOfVolume(fresh());
    }

    private List<String> snapshotsOfVolume(Rest.Session member) {
        JsonNode snaps = member.get("volumev3", "/snapshots").expect(200).path("snapshots");
        List<String> ids = new ArrayList<>();
        snaps.forEach(s -> {
            if (s.path("volume_id").asText().equals(volumeId)) {
                ids.add(s.path("id").asText());
            }
        });
        return ids;
    }

    /** A fresh login for each check (on the simulator's fast clock a token lasts about a wall minute). */
    private Rest.Session fresh() {
        return Rest.login(cloud.authUrl(), cloud.member()).inRegion(cloud.region());
    }

    @Test
    @Order(1)
    void launchesAServerToImage() {
        exo = connectThrough(fault);
        OpenStack os = exo.openStack();
        String image = os.image()
                .list(ImageListOptions.builder().name(cloud.imageName()).build())
                .toList()
                .get(0)
                .id();
        String flavor = os.compute().flavors().listDetail().stream()
                .filter(f -> f.name().equals(cloud.smallFlavorName()))
                .findFirst()
                .orElseThrow()
                .id();
        String network =
                os.network().autoAllocatedTopology(member.projectId()).execute().id();
        serverId = os.compute()
                .servers()
                .create(ServerCreateRequest.builder()
                        .name(prefix + "-img-vm")
                        .imageRef(image)
                        .flavorRef(flavor)
                        .networks(NetworkSelection.of(ServerNetwork.network(network)))
                        .build())
                .execute()
                .id();
        awaitServerStatus(serverId, "ACTIVE");
    }

    @Test
    @Order(2)
    void createsOneImageWithTheWebAppsMetadataAndDefaultNameEvenWhenTheAnswerIsLost() {
        Instance vm = exo.instance(serverId).execute();
        int droppedBefore = fault.dropped();
        fault.arm("POST", "/servers/[^/]+/action$");

        Image image = exo.images().createFrom(vm).execute();
        imageId = image.id();

        assertThat(fault.dropped() - droppedBefore).isEqualTo(1);
        assertThat(imagesOfServer()).containsExactly(imageId);
        assertThat(image.name()).isEqualTo(prefix + "-img-vm-image");
        JsonNode fromGlance = fresh().get("image", "/v2/images/" + imageId).expect(200);
        assertThat(fromGlance.path("from-exosphere").asText()).isEqualTo("true");
        assertThat(fromGlance.path("image_type").asText()).isEqualTo("snapshot");
        assertThat(fromGlance.path("instance_uuid").asText()).isEqualTo(serverId);
    }

    @Test
    @Order(3)
    void followsTheImageChangesItsVisibilityAndDeletesItIdempotently() {
        if (cloud.savesServerImages()) {
            Image active = exo.images().awaitActive(imageId, cloud.patience()).execute();
            assertThat(active.status().raw()).isEqualTo("active");
        }
        Image community =
                exo.images().setVisibility(imageId, ImageVisibility.COMMUNITY).execute();
        assertThat(community.visibility()).contains("community");
        assertThat(fresh().get("image", "/v2/images/" + imageId)
                        .expect(200)
                        .path("visibility")
                        .asText())
                .isEqualTo("community");

        int droppedBefore = fault.dropped();

        fault.arm("DELETE", "/v2/images/");
        exo.images().delete(imageId).execute();
        assertThat(fault.dropped() - droppedBefore).isEqualTo(1);
        assertThatCode(() -> exo.images().delete(imageId).execute()).doesNotThrowAnyException();
        exo.images().awaitDeleted(imageId, cloud.patience()).execute();
        assertThat(imagesOfServer()).isEmpty();
    }

    @Test
    @Order(4)
    void createsOneSnapshotEvenWhenTheAnswerIsLostFollowsItAndDeletesIt() {
        volumeId = exo.openStack()
                .volume()
                .volumes()
                .create(VolumeCreateRequest.builder()
                        .sizeGb(1)
                        .name(prefix + "-snap-vol")
                        .build())
                .execute()
                .id();
        awaitVolumeStatus(volumeId, "available");
        int droppedBefore = fault.dropped();
        fault.arm("POST", "/snapshots$");

        app.exosphere.core.volume.Snapshot s = exo.snapshots()
                .create(SnapshotCreateRequest.builder()
                        .volumeId(volumeId)
                        .name(prefix + "-snap")
                        .build())
                .execute();
        snapshotId = s.id();

        assertThat(fault.dropped() - droppedBefore).isEqualTo(1);
        assertThat(snapshotsOfVolume()).containsExactly(snapshotId);
        app.exosphere.core.volume.Snapshot available =
                exo.snapshots().awaitAvailable(snapshotId, cloud.patience()).execute();
        assertThat(available.status().display()).isEqualTo("Available");
        assertThat(exo.snapshots().listOf(volumeId).execute())
                .extracting(app.exosphere.core.volume.Snapshot::id)
                .containsExactly(snapshotId);

        exo.snapshots().delete(snapshotId).execute();
        assertThatCode(() -> exo.snapshots().delete(snapshotId).execute()).doesNotThrowAnyException();
        exo.snapshots().awaitDeleted(snapshotId, cloud.patience()).execute();
        assertThat(snapshotsOfVolume()).isEmpty();
    }

    @AfterAll
    void cleanUp() {
        Rest.Session member = Rest.login(cloud.authUrl(), cloud.member()).inRegion(cloud.region());
        // before the leak check (CloudContract's @AfterAll runs after this subclass's)
        if (snapshotId != null) {
            member.delete("volumev3", "/snapshots/" + snapshotId);
        }
        if (imageId != null) {
            member.delete("image", "/v2/images/" + imageId);
        }
        if (volumeId != null) {
            await("snapshot to go", () -> snapshotsOfVolume(member).isEmpty(), g -> g);
            member.delete("volumev3", "/volumes/" + volumeId);
            await(
                    "volume to go",
                    () -> member.get("volumev3", "/volumes/" + volumeId).status(),
                    st -> st == 404);
        }
        if (serverId != null) {
            member.delete("compute", "/servers/" + serverId);
            await(
                    "server to go",
                    () -> member.get("compute", "/servers/" + serverId).status(),
                    st -> st == 404);
        }
        if (exo != null) {
            exo.close();
        }
    }

    static boolean gone(Runnable fetch) {
        try {
            fetch.run();
            return false;
        } catch (NotFoundException e) {
            return true;
        }
    }
}
