package app.exosphere.core.internal;

import app.exosphere.core.http.Microversion;
import app.exosphere.core.http.MicroversionRange;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * State shared by an {@code OpenStack} root and all its derived views: HTTP engine, authenticator
 * (token cache), endpoint overrides, client microversion maxima and the version-discovery cache.
 *
 * @param engine the HTTP engine
 * @param auth the authenticator
 * @param endpointOverrides service type to URL
 * @param clientMaxMicroversions microversion service name to client maximum
 * @param versionCache discovered microversion ranges per versioned root URL
 * @param unreadableVersionDocuments per version document URL, when (injected clock) it last could not be
 *     read while an answer was waiting to be confirmed
 */
public record Context(
        HttpEngine engine,
        Authenticator auth,
        Map<String, String> endpointOverrides,
        Map<String, Microversion> clientMaxMicroversions,
        ConcurrentMap<String, CompletableFuture<Optional<MicroversionRange>>> versionCache,
        ConcurrentMap<String, Instant> unreadableVersionDocuments) {

    /** The highest microversions this SDK knows (what is negotiated unless lowered). */
    public static final Map<String, Microversion> KNOWN_MAXIMA = Map.of(
            "compute", Microversion.of(2, 100), "volume", Microversion.of(3, 71), "placement", Microversion.of(1, 39));

    public Context {
        endpointOverrides = Map.copyOf(endpointOverrides);
        clientMaxMicroversions = Map.copyOf(clientMaxMicroversions);
    }

    /** A context whose version documents have all been readable so far. */
    public Context(
            HttpEngine engine,
            Authenticator auth,
            Map<String, String> endpointOverrides,
            Map<String, Microversion> clientMaxMicroversions,
            ConcurrentMap<String, CompletableFuture<Optional<MicroversionRange>>> versionCache) {
        this(engine, auth, endpointOverrides, clientMaxMicroversions, versionCache, new ConcurrentHashMap<>());
    }

    public static ConcurrentMap<String, CompletableFuture<Optional<MicroversionRange>>> newVersionCache() {
        return new ConcurrentHashMap<>();
    }

    public Microversion clientMax(String microversionService) {
        Microversion m = clientMaxMicroversions.get(microversionService);
        if (m == null) {
            m = KNOWN_MAXIMA.get(microversionService);
        }
        return m;
    }
}
