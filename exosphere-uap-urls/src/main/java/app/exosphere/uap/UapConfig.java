package app.exosphere.uap;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The User Application Proxies of one cloud: the {@code userAppProxy} list of an Exosphere cloud entry,
 * in configuration order. {@link #hostnameFor(String)} picks the UAP for a project's region with
 * Exosphere's exact rule.
 *
 * <pre>{@code
 * UapConfig js2 = UapConfig.of(
 *         UapEntry.of("IU", "proxy-js2-iu.exosphere.app"),
 *         UapEntry.of("TACC", "proxy-js2-tacc.exosphere.app"),
 *         UapEntry.catchAll("proxy-js2-iu.exosphere.app"));
 * js2.hostnameFor("TACC");    // Optional[proxy-js2-tacc.exosphere.app]
 * js2.hostnameFor("Nowhere"); // Optional[proxy-js2-iu.exosphere.app] (catch-all)
 * }</pre>
 */
public final class UapConfig {
    private final List<UapEntry> entries;

    private UapConfig(List<UapEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** A configuration with these entries, in order (an empty list is allowed and never matches). */
    public static UapConfig of(List<UapEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        return new UapConfig(entries);
    }

    /** A configuration with these entries, in order. */
    public static UapConfig of(UapEntry... entries) {
        return new UapConfig(Arrays.asList(entries));
    }

    /** The entries in configuration order. */
    public List<UapEntry> entries() {
        return entries;
    }

    /**
     * The UAP hostname for a project in {@code region}: the first entry whose region equals it exactly
     * (case-sensitive), else the first catch-all entry, else none. A project without a region
     * ({@code null}) gets the first catch-all entry. // Exosphere's {@code GetterSetters.getUserAppProxyFromContext}
     *
     * @param region the project's region id, or {@code null} when the project has no region
     */
    public Optional<String> hostnameFor(String region) {
        return entryFor(region).map(UapEntry::hostname);
    }

    /** Like {@link #hostnameFor(String)}, returning the matching entry. */
    public Optional<UapEntry> entryFor(String region) {
        if (region != null) {
            for (UapEntry entry : entries) {
                if (region.equals(entry.region().orElse(null))) {
                    return Optional.of(entry);
                }
            }
        }
        for (UapEntry entry : entries) {
            if (entry.isCatchAll()) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UapConfig other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "UapConfig" + entries;
    }
}
