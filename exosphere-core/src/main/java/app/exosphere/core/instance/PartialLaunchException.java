package app.exosphere.core.instance;

import app.exosphere.core.error.OpenStackClientException;
import java.util.List;

/**
 * A multi-instance launch created some servers and failed to create others: {@link #created()} holds every
 * instance that exists (watch or delete them; nothing is orphaned), {@link #getCause()} the first failure,
 * {@link #failures()} all of them. Launching again with the same {@link #launchId()} finds the created
 * servers by their launch ids and creates only the missing ones.
 *
 * <pre>{@code
 * LaunchRequest request = LaunchRequest.builder().name("demo").image(ImageChoice.name("Featured-Ubuntu24")).count(3).build();
 * try {
 *     exo.launchAll(request);
 * } catch (PartialLaunchException e) {
 *     e.created().forEach(vm -> vm.delete(true, null).execute());   // or keep them
 * }
 * }</pre>
 */
public class PartialLaunchException extends OpenStackClientException {
    private static final long serialVersionUID = 1L;

    private final transient LaunchId launchId;
    private final transient List<Instance> created;
    private final transient List<RuntimeException> failures;

    /** @param failures at least one */
    public PartialLaunchException(
            LaunchId launchId, int requested, List<Instance> created, List<RuntimeException> failures) {
        super(
                created.size() + " of " + requested + " servers of launch " + launchId + " were created ("
                        + created.stream().map(Instance::id).toList() + "); " + failures.size()
                        + " failed, first: " + failures.get(0).getMessage(),
                failures.get(0));
        this.launchId = launchId;
        this.created = List.copyOf(created);
        this.failures = List.copyOf(failures);
    }

    /** The launch id of the request. */
    public LaunchId launchId() {
        return launchId;
    }

    /** Every instance that was created (possibly none). */
    public List<Instance> created() {
        return created;
    }

    /** Every failure, one per server that was not created. */
    public List<RuntimeException> failures() {
        return failures;
    }
}
