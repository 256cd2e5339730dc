package app.exosphere.cloudinit.console;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code exoServerVersion} an Exosphere instance was created with, and the features it gates
 * (Exosphere's {@code Helpers.newServerMetadata} and {@code Types.Server.currentExoServerVersion}). The current version is {@value #CURRENT}. Example:
 *
 * <pre>{@code
 * Optional<ExoServerVersion> v = ExoServerVersion.fromMetadata(server.metadata());
 * boolean poll = v.map(ExoServerVersion::reportsSetupStatus).orElse(false);
 * }</pre>
 *
 * @param value the version number, 0 or more
 */
public record ExoServerVersion(int value) implements Comparable<ExoServerVersion> {

    /** The server metadata key. */
    public static final String METADATA_KEY = "exoServerVersion";

    /** Legacy metadata key of version-0 servers (passphrase in metadata). */
    public static final String LEGACY_PASSWORD_KEY = "exouserPassword";

    /** The version Exosphere writes today. */
    public static final int CURRENT = 6;

    /** Validates. */
    public ExoServerVersion {
        if (value < 0) {
            throw new IllegalArgumentException("exoServerVersion must be >= 0, was " + value);
        }
    }

    /** The version Exosphere writes today ({@value #CURRENT}). */
    public static ExoServerVersion current() {
        return new ExoServerVersion(CURRENT);
    }

    /**
     * The version of a server from its metadata, or empty when the server was not made by Exosphere:
     * {@code exoServerVersion} parsed as an integer; if absent or unparseable but {@code exouserPassword}
     * exists → 0.
     */
    public static Optional<ExoServerVersion> fromMetadata(Map<String, String> serverMetadata) {
        Objects.requireNonNull(serverMetadata, "serverMetadata");
        String raw = serverMetadata.get(METADATA_KEY);
        if (raw != null) {
            try {
                int v = Integer.parseInt(raw);
                if (v >= 0) {
                    return Optional.of(new ExoServerVersion(v));
                }
            } catch (NumberFormatException e) {
                // falls through to the legacy rule
            }
        }
        return serverMetadata.containsKey(LEGACY_PASSWORD_KEY)
                ? Optional.of(new ExoServerVersion(0))
                : Optional.empty();
    }

    /** The metadata value ({@code "6"}). */
    public String toMetadataValue() {
        return Integer.toString(value);
    }

    /** Version 0 kept the passphrase in metadata (Exosphere warns of a privilege-escalation risk). */
    public boolean hasLegacyPassphraseMetadata() {
        return value < 1;
    }

    /** Version ≥ 1: the passphrase goes through the Nova server password into the {@code exoPw:} tag. */
    public boolean passphraseViaServerPassword() {
        return value >= 1;
    }

    /** Version ≥ 2: resource usage is reported on the console (graphs are polled). */
    public boolean reportsResourceUsage() {
        return value >= 2;
    }

    /** Version ≥ 3: Guacamole (web shell/desktop) and workflows are available. */
    public boolean supportsGuacamole() {
        return value >= 3;
    }

    /** Version ≥ 4: setup status is reported on the console (below 4, an active server is simply ready). */
    public boolean reportsSetupStatus() {
        return value >= 4;
    }

    /** Version ≥ 5: volumes mount at {@code /media/volume/<sanitized name>}; {@code exoVolumes::} metadata. */
    public boolean namedMountpoints() {
        return value >= 5;
    }

    /** Exactly 5: volume names are recorded in {@code exoVolumes::<uuid>} server metadata on attach. */
    public boolean volumeNamesInMetadata() {
        return value == 5;
    }

    /** Version ≥ 6: the volume name travels in the attachment's device tag {@code exoVolume::}. */
    public boolean volumeNameInDeviceTag() {
        return value >= 6;
    }

    @Override
    public int compareTo(ExoServerVersion other) {
        return Integer.compare(value, other.value);
    }
}
