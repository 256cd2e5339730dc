package org.example.gateway;

import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.Instance;
import app.exosphere.core.instance.LaunchRequest;
import app.exosphere.core.rules.Interaction;
import app.exosphere.core.rules.InteractionStatus;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.connect.SimulatorConnections;
import java.time.Duration;

/** Launches an Exosphere-style instance on the simulated cloud and prints its web-shell URL. */
public final class StarterGateway {

    private StarterGateway() {}

    /** Launches an instance named {@code name}, waits until it is ready and returns its web-shell URL. */
    public static String launchWebShell(Exosphere exosphere, String name) {
        Instance instance = exosphere.launch(LaunchRequest.builder().name(name).build()).execute();
        Instance ready = instance.watch().awaitReady(Duration.ofHours(1)).refresh().execute();
        InteractionStatus webShell = ready.fetchInteractions().execute().status(Interaction.WEB_SHELL);
        return webShell.value()
                .orElseThrow(() -> new IllegalStateException("no web shell: " + webShell.reason().orElse("")))
                .toUriString();
    }

    public static void main(String[] args) {
        String url;
        try (CloudSimulator cloud = CloudSimulator.start(Scenario.jetstream2());
                Exosphere exosphere = SimulatorConnections.exosphere(cloud)) {
            url = launchWebShell(exosphere, "my-first-instance");
        }
        System.out.println("Web shell: " + url);
    }
}
