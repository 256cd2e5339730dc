package app.exosphere.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.cloudinit.SecretText;
import app.exosphere.uap.UapUrl;
import app.exosphere.workflow.WorkflowInteractionInput.ConsoleLogState;
import app.exosphere.workflow.WorkflowInteractionStatus.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Exosphere's {@code Interaction.customWorkflowfInteractionStatus}, branch by branch. */
class WorkflowInteractionStatusTest {
    private static final WorkflowMetadata LAB = new WorkflowMetadata("https://github.com/org/repo", "", "lab");
    private static final Optional<String> UAP = Optional.of("proxy-js2-iu.exosphere.app");
    private static final Optional<String> FIP = Optional.of("149.165.1.2");

    /** An active Exosphere instance with a workflow, a UAP and a floating IP; no token yet. */
    private static WorkflowInteractionInput.Builder reachable() {
        return WorkflowInteractionInput.builder().workflow(LAB).uapHostname(UAP).floatingIp(FIP);
    }

    private static WorkflowInteractionStatus eval(WorkflowInteractionInput.Builder b) {
        return WorkflowInteractionStatus.evaluate(b.build());
    }

    private static void assertStatus(WorkflowInteractionStatus s, Kind kind, WorkflowStatusReason reason) {
        assertThat(s.kind()).isEqualTo(kind);
        assertThat(s.reason()).contains(reason);
        assertThat(s.urls()).isEmpty();
    }

    @Test
    void readyWithTheStoredPathOnceTheTokenIsKnown() {
        WorkflowInteractionStatus s = eval(reachable().token(SecretText.of("0123abcd")));
        assertThat(s.kind()).isEqualTo(Kind.READY);
        assertThat(s.isReady()).isTrue();
        assertThat(s.reason()).isEmpty();
        assertThat(s.message()).isEmpty();
        assertThat(s.urls().orElseThrow().chosen())
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app/lab?token=0123abcd");
    }

    @Test
    void readyAlsoWhileVerifyingAResize() {
        assertThat(eval(reachable().serverStatus("VERIFY_RESIZE").token(SecretText.of("t")))
                        .kind())
                .isEqualTo(Kind.READY);
    }

    @Test
    void hiddenWhenWorkflowsAreDisabled() {
        assertStatus(
                eval(reachable().workflowsEnabled(false).token(SecretText.of("t"))),
                Kind.HIDDEN,
                WorkflowStatusReason.WORKFLOWS_DISABLED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACTIVE", "SHUTOFF", "BUILD"})
    void hiddenWithoutWorkflowMetadataWhateverTheStatus(String status) {
        WorkflowInteractionStatus s =
                eval(reachable().workflow(Optional.empty()).serverStatus(status));
        assertStatus(s, Kind.HIDDEN, WorkflowStatusReason.NO_WORKFLOW);
        assertThat(s.message()).isEmpty();
    }

    @Test
    void unavailableWhileBuilding() {
        WorkflowInteractionStatus s = eval(reachable().serverStatus("BUILD").token(SecretText.of("t")));
        assertStatus(s, Kind.UNAVAILABLE, WorkflowStatusReason.INSTANCE_BUILDING);
        assertThat(s.message()).isEqualTo("Instance is still building");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHUTOFF", "SUSPENDED", "SHELVED_OFFLOADED", "ERROR", "REBOOT", "RESIZE", "active"})
    void unavailableWhenNotActive(String status) {
        WorkflowInteractionStatus s = eval(reachable().serverStatus(status).token(SecretText.of("t")));
        assertStatus(s, Kind.UNAVAILABLE, WorkflowStatusReason.INSTANCE_NOT_ACTIVE);
        assertThat(s.message()).isEqualTo("Instance is not active");
    }

    @Test
    void unavailableWhenNotFromExosphere() {
        WorkflowInteractionStatus s = eval(reachable().fromExosphere(false).token(SecretText.of("t")));
        assertStatus(s, Kind.UNAVAILABLE, WorkflowStatusReason.NOT_FROM_EXOSPHERE);
        assertThat(s.message()).isEqualTo("Instance not launched from Exosphere");
    }

    @Test
    void withTokenMissingUapOrFloatingIpIsUnavailable() {
        WorkflowInteractionStatus noUap =
                eval(reachable().token(SecretText.of("t")).uapHostname(Optional.empty()));
        assertStatus(noUap, Kind.UNAVAILABLE, WorkflowStatusReason.NO_UAP);
        assertThat(noUap.message()).isEqualTo("Cannot find TLS-terminating reverse proxy server");
        WorkflowInteractionStatus noFip =
                eval(reachable().token(SecretText.of("t")).floatingIp(Optional.empty()));
        assertStatus(noFip, Kind.UNAVAILABLE, WorkflowStatusReason.NO_FLOATING_IP);
        assertThat(noFip.message()).isEqualTo("Instance does not have a floating IP address");
    }

    @Test
    void withoutTokenARecentEventMeansStillDeploying() {
        WorkflowInteractionStatus s = eval(reachable()
                .recentServerEvent(true)
                .uapHostname(Optional.empty())
                .consoleLogFailed("boom"));
        assertStatus(s, Kind.UNAVAILABLE, WorkflowStatusReason.STILL_DEPLOYING);
        assertThat(s.message())
                .isEqualTo("Instance is still booting or the workflow is still deploying, check back in a few minutes");
    }

    @Test
    void withoutTokenMissingUapOrFloatingIpIsAnError() {
        assertStatus(eval(reachable().uapHostname(Optional.empty())), Kind.ERROR, WorkflowStatusReason.NO_UAP);
        assertStatus(eval(reachable().floatingIp(Optional.empty())), Kind.ERROR, WorkflowStatusReason.NO_FLOATING_IP);
    }

    @ParameterizedTest
    @EnumSource(
            value = ConsoleLogState.class,
            names = {"NOT_REQUESTED", "IN_FLIGHT", "SUCCEEDED"})
    void withoutTokenWaitsForTheConsoleLog(ConsoleLogState state) {
        WorkflowInteractionStatus s = eval(reachable().consoleLog(state));
        assertStatus(s, Kind.LOADING, WorkflowStatusReason.WAITING_FOR_TOKEN);
    }

    @Test
    void failedConsoleLogReadIsAnErrorWithItsDetail() {
        WorkflowInteractionStatus s = eval(reachable().consoleLogFailed("HTTP 409: Instance is shelved"));
        assertStatus(s, Kind.ERROR, WorkflowStatusReason.CONSOLE_LOG_FAILED);
        assertThat(s.message())
                .isEqualTo("Exosphere tried to get the console log for the Instance and received this error: "
                        + "HTTP 409: Instance is shelved");
    }

    @Test
    void unusableAddressIsAnErrorNotAnException() {
        WorkflowInteractionStatus s =
                eval(reachable().token(SecretText.of("t")).floatingIp(Optional.of("2001:db8::1")));
        assertStatus(s, Kind.ERROR, WorkflowStatusReason.INVALID_ADDRESS);
        assertThat(s.message()).startsWith("Cannot build the workflow URL: ").contains("IPv4 only");
    }

    @Test
    void inputToStringDoesNotRevealTheToken() {
        assertThat(reachable().token(SecretText.of("s3cr3t")).build().toString())
                .doesNotContain("s3cr3t")
                .contains("token=present");
        assertThat(eval(reachable().token(SecretText.of("s3cr3t"))).toString()).doesNotContain("s3cr3t");
    }
}
