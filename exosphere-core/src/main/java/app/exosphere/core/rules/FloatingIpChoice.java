package app.exosphere.core.rules;

import app.exosphere.core.error.InvalidLaunchRequestException;
import java.util.Objects;
import java.util.Optional;

/**
 * What a launch should do about a floating (public) IP address, recorded on the server as Exosphere's
 * {@code exoFloatingIpOption} / {@code exoFloatingIpReuseOption} metadata so the Exosphere web app
 * follows the same intent.
 *
 * <pre>{@code
 * FloatingIpChoice.automatic();              // only when the instance has no public fixed IP
 * FloatingIpChoice.createNew();              // always create and attach a new one
 * FloatingIpChoice.useExisting("9d1c...");   // attach this project floating IP
 * FloatingIpChoice.none();                   // never
 * }</pre>
 */
public final class FloatingIpChoice {

    /** The four choices Exosphere offers ({@code Helpers.newServerMetadata} and {@code Helpers.getNewFloatingIpOption}). */
    public enum Kind {
        /** Create one only if the server gets no public fixed IP. */
        AUTOMATIC,
        /** Create a new floating IP and attach it. */
        CREATE_NEW,
        /** Attach an existing, unassigned floating IP of the project. */
        USE_EXISTING,
        /** Never attach a floating IP. */
        NONE
    }

    // Exosphere's `Helpers.encodeFloatingIpOption` wire values
    static final String AUTOMATIC_WIRE = "automatic";
    static final String USE_WIRE = "useFloatingIp";
    static final String DO_NOT_USE_WIRE = "doNotUseFloatingIp";
    static final String CREATE_WIRE = "create";

    private static final FloatingIpChoice AUTOMATIC = new FloatingIpChoice(Kind.AUTOMATIC, null);
    private static final FloatingIpChoice CREATE_NEW = new FloatingIpChoice(Kind.CREATE_NEW, null);
    private static final FloatingIpChoice NONE = new FloatingIpChoice(Kind.NONE, null);

    private final Kind kind;
    private final String existingId;

    private FloatingIpChoice(Kind kind, String existingId) {
        this.kind = kind;
        this.existingId = existingId;
    }

    /** Exosphere's default: a floating IP only when the instance has no public fixed address. */
    public static FloatingIpChoice automatic() {
        return AUTOMATIC;
    }

    /** Create a new floating IP on the first external network and attach it. */
    public static FloatingIpChoice createNew() {
        return CREATE_NEW;
    }

    /** Attach the existing floating IP with this id (a Neutron floating IP UUID). */
    public static FloatingIpChoice useExisting(String floatingIpId) {
        if (floatingIpId == null || floatingIpId.isBlank()) {
            throw new InvalidLaunchRequestException("useExisting needs the id of a floating IP of the project");
        }
        if (floatingIpId.equals(CREATE_WIRE)) {
            throw new InvalidLaunchRequestException(
                    "\"create\" is not a floating IP id; use FloatingIpChoice.createNew() instead");
        }
        return new FloatingIpChoice(Kind.USE_EXISTING, floatingIpId);
    }

    /** Never attach a floating IP (the instance is then reachable only on its fixed addresses). */
    public static FloatingIpChoice none() {
        return NONE;
    }

    /** Which of the four choices this is. */
    public Kind kind() {
        return kind;
    }

    /** The floating IP id for {@link Kind#USE_EXISTING}, else empty. */
    public Optional<String> existingFloatingIpId() {
        return Optional.ofNullable(existingId);
    }

    /** The {@code exoFloatingIpOption} metadata value. */
    public String optionValue() {
        switch (kind) {
            case AUTOMATIC:
                return AUTOMATIC_WIRE;
            case NONE:
                return DO_NOT_USE_WIRE;
            default:
                return USE_WIRE;
        }
    }

    /** The {@code exoFloatingIpReuseOption} metadata value; present only for create-new and use-existing. */
    public Optional<String> reuseOptionValue() {
        switch (kind) {
            case CREATE_NEW:
                return Optional.of(CREATE_WIRE);
            case USE_EXISTING:
                return Optional.of(existingId);
            default:
                return Optional.empty();
        }
    }

    /**
     * Reads the intent back from server metadata values exactly like Exosphere: option absent → none;
     * {@code useFloatingIp} with reuse absent or {@code create} → create new; another reuse value → that
     * floating IP; {@code automatic} → automatic; {@code doNotUseFloatingIp} → none; anything else →
     * automatic.
     *
     * @param option the {@code exoFloatingIpOption} value or {@code null}
     * @param reuse the {@code exoFloatingIpReuseOption} value or {@code null}
     */
    // Exosphere's `Helpers.decodeFloatingIpOption`
    public static FloatingIpChoice fromMetadata(String option, String reuse) {
        if (option == null) {
            return NONE;
        }
        switch (option) {
            case USE_WIRE:
                return reuse == null || reuse.equals(CREATE_WIRE)
                        ? CREATE_NEW
                        : new FloatingIpChoice(Kind.USE_EXISTING, reuse);
            case AUTOMATIC_WIRE:
                return AUTOMATIC;
            case DO_NOT_USE_WIRE:
                return NONE;
            default:
                return AUTOMATIC;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatingIpChoice
                && ((FloatingIpChoice) o).kind == kind
                && Objects.equals(((FloatingIpChoice) o).existingId, existingId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, existingId);
    }

    @Override
    public String toString() {
        return kind == Kind.USE_EXISTING ? "USE_EXISTING(" + existingId + ")" : kind.name();
    }
}
