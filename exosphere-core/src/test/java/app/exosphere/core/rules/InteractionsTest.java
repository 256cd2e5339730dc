package app.exosphere.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.auth.Secret;
import app.exosphere.core.auth.SecretUrl;
import app.exosphere.core.rules.InteractionStatus.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of Exosphere's {@code Interaction.interactionStatus}, one row each. */
class InteractionsTest {

    private static final String UAP = "proxy-js2-tacc.exosphere.app";
    private static final String FIP = "129.114.104.5";

    private static Map<String, String> md(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static final Map<String, String> EXO_GUAC_SHELL =
            md("exoServerVersion", "6", "exoGuac", "{\"v\":1,\"ssh\":true,\"vnc\":false}");
    private static final Map<String, String> EXO_GUAC_DESKTOP =
            md("exoServerVersion", "6", "exoGuac", "{\"v\":1,\"ssh\":true,\"vnc\":true}");
    private static final Map<String, String> EXO_WORKFLOW = md(
            "exoServerVersion", "6",
            "exoCustomWorkflow",
                    "{\"v\":1,\"repo\":\"https://github.com/binder-examples/r_with_python\",\"ref\":\"\",\"path\":\"rstudio\"}");

    /** A ready, Exosphere-made server with everything known; each row changes one thing. */
    private static InteractionContext.Builder base(Map<String, String> metadata) {
        return InteractionContext.builder()
                .serverId("srv-1")
                .novaStatus("ACTIVE")
                .origin(ServerOrigin.read(metadata, List.of("exoPw:ABE ACE")))
                .floatingIp(FIP)
                .addFixedIps("10.0.0.5")
                .uapHostname(UAP);
    }

    private static Arguments row(
            String name,
            Interaction i,
            Map<String, String> metadata,
            UnaryOperator<InteractionContext.Builder> change,
            Kind kind,
            String valueOrReason) {
        return Arguments.of(name, i, change.apply(base(metadata)).build(), kind, valueOrReason);
    }

    static Stream<Arguments> rules() {
        String shellUrl =
                "https://http-129-114-104-5-49528.proxy-js2-tacc.exosphere.app/guacamole/#/client/c2hlbGwAYwBkZWZhdWx0?token=A1B2C3D4E5F6";
        String desktopUrl =
                "https://http-129-114-104-5-49528.proxy-js2-tacc.exosphere.app/guacamole/#/client/ZGVza3RvcABjAGRlZmF1bHQ=?token=T";
        return Stream.of(
                // Step A
                row(
                        "building",
                        Interaction.WEB_SHELL,
                        EXO_GUAC_SHELL,
                        b -> b.novaStatus("BUILD"),
                        Kind.UNAVAILABLE,
                        "Instance is still building"),
                row(
                        "shutoff",
                        Interaction.NATIVE_SSH,
                        EXO_GUAC_SHELL,
                        b -> b.novaStatus("SHUTOFF"),
                        Kind.UNAVAILABLE,
                        "Instance is not active"),
                row(
                        "shutoff even for unused workflow",
                        Interaction.WORKFLOW,
                        md(),
                        b -> b.novaStatus("shelved_offloaded"),
                        Kind.UNAVAILABLE,
                        "Instance is not active"),
                row(
                        "verify_resize passes gate",
                        Interaction.NATIVE_SSH,
                        EXO_GUAC_SHELL,
                        b -> b.novaStatus("VERIFY_RESIZE"),
                        Kind.READY,
                        "exouser@" + FIP),
                // NativeSSH
                row("ssh exosphere", Interaction.NATIVE_SSH, EXO_GUAC_SHELL, b -> b, Kind.READY, "exouser@" + FIP),
                row(
                        "ssh no fip ipv6",
                        Interaction.NATIVE_SSH,
                        EXO_GUAC_SHELL,
                        b -> b.floatingIp(java.util.Optional.empty()).addFixedIps("2001:db8::5"),
                        Kind.READY,
                        "exouser@2001:db8::5"),
                row(
                        "ssh no fip",
                        Interaction.NATIVE_SSH,
                        EXO_GUAC_SHELL,
                        b -> b.floatingIp(java.util.Optional.empty()),
                        Kind.UNAVAILABLE,
                        "Instance does not have a floating IP address"),
                row(
                        "ssh foreign with user",
                        Interaction.NATIVE_SSH,
                        md(),
                        b -> b.defaultSshUser("ubuntu"),
                        Kind.WARN,
                        "ubuntu@" + FIP),
                row("ssh foreign without user", Interaction.NATIVE_SSH, md(), b -> b, Kind.WARN, FIP),
                // Console
                row(
                        "console url",
                        Interaction.CONSOLE,
                        md(),
                        b -> b.consoleUrl(SecretUrl.of("https://nova:6080/vnc_auto.html?token=x")),
                        Kind.READY,
                        "https://nova:6080/vnc_auto.html?token=x"),
                row(
                        "console not queried",
                        Interaction.CONSOLE,
                        md(),
                        b -> b,
                        Kind.UNAVAILABLE,
                        "Console URL is not queried yet"),
                row("console loading", Interaction.CONSOLE, md(), b -> b.consoleUrlLoading(true), Kind.LOADING, null),
                row(
                        "console error",
                        Interaction.CONSOLE,
                        md(),
                        b -> b.consoleUrlError("Bad status: 500"),
                        Kind.ERROR,
                        "Exosphere requested a console URL and got the following error: Bad status: 500"),
                // ConsoleLog
                row(
                        "console log route",
                        Interaction.CONSOLE_LOG,
                        md(),
                        b -> b.projectId("p1").regionId("IU"),
                        Kind.READY,
                        "/projects/p1/regions/IU/servers/srv-1/console-log"),
                // Guacamole
                row(
                        "guac foreign",
                        Interaction.WEB_SHELL,
                        md(),
                        b -> b,
                        Kind.UNAVAILABLE,
                        "Instance not launched from Exosphere"),
                row(
                        "guac old version",
                        Interaction.WEB_SHELL,
                        md("exoServerVersion", "2"),
                        b -> b,
                        Kind.UNAVAILABLE,
                        "Instance was created with an older version of Exosphere"),
                row(
                        "guac deselected",
                        Interaction.WEB_SHELL,
                        md("exoServerVersion", "6"),
                        b -> b,
                        Kind.UNAVAILABLE,
                        "Instance was deployed with Guacamole support de-selected"),
                row(
                        "desktop not enabled",
                        Interaction.WEB_DESKTOP,
                        EXO_GUAC_SHELL,
                        b -> b.guacamoleToken(Secret.of("T")),
                        Kind.UNAVAILABLE,
                        "Graphical Desktop was not enabled when Instance was deployed"),
                row(
                        "shell ready",
                        Interaction.WEB_SHELL,
                        EXO_GUAC_SHELL,
                        b -> b.guacamoleToken(Secret.of("A1B2C3D4E5F6")),
                        Kind.READY,
                        shellUrl),
                row(
                        "desktop ready",
                        Interaction.WEB_DESKTOP,
                        EXO_GUAC_DESKTOP,
                        b -> b.guacamoleToken(Secret.of("T")),
                        Kind.READY,
                        desktopUrl),
                row(
                        "token but no uap",
                        Interaction.WEB_SHELL,
                        EXO_GUAC_SHELL,
                        b -> b.guacamoleToken(Secret.of("T")).uapHostname(java.util.Optional.empty()),
                        Kind.UNAVAILABLE,
                        "Cannot find TLS-terminating reverse proxy server"),
                row(
                        "token but no fip",
                        Interaction.WEB_SHELL,
                        EXO_GUAC_SHELL,
                        b -> b.guacamoleToken(Secret.of("T")).floatingIp(java.util.Optional.empty()),
                        Kind.UNAVAILABLE,
                        "Instance does not have a floating IP address"),
                row(
                        "no token recent event",
                        Interaction.WEB_SHELL,
                        EXO_GUAC_SHELL,
                        b -> b.recentEvent(true).uapHostname(java.util.Optional.empty()),
                        Kind.UNAVAILABLE,
                        "Instance is still booting or Guacamole is still deploying, check back in a few minutes"),
                row(
                        "no token no uap",
                        Interaction.WEB_SHELL,
                        EXO_GUAC_SHELL,
                        b -> b.uapHostname(java.util.Optional.empty()),
                        Kind.ERROR,
                        "Cannot find TLS-terminating reverse proxy server"),
                row(
                        "no token no fip",
                        Interaction.WEB_SHELL,
                        EXO_GUAC_SHELL,
                        b -> b.floatingIp(java.util.Optional.empty()),
                        Kind.ERROR,
                        "Instance does not have a floating IP address"),
                row(
                        "no token no passphrase",
                        Interaction.WEB_SHELL,
                        EXO_GUAC_SHELL,
                        b -> b.passphraseKnown(false),
                        Kind.ERROR,
                        "Cannot find instance passphrase to authenticate"),
                row(
                        "token loading",
                        Interaction.WEB_SHELL,
                        EXO_GUAC_SHELL,
                        b -> b.guacamoleTokenLoading(true),
                        Kind.LOADING,
                        null),
                row("token not requested", Interaction.WEB_SHELL, EXO_GUAC_SHELL, b -> b, Kind.LOADING, null),
                row(
                        "token failed",
                        Interaction.WEB_DESKTOP,
                        EXO_GUAC_DESKTOP,
                        b -> b.guacamoleTokenError("Bad status: 403"),
                        Kind.ERROR,
                        "Exosphere tried to authenticate to the Guacamole API, and received this error: Bad status: 403"),
                // Workflow
                row(
                        "workflow disabled",
                        Interaction.WORKFLOW,
                        EXO_WORKFLOW,
                        b -> b.workflowsEnabled(false),
                        Kind.HIDDEN,
                        null),
                row(
                        "workflow foreign",
                        Interaction.WORKFLOW,
                        md(),
                        b -> b,
                        Kind.UNAVAILABLE,
                        "Instance not launched from Exosphere"),
                row("workflow none", Interaction.WORKFLOW, EXO_GUAC_SHELL, b -> b, Kind.HIDDEN, null),
                row(
                        "workflow ready",
                        Interaction.WORKFLOW,
                        EXO_WORKFLOW,
                        b -> b.workflowToken(Secret.of("abc123")),
                        Kind.READY,
                        "https://http-129-114-104-5-8888.proxy-js2-tacc.exosphere.app/rstudio?token=abc123"),
                row(
                        "workflow token no uap",
                        Interaction.WORKFLOW,
                        EXO_WORKFLOW,
                        b -> b.workflowToken(Secret.of("t")).uapHostname(java.util.Optional.empty()),
                        Kind.UNAVAILABLE,
                        "Cannot find TLS-terminating reverse proxy server"),
                row(
                        "workflow token no fip",
                        Interaction.WORKFLOW,
                        EXO_WORKFLOW,
                        b -> b.workflowToken(Secret.of("t")).floatingIp(java.util.Optional.empty()),
                        Kind.UNAVAILABLE,
                        "Instance does not have a floating IP address"),
                row(
                        "workflow recent",
                        Interaction.WORKFLOW,
                        EXO_WORKFLOW,
                        b -> b.recentEvent(true),
                        Kind.UNAVAILABLE,
                        "Instance is still booting or the workflow is still deploying, check back in a few minutes"),
                row(
                        "workflow no uap",
                        Interaction.WORKFLOW,
                        EXO_WORKFLOW,
                        b -> b.uapHostname(java.util.Optional.empty()),
                        Kind.ERROR,
                        "Cannot find TLS-terminating reverse proxy server"),
                row(
                        "workflow no fip",
                        Interaction.WORKFLOW,
                        EXO_WORKFLOW,
                        b -> b.floatingIp(java.util.Optional.empty()),
                        Kind.ERROR,
                        "Instance does not have a floating IP address"),
                row(
                        "workflow log loading",
                        Interaction.WORKFLOW,
                        EXO_WORKFLOW,
                        b -> b.consoleLogLoading(true),
                        Kind.LOADING,
                        null),
                row("workflow never requested", Interaction.WORKFLOW, EXO_WORKFLOW, b -> b, Kind.LOADING, null),
                row(
                        "workflow log failed",
                        Interaction.WORKFLOW,
                        EXO_WORKFLOW,
                        b -> b.consoleLogError("Timeout"),
                        Kind.ERROR,
                        "Exosphere tried to get the console log for the Instance and received this error: Timeout"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void appliesExosphereInteractionRule(
            String name, Interaction interaction, InteractionContext ctx, Kind kind, String expected) {
        InteractionStatus status = Interactions.status(ctx, interaction);
        assertThat(status.kind()).isEqualTo(kind);
        if (kind == Kind.READY) {
            assertThat(status.value().map(SecretUrl::toUriString)).contains(expected);
        } else if (kind == Kind.WARN) {
            assertThat(status.value().map(SecretUrl::toUriString)).contains(expected);
            assertThat(status.reason()).contains(Interactions.SSH_NOT_CONFIGURED);
        } else if (expected != null) {
            assertThat(status.reason()).contains(expected);
        } else {
            assertThat(status.reason()).isEmpty();
        }
    }

    @Test
    void evaluatesAllInteractionsAndHidesUnusedWorkflow() {
        Interactions all = Interactions.of(
                base(EXO_GUAC_SHELL).guacamoleToken(Secret.of("T")).build());
        assertThat(all.all()).hasSize(6);
        assertThat(all.visible()).doesNotContainKey(Interaction.WORKFLOW).hasSize(5);
        assertThat(all.status(Interaction.WEB_SHELL).isUsable()).isTrue();
    }

    @Test
    void printedStatusesAndContextsNeverShowTokensOrPassphrases() {
        InteractionContext ctx =
                base(EXO_GUAC_SHELL).guacamoleToken(Secret.of("SECRETTOKEN")).build();
        Interactions all = Interactions.of(ctx);
        assertThat(all.toString()).doesNotContain("SECRETTOKEN").contains("token=REDACTED");
        assertThat(ctx.toString()).doesNotContain("SECRETTOKEN").doesNotContain("ABE ACE");
        InteractionStatus shell = all.status(Interaction.WEB_SHELL);
        assertThat(shell.value().orElseThrow().toUriString()).endsWith("token=SECRETTOKEN");
        assertThat(shell.toString() + " " + shell.value()).doesNotContain("SECRETTOKEN");
    }

    @Test
    void aConsoleUrlInTheContextPrintsWithItsTokenMasked() {
        SecretUrl console = SecretUrl.of("https://nova.example:6080/vnc_lite.html?path=%3Ftoken%3DCONSOLETOKEN");
        InteractionContext ctx = base(EXO_GUAC_SHELL).consoleUrl(console).build();
        InteractionStatus status = Interactions.status(ctx, Interaction.CONSOLE);

        assertThat(status.value()).contains(console);
        assertThat(ctx + " " + status + " " + status.value()).doesNotContain("CONSOLETOKEN");
        assertThat(console.toString()).isEqualTo("https://nova.example:6080/vnc_lite.html?path=REDACTED");
    }
}
