package app.exosphere.examples.cli;

import app.exosphere.uap.UapCatalog;
import app.exosphere.uap.UapCloud;
import app.exosphere.uap.UapConfig;
import app.exosphere.uap.UapEntry;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exosphere cloud-config}: the Exosphere cloud entry that applies to a Keystone URL — from a
 * {@code cloud_configs.js} file, or Exosphere's built-in list — including the UAP hostname for a region
 * (exosphere-spec §5.2, §8.4).
 *
 * <pre>{@code
 * exosphere cloud-config --keystone-url https://js2.jetstream-cloud.org:5000/v3 --region IU
 * }</pre>
 */
@Command(
        name = "cloud-config",
        mixinStandardHelpOptions = true,
        description = {
            "Print the Exosphere cloud entry for a Keystone URL (from --file cloud_configs.js, else Exosphere's",
            "built-in list), with the User Application Proxy hostname chosen for the region."
        },
        footer = {
            "%nExamples:",
            "  exosphere cloud-config --keystone-url https://js2.jetstream-cloud.org:5000/v3 --region IU",
            "  exosphere cloud-config --file cloud_configs.js --keystone-url https://keystone.example.org:5000/v3"
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
        JsonNode entry = null;
        UapCatalog catalog;
        if (file != null) {
            JsonNode clouds = readCloudConfigs(file).path("clouds");
            List<UapCloud> list = new ArrayList<>();
            for (JsonNode c : clouds) {
                String kh = c.path("keystoneHostname").asText(null);
                if (kh == null) {
                    throw new CliFailure(
                            ExosphereCli.EXIT_FAILURE, "bad-cloud-config", file + ": a cloud has no keystoneHostname");
                }
                if (kh.equals(host)) {
                    entry = c; // later duplicates replace earlier ones (exosphere-spec §8.4)
                }
                List<UapEntry> uaps = new ArrayList<>();
                for (JsonNode u : c.path("userAppProxy")) {
                    uaps.add(
                            u.path("region").isNull() || u.path("region").isMissingNode()
                                    ? UapEntry.catchAll(u.path("hostname").asText())
                                    : UapEntry.of(
                                            u.path("region").asText(),
                                            u.path("hostname").asText()));
                }
                list.add(uaps.isEmpty() ? UapCloud.withoutUap(kh) : UapCloud.of(kh, UapConfig.of(uaps)));
            }
            catalog = UapCatalog.of(list);
        } else {
            catalog = UapCatalog.exosphereDefaults();
        }
        UapCloud cloud = catalog.findByKeystoneUrl(keystoneUrl)
                .orElseThrow(() -> new CliFailure(
                        ExosphereCli.EXIT_FAILURE,
                        "unknown-cloud",
                        "no Exosphere cloud entry for Keystone host " + host + " in "
                                + (file == null ? "Exosphere's built-in list" : file.toString())));
        String uap = catalog.uapHostnameFor(keystoneUrl, region).orElse(null);
        List<Map<String, Object>> uaps = new ArrayList<>();
        cloud.userAppProxy().ifPresent(c -> {
            for (UapEntry e : c.entries()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("region", e.region().orElse(null));
                m.put("hostname", e.hostname());
                uaps.add(m);
            }
        });
        String friendly = entry == null ? null : entry.path("friendlyName").asText(null);
        String featured =
                entry == null ? null : entry.path("featuredImageNamePrefix").asText(null);
        if (json()) {
            out().println(Json.object()
                    .put("source", file == null ? "built-in" : file.toString())
                    .put("keystoneHostname", cloud.keystoneHostname())
                    .put("friendlyName", friendly)
                    .put("region", region)
                    .put("uapHostname", uap)
                    .put("userAppProxy", uaps)
                    .put("featuredImageNamePrefix", featured));
        } else {
            out().println("source:            " + (file == null ? "Exosphere built-in cloud list" : file));
            out().println("keystone hostname: " + cloud.keystoneHostname());
            if (friendly != null) {
                out().println("friendly name:     " + friendly);
            }
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

    /**
     * Reads {@code cloud_configs.js} (exosphere-spec §8.1): the object literal after
     * {@code var cloud_configs =}, with unquoted keys, trailing commas and comments; plain JSON too.
     */
    static JsonNode readCloudConfigs(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int var = text.indexOf("cloud_configs");
        int start = text.indexOf('{', var < 0 ? 0 : var);
        if (start < 0) {
            throw new CliFailure(ExosphereCli.EXIT_FAILURE, "bad-cloud-config", file + ": no { ... } object found");
        }
        JsonMapper mapper = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
                .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
                .build();
        try (var parser = mapper.createParser(text.substring(start))) {
            return mapper.readTree(parser);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CliFailure(
                    ExosphereCli.EXIT_FAILURE,
                    "bad-cloud-config",
                    file + ": not a cloud_configs object: " + e.getOriginalMessage());
        }
    }
}
