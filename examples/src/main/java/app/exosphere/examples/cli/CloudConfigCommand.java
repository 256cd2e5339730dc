package app.exosphere.examples.cli;

import app.exosphere.core.config.ExosphereCloudConfig;
import app.exosphere.core.config.ExosphereCloudConfigs;
import app.exosphere.uap.UapCatalog;
import app.exosphere.uap.UapEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exosphere cloud-config}: the Exosphere cloud entry that applies to a Keystone URL — from a
 * {@code cloud_configs.js} file, or Exosphere's built-in one, read with exosphere-core's
 * {@link ExosphereCloudConfigs} — including the UAP hostname for a region
 * (Exosphere's {@code GetterSetters.getUserAppProxyFromContext} and {@code State.Init.cloudSpecificConfigDecoder}).
 *
 * <pre>{@code
 * exosphere cloud-config --keystone-url https://js2.jetstream-cloud.org:5000/v3 --region IU
 * }</pre>
 */
@Command(
        name = "cloud-config",
        mixinStandardHelpOptions = true,
        description = {
            "Print the Exosphere cloud entry for a Keystone URL, with the UAP hostname for the region.",
            "The entry comes from --file cloud_configs.js, else from Exosphere's built-in list."
        },
        footer = {
            "%nExamples:",
            "  exosphere cloud-config --region IU \\",
            "      --keystone-url https://js2.jetstream-cloud.org:5000/v3",
            "  exosphere cloud-config --file cloud_configs.js \\",
            "      --keystone-url https://keystone.example.org:5000/v3"
        })
final class CloudConfigCommand extends CliCommand {

    @Option(names = "--file", paramLabel = "PATH", description = "An Exosphere cloud_configs.js (or JSON) file.")
    private Path file;

    @Option(names = "--keystone-url", required = true, paramLabel = "URL", description = "The Keystone URL.")
    private String keystoneUrl;

    @Option(names = "--region", paramLabel = "R", description = "The region (for the UAP choice).")
    private String region;

    @Override
    protected int run() throws IOException {
        String host = UapCatalog.keystoneHostname(keystoneUrl)
                .orElseThrow(() -> new CliFailure(
                        ExosphereCli.EXIT_FAILURE,
                        "bad-keystone-url",
                        "'" + keystoneUrl + "' is not a URL with a host"));
        ExosphereCloudConfigs configs =
                file == null ? ExosphereCloudConfigs.builtIn() : ExosphereCloudConfigs.load(file);
        ExosphereCloudConfig cloud = configs.forKeystoneUrl(keystoneUrl)
                .orElseThrow(() -> new CliFailure(
                        ExosphereCli.EXIT_FAILURE,
                        "unknown-cloud",
                        "no Exosphere cloud entry for Keystone host " + host + " in "
                                + (file == null ? "Exosphere's built-in cloud_configs.js" : file.toString())));
        String uap = configs.uapCatalog().uapHostnameFor(keystoneUrl, region).orElse(null);
        List<Map<String, Object>> uaps = new ArrayList<>();
        if (cloud.userAppProxy() != null) {
            for (UapEntry e : cloud.userAppProxy().entries()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("region", e.region().orElse(null));
                m.put("hostname", e.hostname());
                uaps.add(m);
            }
        }
        String friendly = cloud.friendlyName();
        String featured = cloud.featuredPrefix().orElse(null);
        if (json()) {
            out().println(Json.document()
                    .put("source", file == null ? "built-in" : file.toString())
                    .put("keystoneHostname", cloud.keystoneHostname())
                    .put("friendlyName", friendly)
                    .put("region", region)
                    .put("uapHostname", uap)
                    .put("userAppProxy", uaps)
                    .put("featuredImageNamePrefix", featured));
        } else {
            out().println("source:            " + (file == null ? "Exosphere built-in cloud_configs.js" : file));
            out().println("keystone hostname: " + cloud.keystoneHostname());
            out().println("friendly name:     " + friendly);
            out().println("UAP hostname:      " + (uap == null ? "none (no web shell, desktop or workflow URLs)" : uap)
                    + (region == null ? "" : " (region " + region + ")"));
            for (Map<String, Object> u : uaps) {
                out().println("  UAP " + (u.get("region") == null ? "(any region)" : u.get("region")) + ": "
                        + u.get("hostname"));
            }
            if (featured != null) {
                out().println("featured images:   names starting with " + featured);
            }
        }
        return 0;
    }
}
