package org.example.gatewayweb;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's configuration ({@code gateway.*} in application.properties, the environment or the command
 * line).
 *
 * @param simulated run on simulated clouds started in process (default) instead of clouds.yaml
 * @param simulatedUsers the simulated cloud's users, each with a project {@code <name>-lab} of its own
 * @param simulatedSpeed simulated seconds per wall second
 * @param cloudsYaml a clouds.yaml to read instead of openstacksdk's search path (real clouds)
 * @param cloudConfigs an Exosphere {@code cloud_configs.js} adding UAPs to the built-in ones (real clouds)
 * @param clientUuid the Exosphere client UUID this gateway writes on what it creates; keep it across restarts
 * @param chartRefreshSeconds how often the instance page reloads the resource-usage chart
 * @param exosphereAppUrl the Exosphere web app whose mount helper script the shares page's commands run
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(
        boolean simulated,
        List<String> simulatedUsers,
        double simulatedSpeed,
        Path cloudsYaml,
        Path cloudConfigs,
        String clientUuid,
        int chartRefreshSeconds,
        String exosphereAppUrl) {}
