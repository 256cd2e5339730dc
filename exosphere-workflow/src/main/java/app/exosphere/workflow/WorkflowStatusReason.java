package app.exosphere.workflow;

/**
 * Why the Workflow interaction is not (or not yet) ready, with the text the Exosphere web app shows
 * (default localization, Exosphere's {@code Interaction.interactionStatus}).
 *
 * <pre>{@code
 * WorkflowInteractionStatus.evaluate(WorkflowInteractionInput.builder().serverStatus("ACTIVE").fromExosphere(true).build()).reason().map(WorkflowStatusReason::exosphereMessage).orElse("");
 * }</pre>
 */
public enum WorkflowStatusReason {
    /** Hidden: the gateway turned workflows off (Exosphere: experimental features disabled). */
    WORKFLOWS_DISABLED(""),
    /** Hidden: the instance was not launched with a workflow (no {@code exoCustomWorkflow} metadata). */
    NO_WORKFLOW(""),
    /** Unavailable: Nova status {@code BUILD}. */
    INSTANCE_BUILDING("Instance is still building"),
    /** Unavailable: a Nova status other than {@code ACTIVE}, {@code VERIFY_RESIZE} or {@code BUILD}. */
    INSTANCE_NOT_ACTIVE("Instance is not active"),
    /** Unavailable: the instance was not created by Exosphere (or this SDK). */
    NOT_FROM_EXOSPHERE("Instance not launched from Exosphere"),
    /** The project's cloud/region has no User Application Proxy. */
    NO_UAP("Cannot find TLS-terminating reverse proxy server"),
    /** The instance has no floating IP address. */
    NO_FLOATING_IP("Instance does not have a floating IP address"),
    /** Unavailable: no token yet and the instance had a recent event (created or acted on in the last 40 min). */
    STILL_DEPLOYING("Instance is still booting or the workflow is still deploying, check back in a few minutes"),
    /** Loading: the console log has not been read yet, is being read, or has no token yet. */
    WAITING_FOR_TOKEN("Waiting for the workflow to publish its token on the console"),
    /** Error: reading the console log failed. */
    CONSOLE_LOG_FAILED("Exosphere tried to get the console log for the Instance and received this error: "),
    /** Error: the UAP hostname or floating IP cannot form a URL (e.g. an IPv6 address). */
    INVALID_ADDRESS("Cannot build the workflow URL: ");

    private final String message;

    WorkflowStatusReason(String message) {
        this.message = message;
    }

    /**
     * Exosphere's text for this reason ({@code ""} for the hidden ones); for {@link #CONSOLE_LOG_FAILED}
     * and {@link #INVALID_ADDRESS} the detail follows.
     */
    public String exosphereMessage() {
        return message;
    }
}
