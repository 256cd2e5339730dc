package app.exosphere.core.config;

/**
 * The 21 UI nouns a deployment may rename (config {@code localization}, Exosphere's {@code Flags.flagsDecoder}), e.g.
 * Jetstream2 says "allocation" for project and "flavor" for size.
 *
 * <pre>{@code
 * String word = config.localizationOrDefault().virtualComputer();   // "instance"
 * }</pre>
 */
public record Localization(
        String openstackWithOwnKeystone,
        String openstackSharingKeystoneWithAnother,
        String unitOfTenancy,
        String maxResourcesPerProject,
        String pkiPublicKeyForSsh,
        String virtualComputer,
        String virtualComputerHardwareConfig,
        String cloudInitData,
        String commandDrivenTextInterface,
        String staticRepresentationOfBlockDeviceContents,
        String blockDevice,
        String share,
        String accessRule,
        String exportLocation,
        String nonFloatingIpAddress,
        String floatingIpAddress,
        String publiclyRoutableIpAddress,
        String securityGroup,
        String graphicalDesktopEnvironment,
        String hostname,
        String credential) {

    /** Exosphere's defaults ({@code Types/Defaults.elm}). */
    public static final Localization DEFAULTS = new Localization(
            "cloud",
            "region",
            "project",
            "resource limit",
            "SSH public key",
            "instance",
            "size",
            "boot script",
            "terminal",
            "image",
            "volume",
            "share",
            "access rule",
            "export location",
            "internal IP address",
            "floating IP address",
            "public IP address",
            "firewall ruleset",
            "graphical desktop",
            "hostname",
            "credential");

    /** The key names, in declaration order. */
    public static final java.util.List<String> KEYS = java.util.Arrays.stream(Localization.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName)
            .toList();
}
