package app.exosphere.cloudinit;

import java.util.Optional;

/**
 * What a Binder workflow adds to an instance's setup: the repository that repo2docker builds and,
 * optionally, the Git reference to check out. The user data builder turns it into the Ansible extra
 * vars {@code workflow_source_repository} and {@code workflow_repo_version} (Exosphere's {@code Helpers.renderUserDataTemplate} and {@code ansible/roles/workflow}).
 *
 * <p>The {@code exosphere-workflow} module implements this interface with its validated
 * {@code WorkflowSource}; this module only consumes it, so there is no dependency cycle. Example:
 *
 * <pre>{@code
 * WorkflowContribution wf = WorkflowContribution.of("https://github.com/binder-examples/r_with_python", null);
 * }</pre>
 */
public interface WorkflowContribution {

    /** The Git repository URL that the instance clones and builds with repo2docker; never blank. */
    String repository();

    /** The Git reference (branch, tag or commit) to check out; empty means the default branch (HEAD). */
    Optional<String> reference();

    /**
     * A plain contribution, for callers that validated the values themselves.
     *
     * @param repository the Git repository URL, not blank
     * @param reference the Git reference, or {@code null}/blank for the default branch
     */
    static WorkflowContribution of(String repository, String reference) {
        if (repository == null || repository.isBlank()) {
            throw new IllegalArgumentException("workflow repository must not be blank");
        }
        Optional<String> ref = reference == null || reference.isBlank() ? Optional.empty() : Optional.of(reference);
        return new WorkflowContribution() {
            @Override
            public String repository() {
                return repository;
            }

            @Override
            public Optional<String> reference() {
                return ref;
            }

            @Override
            public String toString() {
                return "WorkflowContribution[" + repository
                        + ref.map(r -> "@" + r).orElse("") + "]";
            }
        };
    }
}
