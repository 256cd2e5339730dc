package app.exosphere.examples;

import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.Scope;
import app.exosphere.core.auth.UserRef;
import app.exosphere.core.error.ConfigurationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The few {@code clouds.yaml} fields the examples need (auth URL, password or application credential,
 * project, region), read from the openstacksdk search path: {@code OS_CLIENT_CONFIG_FILE}, then
 * {@code ./clouds.yaml}, {@code ~/.config/openstack/clouds.yaml}, {@code /etc/openstack/clouds.yaml}.
 * A stop-gap for the CLI until exosphere-core's configuration loader is merged.
 *
 * <pre>{@code
 * CloudsYaml.Entry js2 = CloudsYaml.load().entry("js2");
 * }</pre>
 */
final class CloudsYaml {

    private final Path file;
    private final JsonNode clouds;

    private CloudsYaml(Path file, JsonNode clouds) {
        this.file = file;
        this.clouds = clouds;
    }

    /** One cloud entry. Secrets stay inside {@link #credentials()}; {@code toString()} never shows them. */
    record Entry(String authUrl, Credentials credentials, Scope scope, String region) {
        @Override
        public String toString() {
            return "Entry[" + authUrl + ", region " + region + "]";
        }
    }

    static CloudsYaml load() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("OS_CLIENT_CONFIG_FILE");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        candidates.add(Path.of("clouds.yaml"));
        candidates.add(Path.of(System.getProperty("user.home"), ".config", "openstack", "clouds.yaml"));
        candidates.add(Path.of("/etc/openstack/clouds.yaml"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                try {
                    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(p.toFile());
                    return new CloudsYaml(p, root == null ? null : root.get("clouds"));
                } catch (IOException e) {
                    throw new ConfigurationException("cannot read " + p + ": " + e.getMessage());
                }
            }
        }
        throw new ConfigurationException("no clouds.yaml found (looked at " + candidates
                + "); download one from your cloud's dashboard, or use --simulated");
    }

    Entry entry(String name) {
        JsonNode cloud = clouds == null ? null : clouds.get(name);
        if (cloud == null) {
            List<String> names = new ArrayList<>();
            if (clouds != null) {
                clouds.fieldNames().forEachRemaining(names::add);
            }
            throw new ConfigurationException("no cloud '" + name + "' in " + file + "; it has " + names);
        }
        JsonNode auth = cloud.path("auth");
        String authUrl = text(auth, "auth_url");
        if (authUrl == null) {
            throw new ConfigurationException("cloud '" + name + "' in " + file + " has no auth.auth_url");
        }
        String region = text(cloud, "region_name");
        String type = text(cloud, "auth_type");
        Credentials credentials;
        if ("v3applicationcredential".equals(type) || text(auth, "application_credential_id") != null) {
            String secret = text(auth, "application_credential_secret");
            if (secret == null) {
                throw new ConfigurationException("cloud '" + name + "' has no application_credential_secret");
            }
            credentials = Credentials.applicationCredential(text(auth, "application_credential_id"), secret);
            return new Entry(authUrl, credentials, Scope.unscoped(), region);
        }
        String username = text(auth, "username");
        String password = text(auth, "password");
        if (username == null || password == null) {
            throw new ConfigurationException("cloud '" + name + "' in " + file
                    + " needs auth.username and auth.password, or an application credential");
        }
        String userDomain = firstOf(text(auth, "user_domain_name"), text(auth, "user_domain_id"), "Default");
        String projectDomain = firstOf(text(auth, "project_domain_name"), text(auth, "project_domain_id"), userDomain);
        credentials = Credentials.password(UserRef.name(username, DomainRef.of(userDomain)), password);
        Scope scope = text(auth, "project_id") != null
                ? Scope.project(text(auth, "project_id"))
                : Scope.projectName(text(auth, "project_name"), DomainRef.of(projectDomain));
        return new Entry(authUrl, credentials, scope, region);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String firstOf(String a, String b, String fallback) {
        return a != null ? a : b != null ? b : fallback;
    }
}
