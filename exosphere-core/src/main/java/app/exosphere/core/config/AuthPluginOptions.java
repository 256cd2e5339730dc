package app.exosphere.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of keystoneauth's auth plugins as openstacksdk validates them ({@code _validate_auth}):
 * each option's value is taken from {@code auth}, else from the cloud's top level (also under a deprecated
 * name), and stored in {@code auth} under the option's destination. Plugins the SDK cannot authenticate
 * with carry a refusal that says what to use instead.
 *
 * @param name the {@code auth_type}
 * @param options the plugin's options in keystoneauth's order
 * @param refusal why the SDK refuses this type, or null when supported
 */
record AuthPluginOptions(String name, List<Option> options, String refusal) {
    /** One option: its name (underscored), where it is stored, its deprecated names, and whether required. */
    record Option(String name, String dest, List<String> deprecated, boolean required) {}

    private static final String NOT_V3 = " is Keystone v2 or v1, which the SDK does not speak; use password (v3)";

    static Map<String, AuthPluginOptions> all() {
        Map<String, AuthPluginOptions> m = new LinkedHashMap<>();
        List<Option> v3Base = List.of(
                opt("auth_url", true), opt("system_scope", false), opt("domain_id", false), opt("domain_name", false));
        List<Option> project = List.of(
                opt("project_id", false),
                opt("project_name", false),
                opt("project_domain_id", false),
                opt("project_domain_name", false),
                opt("trust_id", false));
        List<Option> genericProject = List.of(
                new Option("project_id", "project_id", List.of("tenant_id"), false),
                new Option("project_name", "project_name", List.of("tenant_name"), false),
                opt("project_domain_id", false),
                opt("project_domain_name", false),
                opt("trust_id", false),
                opt("default_domain_id", false),
                opt("default_domain_name", false));
        List<Option> user = List.of(
                opt("user_id", false),
                new Option("username", "username", List.of("user_name"), false),
                opt("user_domain_id", false),
                opt("user_domain_name", false));
        m.put("password", supported("password", v3Base, genericProject, user, List.of(opt("password", false))));
        m.put("v3password", supported("v3password", v3Base, project, user, List.of(opt("password", false))));
        m.put(
                "v3applicationcredential",
                supported(
                        "v3applicationcredential",
                        v3Base,
                        project,
                        user,
                        List.of(
                                opt("application_credential_secret", true),
                                opt("application_credential_id", false),
                                opt("application_credential_name", false))));
        m.put("token", supported("token", v3Base, genericProject, List.of(opt("token", false))));
        m.put("v3token", supported("v3token", v3Base, project, List.of(opt("token", false))));
        m.put(
                "v3oidcaccesstoken",
                supported(
                        "v3oidcaccesstoken",
                        v3Base,
                        project,
                        List.of(opt("identity_provider", true), opt("protocol", true), opt("access_token", true))));
        m.put(
                "v3oidcpassword",
                refused(
                        "v3oidcpassword",
                        "auth_type v3oidcpassword is not supported by exosphere-java (it would send your password to"
                                + " the identity provider's token endpoint); get an access token and use"
                                + " v3oidcaccesstoken, or create an application credential and use"
                                + " v3applicationcredential"));
        for (String v2 : List.of("v2password", "v2token", "v1password")) {
            m.put(v2, refused(v2, "auth_type " + v2 + NOT_V3));
        }
        for (String other : List.of(
                "admin_token",
                "http_basic",
                "noauth",
                "none",
                "v3adfspassword",
                "v3multifactor",
                "v3oauth1",
                "v3oidcauthcode",
                "v3oidcclientcredentials",
                "v3samlpassword",
                "v3tokenlessauth",
                "v3totp")) {
            m.put(
                    other,
                    refused(
                            other,
                            "auth_type " + other + " is not supported by exosphere-java; use password,"
                                    + " v3applicationcredential, v3token or v3oidcaccesstoken"));
        }
        return Map.copyOf(m);
    }

    /** openstacksdk's {@code _validate_auth}: moves each option's winning value into {@code auth}. */
    void validate(Map<String, Object> config, Map<String, Object> auth) {
        for (Option o : options) {
            Object winning = find(o, auth);
            if (!CloudResolver.truthy(winning)) {
                winning = find(o, config);
            }
            List<String> names = new ArrayList<>(o.deprecated());
            names.add(0, o.name());
            for (String n : names) {
                config.remove(n);
                auth.remove(n);
            }
            if (CloudResolver.truthy(winning)) {
                auth.put(o.dest(), winning);
            }
        }
    }

    private static Object find(Option o, Map<String, Object> map) {
        if (map.containsKey(o.name())) {
            return map.get(o.name());
        }
        for (String d : o.deprecated()) {
            if (map.containsKey(d)) {
                return map.get(d);
            }
        }
        return null;
    }

    private static Option opt(String name, boolean required) {
        return new Option(name, name, List.of(), required);
    }

    @SafeVarargs
    private static AuthPluginOptions supported(String name, List<Option>... groups) {
        List<Option> all = new ArrayList<>();
        for (List<Option> g : groups) {
            all.addAll(g);
        }
        return new AuthPluginOptions(name, List.copyOf(all), null);
    }

    private static AuthPluginOptions refused(String name, String why) {
        return new AuthPluginOptions(name, List.of(), why);
    }
}
