package app.exosphere.core.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to create with {@code Identity.createApplicationCredential}: a name (unique per user), and
 * optionally a description, an expiry, a subset of the current roles, and whether it is unrestricted.
 *
 * <pre>{@code
 * ApplicationCredentialRequest r = ApplicationCredentialRequest.builder("gateway-alice")
 *         .description("science gateway")
 *         .expiresAt(Instant.now().plus(Duration.ofDays(30)))
 *         .build();
 * }</pre>
 */
public final class ApplicationCredentialRequest {
    private final String name;
    private final String description;
    private final Instant expiresAt;
    private final List<String> roles;
    private final boolean unrestricted;

    private ApplicationCredentialRequest(Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.expiresAt = b.expiresAt;
        this.roles = List.copyOf(b.roles);
        this.unrestricted = b.unrestricted;
    }

    /** A request with just a name (what Exosphere sends, {@code Rest.Keystone.requestAppCredential}). */
    public static ApplicationCredentialRequest named(String name) {
        return builder(name).build();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Exosphere's credential name {@code exosphere-<clientUuid>-<projectName>[-<regionId>]-<epochMillis>}.
     */
    // Exosphere's `State.Auth.authUrlWithPortAndVersion`
    public static String exosphereName(String clientUuid, String projectName, String regionId, Instant now) {
        StringBuilder sb =
                new StringBuilder("exosphere-").append(clientUuid).append('-').append(projectName);
        if (regionId != null) {
            sb.append('-').append(regionId);
        }
        return sb.append('-').append(now.toEpochMilli()).toString();
    }

    public String name() {
        return name;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** Role names to delegate; empty = all current roles. */
    public List<String> roles() {
        return roles;
    }

    public boolean unrestricted() {
        return unrestricted;
    }

    /** Builds an {@link ApplicationCredentialRequest}. */
    public static final class Builder {
        private final String name;
        private String description;
        private Instant expiresAt;
        private final List<String> roles = new ArrayList<>();
        private boolean unrestricted;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("application credential name must not be blank");
            }
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder expiresAt(Instant value) {
            this.expiresAt = value;
            return this;
        }

        public Builder role(String roleName) {
            roles.add(Objects.requireNonNull(roleName));
            return this;
        }

        public Builder unrestricted(boolean value) {
            this.unrestricted = value;
            return this;
        }

        public ApplicationCredentialRequest build() {
            return new ApplicationCredentialRequest(this);
        }
    }
}
