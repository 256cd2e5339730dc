package app.exosphere.core.compute;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.Samples;
import app.exosphere.core.internal.json.ServiceJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServerJsonTest {

    @Test
    void parsesBaseServerSampleWithFlavorIdAndImageId() {
        Server s = Samples.read("nova/servers__server-get-resp.json", "server", Server.class);
        assertThat(s.id()).isNotBlank();
        assertThat(s.status().is(ServerStatus.Known.ACTIVE)).isTrue();
        assertThat(s.flavor().flatMap(ServerFlavor::id)).contains("1");
        assertThat(s.image().id()).contains("70a599e0-31e7-49b7-b260-868f441e862b");
        assertThat(s.powerState())
                .map(PowerState::known)
                .get()
                .isEqualTo(java.util.Optional.of(PowerState.Known.RUNNING));
        assertThat(s.createdAt()).contains(Instant.parse("2013-09-03T04:01:32Z"));
    }

    @Test
    void parsesHighestMicroversionServerSample() {
        Server s = Samples.read("nova/servers__v2.100__server-get-resp.json", "server", Server.class);
        assertThat(s.flavor().flatMap(ServerFlavor::id)).isEmpty();
        assertThat(s.flavor().flatMap(ServerFlavor::originalName)).contains("m1.tiny");
        assertThat(s.flavor().flatMap(ServerFlavor::vcpus)).contains(1);
        assertThat(s.image().properties()).containsEntry("architecture", "x86_64");
        assertThat(s.locked()).isFalse();
        assertThat(s.lockedReason()).isEmpty();
        assertThat(s.tags()).isEmpty();
        assertThat(s.metadata()).containsEntry("My Server Name", "Apache1");
        assertThat(s.volumesAttached()).extracting(AttachedVolume::id).containsExactly("volume_id1", "volume_id2");
        assertThat(s.securityGroups()).containsExactly(NamedSecurityGroup.of("default"));
        assertThat(s.allAddresses()).singleElement().satisfies(a -> {
            assertThat(a.address()).isEqualTo("192.168.1.30");
            assertThat(a.type()).contains("fixed");
            assertThat(a.isFloating()).isFalse();
        });
        assertThat(s.availabilityZone()).contains("us-west");
        assertThat(s.hostname()).contains("new-server-test");
    }

    @Test
    void parsesTheSparseDownCellServer() {
        Server s = Samples.read("nova/servers__v2.71__server-get-down-cell-resp.json", "server", Server.class);
        assertThat(s.status().is(ServerStatus.Known.UNKNOWN)).isTrue();
        assertThat(s.name()).isEmpty();
        assertThat(s.metadata()).isEmpty();
        assertThat(s.powerState().orElseThrow().is(PowerState.Known.NO_STATE)).isTrue();
    }

    @Test
    void keepsUnknownStatusRawInsteadOfFailing() {
        String json = "{\"id\":\"x\",\"status\":\"Frobnicating\",\"image\":\"\",\"OS-EXT-STS:power_state\":9}";
        Server s = ServiceJson.convert(ServiceJson.tree(json), Server.class);
        assertThat(s.status().known()).isEmpty();
        assertThat(s.status().raw()).isEqualTo("Frobnicating");
        assertThat(s.image().id()).isEmpty();
        assertThat(s.powerState().orElseThrow().code()).isEqualTo(9);
        assertThat(s.powerState().orElseThrow().known()).isEmpty();
    }

    @Test
    void parsesStatusesCaseInsensitively() {
        for (ServerStatus.Known k : ServerStatus.Known.values()) {
            assertThat(ServerStatus.of(k.name().toLowerCase()).known()).contains(k);
        }
        assertThat(ServerStatus.of("shelved_offloaded"))
                .isEqualTo(ServerStatus.of(ServerStatus.Known.SHELVED_OFFLOADED));
    }

    @Test
    void parsesEveryDocumentedPowerState() {
        assertThat(PowerState.of(0).known()).contains(PowerState.Known.NO_STATE);
        assertThat(PowerState.of(1).known()).contains(PowerState.Known.RUNNING);
        assertThat(PowerState.of(3).known()).contains(PowerState.Known.PAUSED);
        assertThat(PowerState.of(4).known()).contains(PowerState.Known.SHUTDOWN);
        assertThat(PowerState.of(6).known()).contains(PowerState.Known.CRASHED);
        assertThat(PowerState.of(7).known()).contains(PowerState.Known.SUSPENDED);
        assertThat(PowerState.of(2).known()).isEmpty();
    }
}
