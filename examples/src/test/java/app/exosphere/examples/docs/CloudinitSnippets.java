package app.exosphere.examples.docs;

import app.exosphere.cloudinit.CloudConfigFragment;
import app.exosphere.cloudinit.ExosphereUserData;
import app.exosphere.cloudinit.OpenStackCredentials;
import app.exosphere.cloudinit.ParsedUserData;
import app.exosphere.cloudinit.RecognisedUserData;
import app.exosphere.cloudinit.RenderedUserData;
import app.exosphere.cloudinit.ShellPart;
import app.exosphere.cloudinit.UserData;
import app.exosphere.cloudinit.UserDataOptions;
import app.exosphere.cloudinit.WorkflowContribution;
import app.exosphere.cloudinit.console.ConsoleObject;
import app.exosphere.cloudinit.console.ConsoleScanner;
import app.exosphere.cloudinit.console.ExoServerVersion;
import app.exosphere.cloudinit.console.JsonLineMode;
import app.exosphere.cloudinit.console.ResourceUsageAlert;
import app.exosphere.cloudinit.console.ResourceUsageHistory;
import app.exosphere.cloudinit.console.SetupStatus;
import app.exosphere.cloudinit.console.VolumeMountpoint;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The code of {@code docs/cloudinit.md}. */
final class CloudinitSnippets {

    private CloudinitSnippets() {}

    /** The gateway's own view of a Nova server (e.g. from {@code GET /servers/{id}} at microversion 2.3+). */
    record NovaServer(String userData, Map<String, String> metadata, Instant created) {}

    /** The gateway's Nova calls. */
    interface Nova {
        void setMetadata(String serverId, String key, String value);
    }

    /** An application credential the gateway created for the user. */
    record AppCred(String id, String secret) {}

    record Rendered(String forNova, int size, RenderedUserData userData) {}

    static Rendered build() {
        // snippet:cloudinit-build
        RenderedUserData ud = UserDataOptions.builder()
                .guacamole(true) // Ansible guac_enabled (default true)
                .desktop(true) // Ansible gui_enabled (default false)
                .installOsUpdates(true) // cloud-config package_upgrade (default true)
                .addSshPublicKeys("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample user@host")
                .workflow(WorkflowContribution.of("https://github.com/binder-examples/requirements", "main"))
                .build()
                .render();

        String forNova = ud.base64(); // server.user_data
        int size = ud.encodedSize(); // Base64 bytes; Nova accepts at most 65,535
        // end-snippet
        return new Rendered(forNova, size, ud);
    }

    static RenderedUserData withCredentials(AppCred appCred) {
        // snippet:cloudinit-credentials
        OpenStackCredentials creds = OpenStackCredentials.builder()
                .authUrl("https://js2.jetstream-cloud.org:5000/v3/")
                .applicationCredentialId(appCred.id())
                .applicationCredentialSecret(appCred.secret()) // never shown by toString()
                .projectName("TG-ABC123")
                .region("IU") // clouds.yaml entry "TG_ABC123_IU"
                .build();
        RenderedUserData ud =
                UserDataOptions.builder().openStackCredentials(creds).build().render();
        // end-snippet
        return ud;
    }

    static UserDataOptions extended() {
        // snippet:cloudinit-extend
        UserDataOptions options = UserDataOptions.builder()
                .addExtraCloudConfig(CloudConfigFragment.fromYaml("""
                        packages: [htop]
                        runcmd:
                          - [systemctl, enable, --now, gateway-agent]
                        """))
                .addExtraShellParts(ShellPart.of("95-gateway.sh", "#!/bin/bash\nset -eu\necho ready\n"))
                .build();
        // end-snippet
        return options;
    }

    record Inspected(ParsedUserData parsed, CloudConfigFragment cloudConfig) {}

    static Inspected inspect(NovaServer server) {
        // snippet:cloudinit-parse
        ParsedUserData parsed = UserData.parseBase64(server.userData()); // or UserData.parse(bytes | text)
        parsed.parts(); // typed UserDataPart: contentType, filename, headers, body
        parsed.cloudConfig(); // first text/cloud-config part
        parsed.scripts(); // shell scripts and boothooks
        CloudConfigFragment cc = parsed.cloudConfig().orElseThrow().asCloudConfig(); // reuse as an extension
        // end-snippet
        return new Inspected(parsed, cc);
    }

    static Optional<RecognisedUserData> recognise(ParsedUserData parsed) {
        // snippet:cloudinit-recognise
        Optional<RecognisedUserData> r = ExosphereUserData.recognise(parsed); // or parsed.recogniseExosphere()
        r.get().guacamole();
        r.get().desktop();
        r.get().installOsUpdates();
        r.get().sshPublicKeys();
        r.get().configManagementRepository();
        r.get().configManagementCheckout();
        r.get().workflow(); // Optional<WorkflowContribution>
        r.get().credentialsInjected(); // secrets are not recovered
        r.get().emitsStarting();
        r.get().emitsRunning();
        r.get().extraParts(); // parts that are not Exosphere's
        r.get().toOptionsBuilder(); // re-launch with the same options
        // end-snippet
        return r;
    }

    record Read(
            List<ConsoleObject> all,
            Optional<String> token,
            SetupStatus next,
            List<ResourceUsageAlert> alerts,
            Optional<String> mountpoint) {}

    static Read readConsole(
            String consoleOutput,
            NovaServer server,
            String serverId,
            Nova nova,
            Clock clock,
            ResourceUsageHistory previous,
            Instant now) {
        // snippet:cloudinit-console
        String log = consoleOutput; // Nova os-getConsoleOutput

        // generic: every JSON object on the log, after kernel prefixes
        List<ConsoleObject> all = ConsoleScanner.objects(log, JsonLineMode.STRICT);
        Optional<String> token = ConsoleScanner.lastString(log, "exoWorkflowToken");

        // setup status (exoSetup metadata)
        SetupStatus current = SetupStatus.fromMetadata(server.metadata()); // absent → unknown
        SetupStatus next = current.next(log, server.created(), clock.instant()); // complete is sticky
        if (next.state() != current.state()) {
            nova.setMetadata(serverId, SetupStatus.METADATA_KEY, next.toMetadataValue());
        }

        // resource usage
        ResourceUsageHistory history = previous.merge(log); // polling strikes counted
        var chart = history.recent(now, ResourceUsageHistory.CHART_WINDOW);
        List<ResourceUsageAlert> alerts = ResourceUsageAlert.forHistory(history, now);

        // server version gates and volume mountpoints
        ExoServerVersion v = ExoServerVersion.fromMetadata(server.metadata()).orElseThrow();
        v.reportsSetupStatus(); // >= 4
        VolumeMountpoint.of(v, "My data", "/dev/sdb"); // /media/volume/My-data (>= 5), else /media/volume/sdb
        // end-snippet
        return new Read(all, token, next, alerts, VolumeMountpoint.of(v, "My data", "/dev/sdb"));
    }
}
