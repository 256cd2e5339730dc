package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.compute.NamedSecurityGroup;
import app.exosphere.core.compute.ServerAction;
import app.exosphere.core.compute.ServerActionNotAllowedException;
import app.exosphere.core.config.ExosphereCloudConfigs;
import app.exosphere.core.config.ExosphereConfig;
import app.exosphere.core.config.ExosphereConfigs;
import app.exosphere.core.config.InstanceTypeVersion;
import app.exosphere.core.image.Image;
import app.exosphere.core.rules.Interaction;
import app.exosphere.core.rules.SecurityGroupTemplates;
import app.exosphere.testkit.CloudCredentials;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.SimulatedClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Exosphere settings taken from a deployment's {@code cloud_configs.js} ({@code State.Init.cloudSpecificConfigDecoder}, {@code GetterSetters.projectDefaultSecurityGroup}):
 * the simulator's own cloud entry, extended with a flavor group, an instance type, a default security group
 * and a desktop message, drives a launch and the instance's interactions without any hand-built setting.
 */
class CloudConfigSettingsEndToEndTest {

    static final String CLIENT = "3f0e8a52-1c2d-4e5f-9a8b-7c6d5e4f3a2b";

    /** The simulator's cloud entry with the deployment's own additions. */
    static String deploymentCloudConfigs(CloudSimulator cloud) {
        String js = cloud.cloudConfigsJs();
        String withGroups = js.replace(
                "flavorGroups: [],",
                "flavorGroups: [ { matchOn: \"m3\\\\.small\", title: \"Small CPU\", description: null,"
                        + " disallowedActions: [\"Suspend\"] } ],");
        String withTypes = withGroups.replace(
                "instanceTypes: [],",
                "instanceTypes: [ { friendlyName: \"Ubuntu\", description: \"Ubuntu Linux\", logo: \"ubuntu.svg\","
                        + " versions: [ { friendlyName: \"24.04 (latest)\", isPrimary: true,"
                        + " imageFilters: { name: \"Featured-Ubuntu24\", visibility: \"public\" },"
                        + " restrictFlavorIds: null } ] } ],");
        String withDesktop = withTypes.replace(
                "desktopMessage: null,",
                "desktopMessage: \"Desktops work best on Ubuntu.\",\n"
                        + "      securityGroups: { noRegion: { name: \"gateway-default\", description: \"Gateway\","
                        + " rules: [ { ethertype: \"IPv4\", direction: \"egress\" },"
                        + " { ethertype: \"IPv4\", direction: \"ingress\", protocol: \"tcp\","
                        + " port_range_min: 22, port_range_max: 22, description: \"SSH\" } ] } },");
        assertThat(withDesktop)
                .as("the simulator's cloud_configs.js still has the keys this test extends")
                .isNotEqualTo(withTypes)
                .isNotEqualTo(js);
        return withDesktop;
    }

    private static OpenStack openStack(CloudSimulator cloud, Clock clock) {
        CloudCredentials c = cloud.credentials();
        return OpenStack.builder()
                .authUrl(c.authUrl())
                .credentials(
                        Credentials.applicationCredential(c.applicationCredentialId(), c.applicationCredentialSecret()))
                .region("IU")
                .httpClient(cloud.newHttpClient())
                .clock(clock)
                .build();
    }

    private static CloudSimulator simulator() {
        return CloudSimulator.builder()
                .scenario(Scenario.jetstream2())
                .clock(SimulatedClock.accelerated(Instant.parse("2024-01-01T00:00:00Z"), 60))
                .seed(11)
                .start();
    }

    @Test
    void launchesFromAConfiguredInstanceTypeWithTheCloudEntrysUapSecurityGroupAndFlavorGroups() {
        try (CloudSimulator cloud = simulator()) {
            Clock clock = SimulatedCloudEndToEndTest.clockOf(cloud.clock());
            ExosphereCloudConfigs clouds = ExosphereCloudConfigs.builtIn()
                    .with(ExosphereCloudConfigs.parse(deploymentCloudConfigs(cloud), "cloud_configs.js"));
            try (Exosphere exo = Exosphere.builder()
                    .openStack(openStack(cloud, clock))
                    .settings(ExosphereSettings.builder()
                            .clientUuid(CLIENT)
                            .pollInterval(Duration.ofMillis(100))
                            .build()) // no UAP hostname, no groups: all from the cloud entry
                    .cloudConfigs(clouds)
                    .clock(clock)
                    .build()) {
                ExosphereSettings settings = exo.instances().settings();
                assertThat(settings.cloudConfig())
                        .map(c -> c.keystoneHostname())
                        .contains(cloud.keystoneHostname());
                InstanceTypeVersion ubuntu =
                        settings.instanceTypes().get(0).versions().get(0);

                Instance vm = exo.launch(LaunchRequest.builder()
                                .name("from-config")
                                .image(ImageChoice.instanceType(ubuntu))
                                .flavor(FlavorChoice.name("m3.small"))
                                .build())
                        .execute();
                Instance ready =
                        vm.watch().awaitReady(Duration.ofSeconds(60)).refresh().execute();

                // Exosphere's `GetterSetters.projectDefaultSecurityGroup`: the cloud's noRegion template, not
                // Exosphere's "exosphere" group
                assertThat(ready.server().securityGroups())
                        .extracting(NamedSecurityGroup::name)
                        .containsExactly("gateway-default");
                // Exosphere's `State.Init.cloudSpecificConfigDecoder`: the cloud entry's UAP for region IU
                assertThat(ready.fetchInteractions()
                                .execute()
                                .status(Interaction.WEB_SHELL)
                                .value()
                                .orElseThrow()
                                .toUriString())
                        .contains(".proxy-js2-iu.simulated.test/guacamole/");
                // Exosphere's `docs/flavor-groups.md`: the configured group hides Suspend, before any call
                assertThat(ready.fetchFlavorGroup().execute())
                        .map(g -> g.title())
                        .contains("Small CPU");
                assertThat(ready.checkAllowed(ServerAction.SUSPEND).execute()).isFalse();
                assertThatThrownBy(() -> ready.suspend().execute())
                        .isInstanceOf(ServerActionNotAllowedException.class)
                        .isInstanceOf(ActionDisallowedException.class)
                        .hasMessageContaining("Small CPU");
                assertThat(cloud.server(vm.id()).orElseThrow().status()).isEqualTo("ACTIVE");
            }
        }
    }

    @Test
    void takesTheDesktopMessageAndSetupRepositoryFromTheDeploymentConfig() {
        try (CloudSimulator cloud = simulator()) {
            Clock clock = SimulatedCloudEndToEndTest.clockOf(cloud.clock());
            ExosphereConfig config = ExosphereConfigs.parse(
                    deploymentCloudConfigs(cloud),
                    "cloud_configs.js",
                    "var config = { instanceConfigMgtRepoUrl: \"https://git.example.org/gateway/setup.git\","
                            + " instanceConfigMgtRepoCheckout: \"v2\" };",
                    "config.js");
            try (Exosphere exo = Exosphere.builder()
                    .openStack(openStack(cloud, clock))
                    .settings(ExosphereSettings.builder().clientUuid(CLIENT).build())
                    .config(config)
                    .clock(clock)
                    .build()) {
                ExosphereSettings settings = exo.instances().settings();
                assertThat(settings.configManagementRepository()).contains("https://git.example.org/gateway/setup.git");
                assertThat(settings.configManagementCheckout()).contains("v2");
                Image plain = exo.openStack().image().list().toList().get(0);
                // Exosphere's `GetterSetters.imageGetDesktopMessage`: no exoDesktopMessage on the image, so the cloud's
                // message
                assertThat(plain.exoDesktopMessage()).isEmpty();
                assertThat(settings.desktopMessage(plain)).contains("Desktops work best on Ubuntu.");
                assertThat(settings.securityGroupFor("IU").name()).isEqualTo("gateway-default");
            }
        }
    }

    @Test
    void explicitSettingsWinOverTheCloudEntryAndBuiltInsApplyWhenNoneIsGiven() {
        try (CloudSimulator cloud = simulator()) {
            Clock clock = SimulatedCloudEndToEndTest.clockOf(cloud.clock());
            try (Exosphere exo = Exosphere.builder()
                    .openStack(openStack(cloud, clock))
                    .settings(ExosphereSettings.builder()
                            .clientUuid(CLIENT)
                            .uapHostname("proxy.gateway.example")
                            .putSecurityGroups("noRegion", SecurityGroupTemplates.exosphereDefault())
                            .build())
                    .cloudConfigs(ExosphereCloudConfigs.parse(deploymentCloudConfigs(cloud), "cloud_configs.js"))
                    .clock(clock)
                    .build()) {
                assertThat(exo.instances().uapHostname()).contains("proxy.gateway.example");
                assertThat(exo.instances().settings().securityGroupFor("IU").name())
                        .isEqualTo("exosphere");
            }
            try (Exosphere exo = Exosphere.builder()
                    .openStack(openStack(cloud, clock))
                    .settings(ExosphereSettings.builder().clientUuid(CLIENT).build())
                    .clock(clock)
                    .build()) {
                // the simulator's Keystone is not among the built-in entries
                assertThat(exo.instances().settings().cloudConfig()).isEmpty();
                assertThat(exo.instances().settings().flavorGroupsInEffect()).isEmpty();
            }
        }
    }
}
