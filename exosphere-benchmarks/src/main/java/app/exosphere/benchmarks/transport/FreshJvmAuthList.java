package app.exosphere.benchmarks.transport;

import app.exosphere.core.OpenStack;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.openstack4j.api.OSClient;

/**
 * One fresh-JVM run: authenticate with a password, scope to a project and list its servers (details),
 * then print one {@code RESULT} line and exit. {@link FreshJvmComparison} starts it as a child process
 * for each client in turn.
 *
 * <pre>{@code
 * java -cp ... app.exosphere.benchmarks.transport.FreshJvmAuthList sdk http://127.0.0.1:5000/v3 demo secret <project-id>
 * }</pre>
 */
public final class FreshJvmAuthList {
    private FreshJvmAuthList() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        if (args.length != 5) {
            System.err.println("usage: FreshJvmAuthList sdk|openstack4j <auth-url> <user> <password> <project-id>");
            System.exit(2);
        }
        String client = args[0];
        int servers;
        long buildNanos;
        if (client.equals("sdk")) {
            OpenStack os = Peers.sdkBuilder(args[1], args[2], args[3], args[4]).build();
            buildNanos = System.nanoTime() - start;
            servers = Peers.sdkList(os).size();
            Peers.close(os);
        } else if (client.equals("openstack4j")) {
            OSClient.OSClientV3 os = Peers.openstack4j(args[1], args[2], args[3], args[4]);
            buildNanos = System.nanoTime() - start;
            servers = Peers.openstack4jList(os).size();
        } else {
            throw new IllegalArgumentException("client is sdk or openstack4j, not " + client);
        }
        long mainNanos = System.nanoTime() - start;
        long sinceJvmStart = System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf(
                Locale.ROOT,
                "RESULT client=%s servers=%d auth_ms=%.1f main_ms=%.1f jvm_ms=%d classes=%d%n",
                client,
                servers,
                buildNanos / 1e6,
                mainNanos / 1e6,
                sinceJvmStart,
                ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        System.out.flush();
        System.exit(0); // openstack4j's connector may keep non-daemon threads alive
    }
}
