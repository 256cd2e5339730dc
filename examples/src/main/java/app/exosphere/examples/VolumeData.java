package app.exosphere.examples;

import app.exosphere.core.compute.Server;
import app.exosphere.core.volume.Volume;
import java.time.Duration;

/**
 * Data on a volume: create a volume, attach it to a ready instance with Exosphere's device tag, and print
 * where the instance mounts it ({@code /media/volume/<name>}).
 *
 * <pre>{@code
 * java -cp examples/target/exosphere-cli.jar app.exosphere.examples.VolumeData
 * }</pre>
 */
public final class VolumeData {

    private VolumeData() {}

    /** Runs the example; {@code args[0]} is an optional cloud name. */
    public static void main(String[] args) {
        try (CloudSession session = Examples.open(args)) {
            System.out.println(run(session));
        }
    }

    /** Launches an instance, creates and attaches a 10 GB volume "results"; returns its mountpoint. */
    public static String run(CloudSession session) {
        Server server =
                session.launch(LaunchOptions.builder().name("analysis").build()).get(0);
        server = session.waitUntilReady(server.id(), Duration.ofMinutes(60), p -> {});
        // snippet:volume
        Volume volume = session.createVolume("results", 10);
        String mountpoint = session.attachVolume(server, volume); // /media/volume/results
        // end-snippet
        return mountpoint;
    }
}
