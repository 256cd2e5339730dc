package app.exosphere.core.config;

import app.exosphere.core.error.ConfigurationException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * clouds.yaml loading and resolution with openstacksdk's rules. Files: the first existing of
 * {@code OS_CLIENT_CONFIG_FILE}, then {@code clouds.yaml}/{@code .yml}/{@code .json} in the current
 * directory, {@code $XDG_CONFIG_HOME/openstack}, {@code $HOME/.config/openstack}, {@code /etc/xdg/openstack}
 * and {@code /etc/openstack}; {@code secure.yaml} from the same places (or {@code OS_CLIENT_SECURE_FILE})
 * deep-merged over it; {@code clouds-public.yaml} for vendor profiles. YAML merge keys ({@code <<: *x})
 * apply. {@code OS_CLOUD} names the default cloud, and {@code OS_*} variables form the {@code envvars}
 * cloud.
 *
 * <p>Each entry is resolved on demand, as openstacksdk's {@code get_one} does: vendor {@code profile}
 * (built-in or {@code clouds-public.yaml}), the region from {@code regions} (with its {@code values}) or
 * {@code region_name}, legacy keys ({@code endpoint_type}, {@code insecure}, {@code auth_plugin},
 * {@code tenant_*}, top-level {@code project_name}/{@code domain_id}, ...), then the auth type's options.
 * A bad entry fails only when it is asked for. Errors are {@link ConfigurationException}s naming the file,
 * the cloud and the key. Refused (documented in docs/configuration.md): Keystone v2 and auth types other
 * than password, v3applicationcredential, v3token and v3oidcaccesstoken (v3oidcpassword included), and
 * remote ({@code https://}) profiles.
 *
 * <pre>{@code
 * CloudsYaml clouds = CloudsYaml.load();
 * OpenStack os = OpenStack.builder().cloud(clouds.cloud("Project_One_RegionOne")).build();
 * OpenStack other = OpenStack.builder().cloud(clouds.cloud("js2", "IU")).build();   // one of its regions
 * OpenStack fromEnv = OpenStack.builder().cloud(clouds.defaultCloud()).build();   // OS_CLOUD or OS_*
 * }</pre>
 */
public final class CloudsYaml {
    /** The name of the cloud built from {@code OS_*} variables (unless {@code OS_CLOUD_NAME} is set). */
    public static final String ENVVARS = "envvars";

    private static final Logger LOG = LoggerFactory.getLogger(CloudsYaml.class);
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final int MAX_DEPTH = 64;
    /** Variables that select rather than describe a cloud (they alone make no {@code envvars} cloud). */
    private static final Set<String> SELECTORS =
            Set.of("OS_CLOUD", "OS_REGION_NAME", "OS_CLIENT_CONFIG_FILE", "OS_CLIENT_SECURE_FILE", "OS_CLOUD_NAME");

    private final Map<String, Object> entries;
    private final List<Path> files;
    private final String defaultCloudName;
    private final CloudResolver resolver;
    private final Map<List<String>, CloudConfig> resolved = new ConcurrentHashMap<>();

    private CloudsYaml(Map<String, Object> entries, List<Path> files, String defaultCloudName, CloudResolver resolver) {
        this.entries = entries;
        this.files = List.copyOf(files);
        this.defaultCloudName = defaultCloudName;
        this.resolver = resolver;
    }

    /**
     * Where to look and what the environment says; {@link #system()} is the real one, tests build
     * their own.
     *
     * @param env environment variables
     * @param cwd current directory
     * @param home home directory ({@code $HOME})
     * @param etc system configuration directory ({@code /etc})
     */
    public record Environment(Map<String, String> env, Path cwd, Path home, Path etc) {
        public Environment {
            env = Map.copyOf(env);
            Objects.requireNonNull(cwd, "cwd");
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(etc, "etc");
        }

        /**
         * The process environment, working directory, home directory ({@code $SNAP_REAL_HOME}, else
         * {@code $HOME}, else the account's home) and {@code /etc}.
         */
        public static Environment system() {
            Map<String, String> env = System.getenv();
            String home = firstNonEmpty(env.get("SNAP_REAL_HOME"), env.get("HOME"), System.getProperty("user.home"));
            return new Environment(env, Path.of("").toAbsolutePath(), Path.of(home), Path.of("/etc"));
        }

        /** The directories searched, in precedence order. */
        public List<Path> searchPath() {
            List<Path> dirs = new ArrayList<>();
            dirs.add(cwd);
            String xdg = env.get("XDG_CONFIG_HOME");
            Path userConfig = home.resolve(".config").resolve("openstack");
            dirs.add(xdg == null || xdg.isEmpty() ? userConfig : Path.of(xdg, "openstack"));
            dirs.add(userConfig);
            dirs.add(etc.resolve("xdg").resolve("openstack"));
            dirs.add(etc.resolve("openstack"));
            return dirs.stream().distinct().toList();
        }

        /** The candidates for {@code baseName} ({@code .yaml}, {@code .yml}, {@code .json}) on the search path. */
        List<Path> configFiles(String baseName) {
            List<Path> out = new ArrayList<>();
            for (Path dir : searchPath()) {
                for (String suffix : List.of(".yaml", ".yml", ".json")) {
                    out.add(dir.resolve(baseName + suffix));
                }
            }
            return out;
        }
    }

    /** Loads with the process environment. */
    public static CloudsYaml load() {
        return load(Environment.system());
    }

    /**
     * Loads from the search path of {@code environment}.
     *
     * @throws ConfigurationException if {@code OS_CLIENT_CONFIG_FILE} or {@code OS_CLIENT_SECURE_FILE} names
     *     a missing file or a directory, or a file found is not valid YAML
     */
    public static CloudsYaml load(Environment environment) {
        Path configFile = pick(environment, "clouds", "OS_CLIENT_CONFIG_FILE");
        Path secureFile = pick(environment, "secure", "OS_CLIENT_SECURE_FILE");
        List<Path> files = new ArrayList<>();
        Map<String, Object> tree = new LinkedHashMap<>();
        String text = null;
        if (configFile != null) {
            text = read(configFile);
            tree = parseTree(text, configFile.toString());
            files.add(configFile);
        }
        if (secureFile != null) {
            tree = mergeClouds(tree, parseTree(read(secureFile), secureFile.toString()));
            files.add(secureFile);
        }
        Map<String, Object> entries = cloudsOf(tree, text, configFile == null ? null : configFile.toString());
        Map<String, String> env = environment.env();
        String envvarKey = firstNonEmpty(env.get("OS_CLOUD_NAME"), ENVVARS);
        String defaultCloud = emptyToNull(env.get("OS_CLOUD"));
        Map<String, Object> fromEnv = environmentCloud(env);
        if (fromEnv != null) {
            if (entries.containsKey(envvarKey)) {
                throw new ConfigurationException(
                        configFile == null ? null : configFile.toString(),
                        line(text, List.of("clouds", envvarKey)),
                        "clouds." + envvarKey,
                        "a cloud has the name of the OS_* environment cloud; rename it or set OS_CLOUD_NAME",
                        null);
            }
            entries.put(envvarKey, fromEnv);
            if (defaultCloud == null) {
                defaultCloud = envvarKey;
            }
        }
        if (defaultCloud == null && entries.size() == 1) {
            defaultCloud = entries.keySet().iterator().next();
        }
        Supplier<Map<String, Object>> vendor = publicClouds(environment);
        CloudResolver resolver =
                new CloudResolver(configFile == null ? null : configFile.toString(), text, entries, vendor, envvarKey);
        return new CloudsYaml(entries, files, defaultCloud, resolver);
    }

    /**
     * Parses one clouds.yaml text (no search path, no secure.yaml, no environment, no clouds-public.yaml).
     * Only the YAML and its top-level shape are checked here; entries are resolved by {@link #cloud}.
     *
     * @throws ConfigurationException for invalid YAML or a {@code clouds} key that is not a mapping
     */
    public static CloudsYaml parse(String yaml, String fileName) {
        Map<String, Object> entries = cloudsOf(parseTree(yaml, fileName), yaml, fileName);
        String only = entries.size() == 1 ? entries.keySet().iterator().next() : null;
        CloudResolver resolver = new CloudResolver(fileName, yaml, entries, Map::of, ENVVARS);
        return new CloudsYaml(entries, List.of(), only, resolver);
    }

    /** The files read (clouds.yaml, then secure.yaml). */
    public List<Path> files() {
        return files;
    }

    /** The cloud names, in file order ({@code envvars} last). */
    public Set<String> cloudNames() {
        return java.util.Collections.unmodifiableSet(entries.keySet());
    }

    /** The cloud {@link #defaultCloud()} resolves: {@code OS_CLOUD}, else {@code envvars}, else the only one. */
    public Optional<String> defaultCloudName() {
        return Optional.ofNullable(defaultCloudName);
    }

    /**
     * The named cloud in its default region (the first of {@code regions}, else {@code region_name}).
     *
     * @throws ConfigurationException naming the clouds that exist, or what is wrong with this entry
     */
    public CloudConfig cloud(String name) {
        return cloud(name, null);
    }

    /**
     * The named cloud in {@code region} (one of its {@code regions}; any name when it lists none), with
     * that region's {@code values} applied.
     *
     * @param region the region name, or null for the default region
     * @throws ConfigurationException naming the clouds that exist, or what is wrong with this entry
     */
    public CloudConfig cloud(String name, String region) {
        Objects.requireNonNull(name, "name");
        if (!entries.containsKey(name)) {
            throw new ConfigurationException(
                    files.isEmpty() ? null : files.get(0).toString(),
                    null,
                    "clouds." + name,
                    "no such cloud; known clouds: " + entries.keySet()
                            + (files.isEmpty() ? " (no clouds.yaml found on the search path)" : ""),
                    null);
        }
        return resolved.computeIfAbsent(List.of(name, region == null ? "" : region), k -> {
            String source = entries.get(name) instanceof EnvCloud
                    ? "environment"
                    : files.isEmpty() ? null : files.get(0).toString();
            return resolver.resolve(name, region, source);
        });
    }

    /**
     * {@code OS_CLOUD}'s cloud, else the {@code envvars} cloud, else the only cloud.
     *
     * @throws ConfigurationException when none applies
     */
    public CloudConfig defaultCloud() {
        if (defaultCloudName == null) {
            throw new ConfigurationException("no default cloud: set OS_CLOUD to one of " + entries.keySet()
                    + " or export OS_AUTH_URL and credentials");
        }
        return cloud(defaultCloudName);
    }

    /** The {@code envvars} entry: a marker type so that its source reads {@code environment}. */
    private static final class EnvCloud extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;
    }

    /** openstacksdk's {@code _get_os_environ}: every {@code OS_X_Y} becomes {@code x_y}. */
    private static Map<String, Object> environmentCloud(Map<String, String> env) {
        EnvCloud cloud = new EnvCloud();
        boolean describes = false;
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(env).entrySet()) {
            String k = e.getKey();
            if (!k.startsWith("OS_") || k.startsWith("OS_TEST") || k.startsWith("OS_STD") || k.startsWith("OS_LOG")) {
                continue;
            }
            cloud.put(k.substring(3).toLowerCase(java.util.Locale.ROOT), e.getValue());
            describes |= !SELECTORS.contains(k);
        }
        return describes ? cloud : null;
    }

    private static Path pick(Environment environment, String baseName, String override) {
        String named = override == null ? null : emptyToNull(environment.env().get(override));
        if (named != null) {
            Path p = environment.cwd().resolve(named);
            if (Files.isDirectory(p)) {
                throw new ConfigurationException(
                        p.toString(),
                        null,
                        null,
                        override + " names a directory; name the " + baseName + ".yaml file",
                        null);
            }
            if (!Files.isRegularFile(p)) {
                throw new ConfigurationException(
                        p.toString(), null, null, override + " names a file that does not exist", null);
            }
            return p;
        }
        for (Path p : environment.configFiles(baseName)) {
            if (Files.isRegularFile(p)) {
                if (Files.isReadable(p)) {
                    return p;
                }
                LOG.warn("{} is not readable; looking further on the search path", p);
            }
        }
        return null;
    }

    /** clouds-public.yaml's {@code public-clouds}, read when a profile is first expanded. */
    private static Supplier<Map<String, Object>> publicClouds(Environment environment) {
        Map<String, Object>[] cache = newCache();
        return () -> {
            synchronized (cache) {
                if (cache[0] == null) {
                    Path p = pick(environment, "clouds-public", null);
                    Map<String, Object> clouds = new LinkedHashMap<>();
                    if (p != null) {
                        Object pc = parseTree(read(p), p.toString()).get("public-clouds");
                        if (pc instanceof Map<?, ?> m) {
                            clouds = CloudResolver.copyMap(m);
                        } else if (pc != null) {
                            throw new ConfigurationException(
                                    p.toString(), null, "public-clouds", "must be a mapping of profile names", null);
                        }
                    }
                    cache[0] = clouds;
                }
                return cache[0];
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object>[] newCache() {
        return new Map[1];
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException(p.toString(), null, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** YAML 1.1 with merge keys, as PyYAML's {@code safe_load}. */
    static Map<String, Object> parseTree(String yaml, String file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        Object tree;
        try {
            Node root = new Yaml(options).compose(new StringReader(yaml));
            if (root == null) {
                return new LinkedHashMap<>();
            }
            requireScalarKeys(root, file);
            tree = new TreeConstructor(options).construct(root);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() == null ? "not YAML" : e.getProblem();
            throw new ConfigurationException(
                    file,
                    m == null ? null : m.getLine() + 1,
                    null,
                    "invalid YAML: " + problem + (m == null ? "" : " (column " + (m.getColumn() + 1) + ")"),
                    null);
        } catch (YAMLException | ClassCastException e) {
            String msg = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new ConfigurationException(file, null, null, "invalid YAML: " + msg, null);
        } catch (java.util.ConcurrentModificationException e) {
            // SnakeYAML flattens merge keys in place: "<<: *b" inside the mapping anchored as &b (directly or
            // through another alias) is reached again while it is being flattened and fails with a JDK exception
            throw new ConfigurationException(
                    file,
                    null,
                    null,
                    "invalid YAML: a merge key (<<) refers to a mapping that contains it; merge an anchor defined"
                            + " outside that mapping",
                    null);
        } catch (IllegalArgumentException | ArithmeticException | IndexOutOfBoundsException e) {
            // SnakeYAML's YAML 1.1 resolver tags a plain scalar such as "._" as a float (or a
            // timestamp) by pattern and then fails to construct it with a JDK exception; the
            // document is still just bad input.
            throw new ConfigurationException(
                    file,
                    null,
                    null,
                    "invalid YAML: a plain scalar looks like a number or date but is not one; quote it",
                    null);
        }
        if (tree == null) {
            return new LinkedHashMap<>();
        }
        if (!(tree instanceof Map<?, ?>)) {
            throw new ConfigurationException(file, 1, null, "must be a YAML mapping with a 'clouds' key", null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) plain(tree, 0, file);
        return copy;
    }

    /** A copy with string keys; recursive aliases (a mapping inside itself) are refused. */
    /**
     * Refuses a mapping key that is itself a mapping or a list, as PyYAML's {@code safe_load} does ("found
     * unhashable key"): clouds.yaml keys are names, and a key built from a recursive alias would send
     * hashing into endless recursion.
     */
    private static void requireScalarKeys(Node root, String file) {
        Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node node = todo.pop();
            if (!seen.add(node)) {
                continue;
            }
            if (node instanceof MappingNode mapping) {
                for (NodeTuple entry : mapping.getValue()) {
                    if (!(entry.getKeyNode() instanceof ScalarNode)) {
                        Mark m = entry.getKeyNode().getStartMark();
                        throw new ConfigurationException(
                                file,
                                m == null ? null : m.getLine() + 1,
                                null,
                                "invalid YAML: a mapping key must be a plain name, not a mapping or a list",
                                null);
                    }
                    todo.push(entry.getValueNode());
                }
            } else if (node instanceof SequenceNode sequence) {
                sequence.getValue().forEach(todo::push);
            }
        }
    }

    /** SafeConstructor that builds a document from an already composed node. */
    private static final class TreeConstructor extends SafeConstructor {
        TreeConstructor(LoaderOptions options) {
            super(options);
        }

        Object construct(Node root) {
            return constructDocument(root);
        }
    }

    private static Object plain(Object value, int depth, String file) {
        if (depth > MAX_DEPTH) {
            throw new ConfigurationException(
                    file, null, null, "nested deeper than " + MAX_DEPTH + " levels (a recursive alias?)", null);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), plain(v, depth + 1, file)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(plain(v, depth + 1, file)));
            return out;
        }
        return value;
    }

    private static Map<String, Object> cloudsOf(Map<String, Object> tree, String text, String file) {
        Object clouds = tree.get("clouds");
        if (clouds == null) {
            return new LinkedHashMap<>();
        }
        if (!(clouds instanceof Map<?, ?> m)) {
            throw new ConfigurationException(
                    file, line(text, List.of("clouds")), "clouds", "must be a mapping of cloud names", null);
        }
        return CloudResolver.copyMap(m);
    }

    /** secure.yaml values win; mappings merge recursively (openstacksdk {@code merge_clouds}). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mergeClouds(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        overlay.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m && out.get(k) instanceof Map<?, ?> existing) {
                out.put(k, mergeClouds((Map<String, Object>) existing, (Map<String, Object>) m));
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    /** {@code block_storage} → {@code block-storage}; {@code volume} stays {@code volume}. */
    static String serviceKey(String s) {
        return s.replace('_', '-');
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The 1-based line of a key path in a YAML text, when the text is plain enough to tell. */
    static Integer line(String text, List<Object> path) {
        if (text == null) {
            return null;
        }
        try (JsonParser p = YAML.createParser(text)) {
            return JsLiteral.lineOf(p, path, 1);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
