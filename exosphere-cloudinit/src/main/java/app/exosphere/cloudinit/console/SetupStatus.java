package app.exosphere.cloudinit.console;

import app.exosphere.cloudinit.internal.ElmJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An instance's setup status: a {@link SetupState} and the time it was reported (epoch milliseconds, when
 * known). Derives the status from the console log with Exosphere's rules and timeouts (
 * {@code ExoSetupStatus.parseConsoleLogExoSetupStatus} and {@code GoalServer.stepServerPollConsoleLog}) and encodes/decodes the {@code exoSetup} server metadata value (Exosphere's {@code ExoSetupStatus.encodeMetadataItem}).
 *
 * <pre>{@code
 * SetupStatus current = SetupStatus.fromMetadata(server.metadata());        // exoSetup, or UNKNOWN
 * SetupStatus next = current.next(consoleText, server.createdAt().orElseThrow(), clock.instant());
 * if (next.state() != current.state()) {
 *     compute.servers().metadata(serverId).update(Map.of(SetupStatus.METADATA_KEY, next.toMetadataValue()));
 * }
 * }</pre>
 *
 * @param state the state
 * @param epochMillis when the state was reported or derived, in Unix milliseconds, if known
 */
public record SetupStatus(SetupState state, OptionalLong epochMillis) {

    /** The server metadata key holding the status. */
    public static final String METADATA_KEY = "exoSetup";

    /** A {@link SetupState#WAITING} status older than this (strictly) becomes {@link SetupState#TIMEOUT}. */
    public static final Duration WAITING_TIMEOUT = Duration.ofMinutes(20);

    /** A starting/running status older than this (strictly) becomes {@link SetupState#TIMEOUT}. */
    public static final Duration SETUP_TIMEOUT = Duration.ofHours(2);

    /** Validates. */
    public SetupStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(epochMillis, "epochMillis");
    }

    /** A status without timestamp. */
    public static SetupStatus of(SetupState state) {
        return new SetupStatus(state, OptionalLong.empty());
    }

    /** A status with a timestamp in Unix milliseconds. */
    public static SetupStatus of(SetupState state, long epochMillis) {
        return new SetupStatus(state, OptionalLong.of(epochMillis));
    }

    /** A status with a timestamp. */
    public static SetupStatus of(SetupState state, Instant at) {
        return of(state, at.toEpochMilli());
    }

    /** The value written at server creation: {@code waiting} without timestamp. */
    public static SetupStatus initial() {
        return of(SetupState.WAITING);
    }

    /** {@code unknown} without timestamp: what a server without {@code exoSetup} metadata has. */
    public static SetupStatus unknown() {
        return of(SetupState.UNKNOWN);
    }

    /** The timestamp as an instant, if known. */
    public Optional<Instant> timestamp() {
        return epochMillis.isPresent() ? Optional.of(Instant.ofEpochMilli(epochMillis.getAsLong())) : Optional.empty();
    }

    // ---------------------------------------------------------------- metadata (Exosphere's
    // `ExoSetupStatus.encodeMetadataItem`)

    /**
     * The {@code exoSetup} metadata value, compact JSON: {@code {"status":"running","epoch":1704067220000}}
     * or {@code {"status":"waiting","epoch":null}}.
     */
    public String toMetadataValue() {
        ObjectNode node = ElmJson.MAPPER.createObjectNode();
        node.put("status", state.wire());
        if (epochMillis.isPresent()) {
            node.put("epoch", epochMillis.getAsLong());
        } else {
            node.putNull("epoch");
        }
        return node.toString();
    }

    /**
     * Decodes an {@code exoSetup} metadata value: the JSON form (field {@code status}, or legacy
     * {@code exoSetup}, plus optional integer {@code epoch}); otherwise the whole string as a bare wire
     * word (legacy servers stored e.g. {@code waiting}); {@code null} gives {@link #unknown()}.
     */
    public static SetupStatus fromMetadataValue(String value) {
        if (value == null) {
            return unknown();
        }
        return ElmJson.parseObject(value)
                .flatMap(SetupStatus::decodeObject)
                .orElseGet(() -> of(SetupState.fromWire(value)));
    }

    /** Reads the {@code exoSetup} entry of a server's metadata map; absent → {@link #unknown()}. */
    public static SetupStatus fromMetadata(Map<String, String> serverMetadata) {
        Objects.requireNonNull(serverMetadata, "serverMetadata");
        return fromMetadataValue(serverMetadata.get(METADATA_KEY));
    }

    // ---------------------------------------------------------------- console (Exosphere's
    // `ExoSetupStatus.parseConsoleLogExoSetupStatus` and `GoalServer.stepServerPollConsoleLog`)

    /**
     * The status lines of a console log, in log order, each decoded like Exosphere does (field
     * {@code exoSetup} tried first, then {@code status}; unknown words become {@link SetupState#UNKNOWN}).
     */
    public static List<SetupStatus> linesIn(String consoleText) {
        return ConsoleScanner.decode(consoleText, JsonLineMode.LENIENT, o -> decodeObject(o.object()));
    }

    /**
     * Exosphere's console-log derivation ({@code parseConsoleLogExoSetupStatus}): the last status line
     * wins (or {@code previous} when there is none), then the timeout rule applies with the server's age
     * {@code now - created}: waiting older than 20 min, or starting/running older than 2 h (strictly
     * greater), becomes {@code timeout} stamped {@code now}.
     */
    public static SetupStatus fromConsole(SetupStatus previous, String consoleText, Instant created, Instant now) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(now, "now");
        List<SetupStatus> lines = linesIn(consoleText);
        SetupStatus winner = lines.isEmpty() ? previous : lines.get(lines.size() - 1);
        return winner.timedOut(created, now);
    }

    /**
     * The next status after reading a console log (Exosphere's update loop): {@code complete} is sticky
     * and kept without reading the log; any other status is re-derived with {@link #fromConsole}. Write
     * the metadata when the returned state differs from this one.
     */
    public SetupStatus next(String consoleText, Instant created, Instant now) {
        if (state == SetupState.COMPLETE) {
            return this;
        }
        return fromConsole(this, consoleText, created, now);
    }

    /** Applies the timeout rule only (no console): useful when the console log cannot be read yet. */
    public SetupStatus timedOut(Instant created, Instant now) {
        long age = now.toEpochMilli() - created.toEpochMilli();
        boolean timeout =
                switch (state) {
                    case WAITING -> age > WAITING_TIMEOUT.toMillis();
                    case STARTING, RUNNING -> age > SETUP_TIMEOUT.toMillis();
                    default -> false;
                };
        return timeout ? of(SetupState.TIMEOUT, now) : this;
    }

    /**
     * The console line an instance writes for this status, exactly as Exosphere's scripts print it:
     * {@code {"status":"running", "epoch": 1704067220000}} (note the spaces). Requires a timestamp.
     */
    public String toConsoleLine() {
        if (epochMillis.isEmpty()) {
            throw new IllegalStateException("a console status line needs a timestamp");
        }
        return "{\"status\":\"" + state.wire() + "\", \"epoch\": " + epochMillis.getAsLong() + "}";
    }

    private static Optional<SetupStatus> decodeObject(ObjectNode o) {
        // Exosphere's `ExoSetupStatus.parseConsoleLogExoSetupStatus`: legacy field exoSetup first, then status
        Optional<String> word = ElmJson.string(o.get("exoSetup")).or(() -> ElmJson.string(o.get("status")));
        return word.map(w -> new SetupStatus(SetupState.fromWire(w), ElmJson.integer(o.get("epoch"))));
    }
}
