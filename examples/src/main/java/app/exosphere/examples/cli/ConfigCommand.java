package app.exosphere.examples.cli;

import app.exosphere.core.auth.Scope;
import app.exosphere.core.config.CloudConfig;
import app.exosphere.core.config.CloudsYaml;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exosphere config show [--cloud NAME] [--region R]}: how a clouds.yaml cloud resolves (file,
 * auth type, auth values with secrets masked, scope, region, interface, TLS), like
 * {@code openstack configuration show}.
 *
 * <pre>{@code
 * exosphere config show --cloud js2 --region TACC
 * }</pre>
 */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Show how clouds.yaml configures a cloud.",
        subcommands = {ConfigCommand.Show.class})
final class ConfigCommand extends CliCommand {
    @Override
    protected int run() {
        throw new picocli.CommandLine.ParameterException(spec().commandLine(), "a config command is required: show");
    }

    /** {@code exosphere config show}. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            usageHelpAutoWidth = true,
            description = {
                "Print how a cloud from clouds.yaml resolves, with passwords, secrets and tokens masked.",
                "",
                "Example:",
                "  exosphere config show --cloud js2 --region TACC -f yaml"
            })
    static final class Show extends CliCommand {
        @Option(
                names = {"--cloud", "--os-cloud"},
                paramLabel = "NAME",
                description = "The cloud (default: $OS_CLOUD, else the OS_* variables, else the only cloud).")
        String cloud;

        @Option(
                names = {"--region", "--os-region-name"},
                paramLabel = "REGION",
                description = "The region (default: $OS_REGION_NAME, else the cloud's first region).")
        String region;

        @Mixin
        OutputOptions output;

        @Override
        protected int run() {
            CloudsYaml clouds = cli().cloudsYaml();
            String name = cloud != null ? cloud : cli().cloud() != null ? cli().cloud() : cli().env("OS_CLOUD");
            if (name == null || name.isBlank()) {
                name = clouds.defaultCloudName()
                        .orElseThrow(() -> new CliFailure(
                                ExosphereCli.EXIT_USAGE,
                                "no-cloud",
                                "no cloud chosen: pass --cloud NAME (one of " + clouds.cloudNames()
                                        + "), or set OS_CLOUD"));
            }
            String r = region != null ? region : cli().region() != null ? cli().region() : cli().env("OS_REGION_NAME");
            CloudConfig c = clouds.cloud(name, r == null || r.isBlank() ? null : r);
            output.printRecord(this, "cloud", describe(c));
            return 0;
        }

        static Map<String, Object> describe(CloudConfig c) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cloud", c.name());
            m.put("source", c.source().orElse(null));
            m.put("auth_type", c.authTypeName());
            c.maskedAuth().forEach((k, v) -> m.put("auth." + k, v));
            Scope s = c.scope();
            m.put("scope", s.kind().name().toLowerCase(Locale.ROOT));
            m.put("region_name", c.region().orElse(null));
            m.put("regions", String.join(",", c.regions()));
            m.put("interface", c.interfaceName());
            m.put("verify", c.verify());
            m.put("cacert", c.cacert().orElse(null));
            m.put("cert", c.cert().orElse(null));
            m.put("key", c.key().orElse(null));
            c.apiVersions().forEach((k, v) -> m.put(k + "_api_version", v));
            c.endpointOverrides().forEach((k, v) -> m.put(k + "_endpoint_override", v));
            return m;
        }
    }
}
