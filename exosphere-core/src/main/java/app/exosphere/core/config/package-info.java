/**
 * Cloud configuration: clouds.yaml ({@link app.exosphere.core.config.CloudsYaml}), OpenRC files
 * ({@link app.exosphere.core.config.OpenRc}), and an Exosphere deployment's {@code cloud_configs.js}
 * and {@code config.js} ({@link app.exosphere.core.config.ExosphereCloudConfigs},
 * {@link app.exosphere.core.config.ExosphereConfigs}) with the public Exosphere defaults built in.
 *
 * <pre>{@code
 * OpenStack os = OpenStack.builder().cloud(CloudsYaml.load().cloud("mycloud")).build();
 * ExosphereCloudConfigs exo = ExosphereCloudConfigs.builtIn();
 * }</pre>
 */
package app.exosphere.core.config;
