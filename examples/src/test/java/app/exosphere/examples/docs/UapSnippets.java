package app.exosphere.examples.docs;

import app.exosphere.uap.GuacamoleUrls;
import app.exosphere.uap.JupyterInterface;
import app.exosphere.uap.JupyterUrls;
import app.exosphere.uap.UapCatalog;
import app.exosphere.uap.UapCloud;
import app.exosphere.uap.UapConfig;
import app.exosphere.uap.UapEntry;
import app.exosphere.uap.UapTarget;
import app.exosphere.uap.UapUrl;
import java.util.List;
import java.util.Optional;

/** The code of {@code docs/uap.md}; {@code GuideSnippetsTest} checks the values its comments show. */
final class UapSnippets {

    private UapSnippets() {}

    record Catalogs(Optional<String> uap, Optional<String> regionTwo, UapCatalog custom) {}

    static Catalogs catalogs() {
        // snippet:uap-catalog
        UapCatalog catalog = UapCatalog.exosphereDefaults(); // Jetstream2, Nectar, Rescloud as in Exosphere
        Optional<String> uap = catalog.uapHostnameFor("https://js2.jetstream-cloud.org:5000/identity/v3", "TACC");
        // Optional[proxy-js2-tacc.exosphere.app]

        UapConfig mine =
                UapConfig.of(UapEntry.of("RegionOne", "uap-one.example.org"), UapEntry.catchAll("uap.example.org"));
        mine.hostnameFor("RegionTwo"); // Optional[uap.example.org]

        UapCatalog custom = UapCatalog.of(UapCloud.of("keystone.example.org", mine));
        // end-snippet
        return new Catalogs(uap, mine.hostnameFor("RegionTwo"), custom);
    }

    static List<Object> guacamoleAndJupyter(String authToken, String workflowToken) {
        // snippet:uap-guacamole-jupyter
        String uap = "proxy-js2-iu.exosphere.app";
        String ip = "149.165.157.212"; // the instance's floating IPv4

        GuacamoleUrls.tokenApi(uap, ip);
        // https://http-149-165-157-212-49528.proxy-js2-iu.exosphere.app/guacamole/api/tokens
        GuacamoleUrls.terminal(uap, ip, authToken); // web shell
        // https://http-149-165-157-212-49528.proxy-js2-iu.exosphere.app/guacamole/#/client/c2hlbGwAYwBkZWZhdWx0?token=…
        GuacamoleUrls.desktop(uap, ip, authToken); // graphical desktop
        // https://…/guacamole/#/client/ZGVza3RvcABjAGRlZmF1bHQ=?token=…

        JupyterUrls.workflow(uap, ip, JupyterInterface.RSTUDIO, workflowToken);
        // https://http-149-165-157-212-8888.proxy-js2-iu.exosphere.app/rstudio?token=…
        JupyterUrls.workflow(uap, ip, "lab", workflowToken); // the path stored with the workflow
        // end-snippet
        return List.of(
                GuacamoleUrls.tokenApi(uap, ip),
                GuacamoleUrls.terminal(uap, ip, authToken),
                GuacamoleUrls.desktop(uap, ip, authToken),
                JupyterUrls.workflow(uap, ip, JupyterInterface.RSTUDIO, workflowToken),
                JupyterUrls.workflow(uap, ip, "lab", workflowToken));
    }

    static UapUrl custom() {
        // snippet:uap-url-builder
        UapUrl url = UapUrl.builder()
                .uapHostname("uap.example.org")
                .ip("198.51.100.99")
                .port(12345)
                .http() // omit for an HTTPS service
                .pathSegments("api", "v1", "status")
                .addQueryParameter("q", "a b")
                .build();
        url.toUriString(); // https://http-198-51-100-99-12345.uap.example.org/api/v1/status?q=a%20b
        url.host(); // http-198-51-100-99-12345.uap.example.org
        // end-snippet
        return url;
    }

    static UapUrl exosphereJoin(String uap) {
        // snippet:uap-normalized
        UapUrl u = JupyterUrls.workflow(uap, "149.165.1.2", "/rstudio", "0123abcd");
        u.toUriString(); // https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app//rstudio?token=0123abcd
        u.normalized(); // https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app/rstudio?token=0123abcd
        u.toUri(); // java.net.URI of normalized()
        // end-snippet
        return u;
    }

    static UapTarget parse() {
        // snippet:uap-parse-host
        UapTarget t = UapTarget.parseRequestHost(
                "proxy-js2-iu.exosphere.app", "http-149-165-0-5-49528.proxy-js2-iu.exosphere.app");
        t.protocol(); // HTTP
        t.ipv4(); // "149.165.0.5"
        t.port(); // 49528
        // end-snippet
        return t;
    }
}
