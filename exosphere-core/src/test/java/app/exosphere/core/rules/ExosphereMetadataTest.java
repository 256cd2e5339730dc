package app.exosphere.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.error.InvalidLaunchRequestException;
import app.exosphere.workflow.WorkflowMetadata;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ExosphereMetadataTest {

    private static final String CLIENT = "3f0e8a52-1c2d-4e5f-9a8b-7c6d5e4f3a2b";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void writesExosphereMetadataForGuacamoleWithoutDesktopExactlyAsSpecVector() throws Exception {
        var md = ExosphereMetadata.builder()
                .clientUuid(CLIENT)
                .creatorUsername("alice")
                .guacamole(true)
                .desktop(false)
                .floatingIp(FloatingIpChoice.automatic())
                .build()
                .toMap();
        // Exosphere's `Helpers.newServerMetadata`, byte for byte including member order
        assertThat(json.writeValueAsString(md))
                .isEqualTo(
                        "{\"exoGuac\":\"{\\\"v\\\":1,\\\"ssh\\\":true,\\\"vnc\\\":false}\",\"exoServerVersion\":\"6\","
                                + "\"exoClientUuid\":\"3f0e8a52-1c2d-4e5f-9a8b-7c6d5e4f3a2b\",\"exoCreatorUsername\":\"alice\","
                                + "\"exoSetup\":\"{\\\"status\\\":\\\"waiting\\\",\\\"epoch\\\":null}\",\"exoFloatingIpOption\":\"automatic\"}");
    }

    @Test
    void writesReuseOptionAndWorkflowWithoutGuacamoleExactlyAsSpecVector() throws Exception {
        var workflow = new WorkflowMetadata("https://github.com/org/repo", "main", "lab");
        var md = ExosphereMetadata.builder()
                .clientUuid(CLIENT)
                .creatorUsername("alice")
                .guacamole(false)
                .desktop(true)
                .floatingIp(FloatingIpChoice.useExisting("9d1c"))
                .customWorkflow(workflow)
                .build()
                .toMap();
        assertThat(json.writeValueAsString(md))
                .isEqualTo(
                        "{\"exoServerVersion\":\"6\",\"exoClientUuid\":\"3f0e8a52-1c2d-4e5f-9a8b-7c6d5e4f3a2b\","
                                + "\"exoCreatorUsername\":\"alice\",\"exoSetup\":\"{\\\"status\\\":\\\"waiting\\\",\\\"epoch\\\":null}\","
                                + "\"exoFloatingIpOption\":\"useFloatingIp\",\"exoFloatingIpReuseOption\":\"9d1c\","
                                + "\"exoCustomWorkflow\":\"{\\\"v\\\":1,\\\"repo\\\":\\\"https://github.com/org/repo\\\",\\\"ref\\\":\\\"main\\\",\\\"path\\\":\\\"lab\\\"}\"}");
    }

    @Test
    void recordsCreateNewAsUseFloatingIpWithCreateReuseOption() {
        var md = ExosphereMetadata.builder()
                .clientUuid(CLIENT)
                .creatorUsername("bob")
                .floatingIp(FloatingIpChoice.createNew())
                .build()
                .toMap();
        assertThat(md)
                .containsEntry("exoFloatingIpOption", "useFloatingIp")
                .containsEntry("exoFloatingIpReuseOption", "create");
        assertThat(md).doesNotContainKey("exoGuac");
    }

    @Test
    void appendsTheLaunchIdAfterExosphereKeys() {
        var md = ExosphereMetadata.builder()
                .clientUuid(CLIENT)
                .creatorUsername("bob")
                .floatingIp(FloatingIpChoice.none())
                .launchId("abc")
                .build()
                .toMap();
        assertThat(md.keySet())
                .containsExactly(
                        "exoServerVersion",
                        "exoClientUuid",
                        "exoCreatorUsername",
                        "exoSetup",
                        "exoFloatingIpOption",
                        "exoLaunchId");
        assertThat(md).containsEntry("exoFloatingIpOption", "doNotUseFloatingIp");
    }

    @Test
    void refusesValuesOverNovasLengthLimitBeforeAnythingIsSent() {
        assertThatThrownBy(() -> ExosphereMetadata.builder()
                        .clientUuid(CLIENT)
                        .creatorUsername("u".repeat(256))
                        .build())
                .isInstanceOf(InvalidLaunchRequestException.class)
                .hasMessageContaining("exoCreatorUsername is 256 characters")
                .hasMessageContaining("at most 255");
    }

    @Test
    void writtenMetadataReadsBackAsAnExosphereServer() {
        var md = ExosphereMetadata.builder()
                .clientUuid(CLIENT)
                .creatorUsername("alice")
                .guacamole(true)
                .desktop(true)
                .floatingIp(FloatingIpChoice.useExisting("fip-1"))
                .customWorkflow(new WorkflowMetadata("https://github.com/org/repo", "", ""))
                .launchId("L1")
                .build()
                .toMap();
        ServerOrigin origin = ServerOrigin.read(md, java.util.List.of());
        assertThat(origin.fromExosphere()).isTrue();
        assertThat(origin.version()).hasValue(6);
        assertThat(origin.guacamole()).contains(new ServerOrigin.Guacamole(true, true));
        assertThat(origin.floatingIp()).isEqualTo(FloatingIpChoice.useExisting("fip-1"));
        assertThat(origin.workflow()).contains(new WorkflowMetadata("https://github.com/org/repo", "", ""));
        assertThat(origin.createdByClient(CLIENT)).isTrue();
        assertThat(origin.creatorUsername()).contains("alice");
        assertThat(origin.launchId()).contains("L1");
        assertThat(origin.setupMetadataValue()).contains("{\"status\":\"waiting\",\"epoch\":null}");
    }
}
