package app.exosphere.core.http;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenStack service type as it appears in the Keystone catalog, with the aliases clouds still use
 * (Cinder is {@code block-storage}, {@code volumev3} or {@code volume}), the API version path prefix
 * added when a catalog endpoint has none ({@code v2.0} for Neutron, {@code v2} for Glance), and the
 * microversion header name for services that have microversions.
 *
 * <pre>{@code
 * ServiceClient nova = openStack.service(ServiceType.COMPUTE);
 * ServiceClient swift = openStack.service(ServiceType.of("object-store"));
 * }</pre>
 */
public final class ServiceType {
    /** Nova. Catalog URLs ending in {@code /v2/} are rewritten to {@code /v2.1/} (Exosphere's {@code Helpers.serviceCatalogToEndpoints}). */
    public static final ServiceType COMPUTE = new ServiceType("compute", List.of("compute"), "v2.1", "compute");
    /** Glance (API v2). */
    public static final ServiceType IMAGE = new ServiceType("image", List.of("image"), "v2", null);
    /** Neutron (API v2.0). */
    public static final ServiceType NETWORK = new ServiceType("network", List.of("network"), "v2.0", null);
    /** Cinder (API v3); found under {@code block-storage}, {@code volumev3} or {@code volume}. */
    public static final ServiceType VOLUME =
            new ServiceType("block-storage", List.of("block-storage", "volumev3", "volume"), "v3", "volume");
    /** Keystone (API v3). */
    public static final ServiceType IDENTITY = new ServiceType("identity", List.of("identity"), "v3", null);
    /** Placement (unversioned URLs, microversions 1.x). */
    public static final ServiceType PLACEMENT = new ServiceType("placement", List.of("placement"), null, "placement");

    /**
     * Manila (Shared File Systems API v2), found under {@code sharev2} (what Exosphere looks for) or
     * {@code shared-file-system}; its microversions travel in {@code X-OpenStack-Manila-API-Version}.
     */
    public static final ServiceType SHARE =
            new ServiceType("sharev2", List.of("sharev2", "shared-file-system"), "v2", "shared-file-system");

    /** Designate (API v2; catalog URLs carry no version, Exosphere's {@code Rest.Designate} appends {@code v2}). */
    public static final ServiceType DNS = new ServiceType("dns", List.of("dns"), "v2", null);

    private static final List<ServiceType> KNOWN =
            List.of(COMPUTE, IMAGE, NETWORK, VOLUME, IDENTITY, PLACEMENT, SHARE, DNS);

    private final String type;
    private final List<String> catalogTypes;
    private final String versionPrefix;
    private final String microversionService;

    private ServiceType(String type, List<String> catalogTypes, String versionPrefix, String microversionService) {
        this.type = type;
        this.catalogTypes = catalogTypes;
        this.versionPrefix = versionPrefix;
        this.microversionService = microversionService;
    }

    /**
     * The service type for a catalog type. Known types and their aliases return the constants above
     * ({@code of("volumev3") == VOLUME}); anything else ({@code dns}, {@code object-store}) gets a plain
     * type without version prefix or microversions.
     */
    public static ServiceType of(String catalogType) {
        Objects.requireNonNull(catalogType, "catalogType");
        String t = catalogType.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("service type must not be empty");
        }
        for (ServiceType known : KNOWN) {
            if (known.catalogTypes.contains(t)) {
                return known;
            }
        }
        return new ServiceType(t, List.of(t), null, null);
    }

    /** The official service type ({@code compute}, {@code block-storage}, ...). */
    public String type() {
        return type;
    }

    /** Catalog types accepted for this service, in order of preference. */
    public List<String> catalogTypes() {
        return catalogTypes;
    }

    /** The version path segment added when the endpoint URL has none ({@code v2.0}), if any. */
    public Optional<String> versionPrefix() {
        return Optional.ofNullable(versionPrefix);
    }

    /**
     * The service name in the {@code OpenStack-API-Version} header ({@code compute}, {@code volume},
     * {@code placement}), for services that have microversions.
     */
    public Optional<String> microversionService() {
        return Optional.ofNullable(microversionService);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceType other && other.type.equals(type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public String toString() {
        return type;
    }
}
