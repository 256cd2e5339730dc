package app.exosphere.core.compute;

import app.exosphere.core.auth.Secret;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A keypair from {@code /os-keypairs}. A generated keypair carries its private key once, on
 * creation; it is redacted from {@code toString}.
 *
 * <pre>{@code
 * Keypair k = compute.keypairs().importKey("laptop", Files.readString(Path.of("id_ed25519.pub"))).execute();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableKeypair.class)
@JsonDeserialize(as = ImmutableKeypair.class)
public abstract class Keypair {
    /** The keypair name. */
    @JsonProperty("name")
    public abstract String name();

    /** The OpenSSH public key. */
    @JsonProperty("public_key")
    @Value.Default
    public String publicKey() {
        return "";
    }

    /** The fingerprint. */
    @JsonProperty("fingerprint")
    public abstract Optional<String> fingerprint();

    /** {@code ssh} or {@code x509} (2.2+). */
    @JsonProperty("type")
    public abstract Optional<String> type();

    /** The owner (in get/create responses). */
    @JsonProperty("user_id")
    public abstract Optional<String> userId();

    /** The private key of a keypair Nova generated (below 2.92 only, once). */
    @JsonProperty("private_key")
    @Value.Redacted
    public abstract Optional<Secret> privateKey();

    /** Creation time ({@code created_at}, in get responses). */
    @JsonProperty("created_at")
    public abstract Optional<String> createdAt();

    /** A builder of {@link Keypair}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link Keypair}; start one with {@link Keypair#builder()} or {@link Keypair#toBuilder()}. */
    public static final class Builder extends ImmutableKeypair.Builder {
        Builder() {}
    }
}
