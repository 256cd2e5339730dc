package org.example.gatewayweb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The reference science gateway: sign in to an OpenStack research cloud, launch Exosphere-style instances and
 * use them (web shell, desktop, workflow, console) from server-rendered pages. Runs on the simulated cloud of
 * exosphere-testkit unless {@code gateway.simulated=false}.
 */
@SpringBootApplication
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
