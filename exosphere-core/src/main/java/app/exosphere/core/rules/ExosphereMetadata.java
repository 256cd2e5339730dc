package app.exosphere.core.rules;

import app.exosphere.core.error.InvalidLaunchRequestException;
import app.exosphere.workflow.WorkflowMetadata;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The Nova metadata Exosphere writes when it creates a server ({@code newServerMetadata}), so that the
 * Exosphere web app recognises an SDK-launched server as its own. Keys and values are exactly Exosphere's,
 * in its member order.
 *
 * <pre>{@code
 * Map<String, String> md = ExosphereMetadata.builder()
 *         .clientUuid("3f0e8a52-1c2d-4e5f-9a8b-7c6d5e4f3a2b")
 *         .creatorUsername("alice")
 *         .guacamole(true)
 *         .build()
 *         .toMap();
 * // {exoGuac={"v":1,"ssh":true,"vnc":false}, exoServerVersion=6, exoClientUuid=..., exoCreatorUsername=alice,
 * //  exoSetup={"status":"waiting","epoch":null}, exoFloatingIpOption=automatic}
 * }</pre>
 */
@Value.Immutable
public abstract class ExosphereMetadata {

    /** Metadata key: Guacamole configuration, {@code {"v":1,"ssh":true,"vnc":<desktop>}}. */
    public static final String GUAC = "exoGuac";
    /** Metadata key: the Exosphere server version, a decimal string. */
    public static final String SERVER_VERSION = "exoServerVersion";
    /** Metadata key: the UUID of the client installation that created the server. */
    public static final String CLIENT_UUID = "exoClientUuid";
    /** Metadata key: the Keystone user name of the creator. */
    public static final String CREATOR_USERNAME = "exoCreatorUsername";
    /** Metadata key: the setup status JSON {@code {"status":…,"epoch":…}}. */
    public static final String SETUP = "exoSetup";
    /** Metadata key: the floating IP intent. */
    public static final String FLOATING_IP_OPTION = "exoFloatingIpOption";
    /** Metadata key: {@code create} or the floating IP UUID to reuse. */
    public static final String FLOATING_IP_REUSE_OPTION = "exoFloatingIpReuseOption";
    /** Metadata key: the Binder workflow {@code {"v":1,"repo","ref","path"}}. */
    public static final String CUSTOM_WORKFLOW = "exoCustomWorkflow";
    /** Legacy metadata key (server version 0) holding the passphrase. */
    public static final String LEGACY_PASSWORD = "exouserPassword";
    /** Prefix of the server tag that stores the exouser passphrase. */
    public static final String PASSPHRASE_TAG_PREFIX = "exoPw:";
    /**
     * Metadata key the SDK adds (Exosphere ignores unknown keys): the launch id that makes server creation
     * exactly-once under ambiguous failures.
     */
    public static final String LAUNCH_ID = "exoLaunchId";

    /** The server version Exosphere currently writes ({@code Types.Server.currentExoServerVersion}). */
    public static final int CURRENT_SERVER_VERSION = 6;

    /** The initial {@code exoSetup} value. */
    public static final String INITIAL_SETUP = "{\"status\":\"waiting\",\"epoch\":null}";

    /** Nova's limit on metadata keys and values, in characters. */
    public static final int NOVA_MAX_LENGTH = 255;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A stable UUID identifying the SDK installation (Exosphere: one per browser, persisted). */
    public abstract String clientUuid();

    /** The Keystone user name of the user creating the server. */
    public abstract String creatorUsername();

    /** Whether Guacamole (web shell, and web desktop when {@link #desktop()}) is deployed. */
    @Value.Default
    public boolean guacamole() {
        return false;
    }

    /** Whether the graphical desktop is deployed; recorded only inside {@code exoGuac}. */
    @Value.Default
    public boolean desktop() {
        return false;
    }

    /** The floating IP intent; Exosphere's default is automatic. */
    @Value.Default
    public FloatingIpChoice floatingIp() {
        return FloatingIpChoice.automatic();
    }

    /** The Binder workflow the server runs, recorded as {@code exoCustomWorkflow}. */
    public abstract Optional<WorkflowMetadata> customWorkflow();

    /** The launch id the SDK records for exactly-once creation; not an Exosphere key. */
    public abstract Optional<String> launchId();

    @Value.Check
    void check() {
        if (clientUuid().isBlank()) {
            throw new InvalidLaunchRequestException(
                    "exoClientUuid must not be blank: pass a stable UUID of your installation");
        }
        checkLength(CLIENT_UUID, clientUuid());
        checkLength(CREATOR_USERNAME, creatorUsername());
        customWorkflow().ifPresent(v -> checkLength(CUSTOM_WORKFLOW, v.toMetadataValue()));
    }

    private static void checkLength(String key, String value) {
        if (value.length() > NOVA_MAX_LENGTH) {
            throw new InvalidLaunchRequestException("Metadata " + key + " is " + value.length()
                    + " characters long; Nova accepts at most " + NOVA_MAX_LENGTH + ". Shorten it.");
        }
    }

    /** The metadata object of the create request, in Exosphere's member order. */
    // Exosphere's `Helpers.newServerMetadata`
    public Map<String, String> toMap() {
        Map<String, String> md = new LinkedHashMap<>();
        if (guacamole()) {
            Map<String, Object> guac = new LinkedHashMap<>();
            guac.put("v", 1);
            guac.put("ssh", true);
            guac.put("vnc", desktop());
            md.put(GUAC, compactJson(guac));
        }
        md.put(SERVER_VERSION, Integer.toString(CURRENT_SERVER_VERSION));
        md.put(CLIENT_UUID, clientUuid());
        md.put(CREATOR_USERNAME, creatorUsername());
        md.put(SETUP, INITIAL_SETUP);
        md.put(FLOATING_IP_OPTION, floatingIp().optionValue());
        if (floatingIp().kind() == FloatingIpChoice.Kind.CREATE_NEW
                || floatingIp().kind() == FloatingIpChoice.Kind.USE_EXISTING) {
            md.put(FLOATING_IP_REUSE_OPTION, floatingIp().reuseOptionValue().orElseThrow());
        }
        customWorkflow().ifPresent(v -> md.put(CUSTOM_WORKFLOW, v.toMetadataValue()));
        launchId().ifPresent(v -> md.put(LAUNCH_ID, v));
        return java.util.Collections.unmodifiableMap(md);
    }

    /** {@code value} as compact JSON, the form Exosphere writes into metadata values and device tags. */
    public static String compactJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode metadata JSON", e);
        }
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ExosphereMetadata}; start one with {@link ExosphereMetadata#builder()} or {@link ExosphereMetadata#toBuilder()}. */
    public static final class Builder extends ImmutableExosphereMetadata.Builder {
        Builder() {}
    }
}
