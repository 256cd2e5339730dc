package app.exosphere.core.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * An application credential created for the current user. The secret is only known right after
 * creation; it never appears in {@code toString()}.
 *
 * <pre>{@code
 * ApplicationCredential ac = openStack.identity().createApplicationCredential(
 *         ApplicationCredentialRequest.named("my-gateway")).execute();
 * String secret = ac.secret().orElseThrow().reveal();   // store it now: Keystone shows it only once
 * Credentials later = ac.toCredentials();
 * }</pre>
 */
public final class ApplicationCredential {
    private final String id;
    private final String name;
    private final Secret secret;
    private final String projectId;
    private final String description;
    private final Instant expiresAt;
    private final boolean unrestricted;

    public ApplicationCredential(
            String id,
            String name,
            String secret,
            String projectId,
            String description,
            Instant expiresAt,
            boolean unrestricted) {
        this.id = id;
        this.name = name;
        this.secret = secret == null ? null : Secret.of(secret);
        this.projectId = projectId;
        this.description = description;
        this.expiresAt = expiresAt;
        this.unrestricted = unrestricted;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The secret, present only in the creation response. */
    public Optional<Secret> secret() {
        return Optional.ofNullable(secret);
    }

    public String projectId() {
        return projectId;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** Expiry, or empty for a credential that never expires. */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** True if the credential may create further credentials and trusts. */
    public boolean unrestricted() {
        return unrestricted;
    }

    /**
     * Credentials that authenticate with this application credential.
     *
     * @throws IllegalStateException if the secret is not known (only creation returns it)
     */
    public Credentials toCredentials() {
        if (secret == null) {
            throw new IllegalStateException("the secret of application credential " + id
                    + " is only returned when it is created; store it then");
        }
        return Credentials.applicationCredential(id, secret.reveal());
    }

    @Override
    public String toString() {
        return "ApplicationCredential{id=" + id + ", name=" + name + ", projectId=" + projectId + ", secret="
                + (secret == null ? "-" : "<redacted>") + "}";
    }
}
