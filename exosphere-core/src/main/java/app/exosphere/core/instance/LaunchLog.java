package app.exosphere.core.instance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The launch milestones log (logger {@code app.exosphere.core.instance.LaunchLog}): one INFO line per
 * milestone (created, active, floating IP, setup phases, ready) and a WARN line per skipped step or
 * failure, each with the SLF4J MDC keys {@value #SERVER_ID} and {@value #LAUNCH_ID} set while it is logged
 * (and restored afterwards), so a gateway can follow one launch through its logs. Never logs secrets.
 */
final class LaunchLog {
    /** MDC key: the server id. */
    static final String SERVER_ID = "exosphere.serverId";
    /** MDC key: the launch id. */
    static final String LAUNCH_ID = "exosphere.launchId";

    private static final Logger LOG = LoggerFactory.getLogger(LaunchLog.class);

    private LaunchLog() {}

    static void info(String serverId, Object launchId, String format, Object... args) {
        if (LOG.isInfoEnabled()) {
            withMdc(serverId, launchId, () -> LOG.info(format, args));
        }
    }

    static void warn(String serverId, Object launchId, String format, Object... args) {
        if (LOG.isWarnEnabled()) {
            withMdc(serverId, launchId, () -> LOG.warn(format, args));
        }
    }

    private static void withMdc(String serverId, Object launchId, Runnable log) {
        String oldServer = MDC.get(SERVER_ID);
        String oldLaunch = MDC.get(LAUNCH_ID);
        try {
            put(SERVER_ID, serverId);
            put(LAUNCH_ID, launchId == null ? null : launchId.toString());
            log.run();
        } finally {
            put(SERVER_ID, oldServer);
            put(LAUNCH_ID, oldLaunch);
        }
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
