package app.exosphere.cloudinit.console;

import app.exosphere.cloudinit.internal.ElmJson;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Every JSON line an Exosphere instance writes to its console, in the exact text the instance prints
 * (Exosphere's {@code ServerDeploy.cloudInitUserDataTemplate}, {@code ansible/roles/system-load-logging} and {@code ansible/roles/workflow}), plus the kernel timestamp prefix {@code /dev/kmsg} adds. For
 * simulators and tests that play the instance's part; clients read these lines with
 * {@link ConsoleScanner}, {@link SetupStatus} and {@link ResourceUsageHistory}. Example:
 *
 * <pre>{@code
 * String log = InstanceConsoleLines.kernelPrefix(12.5) + InstanceConsoleLines.setupStatus(SetupState.STARTING, clock.instant())
 *         + "\r\n" + InstanceConsoleLines.guacamoleDeployed() + "\r\n";
 * }</pre>
 */
public final class InstanceConsoleLines {

    /** The field of the workflow token line. */
    public static final String WORKFLOW_TOKEN_FIELD = "exoWorkflowToken";

    /** The field of the workflow progress lines. */
    public static final String WORKFLOW_SETUP_FIELD = "exoWorkflowSetup";

    /** The field of the Guacamole completion line. */
    public static final String GUACAMOLE_DEPLOYED_FIELD = "guacDeployComplete";

    private static final Pattern HEX = Pattern.compile("[a-f0-9]+");

    private InstanceConsoleLines() {}

    /**
     * {@code {"status":"running", "epoch": 1704067220000}}: written by the user-data scripts (starting,
     * running, complete, error) to {@code /dev/console} and {@code /dev/kmsg}.
     *
     * @throws IllegalArgumentException for waiting, timeout and unknown, which no instance writes
     */
    public static String setupStatus(SetupState state, Instant at) {
        Objects.requireNonNull(state, "state");
        if (!state.emittedByInstance()) {
            throw new IllegalArgumentException("an instance never writes setup status " + state.wire());
        }
        return SetupStatus.of(state, at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .toConsoleLine();
    }

    /**
     * {@code {"epoch": 1704067260, "cpuPctUsed": 7, "memPctUsed": 21, "rootfsPctUsed": 11, "gpuPctUsed": null}}:
     * written every minute by {@code /opt/system_load_json.py} (epoch in seconds).
     */
    public static String resourceUsage(ResourceUsagePoint point, Instant at) {
        return point.toConsoleLine(at.getEpochSecond());
    }

    /** {@code {"guacDeployComplete":true}}: written at the end of the Guacamole role. */
    public static String guacamoleDeployed() {
        return "{\"" + GUACAMOLE_DEPLOYED_FIELD + "\":true}";
    }

    /** {@code {"exoWorkflowSetup":"started"}}: the workflow role has begun. */
    public static String workflowSetupStarted() {
        return "{\"" + WORKFLOW_SETUP_FIELD + "\":\"started\"}";
    }

    /** {@code {"exoWorkflowSetup":"complete"}}: the workflow container serves Jupyter. */
    public static String workflowSetupComplete() {
        return "{\"" + WORKFLOW_SETUP_FIELD + "\":\"complete\"}";
    }

    /**
     * {@code {"exoWorkflowToken":"<hex>"}}: the Jupyter token, written after the workflow service starts and
     * then hourly.
     *
     * @param token lower-case hexadecimal, as the instance's script extracts it
     */
    public static String workflowToken(String token) {
        if (token == null || !HEX.matcher(token).matches()) {
            throw new IllegalArgumentException("a workflow token is lower-case hexadecimal ([a-f0-9]+)");
        }
        return ElmJson.MAPPER
                .createObjectNode()
                .put(WORKFLOW_TOKEN_FIELD, token)
                .toString();
    }

    /**
     * The prefix {@code /dev/kmsg} lines get in the console log: {@code [   12.500001] } (seconds since
     * boot, six decimals, right-aligned in a field of 12 characters).
     */
    public static String kernelPrefix(double secondsSinceBoot) {
        if (secondsSinceBoot < 0 || !Double.isFinite(secondsSinceBoot)) {
            throw new IllegalArgumentException("seconds since boot must be finite and >= 0");
        }
        return String.format(Locale.ROOT, "[%12.6f] ", secondsSinceBoot);
    }
}
