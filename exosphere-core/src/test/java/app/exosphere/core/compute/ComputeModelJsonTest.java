package app.exosphere.core.compute;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.Samples;
import app.exosphere.core.auth.Secret;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComputeModelJsonTest {

    private static <T> List<T> list(String sample, String member, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (JsonNode n : Samples.json(sample).get(member)) {
            out.add(ServiceJson.convert(n, type));
        }
        return out;
    }

    @Test
    void parsesFlavorsDetailBaseAndLatestWithExtraSpecs() {
        List<Flavor> base = list("nova/flavors__flavors-detail-resp.json", "flavors", Flavor.class);
        List<Flavor> latest = list("nova/flavors__v2.102__flavors-detail-resp.json", "flavors", Flavor.class);
        assertThat(base).isNotEmpty();
        assertThat(latest)
                .extracting(Flavor::id)
                .containsAll(base.stream().map(Flavor::id).toList());
        Flavor tiny = latest.get(0);
        assertThat(tiny.name()).isEqualTo("m1.tiny");
        assertThat(tiny.vcpus()).isEqualTo(1);
        assertThat(tiny.ramMb()).isEqualTo(512);
        assertThat(tiny.diskGb()).isEqualTo(1);
        assertThat(tiny.isPublic()).isTrue();
        assertThat(latest).anySatisfy(f -> assertThat(f.extraSpecs()).isNotEmpty());
    }

    @Test
    void parsesKeypairsListGetAndGeneratedPrivateKeyRedacted() {
        JsonNode wrapped = Samples.json("nova/os-keypairs__keypairs-list-resp.json")
                .get("keypairs")
                .get(0);
        Keypair k = ServiceJson.convert(wrapped.get("keypair"), Keypair.class);
        assertThat(k.name()).startsWith("keypair-");
        assertThat(k.fingerprint()).isPresent();
        Keypair got = Samples.read("nova/os-keypairs__v2.10__keypairs-get-resp.json", "keypair", Keypair.class);
        assertThat(got.type()).contains("ssh");
        Keypair generated = Samples.read("nova/os-keypairs__keypairs-post-resp.json", "keypair", Keypair.class);
        assertThat(generated.privateKey()).isPresent();
        assertThat(generated.toString()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void parsesLimitsIntoQuotaUsages() {
        ComputeLimits l = Samples.read("nova/limits__limit-get-resp.json", "limits", ComputeLimits.class);
        assertThat(l.cores().limit()).isEqualTo(20);
        assertThat(l.instances().limit()).isEqualTo(10);
        assertThat(l.ramMb().limit()).isEqualTo(51200);
        assertThat(l.maxKeypairs()).isEqualTo(100);
        ComputeLimits latest = Samples.read("nova/limits__v2.57__limit-get-resp.json", "limits", ComputeLimits.class);
        assertThat(latest.cores().remaining()).contains(20L);
    }

    @Test
    void parsesAvailabilityZonesConsolesActionsAttachmentsAndServerGroups() {
        assertThat(list(
                        "nova/os-availability-zone__availability-zone-list-resp.json",
                        "availabilityZoneInfo",
                        AvailabilityZone.class))
                .anySatisfy(z -> assertThat(z.available()).isTrue());
        RemoteConsole c = Samples.read(
                "nova/os-remote-consoles__v2.6__create-vnc-console-resp.json", "remote_console", RemoteConsole.class);
        assertThat(c.protocol()).contains("vnc");
        assertThat(c.type()).contains("novnc");
        assertThat(c.url().toUriString()).startsWith("http");
        assertThat(c.toString()).doesNotContain(c.url().toUriString());
        RemoteConsole legacy =
                Samples.read("nova/os-remote-consoles__get-vnc-console-post-resp.json", "console", RemoteConsole.class);
        assertThat(legacy.type()).contains("novnc");
        List<InstanceAction> actions = list(
                "nova/os-instance-actions__v2.84__instance-actions-list-resp.json",
                "instanceActions",
                InstanceAction.class);
        assertThat(actions)
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.requestId()).isNotBlank());
        InstanceAction detail = Samples.read(
                "nova/os-instance-actions__v2.84__instance-action-get-resp.json",
                "instanceAction",
                InstanceAction.class);
        assertThat(detail.events()).isNotEmpty();
        List<VolumeAttachment> atts = list(
                "nova/os-volume_attachments__v2.101__list-volume-attachments-resp.json",
                "volumeAttachments",
                VolumeAttachment.class);
        assertThat(atts).extracting(a -> a.tag().orElse(null)).containsExactly(null, "foo");
        assertThat(atts.get(0).attachmentId()).contains("979ce4f8-033a-409d-85e6-6b5c0f6a6302");
        List<ServerSecurityGroup> groups = list(
                "nova/os-security-groups__server-security-groups-list-resp.json",
                "security_groups",
                ServerSecurityGroup.class);
        assertThat(groups).extracting(ServerSecurityGroup::name).containsExactly("default");
    }

    @Test
    void parsesEveryServerSampleFromListsAndDetails() {
        for (String sample : new String[] {
            "nova/servers__servers-details-resp.json",
            "nova/servers__v2.100__servers-details-resp.json",
            "nova/servers__v2.66__servers-details-with-changes-before.json",
            "nova/os-server-tags__v2.26__servers-tags-details-resp.json"
        }) {
            assertThat(list(sample, "servers", Server.class)).as(sample).isNotEmpty();
        }
        Server rescued = Samples.read("nova/os-rescue__v2.87__server-get-resp-rescue.json", "server", Server.class);
        assertThat(rescued.status().is(ServerStatus.Known.RESCUE)).isTrue();
        Server tagged =
                Samples.read("nova/os-server-tags__v2.26__server-tags-show-details-resp.json", "server", Server.class);
        assertThat(tagged.tags()).isNotEmpty();
        CreatedServer created = Samples.read("nova/servers__server-create-resp.json", "server", CreatedServer.class);
        assertThat(created.id()).isEqualTo("f5dc173b-6804-445a-a6d8-c705dad5b5eb");
        assertThat(created.adminPass().map(Secret::reveal)).contains("6NpUwoz2QDRN");
        assertThat(created.toString()).doesNotContain("6NpUwoz2QDRN");
    }
}
