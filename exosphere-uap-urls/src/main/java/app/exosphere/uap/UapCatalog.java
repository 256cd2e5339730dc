package app.exosphere.uap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The UAP configurations of several clouds, looked up by the host of a project's Keystone catalog URL
 * the way Exosphere does ({@code GetterSetters.getUserAppProxyFromContext}): exact, case-sensitive string equality on the host, the
 * port ignored. When two clouds share a Keystone hostname the later one wins, as in Exosphere's
 * {@code cloud_configs.js} decoding (Exosphere's {@code State.Init.cloudSpecificConfigDecoder}).
 *
 * <pre>{@code
 * UapCatalog catalog = UapCatalog.exosphereDefaults();
 * catalog.uapHostnameFor("https://js2.jetstream-cloud.org:5000/identity/v3", "TACC");
 * // Optional[proxy-js2-tacc.exosphere.app]
 * }</pre>
 */
public final class UapCatalog {
    private final Map<String, UapCloud> byKeystoneHostname;

    private UapCatalog(List<UapCloud> clouds) {
        Map<String, UapCloud> map = new LinkedHashMap<>();
        for (UapCloud cloud : clouds) {
            Objects.requireNonNull(cloud, "clouds must not contain null");
            map.remove(cloud.keystoneHostname()); // a later duplicate replaces the earlier one, in its place
            map.put(cloud.keystoneHostname(), cloud);
        }
        this.byKeystoneHostname = map;
    }

    /** A catalog of these clouds; for a repeated Keystone hostname the later cloud wins. */
    public static UapCatalog of(List<UapCloud> clouds) {
        Objects.requireNonNull(clouds, "clouds");
        return new UapCatalog(clouds);
    }

    /** A catalog of these clouds; for a repeated Keystone hostname the later cloud wins. */
    public static UapCatalog of(UapCloud... clouds) {
        return new UapCatalog(Arrays.asList(clouds));
    }

    /**
     * The UAPs of the clouds configured in the Exosphere web app's {@code cloud_configs.js}
     * (Exosphere's {@code cloud_configs.js}): Jetstream2 (one UAP per region plus an IU catch-all), Nectar (none) and
     * Rescloud (RegionOne only).
     */
    public static UapCatalog exosphereDefaults() {
        return of(
                UapCloud.of(
                        "js2.jetstream-cloud.org",
                        UapConfig.of(
                                UapEntry.of("ASU", "proxy-js2-asu.exosphere.app"),
                                UapEntry.of("Cornell", "proxy-js2-cornell.exosphere.app"),
                                UapEntry.of("IU", "proxy-js2-iu.exosphere.app"),
                                UapEntry.of("TACC", "proxy-js2-tacc.exosphere.app"),
                                UapEntry.of("UH", "proxy-js2-uh.exosphere.app"),
                                UapEntry.catchAll("proxy-js2-iu.exosphere.app"))),
                UapCloud.withoutUap("keystone.rc.nectar.org.au"),
                UapCloud.of("rci.uits.iu.edu", UapConfig.of(UapEntry.of("RegionOne", "proxy-rescloud.exosphere.app"))));
    }

    /** The clouds, one per Keystone hostname. */
    public List<UapCloud> clouds() {
        return List.copyOf(byKeystoneHostname.values());
    }

    /**
     * The cloud whose Keystone hostname equals the host of {@code keystoneUrl} exactly (case-sensitive,
     * port ignored). An unparseable URL matches nothing.
     *
     * @param keystoneUrl the project's Keystone catalog URL, e.g. {@code https://js2.jetstream-cloud.org:5000/identity/v3}
     */
    public Optional<UapCloud> findByKeystoneUrl(String keystoneUrl) {
        return keystoneHostname(keystoneUrl).flatMap(this::findByKeystoneHostname);
    }

    /** The cloud with exactly this Keystone hostname (case-sensitive). */
    public Optional<UapCloud> findByKeystoneHostname(String keystoneHostname) {
        return Optional.ofNullable(byKeystoneHostname.get(keystoneHostname));
    }

    /**
     * The UAP hostname for a project: its cloud found by Keystone URL, then the region rule of
     * {@link UapConfig#hostnameFor(String)}. Empty when the cloud is unknown, has no UAP, or has none for
     * the region.
     *
     * @param keystoneUrl the project's Keystone catalog URL
     * @param region the project's region id, or {@code null} when it has none
     */
    public Optional<String> uapHostnameFor(String keystoneUrl, String region) {
        return findByKeystoneUrl(keystoneUrl).flatMap(cloud -> cloud.uapHostnameFor(region));
    }

    /**
     * The host of an {@code http://} or {@code https://} URL as Exosphere extracts it (elm/url
     * {@code Url.fromString} as used by Exosphere's {@code Helpers.Url.hostnameFromUrl}): not lowercased, port dropped; empty when the
     * URL does not parse (other scheme, empty host, {@code @} in the authority, a non-numeric port, or
     * more than one {@code :}, which includes IPv6 literals).
     *
     * <pre>{@code
     * UapCatalog.keystoneHostname("https://js2.jetstream-cloud.org:5000/identity/v3"); // Optional[js2.jetstream-cloud.org]
     * }</pre>
     */
    public static Optional<String> keystoneHostname(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String rest;
        if (url.startsWith("https://")) {
            rest = url.substring("https://".length());
        } else if (url.startsWith("http://")) {
            rest = url.substring("http://".length());
        } else {
            return Optional.empty();
        }
        int end = rest.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String authority = rest.substring(0, end);
        if (authority.isEmpty() || authority.indexOf('@') >= 0) {
            return Optional.empty();
        }
        int colon = authority.indexOf(':');
        if (colon < 0) {
            return Optional.of(authority);
        }
        if (authority.indexOf(':', colon + 1) >= 0) {
            return Optional.empty();
        }
        String port = authority.substring(colon + 1);
        String digits = port.startsWith("-") ? port.substring(1) : port;
        if (!UapValues.isAsciiDigits(digits)) {
            return Optional.empty();
        }
        return Optional.of(authority.substring(0, colon));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UapCatalog other && clouds().equals(other.clouds());
    }

    @Override
    public int hashCode() {
        return clouds().hashCode();
    }

    @Override
    public String toString() {
        return "UapCatalog" + new ArrayList<>(byKeystoneHostname.values());
    }
}
