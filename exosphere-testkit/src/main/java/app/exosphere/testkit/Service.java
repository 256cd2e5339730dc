package app.exosphere.testkit;

/**
 * The simulated endpoints a request can reach, used to aim {@link Fault faults} and to filter the
 * {@link RequestJournal request journal}.
 *
 * <pre>{@code
 * cloud.faults().add(Fault.on(Service.COMPUTE).method("POST").path("/servers").respondWith(503).build());
 * }</pre>
 */
public enum Service {
    /** Keystone v3 (catalog type {@code identity}). */
    IDENTITY,
    /** Nova v2.1 (catalog type {@code compute}). */
    COMPUTE,
    /** Glance v2 (catalog type {@code image}). */
    IMAGE,
    /** Neutron v2.0 (catalog type {@code network}). */
    NETWORK,
    /** Cinder v3 (catalog type {@code volumev3}). */
    VOLUME,
    /** Manila v2 (catalog type {@code sharev2}). */
    SHARE,
    /** Placement (catalog type {@code placement}). */
    PLACEMENT,
    /** Designate v2 (catalog type {@code dns}). */
    DNS,
    /** Jetstream2's allocation accounting service (catalog type {@code accounting}). */
    ACCOUNTING,
    /** The User Application Proxy and what it fronts (Guacamole on 49528, Jupyter on 8888). */
    UAP,
    /** Matches every service (only meaningful in a {@link Fault}). */
    ANY
}
