package app.exosphere.workflow;

import java.util.Objects;

/**
 * One reason a workflow source was refused: which field, what kind of problem, and a message for a
 * person that says what to do instead.
 *
 * <pre>{@code
 * for (WorkflowProblem p : WorkflowSource.builder().repository("zenodo.org/record/1").validate().problems()) {
 *     System.err.println(p.field() + ": " + p.message());
 * }
 * }</pre>
 *
 * @param field the input the problem is about
 * @param kind what is wrong, for programs
 * @param message what is wrong and what to pass instead, for people
 */
public record WorkflowProblem(Field field, Kind kind, String message) {

    /** The inputs of a workflow source. */
    public enum Field {
        /** The repository (DOI or Git URL in Exosphere's form). */
        REPOSITORY,
        /** The Git reference (branch, tag or commit). */
        REFERENCE,
        /** The path to open in the workflow's Jupyter server. */
        PATH,
        /** The combination: the {@code exoCustomWorkflow} metadata value as a whole. */
        METADATA
    }

    /** What is wrong. */
    public enum Kind {
        /** The repository is missing or blank. */
        MISSING,
        /** The repository is a DOI (or a DOI resolver / Zenodo link): instances always {@code git clone}. */
        DOI,
        /** A local path (absolute, relative, {@code ~}, {@code file:}): the instance cannot reach it. */
        LOCAL_PATH,
        /** Starts with {@code -}: it would be read as a command-line option. */
        OPTION_LIKE,
        /** A character that is unsafe once placed in the instance's user data or a shell command. */
        UNSAFE_CHARACTER,
        /** Not a Git URL that can be cloned over the network (scheme, host or repository path wrong). */
        NOT_A_GIT_URL,
        /** A password or token inside the URL: server metadata and user data are readable by the project. */
        CREDENTIALS_IN_URL,
        /** The reference given differs from the one in the browse URL. */
        CONFLICTING_REFERENCE,
        /** Not a valid Git reference name. */
        MALFORMED_REFERENCE,
        /** A path that would break the workflow URL. */
        MALFORMED_PATH,
        /** The {@code exoCustomWorkflow} metadata value exceeds Nova's 255-character limit. */
        TOO_LONG
    }

    /** Validates. */
    public WorkflowProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
