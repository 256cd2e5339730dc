package app.exosphere.contract;

import java.time.Duration;
import java.util.Optional;

/**
 * A cloud the contract scenarios run against: the simulated cloud of {@code exosphere-testkit} or
 * the real loopback OpenStack of {@code integration/osbox}. The scenarios are written once against
 * this interface; everything that legitimately differs between the two clouds (names of seeded
 * resources, how time passes, what only a real guest could do) is a method here, never an
 * {@code if} in a scenario.
 *
 * <pre>{@code
 * ContractCloud cloud = OsboxCloud.connect();
 * Rest.Session member = Rest.login(cloud.authUrl(), cloud.member());
 * }</pre>
 */
interface ContractCloud extends AutoCloseable {

    /** A short name for reports: {@code simulator} or {@code osbox}. */
    String name();

    /** The Keystone v3 URL, e.g. {@code http://127.0.0.1:5000/v3}. */
    String authUrl();

    /** An ordinary project member (what a gateway user is). */
    Rest.Login member();

    /** A cloud administrator, if this cloud offers one (needed to read user data back from Nova). */
    Optional<Rest.Login> admin();

    /** The region every scenario uses. */
    String region();

    /** Name of a public, active image to boot from. */
    String imageName();

    /** Name of a small flavor a member may boot (disk ≥ 1 GB). */
    String smallFlavorName();

    /** Name of a second, different small flavor to resize to. */
    String resizeFlavorName();

    /** Name of the external network that is the floating-IP pool. */
    String externalNetworkName();

    /**
     * Lets time pass while polling: wall-clock sleep on a real cloud, an advance of the simulated
     * clock on the simulator.
     */
    void pause(Duration d);

    /** The clock SDK clients use on this cloud: the system clock, or the simulator's accelerated one. */
    default java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }

    /**
     * Whether an image made from a server gets its data and becomes {@code active}: true on the simulator;
     * false on osbox, whose Nova {@code fake.FakeDriver} uploads nothing, so the image stays queued.
     */
    default boolean savesServerImages() {
        return true;
    }

    /** How long a state change (server ACTIVE, volume available, …) may take before a scenario fails. */
    Duration patience();

    @Override
    void close();
}
