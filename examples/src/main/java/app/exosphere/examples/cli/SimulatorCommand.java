package app.exosphere.examples.cli;

import app.exosphere.testkit.CloudCredentials;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.SimulatedClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code exosphere simulator}: runs exosphere-testkit's simulated cloud (Keystone, Nova, Glance, Neutron,
 * Cinder, Placement, the UAP and Guacamole) on loopback until stopped, and writes a clouds.yaml entry
 * ({@code exosphere-sim}) so that {@code exosphere --cloud exosphere-sim ...}, the {@code openstack} CLI
 * and openstacksdk can use it from other processes. On SIGINT/SIGTERM (or when stdin closes, with
 * {@code --until-stdin-closes}) it stops the servers and removes the entry again.
 *
 * <pre>{@code
 * exosphere simulator --port 8774 &
 * openstack --os-cloud exosphere-sim server list
 * exosphere list --cloud exosphere-sim
 * kill %1
 * }</pre>
 */
@Command(
        name = "simulator",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Run the simulated cloud on loopback until stopped (Ctrl-C or SIGTERM), and write the clouds.yaml "
                    + "entry exosphere-sim for this and other clients.",
            "",
            "Examples:",
            "  exosphere simulator --port 8774 &",
            "  openstack --os-cloud exosphere-sim server list",
            "  exosphere list --cloud exosphere-sim"
        })
final class SimulatorCommand extends CliCommand {

    @Option(
            names = "--port",
            paramLabel = "P",
            defaultValue = "0",
            description = "The loopback port of the OpenStack APIs (default: any free port).")
    int port;

    @Option(
            names = "--speed",
            paramLabel = "X",
            defaultValue = "60",
            description = "Simulated seconds per wall second (default: 60, one wall second is one minute).")
    double speed;

    @Option(
            names = "--clouds-yaml",
            paramLabel = "FILE",
            description = "The clouds.yaml to add the entry to (default: $HOME/.config/openstack/clouds.yaml).")
    Path cloudsYaml;

    @Option(
            names = "--cloud-name",
            paramLabel = "NAME",
            defaultValue = "exosphere-sim",
            description = "The name of the clouds.yaml entry (default: exosphere-sim).")
    String cloudName;

    @Option(
            names = "--until-stdin-closes",
            description = "Also stop when standard input reaches its end (for supervisors and tests).")
    boolean untilStdinCloses;

    @Override
    protected int run() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec().commandLine(), "--port must be between 0 and 65535, got " + port);
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new ParameterException(spec().commandLine(), "--speed must be a positive number, got " + speed);
        }
        if (!cloudName.matches("[A-Za-z0-9_.-]+")) {
            throw new ParameterException(
                    spec().commandLine(), "--cloud-name may use letters, digits, '.', '_' and '-' only");
        }
        Path file = cloudsYaml != null ? cloudsYaml : defaultCloudsYaml(cli().env("HOME"));
        CloudSimulator sim = CloudSimulator.builder()
                .scenario(Scenario.jetstream2())
                .clock(SimulatedClock.accelerated(speed))
                .port(port)
                .start();
        CloudsYamlEntry entry;
        try {
            entry = CloudsYamlEntry.write(file, cloudName, sim.credentials());
        } catch (IOException | RuntimeException e) {
            sim.close();
            throw e;
        }
        Object stopLock = new Object();
        boolean[] stopped = {false};
        Runnable stop = () -> {
            synchronized (stopLock) {
                if (!stopped[0]) {
                    stopped[0] = true;
                    sim.close();
                    entry.remove();
                }
            }
        };
        Thread hook = new Thread(stop, "exosphere-simulator-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            CloudCredentials c = sim.credentials();
            if (json()) {
                out().println(Json.document()
                        .put("cloud", cloudName)
                        .put("cloudsYaml", file.toString())
                        .put("authUrl", c.authUrl())
                        .put("region", c.defaultRegion())
                        .put("speed", speed));
            } else {
                out().println("Simulated cloud " + sim.scenario().friendlyName() + " running: Keystone at "
                        + c.authUrl() + ", region " + c.defaultRegion() + ", " + speed
                        + " simulated seconds per second.");
                out().println("Wrote the clouds.yaml entry '" + cloudName + "' to " + file + entry.note()
                        + "; use --cloud " + cloudName + " or --os-cloud " + cloudName + ".");
                out().println("Stop with Ctrl-C or SIGTERM; stopping removes the entry again.");
            }
            out().flush();
            if (untilStdinCloses) {
                byte[] buf = new byte[256];
                while (stdin().read(buf) >= 0) {
                    // keep reading until the end of input
                }
            } else {
                new CountDownLatch(1).await();
            }
        } finally {
            stop.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing left to do
            }
        }
        if (!json()) {
            out().println("Simulator stopped; removed '" + cloudName + "' from " + file + ".");
        }
        return 0;
    }

    private static Path defaultCloudsYaml(String home) {
        Path h = Path.of(home == null ? System.getProperty("user.home") : home);
        return h.resolve(".config").resolve("openstack").resolve("clouds.yaml");
    }

    /** One entry written into a clouds.yaml, removed again by {@link #remove()}. */
    static final class CloudsYamlEntry {
        private final Path file;
        private final String name;
        private final boolean created;
        private final boolean backedUp;

        private CloudsYamlEntry(Path file, String name, boolean created, boolean backedUp) {
            this.file = file;
            this.name = name;
            this.created = created;
            this.backedUp = backedUp;
        }

        static CloudsYamlEntry write(Path file, String name, CloudCredentials c) throws IOException {
            boolean existed = Files.exists(file);
            Map<String, Object> doc = existed ? read(file) : new LinkedHashMap<>();
            boolean backedUp = false;
            if (existed) {
                Files.copy(
                        file,
                        file.resolveSibling(file.getFileName() + ".bak"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                backedUp = true;
            } else if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Map<String, Object> auth = new LinkedHashMap<>();
            auth.put("auth_url", c.authUrl());
            auth.put("username", c.username());
            auth.put("password", c.password());
            auth.put("user_domain_name", c.userDomainName());
            auth.put("project_name", c.projectName());
            auth.put("project_domain_name", c.projectDomainName());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("auth", auth);
            entry.put("region_name", c.defaultRegion());
            entry.put("interface", "public");
            entry.put("identity_api_version", 3);
            clouds(doc).put(name, entry);
            dump(file, doc);
            return new CloudsYamlEntry(file, name, !existed, backedUp);
        }

        String note() {
            return created ? " (new file)" : backedUp ? " (previous version in " + file.getFileName() + ".bak)" : "";
        }

        /** Removes the entry (and the file, if this created it and nothing else is in it). */
        void remove() {
            try {
                if (!Files.exists(file)) {
                    return;
                }
                Map<String, Object> doc = read(file);
                Map<String, Object> clouds = clouds(doc);
                clouds.remove(name);
                if (created && clouds.isEmpty() && doc.size() == 1) {
                    Files.delete(file);
                } else {
                    dump(file, doc);
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("exosphere simulator: could not remove '" + name + "' from " + file + ": " + e);
            }
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> clouds(Map<String, Object> doc) {
            Object clouds = doc.get("clouds");
            if (!(clouds instanceof Map)) {
                clouds = new LinkedHashMap<String, Object>();
                doc.put("clouds", clouds);
            }
            return (Map<String, Object>) clouds;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> read(Path file) throws IOException {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(file, StandardCharsets.UTF_8));
            if (doc == null) {
                return new LinkedHashMap<>();
            }
            if (!(doc instanceof Map)) {
                throw new CliFailure(
                        ExosphereCli.EXIT_FAILURE,
                        "configuration",
                        file + " is not a YAML mapping; pass --clouds-yaml with another file");
            }
            return new LinkedHashMap<>((Map<String, Object>) doc);
        }

        private static void dump(Path file, Map<String, Object> doc) throws IOException {
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            options.setIndent(2);
            String text = new Yaml(new Representer(options), options).dump(doc);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                // the file holds a password: readable by its owner only
                Files.createFile(
                        tmp,
                        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(
                    tmp,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
