package app.exosphere.core.volume;

import static app.exosphere.core.FakeCloud.body;
import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.FakeCloud;
import app.exosphere.core.Samples;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SnapshotClientTest {
    private final FakeCloud cloud = new FakeCloud();
    private final VolumeClient cinder = cloud.openStack().volume();

    @AfterEach
    void close() {
        cloud.close();
    }

    @Test
    void listsTheSummaryListTheWebAppReadsAndDecodesTheSample() {
        cloud.replySample(200, "cinder/snapshots__snapshots-list-response.json");
        List<Snapshot> all = cinder.snapshots().list().toList();
        assertThat(all).hasSize(1);
        Snapshot s = all.get(0);
        assertThat(s.id()).isEqualTo("2c228773-50eb-422d-be7e-b5c6ced0c7a9");
        assertThat(s.name()).contains("snap-001");
        assertThat(s.description()).contains("Daily backup");
        assertThat(s.sizeGb()).isEqualTo(10);
        assertThat(s.status().is(SnapshotStatus.Known.CREATING)).isTrue();
        assertThat(s.status().isTransitioning()).isTrue();
        assertThat(s.status().display()).isEqualTo("Creating");
        assertThat(s.createdAt()).contains(Instant.parse("2019-03-11T16:29:08.973832Z")); // zone-less is UTC
        assertThat(s.belongsTo("428ec041-b999-40d8-8a54-9e98b19406cc")).isTrue();
        assertThat(s.metadata()).containsEntry("key", "v3");
        RecordedRequest r = cloud.take();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/volume/v3/snapshots");
        assertThat(r.getHeaders().get("OpenStack-API-Version")).isEqualTo("volume 3.71");
    }

    @Test
    void decodesTheDetailedListSampleOfMicroversion365() {
        cloud.replySample(200, "cinder/snapshots__v3.65__snapshots-list-detailed-response.json");
        Snapshot s = cinder.snapshots().listDetailed().toList().get(0);
        assertThat(s.volumeId()).isEqualTo("7acd675e-4e06-4653-af9f-2ecd546342d6");
        assertThat(cloud.take().getUrl().encodedPath()).isEqualTo("/volume/v3/snapshots/detail");
    }

    @Test
    void createsASnapshotWithTheSampleRequestsMembers() throws Exception {
        cloud.replySample(202, "cinder/snapshots__snapshot-create-response.json");
        Snapshot s = cinder.snapshots()
                .create(SnapshotCreateRequest.builder()
                        .volumeId("5aa119a8-d25b-45a7-8d1b-88e127885635")
                        .name("snap-001")
                        .description("Daily backup")
                        .force(true)
                        .metadata(Map.of("key", "v3"))
                        .build())
                .execute();
        assertThat(s.id()).isEqualTo("b36476e5-d18b-47f9-ac69-4818cb43ee21");
        RecordedRequest r = cloud.take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/volume/v3/snapshots");
        ObjectNode sent = (ObjectNode) ServiceJson.mapper().readTree(body(r));
        assertThat(sent).isEqualTo(Samples.json("cinder/snapshots__snapshot-create-request.json"));
    }

    @Test
    void getsAndDeletesASnapshot() {
        cloud.replySample(200, "cinder/snapshots__snapshot-show-response.json").replyEmpty(202);
        assertThat(cinder.snapshots().get("4a584cae").execute().status().raw()).isEqualTo("creating");
        cinder.snapshots().delete("4a584cae").execute();
        assertThat(cloud.take().getUrl().encodedPath()).isEqualTo("/volume/v3/snapshots/4a584cae");
        RecordedRequest d = cloud.take();
        assertThat(d.getMethod()).isEqualTo("DELETE");
        assertThat(d.getUrl().encodedPath()).isEqualTo("/volume/v3/snapshots/4a584cae");
    }

    @Test
    void keepsAStatusTheWebAppWouldRejectInsteadOfFailingTheWholeList() {
        ObjectNode page = (ObjectNode) Samples.json("cinder/snapshots__snapshots-list-response.json");
        ((ObjectNode) page.get("snapshots").get(0)).put("status", "unmanage_starting");
        cloud.reply(200, page.toString());
        Snapshot s = cinder.snapshots().list().toList().get(0);
        assertThat(s.status().known()).isEmpty();
        assertThat(s.status().display()).isEqualTo("unmanage_starting");
        assertThat(s.status().isDeletable()).isTrue();
    }

    @Test
    void mapsEveryStatusTheWebAppKnowsToItsLabelAndDeleteButton() {
        assertThat(SnapshotStatus.of("backing-up").display()).isEqualTo("Backing Up");
        assertThat(SnapshotStatus.of("error_deleting").display()).isEqualTo("Error Deleting");
        assertThat(SnapshotStatus.of("deleting").isDeletable()).isFalse();
        assertThat(SnapshotStatus.of("deleted").isDeletable()).isFalse();
        assertThat(SnapshotStatus.of("error").isDeletable()).isTrue();
        assertThat(SnapshotStatus.of("restoring").isTransitioning()).isTrue();
        assertThat(SnapshotStatus.of("available").isTransitioning()).isFalse();
        assertThat(SnapshotStatus.of(SnapshotStatus.Known.BACKING_UP).raw()).isEqualTo("backing-up");
    }
}
