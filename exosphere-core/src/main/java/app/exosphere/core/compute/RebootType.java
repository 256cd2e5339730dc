package app.exosphere.core.compute;

/**
 * The {@code type} of a {@code reboot} action.
 *
 * <pre>{@code
 * compute.servers().actions(server).reboot(RebootType.HARD);
 * }</pre>
 */
public enum RebootType {
    /** Graceful restart by the guest OS (Exosphere's "Reboot"). */
    SOFT,
    /** Power cycle. */
    HARD
}
