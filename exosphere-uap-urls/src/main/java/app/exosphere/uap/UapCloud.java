package app.exosphere.uap;

import java.util.Objects;
import java.util.Optional;

/**
 * A cloud as far as the UAP is concerned: the Keystone hostname that identifies it in Exosphere's
 * {@code cloud_configs.js} and its {@code userAppProxy} configuration, absent when the cloud has no UAP
 * (then Guacamole and workflow URLs cannot be built, Exosphere's {@code GetterSetters.getUserAppProxyFromContext}).
 *
 * <pre>{@code
 * UapCloud rescloud = UapCloud.of("rci.uits.iu.edu",
 *         UapConfig.of(UapEntry.of("RegionOne", "proxy-rescloud.exosphere.app")));
 * UapCloud nectar = UapCloud.withoutUap("keystone.rc.nectar.org.au");
 * }</pre>
 */
public final class UapCloud {
    private final String keystoneHostname;
    private final UapConfig userAppProxy;

    private UapCloud(String keystoneHostname, UapConfig userAppProxy) {
        Objects.requireNonNull(keystoneHostname, "keystoneHostname");
        if (keystoneHostname.isEmpty()) {
            throw new IllegalArgumentException("keystoneHostname must not be empty");
        }
        this.keystoneHostname = keystoneHostname;
        this.userAppProxy = userAppProxy;
    }

    /**
     * A cloud with a UAP configuration.
     *
     * @param keystoneHostname the host of the cloud's Keystone URL, e.g. {@code js2.jetstream-cloud.org}
     * @param userAppProxy its UAPs, or {@code null} when it has none
     */
    public static UapCloud of(String keystoneHostname, UapConfig userAppProxy) {
        return new UapCloud(keystoneHostname, userAppProxy);
    }

    /** A cloud whose configuration has {@code userAppProxy: null}. */
    public static UapCloud withoutUap(String keystoneHostname) {
        return new UapCloud(keystoneHostname, null);
    }

    /** The Keystone hostname that identifies this cloud (matched exactly, case-sensitive). */
    public String keystoneHostname() {
        return keystoneHostname;
    }

    /** The cloud's UAPs; empty when the cloud has none. */
    public Optional<UapConfig> userAppProxy() {
        return Optional.ofNullable(userAppProxy);
    }

    /** The UAP hostname for a region of this cloud ({@code null} for a project without a region). */
    public Optional<String> uapHostnameFor(String region) {
        return userAppProxy().flatMap(config -> config.hostnameFor(region));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UapCloud other
                && keystoneHostname.equals(other.keystoneHostname)
                && Objects.equals(userAppProxy, other.userAppProxy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keystoneHostname, userAppProxy);
    }

    @Override
    public String toString() {
        return "UapCloud{keystoneHostname=" + keystoneHostname + ", userAppProxy=" + userAppProxy + "}";
    }
}
