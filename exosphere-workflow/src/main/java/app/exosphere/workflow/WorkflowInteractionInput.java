package app.exosphere.workflow;

import app.exosphere.cloudinit.SecretText;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link WorkflowInteractionStatus#evaluate(WorkflowInteractionInput)} needs to know about one
 * instance: its Nova status, whether it is Exosphere-made, its {@code exoCustomWorkflow} metadata, the
 * workflow token known so far, the project's UAP hostname, the instance's floating IP, whether it had a
 * recent event, and the state of the last console-log read.
 *
 * <pre>{@code
 * WorkflowInteractionInput in = WorkflowInteractionInput.builder()
 *         .serverStatus("ACTIVE")
 *         .fromExosphere(true)
 *         .workflow(WorkflowMetadata.fromServerMetadata(server.metadata()))
 *         .token(WorkflowConsole.scan(consoleText).token())
 *         .uapHostname(Optional.of("proxy-js2-iu.exosphere.app"))
 *         .floatingIp(Optional.of("149.165.1.2"))
 *         .consoleLog(WorkflowInteractionInput.ConsoleLogState.SUCCEEDED)
 *         .build();
 * }</pre>
 *
 * @param serverStatus the Nova server {@code status}, e.g. {@code ACTIVE}
 * @param fromExosphere whether the server carries Exosphere's markers ({@code exoServerVersion})
 * @param workflowsEnabled whether the gateway offers workflows (Exosphere: experimental features on)
 * @param workflow the decoded {@code exoCustomWorkflow} metadata, if any
 * @param token the workflow token found so far, if any
 * @param uapHostname the project's UAP hostname, if the cloud/region has one
 * @param floatingIp the instance's floating IPv4 address, if any
 * @param recentServerEvent whether the instance was created or acted on within the last 40 minutes
 *     (Exosphere's {@code Interaction.hasRecentServerEvent})
 * @param consoleLog the state of the last console-log read
 * @param consoleLogError the error of the last console-log read when it failed (no secrets), else empty
 */
public record WorkflowInteractionInput(
        String serverStatus,
        boolean fromExosphere,
        boolean workflowsEnabled,
        Optional<WorkflowMetadata> workflow,
        Optional<SecretText> token,
        Optional<String> uapHostname,
        Optional<String> floatingIp,
        boolean recentServerEvent,
        ConsoleLogState consoleLog,
        Optional<String> consoleLogError) {

    /** The state of the last console-log read. */
    public enum ConsoleLogState {
        /** Not read yet. */
        NOT_REQUESTED,
        /** A read is in flight. */
        IN_FLIGHT,
        /** The last read succeeded. */
        SUCCEEDED,
        /** The last read failed; see {@link WorkflowInteractionInput#consoleLogError()}. */
        FAILED
    }

    /** Validates. */
    public WorkflowInteractionInput {
        Objects.requireNonNull(serverStatus, "serverStatus");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(uapHostname, "uapHostname");
        Objects.requireNonNull(floatingIp, "floatingIp");
        Objects.requireNonNull(consoleLog, "consoleLog");
        Objects.requireNonNull(consoleLogError, "consoleLogError");
    }

    /** A builder: an ACTIVE, Exosphere-made instance with workflows enabled and nothing else known. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "WorkflowInteractionInput{serverStatus=" + serverStatus + ", fromExosphere=" + fromExosphere
                + ", workflowsEnabled=" + workflowsEnabled + ", workflow=" + workflow + ", token="
                + (token.isPresent() ? "present" : "absent") + ", uapHostname=" + uapHostname + ", floatingIp="
                + floatingIp + ", recentServerEvent=" + recentServerEvent + ", consoleLog=" + consoleLog + "}";
    }

    /** Builds a {@link WorkflowInteractionInput}. Not thread-safe. */
    public static final class Builder {
        private String serverStatus = "ACTIVE";
        private boolean fromExosphere = true;
        private boolean workflowsEnabled = true;
        private Optional<WorkflowMetadata> workflow = Optional.empty();
        private Optional<SecretText> token = Optional.empty();
        private Optional<String> uapHostname = Optional.empty();
        private Optional<String> floatingIp = Optional.empty();
        private boolean recentServerEvent;
        private ConsoleLogState consoleLog = ConsoleLogState.NOT_REQUESTED;
        private Optional<String> consoleLogError = Optional.empty();

        private Builder() {}

        /** The Nova status (default {@code ACTIVE}). */
        public Builder serverStatus(String serverStatus) {
            this.serverStatus = serverStatus;
            return this;
        }

        /** Whether the server is Exosphere-made (default true). */
        public Builder fromExosphere(boolean fromExosphere) {
            this.fromExosphere = fromExosphere;
            return this;
        }

        /** Whether the gateway offers workflows (default true). */
        public Builder workflowsEnabled(boolean workflowsEnabled) {
            this.workflowsEnabled = workflowsEnabled;
            return this;
        }

        /** The decoded {@code exoCustomWorkflow} metadata. */
        public Builder workflow(Optional<WorkflowMetadata> workflow) {
            this.workflow = workflow;
            return this;
        }

        /** The decoded {@code exoCustomWorkflow} metadata. */
        public Builder workflow(WorkflowMetadata workflow) {
            return workflow(Optional.of(workflow));
        }

        /** The workflow token known so far. */
        public Builder token(Optional<SecretText> token) {
            this.token = token;
            return this;
        }

        /** The workflow token known so far. */
        public Builder token(SecretText token) {
            return token(Optional.of(token));
        }

        /** The project's UAP hostname. */
        public Builder uapHostname(Optional<String> uapHostname) {
            this.uapHostname = uapHostname;
            return this;
        }

        /** The instance's floating IPv4 address. */
        public Builder floatingIp(Optional<String> floatingIp) {
            this.floatingIp = floatingIp;
            return this;
        }

        /** Whether the instance had a recent event (default false). */
        public Builder recentServerEvent(boolean recentServerEvent) {
            this.recentServerEvent = recentServerEvent;
            return this;
        }

        /** The state of the last console-log read (default {@code NOT_REQUESTED}). */
        public Builder consoleLog(ConsoleLogState consoleLog) {
            this.consoleLog = consoleLog;
            return this;
        }

        /** The last console-log read failed with this error (no secrets). */
        public Builder consoleLogFailed(String error) {
            this.consoleLog = ConsoleLogState.FAILED;
            this.consoleLogError = Optional.of(error);
            return this;
        }

        /** The input. */
        public WorkflowInteractionInput build() {
            return new WorkflowInteractionInput(
                    serverStatus,
                    fromExosphere,
                    workflowsEnabled,
                    workflow,
                    token,
                    uapHostname,
                    floatingIp,
                    recentServerEvent,
                    consoleLog,
                    consoleLogError);
        }
    }
}
