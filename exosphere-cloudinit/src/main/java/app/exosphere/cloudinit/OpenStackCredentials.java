package app.exosphere.cloudinit;

import app.exosphere.cloudinit.internal.Checks;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * An OpenStack application credential to inject into an instance for {@code exouser}, as
 * {@code ~/openrc.sh} and {@code ~/.config/openstack/clouds.yaml} (mode 0400, written after the user
 * exists), like Exosphere's experimental "inject OpenStack credentials" ({@code Credentials.getOpenStackCredentialWriteFilesYaml}). The secret
 * is held as a {@link SecretText}, so neither {@code toString()} nor printing it shows it. Example:
 *
 * <pre>{@code
 * OpenStackCredentials creds = OpenStackCredentials.builder()
 *         .authUrl("https://js2.jetstream-cloud.org:5000/v3/")
 *         .applicationCredentialId(id)
 *         .applicationCredentialSecret(secret)
 *         .projectName("TG-ABC123")
 *         .region("IU")
 *         .build();                          // cloudName() = "TG_ABC123_IU"
 * }</pre>
 */
@Value.Immutable
public abstract class OpenStackCredentials {

    private static final Pattern NON_WORD_RUNS = Pattern.compile("[^A-Za-z0-9_]+");

    /** The default region name when none is given. */
    public static final String DEFAULT_REGION = "RegionOne";

    /** The Keystone URL from the project's catalog. */
    public abstract String authUrl();

    /** The application credential's id. */
    public abstract String applicationCredentialId();

    /** The application credential's secret (prints as {@code <redacted>}). */
    public abstract SecretText applicationCredentialSecret();

    /** The project's name (used for the clouds.yaml entry name). */
    public abstract String projectName();

    /** The project's region id, if it has one. */
    public abstract Optional<String> region();

    /**
     * The clouds.yaml entry name: project name, plus {@code _<region>} when there is a region, with every
     * run of non-word characters replaced by {@code _} ({@code Project One} + {@code RegionOne} →
     * {@code Project_One_RegionOne}).
     */
    public String cloudName() {
        String raw = projectName() + region().map(r -> "_" + r).orElse("");
        return NON_WORD_RUNS.matcher(raw).replaceAll("_");
    }

    /** The region written into the files: {@link #region()} or {@value #DEFAULT_REGION}. */
    public String regionName() {
        return region().orElse(DEFAULT_REGION);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Value.Check
    protected void check() {
        Checks.httpUrl("openStackCredentials.authUrl", authUrl());
        Checks.text("openStackCredentials.applicationCredentialId", applicationCredentialId(), 1024);
        Checks.text(
                "openStackCredentials.applicationCredentialSecret",
                applicationCredentialSecret().reveal(),
                1024);
        Checks.text("openStackCredentials.projectName", projectName(), 255);
        region().ifPresent(r -> Checks.text("openStackCredentials.region", r, 255));
        Checks.text("openStackCredentials.cloudName", cloudName(), 255);
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link OpenStackCredentials}; start one with {@link OpenStackCredentials#builder()} or {@link OpenStackCredentials#toBuilder()}. */
    public static final class Builder extends ImmutableOpenStackCredentials.Builder {
        Builder() {}

        /** Sets the application credential's secret from its text (held as a {@link SecretText}). */
        public Builder applicationCredentialSecret(String secret) {
            return applicationCredentialSecret(SecretText.of(secret));
        }
    }
}
