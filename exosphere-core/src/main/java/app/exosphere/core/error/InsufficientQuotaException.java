package app.exosphere.core.error;

import java.util.List;

/**
 * A launch would exceed the project's quota; nothing was created. {@link #exhausted()} names each quota
 * that is short, e.g. {@code "cores: need 8, 2 left of 48"}.
 *
 * <pre>{@code
 * try {
 *     QuotaCheck.requireFits(QuotaCheck.Usage.of(compute.limits().execute(), volume.limits().execute(), QuotaUsage.of(0, 5)), 3, 8, 32768, 0, 0);
 * } catch (InsufficientQuotaException e) {
 *     e.exhausted().forEach(System.err::println);
 * }
 * }</pre>
 */
public class InsufficientQuotaException extends OpenStackClientException {
    private static final long serialVersionUID = 1L;

    private final List<String> exhausted;

    /** @param exhausted one line per exhausted quota */
    public InsufficientQuotaException(List<String> exhausted) {
        super(
                "Quota exhausted, nothing was created: " + String.join("; ", exhausted)
                        + ". Choose a smaller flavor or fewer instances, delete unused resources, or ask your cloud administrator for more quota.");
        this.exhausted = List.copyOf(exhausted);
    }

    /**
     * @param message the whole message: what is short and what to do (for resources other than instances)
     * @param exhausted one line per exhausted quota
     */
    public InsufficientQuotaException(String message, List<String> exhausted) {
        super(message);
        this.exhausted = List.copyOf(exhausted);
    }

    /** The quotas that are short, one human-readable line each. */
    public List<String> exhausted() {
        return exhausted;
    }
}
