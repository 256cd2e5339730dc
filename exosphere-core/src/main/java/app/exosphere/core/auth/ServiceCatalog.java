package app.exosphere.core.auth;

import app.exosphere.core.http.EndpointInterface;
import app.exosphere.core.http.ServiceType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The service catalog of a scoped token: which services the project may use and where they are.
 * Lookup follows the service type's aliases in order of preference ({@code block-storage},
 * {@code volumev3}, {@code volume}) and takes the first endpoint with the requested interface and,
 * when a region is given, that region (Exosphere's {@code GetterSetters.getServicePublicUrl}).
 *
 * <pre>{@code
 * Optional<CatalogEndpoint> cinder =
 *         token.catalog().endpoint(ServiceType.VOLUME, "IU", EndpointInterface.PUBLIC);
 * }</pre>
 *
 * @param services the catalog entries in Keystone's order
 */
public record ServiceCatalog(List<CatalogService> services) {
    /** A catalog without services (unscoped tokens). */
    public static final ServiceCatalog EMPTY = new ServiceCatalog(List.of());

    public ServiceCatalog {
        services = List.copyOf(services);
    }

    /**
     * The endpoint for a service type, region (null = any) and interface.
     *
     * <pre>{@code
     * token.catalog().endpoint(ServiceType.IMAGE, null, EndpointInterface.PUBLIC)
     * }</pre>
     */
    public Optional<CatalogEndpoint> endpoint(ServiceType type, String region, EndpointInterface iface) {
        for (String catalogType : type.catalogTypes()) {
            for (CatalogService s : services) {
                if (!catalogType.equals(s.type())) {
                    continue;
                }
                for (CatalogEndpoint e : s.endpoints()) {
                    if (iface.catalogName().equals(e.interfaceName())
                            && (region == null || region.equals(e.regionId()))) {
                        return Optional.of(e);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The catalog types present, sorted. */
    public Set<String> serviceTypes() {
        Set<String> types = new TreeSet<>();
        services.forEach(s -> types.add(s.type()));
        return types;
    }

    /** The region ids that have at least one endpoint, sorted. */
    public Set<String> regions() {
        Set<String> regions = new TreeSet<>();
        services.forEach(s -> s.endpoints().forEach(e -> {
            if (e.regionId() != null) {
                regions.add(e.regionId());
            }
        }));
        return regions;
    }

    /** The regions in which {@code type} has an endpoint with interface {@code iface}. */
    public Set<String> regionsOf(ServiceType type, EndpointInterface iface) {
        Set<String> regions = new TreeSet<>();
        for (CatalogService s : services) {
            if (type.catalogTypes().contains(s.type())) {
                s.endpoints().stream()
                        .filter(e -> iface.catalogName().equals(e.interfaceName()) && e.regionId() != null)
                        .forEach(e -> regions.add(e.regionId()));
            }
        }
        return regions;
    }
}
