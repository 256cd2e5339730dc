package app.exosphere.workflow;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of validating workflow inputs: the source when they are launchable, otherwise every problem
 * found; plus notes on what was normalised (a GitHub page turned into repository + reference + path,
 * whitespace removed, …) to show the user.
 *
 * <pre>{@code
 * WorkflowValidation v = WorkflowSource.builder().repository("https://github.com/binder-examples/requirements").validate();
 * if (v.isValid()) exo.launchWorkflow(LaunchRequest.builder().name("binder").build(), v.orElseThrow()); else System.err.println(v.problems());
 * }</pre>
 *
 * @param source the validated source, present exactly when there are no problems
 * @param problems what is wrong, empty when valid
 * @param notes what was changed while normalising the inputs, in order
 */
public record WorkflowValidation(Optional<WorkflowSource> source, List<WorkflowProblem> problems, List<String> notes) {

    /** Copies the lists and checks that exactly one of source and problems is present. */
    public WorkflowValidation {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
        if (source.isPresent() == !problems.isEmpty()) {
            throw new IllegalArgumentException("a validation has either a source or problems");
        }
    }

    /** Whether the inputs make a launchable workflow. */
    public boolean isValid() {
        return source.isPresent();
    }

    /**
     * The source.
     *
     * @throws InvalidWorkflowSourceException listing the problems when invalid
     */
    public WorkflowSource orElseThrow() {
        return source.orElseThrow(() -> new InvalidWorkflowSourceException(problems));
    }
}
