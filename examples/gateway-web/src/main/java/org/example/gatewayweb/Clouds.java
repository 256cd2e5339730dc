package org.example.gatewayweb;

import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.config.CloudConfig;
import app.exosphere.core.config.CloudsYaml;
import app.exosphere.core.config.ExosphereCloudConfigs;
import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.ExosphereSettings;
import app.exosphere.testkit.CloudCredentials;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.SimulatedClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The clouds users sign in to, and the one HTTP client every user's connection shares.
 *
 * <p>The gateway creates a single OkHttp client (one connection pool, one dispatcher) at start. A sign-in
 * builds that user's {@link OpenStack} on it ({@code OpenStack.Builder.httpClient}): a cheap view that keeps
 * only the user's credentials and token cache, so a thousand users cost a thousand tokens, not a thousand
 * pools. The gateway keeps no other state: which instances exist and how far they got is read from the cloud
 * on every page, so a restarted gateway carries on where the cloud is.
 *
 * <p>In simulated mode (the default) it starts one simulated cloud with a project per configured user (each
 * user signs in to their own project of the same cloud, as on a real one) and offers them as clouds.yaml
 * entries; otherwise it reads clouds.yaml from openstacksdk's search path (or {@code gateway.clouds-yaml}).
 */
@Component
public class Clouds implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(Clouds.class);

    private final GatewayProperties properties;
    private final OkHttpClient shared = new OkHttpClient();
    private final CloudSimulator simulator;
    private final CloudsYaml cloudsYaml;
    private final ExosphereCloudConfigs cloudConfigs;

    public Clouds(GatewayProperties properties) {
        this.properties = properties;
        if (properties.simulated()) {
            List<String> users = properties.simulatedUsers();
            if (users.isEmpty()) {
                throw new IllegalArgumentException("gateway.simulated-users names no user");
            }
            Scenario scenario = Scenario.jetstream2().toBuilder()
                    .friendlyName("Simulated Jetstream2")
                    .username(users.get(0))
                    .projectName(users.get(0) + "-lab")
                    .buildTime(Duration.ofMinutes(2))
                    .build();
            CloudSimulator.Builder cloudBuilder = CloudSimulator.builder()
                    .scenario(scenario)
                    .clock(SimulatedClock.accelerated(properties.simulatedSpeed()));
            for (String user : users.subList(1, users.size())) {
                cloudBuilder.addProject(user + "-lab", user, scenario.password() + "-" + user);
            }
            this.simulator = cloudBuilder.start();
            StringBuilder yaml = new StringBuilder("clouds:\n");
            ExosphereCloudConfigs configs = ExosphereCloudConfigs.builtIn()
                    .with(ExosphereCloudConfigs.parse(simulator.cloudConfigsJs(), "simulated cloud_configs.js"));
            for (String user : users) {
                CloudCredentials c = simulator.credentials(user + "-lab");
                yaml.append("  ").append(user).append(":\n")
                        .append("    region_name: ").append(c.defaultRegion()).append('\n')
                        .append("    auth:\n")
                        .append("      auth_url: ").append(c.authUrl()).append('\n')
                        .append("      username: ").append(c.username()).append('\n')
                        .append("      password: ").append(c.password()).append('\n')
                        .append("      user_domain_name: ").append(c.userDomainName()).append('\n')
                        .append("      project_name: ").append(c.projectName()).append('\n')
                        .append("      project_domain_name: ").append(c.projectDomainName()).append('\n');
                log.info("Simulated user {} (project {}) at {}", user, c.projectName(), c.authUrl());
            }
            this.cloudsYaml = CloudsYaml.parse(yaml.toString(), "simulated clouds.yaml");
            this.cloudConfigs = configs;
        } else {
            this.simulator = null;
            this.cloudsYaml = properties.cloudsYaml() == null
                    ? CloudsYaml.load()
                    : CloudsYaml.parse(read(properties.cloudsYaml()), properties.cloudsYaml().toString());
            this.cloudConfigs = properties.cloudConfigs() == null
                    ? ExosphereCloudConfigs.builtIn()
                    : ExosphereCloudConfigs.builtIn().with(ExosphereCloudConfigs.load(properties.cloudConfigs()));
        }
    }

    private static String read(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The clouds.yaml entries a user can sign in with. */
    public List<String> cloudNames() {
        return new ArrayList<>(cloudsYaml.cloudNames());
    }

    /** The simulated cloud every simulated user has a project in (empty against real clouds). */
    public Optional<CloudSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    /** Signs in with a clouds.yaml entry. */
    public UserSession signIn(String cloudName) {
        CloudConfig config = cloudsYaml.cloud(cloudName);
        return open(OpenStack.builder().cloud(config), config.authUrl(), cloudName);
    }

    /** Signs in with an application credential (bound to its project). */
    public UserSession signIn(String authUrl, String applicationCredentialId, String secret, String region) {
        OpenStack.Builder builder = OpenStack.builder()
                .authUrl(authUrl)
                .credentials(Credentials.applicationCredential(applicationCredentialId, secret));
        if (region != null && !region.isBlank()) {
            builder.region(region.strip());
        }
        return open(builder, authUrl, "application credential");
    }

    private UserSession open(OpenStack.Builder builder, String authUrl, String description) {
        Optional<CloudSimulator> simulator = simulatorAt(authUrl);
        Clock clock = simulator.map(s -> s.clock().asClock()).orElse(Clock.systemUTC());
        // the shared client, or for a simulated cloud a client derived from it (same pool and dispatcher)
        // that resolves the simulator's UAP hostnames and trusts its CA
        OkHttpClient http = simulator.map(s -> s.configure(shared.newBuilder()).build()).orElse(shared);
        OpenStack openStack = builder.httpClient(http).clock(clock).build();
        try {
            Exosphere exosphere = Exosphere.builder()
                    .openStack(openStack)
                    .settings(ExosphereSettings.builder()
                            .clientUuid(properties.clientUuid())
                            .pollInterval(simulator.isPresent() ? Duration.ofMillis(250) : Duration.ofSeconds(10))
                            .build())
                    .cloudConfigs(cloudConfigs)
                    .clock(clock)
                    .closeOpenStack(true)
                    .build();
            return UserSession.of(exosphere, clock, description);
        } catch (RuntimeException e) {
            openStack.close();
            throw e;
        }
    }

    private Optional<CloudSimulator> simulatorAt(String authUrl) {
        String url = authUrl.replaceAll("/+$", "");
        return simulator()
                .filter(s -> url.equals(s.keystoneUrl()) || url.equals(s.keystoneUrl().replaceAll("/v3$", "")));
    }

    @Override
    public void destroy() {
        shared.dispatcher().executorService().shutdown();
        shared.connectionPool().evictAll();
        if (simulator != null) {
            simulator.close();
        }
        try {
            shared.dispatcher().executorService().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
