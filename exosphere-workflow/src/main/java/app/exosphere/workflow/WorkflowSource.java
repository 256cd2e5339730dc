package app.exosphere.workflow;

import app.exosphere.cloudinit.WorkflowContribution;
import app.exosphere.workflow.WorkflowProblem.Field;
import app.exosphere.workflow.WorkflowProblem.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Binder (repo2docker) repository to launch on an Exosphere instance: the Git repository the instance
 * clones and builds, an optional Git reference, and the path to open in its Jupyter server. Immutable and
 * always valid: instances come from {@link Builder#build()} / {@link Builder#validate()}, which apply
 * Exosphere's rules ({@code ServerCreate.workflowInputIsValid}) and the checks Exosphere lacks — DOIs are refused with a
 * message saying what to pass instead (the instance always {@code git clone}s, Exosphere's {@code ansible/roles/workflow}), only network Git
 * URLs are accepted (https, http, git, ssh, scp-like {@code user@host:path}), local paths, option-like
 * values and characters unsafe in user data are refused, and the {@code exoCustomWorkflow} metadata value
 * must fit Nova's 255 characters. GitHub/GitLab browse URLs and mybinder.org links are normalised into
 * repository + reference + path, with {@link #notes()} saying what changed.
 *
 * <p>As a {@link WorkflowContribution} it feeds the user data builder (Ansible variables
 * {@code workflow_source_repository} and {@code workflow_repo_version}); {@link #toMetadata()} is the
 * {@code exoCustomWorkflow} server metadata item.
 *
 * <pre>{@code
 * WorkflowSource rstudio = WorkflowSource.builder()
 *         .repository("https://github.com/binder-examples/r_with_python")
 *         .path("rstudio")
 *         .build();
 * rstudio.toMetadata().toMetadataValue();
 * // {"v":1,"repo":"https://github.com/binder-examples/r_with_python","ref":"","path":"rstudio"}
 * }</pre>
 */
public final class WorkflowSource implements WorkflowContribution {

    /** The Ansible variable holding the repository (Exosphere's {@code Helpers.renderUserDataTemplate}). */
    public static final String ANSIBLE_REPOSITORY_VAR = "workflow_source_repository";

    /** The Ansible variable holding the reference, set only when there is one (Exosphere's {@code Helpers.renderUserDataTemplate}). */
    public static final String ANSIBLE_VERSION_VAR = "workflow_repo_version";

    private final String repository;
    private final String reference;
    private final String path;
    private final List<String> notes;

    private WorkflowSource(String repository, String reference, String path, List<String> notes) {
        this.repository = repository;
        this.reference = reference;
        this.path = path;
        this.notes = List.copyOf(notes);
    }

    /** A builder; only the repository is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The source for a repository at its default branch, opening the Jupyter server's default page.
     *
     * @throws InvalidWorkflowSourceException if the repository is not launchable
     */
    public static WorkflowSource of(String repository) {
        return builder().repository(repository).build();
    }

    /**
     * The source for a repository, reference and path.
     *
     * @param reference a branch, tag or commit; {@code null} or blank for the default branch
     * @param path the path to open, e.g. {@code lab} or {@code rstudio}; {@code null} or blank for none
     * @throws InvalidWorkflowSourceException if the inputs are not launchable
     */
    public static WorkflowSource of(String repository, String reference, String path) {
        return builder().repository(repository).reference(reference).path(path).build();
    }

    /**
     * Exosphere's "empty" test of its workflow form: all three fields blank after trimming
     * (Exosphere's {@code ServerCreate.workflowInputIsValid}).
     */
    public static boolean exosphereFormIsEmpty(String repository, String reference, String path) {
        return blank(repository) && blank(reference) && blank(path);
    }

    /**
     * Exosphere's own validity test of its workflow form ({@code ServerCreate.workflowInputIsValid}): the repository is not the
     * empty string (untrimmed, so {@code "  "} passes when another field is filled: an upstream quirk)
     * and not all fields are blank. The SDK's {@link Builder#validate()} is much stricter.
     */
    public static boolean exosphereFormIsValid(String repository, String reference, String path) {
        return repository != null && !repository.isEmpty() && !exosphereFormIsEmpty(repository, reference, path);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The Git repository URL the instance clones. */
    @Override
    public String repository() {
        return repository;
    }

    /** The Git reference to check out; empty for the default branch ({@code HEAD}). */
    @Override
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /**
     * The path to open in the workflow's Jupyter server, as given (may be empty; a leading {@code /} is
     * kept, as the Exosphere web app stores it).
     */
    public String path() {
        return path;
    }

    /** What was normalised to arrive at this source (empty when the inputs were taken as given). */
    public List<String> notes() {
        return notes;
    }

    /** The {@code exoCustomWorkflow} server metadata item of this source. */
    public WorkflowMetadata toMetadata() {
        return new WorkflowMetadata(repository, reference == null ? "" : reference, path);
    }

    /**
     * The Ansible extra variables this workflow adds to the instance's setup, in order:
     * {@code workflow_source_repository}, and {@code workflow_repo_version} when a reference is set. The
     * path is not sent to the instance (Exosphere's {@code Helpers.renderUserDataTemplate} and {@code ansible/roles/workflow}).
     */
    public Map<String, String> ansibleExtraVars() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put(ANSIBLE_REPOSITORY_VAR, repository);
        if (reference != null) {
            vars.put(ANSIBLE_VERSION_VAR, reference);
        }
        return java.util.Collections.unmodifiableMap(vars);
    }

    /** A builder holding this source's values (the notes are not carried over). */
    public Builder toBuilder() {
        return builder().repository(repository).reference(reference).path(path);
    }

    /** Equal when repository, reference and path are equal; notes do not count. */
    @Override
    public boolean equals(Object o) {
        return o instanceof WorkflowSource other
                && repository.equals(other.repository)
                && Objects.equals(reference, other.reference)
                && path.equals(other.path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(repository, reference, path);
    }

    @Override
    public String toString() {
        return "WorkflowSource{repository=" + repository + ", reference=" + (reference == null ? "HEAD" : reference)
                + ", path=" + path + "}";
    }

    /**
     * Collects the inputs of a {@link WorkflowSource}, as a gateway's form would: the repository (required)
     * and optionally a reference and a path. Not thread-safe.
     *
     * <pre>{@code
     * WorkflowValidation v = WorkflowSource.builder()
     *         .repository("https://github.com/binder-examples/r_with_python/tree/master")
     *         .validate();
     * v.orElseThrow().reference(); // Optional[master]
     * v.notes();                   // [normalised the GitHub page … to the repository …]
     * }</pre>
     */
    public static final class Builder {
        private String repository;
        private String reference;
        private String path;

        private Builder() {}

        /**
         * The repository: a Git URL (https, http, git, ssh or scp-like), or a GitHub/GitLab page or
         * mybinder.org link, which is normalised.
         */
        public Builder repository(String repository) {
            this.repository = repository;
            return this;
        }

        /** The Git reference (branch, tag or commit); {@code null} or blank for the default branch. */
        public Builder reference(String reference) {
            this.reference = reference;
            return this;
        }

        /** The path to open, e.g. {@code lab}, {@code rstudio}, {@code tree/data}; {@code null} for none. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** Validates and normalises the inputs, collecting every problem instead of throwing. */
        public WorkflowValidation validate() {
            SourceRules rules = new SourceRules();
            rules.run(repository, reference, path);
            List<WorkflowProblem> problems = new ArrayList<>(rules.problems());
            if (problems.isEmpty()) {
                WorkflowSource source =
                        new WorkflowSource(rules.repository, rules.reference, rules.path, rules.notes());
                WorkflowMetadata metadata = source.toMetadata();
                if (!metadata.fitsNova()) {
                    int length = metadata.metadataValueLength();
                    problems.add(new WorkflowProblem(
                            Field.METADATA,
                            Kind.TOO_LONG,
                            "the " + WorkflowMetadata.KEY + " metadata value would be " + length
                                    + " characters but Nova allows " + WorkflowMetadata.MAX_VALUE_LENGTH
                                    + "; shorten the repository URL, reference or path by "
                                    + (length - WorkflowMetadata.MAX_VALUE_LENGTH) + " characters"));
                } else {
                    return new WorkflowValidation(Optional.of(source), List.of(), rules.notes());
                }
            }
            return new WorkflowValidation(Optional.empty(), problems, rules.notes());
        }

        /**
         * The validated source.
         *
         * @throws InvalidWorkflowSourceException listing every problem
         */
        public WorkflowSource build() {
            return validate().orElseThrow();
        }
    }
}
