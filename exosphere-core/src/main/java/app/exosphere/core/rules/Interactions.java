package app.exosphere.core.rules;

import app.exosphere.core.auth.SecretUrl;
import app.exosphere.core.rules.InteractionStatus.Error;
import app.exosphere.core.rules.InteractionStatus.Hidden;
import app.exosphere.core.rules.InteractionStatus.Loading;
import app.exosphere.core.rules.InteractionStatus.Ready;
import app.exosphere.core.rules.InteractionStatus.Unavailable;
import app.exosphere.core.rules.InteractionStatus.Warn;
import app.exosphere.uap.GuacamoleUrls;
import app.exosphere.uap.JupyterUrls;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The status of every {@link Interaction} of one server, computed with the Exosphere web app's exact rules
 * and reasons ({@code interactionStatus}). Pure: no I/O, the same context always gives the same answer.
 *
 * <pre>{@code
 * Interactions all = instance.fetchInteractions().execute();
 * InteractionStatus shell = all.status(Interaction.WEB_SHELL);
 * shell.value();    // Optional[https://http-149-165-1-2-49528.proxy-js2-iu.exosphere.app/guacamole/#/client/...?token=...]
 * all.status(Interaction.NATIVE_SSH).value();   // Optional[exouser@149.165.1.2]
 * }</pre>
 */
public final class Interactions {

    // Exosphere's `Interaction.interactionStatus` reasons, default localization ("instance", "floating IP address",
    // "graphical desktop")
    static final String STILL_BUILDING = "Instance is still building";
    static final String NOT_ACTIVE = "Instance is not active";
    /** The reason when the instance has no floating IP address (and none will come). */
    public static final String NO_FLOATING_IP = "Instance does not have a floating IP address";

    static final String NOT_FROM_EXOSPHERE = "Instance not launched from Exosphere";
    static final String OLDER_VERSION = "Instance was created with an older version of Exosphere";
    static final String GUAC_DESELECTED = "Instance was deployed with Guacamole support de-selected";
    static final String DESKTOP_NOT_ENABLED = "Graphical Desktop was not enabled when Instance was deployed";
    /** The reason when the cloud has no User Application Proxy for the instance's region. */
    public static final String NO_UAP = "Cannot find TLS-terminating reverse proxy server";

    static final String GUAC_BOOTING =
            "Instance is still booting or Guacamole is still deploying, check back in a few minutes";
    static final String NO_PASSPHRASE = "Cannot find instance passphrase to authenticate";
    static final String GUAC_AUTH_ERROR =
            "Exosphere tried to authenticate to the Guacamole API, and received this error: ";
    static final String SSH_NOT_CONFIGURED =
            "Exosphere did not configure SSH for this instance so the username and credentials are unknown.";
    static final String CONSOLE_NOT_QUERIED = "Console URL is not queried yet";
    static final String CONSOLE_ERROR = "Exosphere requested a console URL and got the following error: ";
    static final String WORKFLOW_BOOTING =
            "Instance is still booting or the workflow is still deploying, check back in a few minutes";
    static final String CONSOLE_LOG_ERROR =
            "Exosphere tried to get the console log for the Instance and received this error: ";

    private final Map<Interaction, InteractionStatus> statuses;

    private Interactions(Map<Interaction, InteractionStatus> statuses) {
        this.statuses = statuses;
    }

    /** Evaluates every interaction for the context. */
    public static Interactions of(InteractionContext ctx) {
        Map<Interaction, InteractionStatus> map = new EnumMap<>(Interaction.class);
        for (Interaction i : Interaction.values()) {
            map.put(i, status(ctx, i));
        }
        return new Interactions(Collections.unmodifiableMap(map));
    }

    /** The status of one interaction. */
    public InteractionStatus status(Interaction interaction) {
        return statuses.get(interaction);
    }

    /** Every interaction in display order with its status, including hidden ones. */
    public Map<Interaction, InteractionStatus> all() {
        return statuses;
    }

    /** Every interaction that is not {@link InteractionStatus.Hidden}, in display order. */
    public Map<Interaction, InteractionStatus> visible() {
        Map<Interaction, InteractionStatus> map = new EnumMap<>(Interaction.class);
        statuses.forEach((k, v) -> {
            if (v.kind() != InteractionStatus.Kind.HIDDEN) {
                map.put(k, v);
            }
        });
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String toString() {
        return "Interactions" + statuses;
    }

    /** Evaluates one interaction. */
    // Exosphere's `Interaction.interactionStatus`
    public static InteractionStatus status(InteractionContext ctx, Interaction interaction) {
        // Step A: OpenStack status gate, for every interaction (quirk kept: even an unused workflow)
        String status = ctx.novaStatus().toUpperCase(Locale.ROOT);
        if (status.equals("BUILD")) {
            return new Unavailable(STILL_BUILDING);
        }
        if (!status.equals("ACTIVE") && !status.equals("VERIFY_RESIZE")) {
            return new Unavailable(NOT_ACTIVE);
        }
        switch (interaction) {
            case NATIVE_SSH:
                return nativeSsh(ctx);
            case CONSOLE:
                return console(ctx);
            case CONSOLE_LOG:
                return new Ready(SecretUrl.of(consoleLogRoute(ctx)));
            case WEB_SHELL:
                return guacamole(ctx, false);
            case WEB_DESKTOP:
                return guacamole(ctx, true);
            case WORKFLOW:
                return workflow(ctx);
            default:
                throw new IllegalStateException("unknown interaction " + interaction);
        }
    }

    private static InteractionStatus nativeSsh(InteractionContext ctx) {
        Optional<String> fip = ctx.floatingIp();
        if (fip.isEmpty()) {
            Optional<String> v6 =
                    ctx.fixedIps().stream().filter(IpAddresses::isValidIpv6).findFirst();
            return v6.<InteractionStatus>map(ip -> new Ready(SecretUrl.of(DefaultSshUser.EXOUSER + "@" + ip)))
                    .orElseGet(() -> new Unavailable(NO_FLOATING_IP));
        }
        if (ctx.origin().fromExosphere()) {
            return new Ready(SecretUrl.of(DefaultSshUser.EXOUSER + "@" + fip.get()));
        }
        String target = ctx.defaultSshUser().map(u -> u + "@" + fip.get()).orElse(fip.get());
        return new Warn(SecretUrl.of(target), SSH_NOT_CONFIGURED);
    }

    private static InteractionStatus console(InteractionContext ctx) {
        if (ctx.consoleUrl().isPresent()) {
            return new Ready(ctx.consoleUrl().get());
        }
        if (ctx.consoleUrlLoading()) {
            return new Loading();
        }
        if (ctx.consoleUrlError().isPresent()) {
            return new Error(CONSOLE_ERROR + ctx.consoleUrlError().get());
        }
        return new Unavailable(CONSOLE_NOT_QUERIED);
    }

    /**
     * The Exosphere web app's route to the server's console log page,
     * {@code /projects/<project>[/regions/<region>]/servers/<id>/console-log} (prefix it with your
     * Exosphere deployment's URL); the SDK itself reads the log with {@code os-getConsoleOutput}.
     */
    static String consoleLogRoute(InteractionContext ctx) {
        StringBuilder route = new StringBuilder();
        ctx.projectId().ifPresent(p -> route.append("/projects/").append(p));
        ctx.regionId().ifPresent(r -> route.append("/regions/").append(r));
        return route.append("/servers/")
                .append(ctx.serverId())
                .append("/console-log")
                .toString();
    }

    // Exosphere's `Interaction.serverFromExoGuacStatus`
    private static InteractionStatus guacamole(InteractionContext ctx, boolean desktop) {
        ServerOrigin origin = ctx.origin();
        if (!origin.fromExosphere()) {
            return new Unavailable(NOT_FROM_EXOSPHERE);
        }
        Optional<ServerOrigin.Guacamole> guac = origin.guacamole();
        if (guac.isEmpty()) {
            if (!origin.versionAtLeast(3)) {
                return new Unavailable(OLDER_VERSION);
            }
            // the SDK leaves Guacamole out by itself when the cloud has no UAP: say that, not "de-selected"
            return new Unavailable(ctx.uapHostname().isEmpty() ? NO_UAP : GUAC_DESELECTED);
        }
        if (desktop && !guac.get().desktop()) {
            return new Unavailable(DESKTOP_NOT_ENABLED);
        }
        if (ctx.guacamoleToken().isPresent()) {
            if (ctx.uapHostname().isEmpty()) {
                return new Unavailable(NO_UAP);
            }
            if (ctx.floatingIp().isEmpty()) {
                return new Unavailable(NO_FLOATING_IP);
            }
            String uap = ctx.uapHostname().get();
            String ip = ctx.floatingIp().get();
            String token = ctx.guacamoleToken().get().reveal();
            return new Ready(SecretUrl.of(
                    (desktop ? GuacamoleUrls.desktop(uap, ip, token) : GuacamoleUrls.terminal(uap, ip, token))
                            .toUriString()));
        }
        if (ctx.floatingIp().isEmpty() && !ctx.floatingIpMayStillCome()) {
            return new Error(NO_FLOATING_IP); // none will come: "check back in a few minutes" would be false
        }
        if (ctx.recentEvent()) {
            return new Unavailable(GUAC_BOOTING);
        }
        if (ctx.uapHostname().isEmpty()) {
            return new Error(NO_UAP);
        }
        if (ctx.floatingIp().isEmpty()) {
            return new Error(NO_FLOATING_IP);
        }
        if (!ctx.passphraseKnown()) {
            return new Error(NO_PASSPHRASE);
        }
        if (ctx.guacamoleTokenLoading()) {
            return new Loading();
        }
        if (ctx.guacamoleTokenError().isPresent()) {
            return new Error(GUAC_AUTH_ERROR + ctx.guacamoleTokenError().get());
        }
        return new Loading();
    }

    // Exosphere's `Interaction.customWorkflowfInteractionStatus`
    private static InteractionStatus workflow(InteractionContext ctx) {
        if (!ctx.workflowsEnabled()) {
            return new Hidden();
        }
        if (!ctx.origin().fromExosphere()) {
            return new Unavailable(NOT_FROM_EXOSPHERE);
        }
        Optional<app.exosphere.workflow.WorkflowMetadata> wf = ctx.origin().workflow();
        if (wf.isEmpty()) {
            return new Hidden();
        }
        if (ctx.workflowToken().isPresent()) {
            if (ctx.uapHostname().isEmpty()) {
                return new Unavailable(NO_UAP);
            }
            if (ctx.floatingIp().isEmpty()) {
                return new Unavailable(NO_FLOATING_IP);
            }
            // normalized: a stored path starting with "/" would otherwise give "//" (Exosphere's
            // `Interaction.customWorkflowfInteractionStatus` quirk)
            return new Ready(SecretUrl.of(JupyterUrls.workflow(
                            ctx.uapHostname().get(),
                            ctx.floatingIp().get(),
                            wf.get().path(),
                            ctx.workflowToken().get().reveal())
                    .normalized()));
        }
        if (ctx.floatingIp().isEmpty() && !ctx.floatingIpMayStillCome()) {
            return new Error(NO_FLOATING_IP);
        }
        if (ctx.recentEvent()) {
            return new Unavailable(WORKFLOW_BOOTING);
        }
        if (ctx.uapHostname().isEmpty()) {
            return new Error(NO_UAP);
        }
        if (ctx.floatingIp().isEmpty()) {
            return new Error(NO_FLOATING_IP);
        }
        if (ctx.consoleLogLoading()) {
            return new Loading();
        }
        if (ctx.consoleLogError().isPresent()) {
            return new Error(CONSOLE_LOG_ERROR + ctx.consoleLogError().get());
        }
        return new Loading();
    }
}
