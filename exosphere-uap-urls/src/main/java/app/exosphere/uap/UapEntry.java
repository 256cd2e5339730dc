package app.exosphere.uap;

import java.util.Objects;
import java.util.Optional;

/**
 * One element of a cloud's {@code userAppProxy} list in Exosphere's {@code cloud_configs.js}: the UAP
 * hostname serving one region, or every region without an entry of its own when the region is absent
 * (the catch-all, {@code region: null} in the configuration).
 *
 * <pre>{@code
 * UapEntry iu = UapEntry.of("IU", "proxy-js2-iu.exosphere.app");
 * UapEntry fallback = UapEntry.catchAll("proxy-js2-iu.exosphere.app");
 * }</pre>
 */
public final class UapEntry {
    private final String region;
    private final String hostname;

    private UapEntry(String region, String hostname) {
        this.region = region;
        this.hostname = UapValues.hostname("UAP hostname", hostname);
    }

    /**
     * An entry for one region.
     *
     * @param region the OpenStack region id, matched exactly; {@code null} makes a catch-all entry
     * @param hostname the UAP hostname, e.g. {@code proxy-js2-iu.exosphere.app}
     * @throws InvalidUapValueException if the hostname is empty or not a valid DNS name
     */
    public static UapEntry of(String region, String hostname) {
        return new UapEntry(region, hostname);
    }

    /** An entry with no region: used for regions without an entry of their own (Exosphere's {@code GetterSetters.getUserAppProxyFromContext}). */
    public static UapEntry catchAll(String hostname) {
        return new UapEntry(null, hostname);
    }

    /** The region id this entry serves; empty for the catch-all entry. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** Whether this is a catch-all ({@code region: null}) entry. */
    public boolean isCatchAll() {
        return region == null;
    }

    /** The UAP hostname, exactly as configured (case kept). */
    public String hostname() {
        return hostname;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UapEntry other && Objects.equals(region, other.region) && hostname.equals(other.hostname);
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, hostname);
    }

    @Override
    public String toString() {
        return "UapEntry{region=" + region + ", hostname=" + hostname + "}";
    }
}
