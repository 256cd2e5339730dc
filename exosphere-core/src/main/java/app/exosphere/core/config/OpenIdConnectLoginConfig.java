package app.exosphere.core.config;

/**
 * Config {@code openIdConnectLoginConfig}: federated (OIDC) login through Keystone WebSSO
 * (Exosphere's {@code Flags.flagsDecoder}).
 *
 * <pre>{@code
 * config.openIdConnectLogin().ifPresent(o -> System.out.println("log in at " + o.webssoUrl()));
 * }</pre>
 *
 * @param keystoneAuthUrl Keystone auth URL
 * @param webssoUrl WebSSO URL
 * @param oidcLoginIcon button icon
 * @param oidcLoginButtonLabel button label
 * @param oidcLoginButtonDescription button description
 */
public record OpenIdConnectLoginConfig(
        String keystoneAuthUrl,
        String webssoUrl,
        String oidcLoginIcon,
        String oidcLoginButtonLabel,
        String oidcLoginButtonDescription) {}
