package app.exosphere.core.auth;

import java.util.List;

/**
 * One service in a Keystone service catalog.
 *
 * <pre>{@code
 * for (CatalogService s : token.catalog().services()) System.out.println(s.type() + " " + s.name());
 * }</pre>
 *
 * @param id the service id
 * @param type the service type ({@code compute}, {@code volumev3}, ...)
 * @param name the service name ({@code nova}), or null
 * @param endpoints its endpoints
 */
public record CatalogService(String id, String type, String name, List<CatalogEndpoint> endpoints) {
    public CatalogService {
        endpoints = List.copyOf(endpoints);
    }
}
