package app.exosphere.cloudinit;

/**
 * What happens when extra cloud-config sets a scalar that is already set to a different value. Maps
 * always merge key by key and lists always concatenate (Exosphere's entries first); a map/list/scalar
 * kind mismatch is always a {@link CloudConfigConflictException}. Example:
 *
 * <pre>{@code
 * UserDataOptions.builder().addExtraCloudConfig(CloudConfigFragment.of("timezone", "UTC")).mergePolicy(CloudConfigMergePolicy.EXTENSION_WINS)
 * }</pre>
 */
public enum CloudConfigMergePolicy {
    /** Throw {@link CloudConfigConflictException} (the default). */
    FAIL_ON_CONFLICT,
    /** The later fragment's scalar replaces the earlier one. */
    EXTENSION_WINS
}
