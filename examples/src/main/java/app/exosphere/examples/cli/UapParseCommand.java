package app.exosphere.examples.cli;

import app.exosphere.uap.UapTarget;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code exosphere uap-parse}: the protocol, IPv4 address and port encoded in a UAP request host.
 *
 * <pre>{@code
 * exosphere uap-parse --uap proxy-js2-iu.exosphere.app http-149-165-0-5-49528.proxy-js2-iu.exosphere.app
 * }</pre>
 */
@Command(
        name = "uap-parse",
        mixinStandardHelpOptions = true,
        description = "Print the upstream protocol, IPv4 address and port encoded in a UAP request host.",
        footer = {
            "%nExample:",
            "  exosphere uap-parse --uap proxy-js2-iu.exosphere.app \\",
            "      http-149-165-0-5-49528.proxy-js2-iu.exosphere.app"
        })
final class UapParseCommand extends CliCommand {

    @Option(names = "--uap", required = true, paramLabel = "HOST", description = "The UAP hostname.")
    private String uap;

    @Parameters(paramLabel = "REQUEST_HOST", description = "The requested host (a :port suffix is ignored).")
    private String requestHost;

    @Override
    protected int run() {
        UapTarget target = UapTarget.parseRequestHost(uap, requestHost);
        String protocol = target.protocol().name().toLowerCase(Locale.ROOT);
        if (json()) {
            out().println(Json.document()
                    .put("protocol", protocol)
                    .put("ip", target.ipv4())
                    .put("port", target.port()));
        } else {
            out().println("protocol: " + protocol);
            out().println("ip:       " + target.ipv4());
            out().println("port:     " + target.port());
        }
        return 0;
    }
}
