package app.exosphere.core.config;

import app.exosphere.core.error.ConfigurationException;
import app.exosphere.core.internal.JsLiteral;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * clouds.yaml loading with openstacksdk's rules: the first existing file of {@code OS_CLIENT_CONFIG_FILE},
 * {@code ./clouds.yaml}, {@code ~/.config/openstack/clouds.yaml}, {@code /etc/openstack/clouds.yaml}
 * ({@code .yml} accepted); {@code secure.yaml} from the same places (or {@code OS_CLIENT_SECURE_FILE})
 * deep-merged over it; {@code OS_CLOUD} naming the default cloud; and the {@code envvars} cloud built from
 * {@code OS_*} environment variables. Supports {@code auth_type} password, v3applicationcredential,
 * v3token and v3oidcaccesstoken; {@code region_name}/{@code regions}, {@code interface},
 * {@code verify}/{@code cacert}/{@code cert}/{@code key}, {@code *_api_version} and
 * {@code *_endpoint_override}.
 *
 * <pre>{@code
 * CloudsYaml clouds = CloudsYaml.load();
 * OpenStack os = OpenStack.builder().cloud(clouds.cloud("Project_One_RegionOne")).build();
 * OpenStack fromEnv = OpenStack.builder().cloud(clouds.defaultCloud()).build();   // OS_CLOUD or OS_*
 * }</pre>
 */
public final class CloudsYaml {
    /** The name of the cloud built from {@code OS_*} variables (unless {@code OS_CLOUD_NAME} is set). */
    public static final String ENVVARS = "envvars";

    private static final YAMLMapper YAML = new YAMLMapper();
    private final Map<String, CloudConfig> clouds;
    private final List<Path> files;
    private final String osCloud;

    private CloudsYaml(Map<String, CloudConfig> clouds, List<Path> files, String osCloud) {
        this.clouds = clouds;
        this.files = List.copyOf(files);
        this.osCloud = osCloud;
    }

    /**
     * Where to look and what the environment says; {@link #system()} is the real one, tests build
     * their own.
     *
     * @param env environment variables
     * @param cwd current directory
     * @param home home directory
     * @param etc system configuration directory ({@code /etc})
     */
    public record Environment(Map<String, String> env, Path cwd, Path home, Path etc) {
        public Environment {
            env = Map.copyOf(env);
            Objects.requireNonNull(cwd, "cwd");
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(etc, "etc");
        }

        /** The process environment, working directory, {@code user.home} and {@code /etc}. */
        public static Environment system() {
            return new Environment(
                    System.getenv(),
                    Path.of("").toAbsolutePath(),
                    Path.of(System.getProperty("user.home")),
                    Path.of("/etc"));
        }

        /** The config search path, in precedence order. */
        List<Path> configFiles(String baseName, String override) {
            List<Path> out = new ArrayList<>();
            if (env.get(override) != null) {
                out.add(Path.of(env.get(override)));
            }
            for (Path dir : List.of(cwd, home.resolve(".config").resolve("openstack"), etc.resolve("openstack"))) {
                out.add(dir.resolve(baseName + ".yaml"));
                out.add(dir.resolve(baseName + ".yml"));
            }
            return out;
        }
    }

    /** Loads with the process environment. */
    public static CloudsYaml load() {
        return load(Environment.system());
    }

    /** Loads from the search path of {@code environment}. */
    public static CloudsYaml load(Environment environment) {
        Path configFile = firstExisting(environment.configFiles("clouds", "OS_CLIENT_CONFIG_FILE"));
        Path secureFile = firstExisting(environment.configFiles("secure", "OS_CLIENT_SECURE_FILE"));
        Map<String, CloudConfig> clouds = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        if (configFile != null) {
            String text = read(configFile);
            ObjectNode tree = parseTree(text, configFile.toString());
            String secureText = null;
            if (secureFile != null) {
                secureText = read(secureFile);
                deepMerge(tree, parseTree(secureText, secureFile.toString()));
                files.add(secureFile);
            }
            files.add(0, configFile);
            clouds.putAll(decode(tree, text, configFile.toString()));
        }
        Optional<CloudConfig> envvars = OsVariables.cloudFromEnvironment(environment.env(), "environment");
        envvars.ifPresent(c -> clouds.put(c.name(), c));
        return new CloudsYaml(clouds, files, environment.env().get("OS_CLOUD"));
    }

    /** Parses one clouds.yaml text (no search path, no secure.yaml, no environment). */
    public static CloudsYaml parse(String yaml, String fileName) {
        return new CloudsYaml(decode(parseTree(yaml, fileName), yaml, fileName), List.of(), null);
    }

    /** The files read (clouds.yaml, then secure.yaml). */
    public List<Path> files() {
        return files;
    }

    /** The cloud names, in file order ({@code envvars} last). */
    public Set<String> cloudNames() {
        return clouds.keySet();
    }

    /**
     * The named cloud.
     *
     * @throws ConfigurationException naming the clouds that exist
     */
    public CloudConfig cloud(String name) {
        CloudConfig c = clouds.get(name);
        if (c == null) {
            throw new ConfigurationException(
                    files.isEmpty() ? null : files.get(0).toString(),
                    null,
                    "clouds." + name,
                    "no such cloud; known clouds: " + clouds.keySet()
                            + (files.isEmpty() ? " (no clouds.yaml found on the search path)" : ""),
                    null);
        }
        return c;
    }

    /** {@code OS_CLOUD}'s cloud, else the {@code envvars} cloud, else the only cloud. */
    public CloudConfig defaultCloud() {
        if (osCloud != null) {
            return cloud(osCloud);
        }
        Optional<CloudConfig> env = clouds.values().stream()
                .filter(c -> c.source().filter("environment"::equals).isPresent())
                .findFirst();
        if (env.isPresent()) {
            return env.get();
        }
        if (clouds.size() == 1) {
            return clouds.values().iterator().next();
        }
        throw new ConfigurationException("no default cloud: set OS_CLOUD to one of " + clouds.keySet()
                + " or export OS_AUTH_URL and credentials");
    }

    private static Path firstExisting(List<Path> candidates) {
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException(p.toString(), null, null, "cannot read: " + e.getMessage(), e);
        }
    }

    private static ObjectNode parseTree(String yaml, String file) {
        try {
            JsonNode tree = YAML.readTree(yaml);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return YAML.createObjectNode();
            }
            if (!tree.isObject()) {
                throw new ConfigurationException(file, 1, null, "must be a YAML mapping with a 'clouds' key", null);
            }
            return (ObjectNode) tree;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
            throw new ConfigurationException(file, line, null, "invalid YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** secure.yaml values win; objects merge recursively (openstacksdk {@code merge_clouds}). */
    static void deepMerge(ObjectNode base, JsonNode overlay) {
        Iterator<Map.Entry<String, JsonNode>> it = overlay.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = base.get(e.getKey());
            if (existing instanceof ObjectNode target && e.getValue().isObject()) {
                deepMerge(target, e.getValue());
            } else {
                base.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    private static Map<String, CloudConfig> decode(ObjectNode tree, String text, String file) {
        Map<String, CloudConfig> out = new LinkedHashMap<>();
        JsonNode clouds = tree.get("clouds");
        if (clouds == null || clouds.isNull()) {
            return out;
        }
        if (!clouds.isObject()) {
            throw new ConfigurationException(
                    file, line(text, List.of("clouds")), "clouds", "must be a mapping of cloud names", null);
        }
        Iterator<Map.Entry<String, JsonNode>> it = clouds.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), decodeCloud(e.getKey(), e.getValue(), text, file));
        }
        return out;
    }

    private static CloudConfig decodeCloud(String name, JsonNode node, String text, String file) {
        String prefix = "clouds." + name;
        if (!node.isObject()) {
            throw new ConfigurationException(
                    file, line(text, List.of("clouds", name)), prefix, "must be a mapping", null);
        }
        Map<String, JsonNode> fields = normalized(node);
        Map<String, String> auth = new LinkedHashMap<>();
        JsonNode authNode = node.get("auth");
        if (authNode != null && !authNode.isNull()) {
            if (!authNode.isObject()) {
                throw new ConfigurationException(
                        file,
                        line(text, List.of("clouds", name, "auth")),
                        prefix + ".auth",
                        "must be a mapping (auth_url, username, ...)",
                        null);
            }
            normalized(authNode).forEach((k, v) -> {
                if (!v.isValueNode() || v.isNull()) {
                    throw new ConfigurationException(
                            file,
                            line(text, List.of("clouds", name, "auth", k)),
                            prefix + ".auth." + k,
                            "must be a plain value",
                            null);
                }
                auth.put(k, v.asText());
            });
        }
        AuthType authType;
        try {
            authType = AuthType.parse(text(fields.get("auth_type")));
        } catch (ConfigurationException e) {
            throw new ConfigurationException(
                    file,
                    line(text, List.of("clouds", name, "auth_type")),
                    prefix + ".auth_type",
                    e.getMessage(),
                    null);
        }
        if (!auth.containsKey("auth_url")) {
            throw new ConfigurationException(
                    file,
                    line(text, List.of("clouds", name)),
                    prefix + ".auth.auth_url",
                    "is required (the Keystone URL)",
                    null);
        }
        String identityVersion = text(fields.get("identity_api_version"));
        if (identityVersion != null && !identityVersion.equals("3") && !identityVersion.startsWith("3.")) {
            throw new ConfigurationException(
                    file,
                    line(text, List.of("clouds", name, "identity_api_version")),
                    prefix + ".identity_api_version",
                    "only Keystone v3 is supported (got " + identityVersion + ")",
                    null);
        }
        List<String> regions = new ArrayList<>();
        JsonNode regionsNode = fields.get("regions");
        if (regionsNode != null && regionsNode.isArray()) {
            for (JsonNode r : regionsNode) {
                String rn = r.isObject() ? text(r.get("name")) : text(r);
                if (rn == null) {
                    throw new ConfigurationException(
                            file,
                            line(text, List.of("clouds", name, "regions")),
                            prefix + ".regions",
                            "each region is a name or a mapping with 'name'",
                            null);
                }
                regions.add(rn);
            }
        }
        Boolean verify = null;
        JsonNode verifyNode = fields.get("verify");
        if (verifyNode != null && !verifyNode.isNull()) {
            if (verifyNode.isBoolean()) {
                verify = verifyNode.asBoolean();
            } else {
                verify = !List.of("false", "no", "0")
                        .contains(verifyNode.asText().toLowerCase(Locale.ROOT));
            }
        }
        Map<String, String> apiVersions = new LinkedHashMap<>();
        Map<String, String> overrides = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (k.endsWith("_api_version") && !k.equals("identity_api_version") && v.isValueNode()) {
                apiVersions.put(serviceKey(k.substring(0, k.length() - "_api_version".length())), v.asText());
            } else if (k.endsWith("_endpoint_override") && v.isValueNode()) {
                overrides.put(serviceKey(k.substring(0, k.length() - "_endpoint_override".length())), v.asText());
            }
        });
        return new CloudConfig(
                name,
                file,
                authType,
                auth,
                text(fields.get("region_name")),
                regions,
                text(fields.get("interface")),
                verify,
                text(fields.get("cacert")),
                text(fields.get("cert")),
                text(fields.get("key")),
                apiVersions,
                overrides);
    }

    /** {@code block_storage} → {@code block-storage}; {@code volume} stays {@code volume}. */
    static String serviceKey(String s) {
        return s.replace('_', '-');
    }

    private static Map<String, JsonNode> normalized(JsonNode obj) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        obj.fields().forEachRemaining(e -> out.put(e.getKey().replace('-', '_'), e.getValue()));
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || !n.isValueNode() ? null : n.asText();
    }

    private static Integer line(String text, List<Object> path) {
        try (JsonParser p = YAML.createParser(text)) {
            return JsLiteral.lineOf(p, path, 1);
        } catch (IOException e) {
            return null;
        }
    }
}
