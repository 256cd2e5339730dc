package app.exosphere.workflow;

import app.exosphere.uap.InvalidUapValueException;
import app.exosphere.workflow.WorkflowInteractionInput.ConsoleLogState;
import java.util.Objects;
import java.util.Optional;

/**
 * The status of an instance's Workflow interaction, by the Exosphere web app's rule (
 * {@code Interaction.customWorkflowfInteractionStatus}): {@link Kind#READY} with the workflow URLs once the token is known and the
 * instance is reachable through the UAP; otherwise a kind and a typed {@link WorkflowStatusReason}.
 *
 * <p>One deliberate difference (Exosphere's {@code Interaction.customWorkflowfInteractionStatus}): Exosphere reports a non-active instance's
 * Workflow interaction as "Instance is not active" even when the instance has no workflow; here an
 * instance without a workflow (or with workflows disabled) is always {@link Kind#HIDDEN}.
 *
 * <pre>{@code
 * WorkflowInteractionStatus s = WorkflowInteractionStatus.evaluate(WorkflowInteractionInput.builder().serverStatus("ACTIVE").fromExosphere(true).build());
 * switch (s.kind()) {
 *     case READY -> System.out.println(s.urls().orElseThrow().chosen().normalized());
 *     case HIDDEN -> {}
 *     default -> System.out.println(s.message());
 * }
 * }</pre>
 *
 * @param kind the status kind
 * @param reason why it is not ready; empty exactly when {@code kind} is READY
 * @param message the text to show, Exosphere's wording ({@code ""} for READY and HIDDEN)
 * @param urls the workflow URLs when READY
 */
public record WorkflowInteractionStatus(
        Kind kind, Optional<WorkflowStatusReason> reason, String message, Optional<WorkflowUrls> urls) {

    /** Exosphere's interaction status kinds (Warn does not occur for workflows). */
    public enum Kind {
        /** Not shown at all. */
        HIDDEN,
        /** Shown greyed out with the reason. */
        UNAVAILABLE,
        /** Shown as in progress. */
        LOADING,
        /** Clickable: the URL is ready. */
        READY,
        /** Shown as failed with the reason. */
        ERROR
    }

    /** Validates. */
    public WorkflowInteractionStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(urls, "urls");
        if ((kind == Kind.READY) != urls.isPresent() || (kind == Kind.READY) == reason.isPresent()) {
            throw new IllegalArgumentException("READY has URLs and no reason; every other kind a reason and no URLs");
        }
    }

    /** Whether the workflow can be opened. */
    public boolean isReady() {
        return kind == Kind.READY;
    }

    /** Evaluates the rule. Never throws for any input. */
    public static WorkflowInteractionStatus evaluate(WorkflowInteractionInput in) {
        Objects.requireNonNull(in, "in");
        if (!in.workflowsEnabled()) {
            return of(Kind.HIDDEN, WorkflowStatusReason.WORKFLOWS_DISABLED);
        }
        if (in.workflow().isEmpty()) {
            return of(Kind.HIDDEN, WorkflowStatusReason.NO_WORKFLOW); // unlike upstream: hidden, whatever the status
        }
        // Exosphere's `Interaction.interactionStatus`: the OpenStack status gate
        switch (in.serverStatus()) {
            case "BUILD" -> {
                return of(Kind.UNAVAILABLE, WorkflowStatusReason.INSTANCE_BUILDING);
            }
            case "ACTIVE", "VERIFY_RESIZE" -> {
                // step B below
            }
            default -> {
                return of(Kind.UNAVAILABLE, WorkflowStatusReason.INSTANCE_NOT_ACTIVE);
            }
        }
        // Exosphere's `Interaction.customWorkflowfInteractionStatus`
        if (!in.fromExosphere()) {
            return of(Kind.UNAVAILABLE, WorkflowStatusReason.NOT_FROM_EXOSPHERE);
        }
        if (in.token().isPresent()) {
            if (in.uapHostname().isEmpty()) {
                return of(Kind.UNAVAILABLE, WorkflowStatusReason.NO_UAP);
            }
            if (in.floatingIp().isEmpty()) {
                return of(Kind.UNAVAILABLE, WorkflowStatusReason.NO_FLOATING_IP);
            }
            try {
                WorkflowUrls urls = WorkflowUrls.of(
                        in.uapHostname().get(),
                        in.floatingIp().get(),
                        in.workflow().get().path(),
                        in.token().get().reveal());
                return new WorkflowInteractionStatus(Kind.READY, Optional.empty(), "", Optional.of(urls));
            } catch (InvalidUapValueException e) {
                return new WorkflowInteractionStatus(
                        Kind.ERROR,
                        Optional.of(WorkflowStatusReason.INVALID_ADDRESS),
                        WorkflowStatusReason.INVALID_ADDRESS.exosphereMessage() + e.getMessage(),
                        Optional.empty());
            }
        }
        if (in.recentServerEvent()) {
            return of(Kind.UNAVAILABLE, WorkflowStatusReason.STILL_DEPLOYING);
        }
        if (in.uapHostname().isEmpty()) {
            return of(Kind.ERROR, WorkflowStatusReason.NO_UAP);
        }
        if (in.floatingIp().isEmpty()) {
            return of(Kind.ERROR, WorkflowStatusReason.NO_FLOATING_IP);
        }
        if (in.consoleLog() == ConsoleLogState.FAILED) {
            return new WorkflowInteractionStatus(
                    Kind.ERROR,
                    Optional.of(WorkflowStatusReason.CONSOLE_LOG_FAILED),
                    WorkflowStatusReason.CONSOLE_LOG_FAILED.exosphereMessage()
                            + in.consoleLogError().orElse("unknown error"),
                    Optional.empty());
        }
        return of(Kind.LOADING, WorkflowStatusReason.WAITING_FOR_TOKEN);
    }

    private static WorkflowInteractionStatus of(Kind kind, WorkflowStatusReason reason) {
        return new WorkflowInteractionStatus(kind, Optional.of(reason), reason.exosphereMessage(), Optional.empty());
    }

    @Override
    public String toString() {
        return "WorkflowInteractionStatus{" + kind + reason.map(r -> " " + r).orElse("")
                + urls.map(u -> " " + u).orElse("") + "}";
    }
}
