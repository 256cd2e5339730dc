package app.exosphere.core.config;

/**
 * One rule of a configured default security group (Exosphere's {@code State.Init.cloudSpecificConfigDecoder} and {@code GetterSetters.projectDefaultSecurityGroup}).
 *
 * <pre>{@code
 * new SecurityGroupRuleTemplate("IPv4", "ingress", "tcp", 22, 22, null, null, "SSH")
 * }</pre>
 *
 * @param ethertype {@code IPv4} or {@code IPv6}
 * @param direction {@code ingress} or {@code egress}
 * @param protocol protocol name, or null for any
 * @param portRangeMin lowest port, or null
 * @param portRangeMax highest port, or null
 * @param remoteIpPrefix remote CIDR, or null
 * @param remoteGroupId remote group, or null
 * @param description description, or null
 */
public record SecurityGroupRuleTemplate(
        String ethertype,
        String direction,
        String protocol,
        Integer portRangeMin,
        Integer portRangeMax,
        String remoteIpPrefix,
        String remoteGroupId,
        String description) {}
