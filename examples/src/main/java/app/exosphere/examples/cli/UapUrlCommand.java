package app.exosphere.examples.cli;

import app.exosphere.uap.UapTarget;
import app.exosphere.uap.UapUrl;
import app.exosphere.uap.UpstreamProtocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code exosphere uap-url}: the URL at which a service on an instance is reached through a UAP,
 * exactly as the Exosphere web app builds it.
 *
 * <pre>{@code
 * exosphere uap-url --uap proxy-js2-iu.exosphere.app --ip 149.165.157.212 --port 49528 --http --path guacamole/api/tokens
 * }</pre>
 */
@Command(
        name = "uap-url",
        mixinStandardHelpOptions = true,
        description = {
            "Print the User Application Proxy URL of a service on an instance.",
            "The URL has the form https://[http-]<a-b-c-d>-<port>.<uap>/<path>?<query>."
        },
        footer = {
            "%nExamples:",
            "  exosphere uap-url --uap proxy-js2-iu.exosphere.app --ip 149.165.157.212 \\",
            "      --port 49528 --http --path guacamole/api/tokens",
            "  exosphere uap-url --uap proxy-js2-iu.exosphere.app --ip 149.165.1.2 \\",
            "      --port 8888 --http --path lab --query token=0123abcd"
        })
final class UapUrlCommand extends CliCommand {

    @Option(names = "--uap", required = true, paramLabel = "HOST", description = "The UAP hostname.")
    private String uap;

    @Option(names = "--ip", required = true, paramLabel = "IPV4", description = "The instance's IPv4 address.")
    private String ip;

    @Option(names = "--port", required = true, paramLabel = "N", description = "The service's port (1-65535).")
    private int port;

    @Option(names = "--http", description = "The service speaks plain HTTP (adds the http- prefix).")
    private boolean http;

    @Option(
            names = "--path",
            paramLabel = "P",
            defaultValue = "",
            description = "The path, passed through as Exosphere does (a leading / gives //).")
    private String path;

    @Option(
            names = "--query",
            paramLabel = "K=V",
            description = "A query parameter (repeatable); encoded like encodeURIComponent.")
    private List<String> query = new ArrayList<>();

    @Option(names = "--normalized", description = "Print the normalized URL (no //, path percent-encoded).")
    private boolean normalized;

    @Override
    protected int run() {
        UapUrl.Builder builder = UapUrl.builder()
                .uapHostname(uap)
                .target(new UapTarget(http ? UpstreamProtocol.HTTP : UpstreamProtocol.HTTPS, ip, port))
                .path(path);
        for (String pair : query) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new ParameterException(spec().commandLine(), "--query expects K=V, got '" + pair + "' (no '=')");
            }
            builder.addQueryParameter(pair.substring(0, eq), pair.substring(eq + 1));
        }
        UapUrl url = builder.build();
        if (json()) {
            List<Map<String, String>> params = new ArrayList<>();
            for (Map.Entry<String, String> e : url.queryParameters()) {
                Map<String, String> param = new LinkedHashMap<>();
                param.put("key", e.getKey());
                param.put("value", e.getValue());
                params.add(param);
            }
            out().println(Json.document()
                    .put("url", url.toUriString())
                    .put("normalized", url.normalized())
                    .put("host", url.host())
                    .put("protocol", url.target().protocol().name().toLowerCase(java.util.Locale.ROOT))
                    .put("ip", url.target().ipv4())
                    .put("port", url.target().port())
                    .put("path", path)
                    .put("query", params));
        } else {
            out().println(normalized ? url.normalized() : url.toUriString());
        }
        return 0;
    }
}
