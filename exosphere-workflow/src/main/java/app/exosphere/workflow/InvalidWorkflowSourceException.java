package app.exosphere.workflow;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link WorkflowSource.Builder#build()} when the inputs cannot make a launchable workflow. The
 * message lists every problem; {@link #problems()} has them one by one, per field.
 *
 * <pre>{@code
 * try {
 *     WorkflowSource.builder().repository("10.5281/zenodo.1234567").build();
 * } catch (InvalidWorkflowSourceException e) {
 *     e.problems().get(0).kind(); // DOI
 * }
 * }</pre>
 */
public final class InvalidWorkflowSourceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<WorkflowProblem> problems;

    InvalidWorkflowSourceException(List<WorkflowProblem> problems) {
        super(problems.stream().map(WorkflowProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** The problems, at least one. */
    public List<WorkflowProblem> problems() {
        return problems;
    }
}
