package app.exosphere.examples.cli;

import app.exosphere.core.auth.SecretUrl;
import app.exosphere.core.compute.Server;
import app.exosphere.core.rules.Interaction;
import app.exosphere.core.rules.InteractionStatus;
import app.exosphere.core.rules.Interactions;
import app.exosphere.examples.CloudSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders servers and their interactions for the cloud commands (text and JSON). */
final class InteractionPrinter {

    private InteractionPrinter() {}

    static List<Map<String, Object>> interactionsJson(Interactions interactions) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Map.Entry<Interaction, InteractionStatus> e :
                interactions.visible().entrySet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("interaction", e.getKey().exosphereName());
            m.put("name", e.getKey().displayName());
            m.put("status", e.getValue().kind().name().toLowerCase(Locale.ROOT));
            m.put("value", e.getValue().value().map(SecretUrl::toUriString).orElse(null));
            m.put("reason", e.getValue().reason().orElse(null));
            list.add(m);
        }
        return list;
    }

    static void printInteractions(CliCommand cmd, Interactions interactions) {
        for (Map.Entry<Interaction, InteractionStatus> e :
                interactions.visible().entrySet()) {
            InteractionStatus s = e.getValue();
            String detail = s.value().map(SecretUrl::toUriString).or(s::reason).orElse("");
            cmd.out()
                    .println(String.format(
                                    Locale.ROOT,
                                    "  %-12s %-11s %s",
                                    e.getKey().displayName(),
                                    s.kind().name().toLowerCase(Locale.ROOT),
                                    detail)
                            .stripTrailing());
        }
    }

    /** A server named in a JSON result: always an object with its id and name. */
    static Map<String, Object> serverRef(Server server) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", server.id());
        m.put("name", server.name());
        return m;
    }

    static Map<String, Object> serverJson(CloudSession session, Server server) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", server.id());
        m.put("name", server.name());
        m.put("status", server.status().raw());
        m.put("uiStatus", session.uiStatus(server).display());
        m.put(
                "setup",
                app.exosphere.core.rules.ServerOrigin.of(server)
                        .setupStatus()
                        .state()
                        .wire());
        m.put("floatingIp", CloudSession.floatingIp(server).orElse(null));
        return m;
    }
}
