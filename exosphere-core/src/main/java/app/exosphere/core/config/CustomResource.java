package app.exosphere.core.config;

/**
 * A friendly label for a Placement resource class in quota displays (Exosphere's {@code State.Init.cloudSpecificConfigDecoder}).
 *
 * <pre>{@code
 * new CustomResource("CUSTOM_A100X_10C", "A100 vGPU (10 GB)")
 * }</pre>
 *
 * @param resource the resource class
 * @param friendlyName its label
 */
public record CustomResource(String resource, String friendlyName) {}
