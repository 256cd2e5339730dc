package app.exosphere.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.cloudinit.RenderedUserData;
import app.exosphere.cloudinit.SecretText;
import app.exosphere.core.auth.ApplicationCredential;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.ScopeTarget;
import app.exosphere.core.auth.Secret;
import app.exosphere.core.auth.SecretUrl;
import app.exosphere.core.auth.ServiceCatalog;
import app.exosphere.core.auth.TokenInfo;
import app.exosphere.core.auth.UserRef;
import app.exosphere.core.config.CloudsYaml;
import app.exosphere.core.config.OpenRc;
import app.exosphere.core.error.ConfigurationException;
import app.exosphere.core.fuzz.PublicModels;
import app.exosphere.testkit.PlantedSecrets;
import app.exosphere.testkit.SecretLeakScanner;
import app.exosphere.uap.GuacamoleUrls;
import app.exosphere.uap.JupyterInterface;
import app.exosphere.uap.JupyterUrls;
import app.exosphere.uap.UapUrl;
import app.exosphere.workflow.WorkflowUrls;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Builds every public model of exosphere-core and of the modules whose types it exports
 * (exosphere-uap-urls, exosphere-workflow, exosphere-cloudinit) with {@link PlantedSecrets} in each place
 * that can carry a secret (attributes named like passwords, secrets, tokens, passphrases, admin passwords
 * or user data; every {@link Secret}; {@code exoPw:} tags; {@code exoPw}/{@code exouserPassword} in any
 * metadata) and checks that no {@code toString()} shows one, raw or encoded. The messages of the
 * exceptions thrown meanwhile (a model refusing a value, on any thread) are checked by
 * {@link SecretLeakScanner}, under which this suite runs.
 */
class PlantedSecretsSweepTest {
    private static final Set<String> SECRETS = Set.copyOf(PlantedSecrets.all());
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|secret|token|passphrase|adminpass|userdata|privatekey|accesstoken).*");

    @Test
    void noPublicModelPrintsAPlantedSecret() {
        List<String> built = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : allTypes()) {
            Object model = build(type, 0);
            if (model == null) {
                continue;
            }
            built.add(type.getSimpleName().replaceFirst("^Immutable", ""));
            for (String leak : SecretLeakScanner.findLeaks(String.valueOf(model), SECRETS)) {
                leaks.add(type.getName() + ".toString() " + leak);
            }
        }
        assertThat(leaks).isEmpty();
        // the sweep reaches the models that carry secrets, and most of the rest
        assertThat(built)
                .contains(
                        "Server",
                        "ServerCreateRequest",
                        "CreatedServer",
                        "Keypair",
                        "InteractionContext",
                        "State", // GuacamoleAuth.State: the Guacamole token
                        "Password",
                        "Token",
                        "OidcAccessToken",
                        "UapUrl",
                        "WorkflowInteractionInput",
                        "RemoteConsole",
                        "Ready", // InteractionStatus.Ready: a SecretUrl
                        "Warn",
                        "OpenStackCredentials",
                        "WorkflowConsole",
                        "SecretUrl",
                        "SecretText");
        assertThat(built.size()).isGreaterThan(100);
    }

    /**
     * What a model hands out must print masked too: every public no-argument accessor of every model
     * built above (a server's {@code tags()} and {@code metadata()}, a console's {@code url()}, an
     * interaction's {@code value()}, a workflow console's {@code token()}...) is printed and scanned. Only
     * the readers whose purpose is to give the secret to the caller are exempt, each with its reason.
     */
    @Test
    void noAccessorOfAPublicModelHandsOutAPlantedSecretThatPrints() {
        List<String> leaks = new ArrayList<>();
        int read = 0;
        for (Class<?> type : allTypes()) {
            Object model = build(type, 0);
            if (model == null) {
                continue;
            }
            read += accessorLeaks(type, model, leaks);
        }
        assertThat(leaks).isEmpty();
        assertThat(read).isGreaterThan(500);
    }

    /** A model of the shape this sweep guards against: the passphrase tag and a token handed out raw. */
    public record LeakyModel(List<String> tags, Optional<String> token) {
        @Override
        public String toString() {
            return "LeakyModel{tags=" + tags.size() + "}";
        }
    }

    @Test
    void theAccessorSweepFindsAPlantedSecretHandedOutRawEvenWhenToStringMasks() {
        Object leaky = build(LeakyModel.class, 0);
        List<String> leaks = new ArrayList<>();

        accessorLeaks(LeakyModel.class, leaky, leaks);

        assertThat(leaky.toString()).doesNotContain(PlantedSecrets.PASSPHRASE);
        assertThat(leaks)
                .hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("LeakyModel.tags() raw"))
                .anySatisfy(l -> assertThat(l).startsWith("LeakyModel.token() raw"));
    }

    /** Prints every public no-argument accessor of {@code model} and adds the leaks; returns how many were read. */
    private static int accessorLeaks(Class<?> type, Object model, List<String> leaks) {
        int read = 0;
        for (Method m : type.getMethods()) {
            String qualified = type.getSimpleName() + "." + m.getName();
            if (Modifier.isStatic(m.getModifiers())
                    || m.getParameterCount() != 0
                    || m.getReturnType() == void.class
                    || m.getDeclaringClass() == Object.class
                    || m.getName().equals("toString")
                    || m.getName().equals("toBuilder")
                    || REVEALING.containsKey(m.getName())
                    || REVEALING.containsKey(qualified)) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(model);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue; // an accessor that refuses the planted value: its message is scanned by the extension
            }
            read++;
            for (String leak : SecretLeakScanner.findLeaks(String.valueOf(value), SECRETS)) {
                leaks.add(qualified + "() " + leak);
            }
        }
        return read;
    }

    /**
     * Readers exempt from the accessor sweep (by method name, or {@code Type.method}), with why: those
     * that exist to hand the secret out, what a caller builds to send (it holds what the caller gave),
     * and free-text tags/metadata of resources where Exosphere never stores a passphrase (the sweep plants
     * {@code exoPw:} in every tag list and {@code exouserPassword} in every metadata map).
     */
    private static final Map<String, String> REVEALING = Map.ofEntries(
            Map.entry("reveal", "Secret/SecretText: the explicit reader of the value"),
            Map.entry("toUriString", "SecretUrl/UapUrl: the link to open, token included"),
            Map.entry("normalized", "UapUrl: the link to open with a clean path, token included"),
            Map.entry("toUri", "UapUrl: normalized() as a URI"),
            Map.entry("ServerCreateRequest.tags", "a request the caller builds; toString masks exoPw:"),
            Map.entry("ServerCreateRequest.metadata", "a request the caller builds; toString masks it"),
            Map.entry("ServerCreateRequest.userData", "a request the caller builds: the user data to send"),
            Map.entry("ServerListOptions.tags", "a filter the caller gives"),
            Map.entry("ServerListOptions.tagsAny", "a filter the caller gives"),
            Map.entry("ServerListOptions.notTags", "a filter the caller gives"),
            Map.entry("ImageListOptions.tags", "a filter the caller gives"),
            Map.entry("ImageUpdate.toJson", "the JSON-patch body to send"),
            Map.entry("VolumeCreateRequest.metadata", "a request the caller builds"),
            Map.entry("Image.tags", "image tags: Exosphere keeps no passphrase there; toString masks them"),
            Map.entry("Network.tags", "network tags: Exosphere keeps no passphrase there; toString masks them"),
            Map.entry("Volume.metadata", "volume metadata: Exosphere keeps no passphrase there"),
            Map.entry("Volume.imageMetadata", "copied image properties: Exosphere keeps no passphrase there"),
            Map.entry("Snapshot.metadata", "snapshot metadata: Exosphere keeps no passphrase there; toString masks it"),
            Map.entry("SnapshotCreateRequest.metadata", "a request the caller builds; toString masks it"),
            Map.entry(
                    "SecurityGroup.tags",
                    "group tags (exo:preset, exo:creatorUsername::): no passphrase; toString" + " masks them"),
            Map.entry("Share.metadata", "share metadata (exoClientUuid): no passphrase; toString masks it"),
            Map.entry("ShareCreateRequest.metadata", "a request the caller builds; toString masks it"),
            Map.entry(
                    "AccessRule.metadata",
                    "access-rule metadata: Exosphere keeps no passphrase there; toString" + " masks it"));

    private static List<Class<?>> allTypes() {
        List<Class<?>> types = new ArrayList<>(PublicModels.publicTypes());
        types.addAll(ExportedTypes.of(UapUrl.class, "app.exosphere.uap"));
        types.addAll(ExportedTypes.of(WorkflowUrls.class, "app.exosphere.workflow"));
        types.addAll(ExportedTypes.of(RenderedUserData.class, "app.exosphere.cloudinit"));
        return types;
    }

    @Test
    void credentialsSecretsAndApplicationCredentialsPrintMasked() {
        UserRef user = UserRef.name("alice", DomainRef.name("Default"));
        List<Object> values = List.of(
                Credentials.password(user, PlantedSecrets.PASSWORD),
                Credentials.applicationCredential("ac-id", PlantedSecrets.APPLICATION_CREDENTIAL_SECRET),
                Credentials.applicationCredential("ac-name", user, PlantedSecrets.APPLICATION_CREDENTIAL_SECRET),
                Credentials.token(PlantedSecrets.TOKEN),
                Credentials.oidcAccessToken("idp", "openid", PlantedSecrets.OIDC_ACCESS_TOKEN),
                Secret.of(PlantedSecrets.PASSPHRASE),
                Secret.of(PlantedSecrets.GUACAMOLE_TOKEN),
                new ApplicationCredential(
                        "ac-id", "ac", PlantedSecrets.APPLICATION_CREDENTIAL_SECRET, "p", null, null, false),
                new TokenInfo(
                        PlantedSecrets.TOKEN,
                        Instant.parse("2026-01-01T00:00:00Z"),
                        null,
                        List.of("password"),
                        new ScopeTarget("u-id", "alice", null, null),
                        null,
                        null,
                        List.of("member"),
                        ServiceCatalog.EMPTY,
                        null));

        for (Object v : values) {
            assertThat(SecretLeakScanner.findLeaks(v.toString(), SECRETS))
                    .as(v.getClass().getName())
                    .isEmpty();
        }
    }

    @Test
    void guacamoleAndJupyterUrlsPrintWithoutTheirTokens() {
        String uap = "proxy-js2-iu.exosphere.app";
        List<Object> values = List.of(
                GuacamoleUrls.terminal(uap, "149.165.1.2", PlantedSecrets.GUACAMOLE_TOKEN),
                GuacamoleUrls.desktop(uap, "149.165.1.2", PlantedSecrets.GUACAMOLE_TOKEN),
                JupyterUrls.workflow(uap, "149.165.1.2", JupyterInterface.LAB, PlantedSecrets.TOKEN),
                WorkflowUrls.of(uap, "149.165.1.2", "/rstudio", PlantedSecrets.TOKEN));

        for (Object v : values) {
            assertThat(SecretLeakScanner.findLeaks(v.toString(), SECRETS))
                    .as(v.getClass().getName())
                    .isEmpty();
        }
    }

    @Test
    void configurationFilesWithPlantedSecretsPrintAndFailWithoutThem() {
        String yaml = "clouds:\n  c:\n    auth:\n      auth_url: https://k.example/v3\n      username: alice\n"
                + "      password: " + PlantedSecrets.PASSWORD + "\n      user_domain_name: Default\n"
                + "      project_name: p\n  d:\n    auth_type: v3applicationcredential\n    auth:\n"
                + "      auth_url: https://k.example/v3\n      application_credential_id: x\n"
                + "      application_credential_secret: " + PlantedSecrets.APPLICATION_CREDENTIAL_SECRET + "\n";
        CloudsYaml clouds = CloudsYaml.parse(yaml, "clouds.yaml");
        assertThat(SecretLeakScanner.findLeaks(clouds.cloud("c") + " " + clouds.cloud("d") + " " + clouds, SECRETS))
                .isEmpty();

        String badYaml = "clouds:\n  c:\n    auth: [" + PlantedSecrets.PASSWORD + "]\n    region_name: {"
                + PlantedSecrets.TOKEN + ": 1}\n";
        assertThatThrownBy(() -> CloudsYaml.parse(badYaml, "clouds.yaml").cloud("c"))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(SecretLeakScanner.findLeaks(messages(e), SECRETS))
                        .isEmpty());

        OpenRc rc = OpenRc.parse("export OS_PASSWORD=\"" + PlantedSecrets.PASSWORD + "\"\n", "openrc.sh");
        assertThat(SecretLeakScanner.findLeaks(rc.toString(), SECRETS)).isEmpty();
        assertThatThrownBy(() -> rc.toCloudConfig("x"))
                .satisfies(e -> assertThat(SecretLeakScanner.findLeaks(messages(e), SECRETS))
                        .isEmpty());
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t).append('\n');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ reflective construction

    private static Object build(Class<?> type, int depth) {
        if (depth > 3 || type.isInterface() || Modifier.isAbstract(type.getModifiers()) && !hasBuilder(type)) {
            return null;
        }
        try {
            if (hasBuilder(type)) {
                return viaBuilder(type, depth);
            }
            if (type.isRecord()) {
                RecordComponent[] parts = type.getRecordComponents();
                Class<?>[] types = new Class<?>[parts.length];
                Object[] args = new Object[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    types[i] = parts[i].getType();
                    args[i] = value(parts[i].getName(), parts[i].getType(), parts[i].getGenericType(), depth);
                    if (args[i] == null) {
                        return null; // a component we cannot make
                    }
                }
                var ctor = type.getDeclaredConstructor(types);
                ctor.setAccessible(true);
                try {
                    return ctor.newInstance(args);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return viaFactory(type, depth); // e.g. UserRef: an id or a name, not both
                }
            }
            return viaFactory(type, depth);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // a precondition refused our values: not constructible this way
        }
    }

    /** A public static factory of {@code type} whose parameters we can all make ({@code of}, {@code read}...). */
    private static Object viaFactory(Class<?> type, int depth) {
        for (Method m : type.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) || m.getReturnType() != type || m.getParameterCount() == 0) {
                continue;
            }
            Object[] args = new Object[m.getParameterCount()];
            boolean ok = true;
            for (int i = 0; i < args.length && ok; i++) {
                Class<?> p = m.getParameterTypes()[i];
                args[i] = p == java.util.Collection.class
                        ? List.of("benign", "exoPw:" + PlantedSecrets.PASSPHRASE)
                        : value(m.getParameters()[i].getName(), p, m.getGenericParameterTypes()[i], depth);
                ok = args[i] != null;
            }
            if (ok) {
                try {
                    return m.invoke(null, args);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // try the next factory
                }
            }
        }
        return null;
    }

    private static boolean hasBuilder(Class<?> type) {
        try {
            Method m = type.getMethod("builder");
            return Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Object viaBuilder(Class<?> type, int depth) throws ReflectiveOperationException {
        Object builder = type.getMethod("builder").invoke(null);
        Set<String> done = new LinkedHashSet<>();
        for (Method m : builder.getClass().getMethods()) {
            if (m.getParameterCount() != 1
                    || m.getDeclaringClass() == Object.class
                    || !m.getReturnType().isInstance(builder)
                    || m.getName().startsWith("add")
                    || m.getName().startsWith("put")
                    || m.getName().equals("from")
                    || done.contains(m.getName())) {
                continue;
            }
            Class<?> p = m.getParameterTypes()[0];
            if (p == Optional.class || p == java.util.OptionalInt.class || p == java.util.OptionalLong.class) {
                continue; // the plain overload is used instead
            }
            Object v = value(m.getName(), p, m.getGenericParameterTypes()[0], depth);
            if (v == null) {
                continue;
            }
            try {
                m.invoke(builder, v);
                done.add(m.getName());
            } catch (ReflectiveOperationException | RuntimeException e) {
                // try another overload
            }
        }
        return builder.getClass().getMethod("build").invoke(builder);
    }

    private static Object value(String name, Class<?> type, Type generic, int depth) {
        String lower = name.toLowerCase(Locale.ROOT);
        // an error text (e.g. guacamoleTokenError) is written by the SDK, secret-free: not a place to plant
        boolean secret = SECRET_NAME.matcher(name).matches() && !lower.endsWith("error");
        if (type == String.class) {
            if (lower.equals("uaphostname")) {
                return "proxy-js2-iu.exosphere.app";
            }
            if (lower.endsWith("url") && !secret) {
                return "https://keystone.example:5000/v3/"; // e.g. OpenStackCredentials.authUrl
            }
            if (lower.equals("ip") || lower.endsWith("ipv4") || lower.equals("floatingip")) {
                return "149.165.1.2";
            }
            if (!secret) {
                return "v-" + name;
            }
            if (lower.contains("passphrase") || lower.contains("adminpass")) {
                return PlantedSecrets.PASSPHRASE;
            }
            if (lower.contains("password")) {
                return PlantedSecrets.PASSWORD;
            }
            if (lower.contains("guac")) {
                return PlantedSecrets.GUACAMOLE_TOKEN;
            }
            if (lower.contains("accesstoken")) {
                return PlantedSecrets.OIDC_ACCESS_TOKEN;
            }
            if (lower.contains("token")) {
                return PlantedSecrets.TOKEN;
            }
            return lower.contains("userdata")
                    ? "#cloud-config\npassword: " + PlantedSecrets.PASSWORD
                    : PlantedSecrets.APPLICATION_CREDENTIAL_SECRET;
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == double.class || type == Double.class) {
            return 1.0;
        }
        if (type == Instant.class) {
            return Instant.parse("2026-01-01T00:00:00Z");
        }
        if (type == Optional.class) {
            Type inner = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : null;
            Object v = inner instanceof Class<?> c ? value(name, c, c, depth) : null;
            return Optional.ofNullable(v);
        }
        if (type == SecretUrl.class) {
            // a console link with its token percent-encoded in the query, and a Guacamole route's ?token=
            return SecretUrl.of(
                    lower.contains("guac")
                            ? "https://http-149-165-1-2-49528.proxy-js2-iu.exosphere.app/guacamole/#/client/c2g?token="
                                    + PlantedSecrets.GUACAMOLE_TOKEN
                            : "https://nova.example:6080/vnc_lite.html?path=%3Ftoken%3D" + PlantedSecrets.TOKEN);
        }
        if (type == SecretText.class) {
            return SecretText.of(
                    secret ? (String) value(name, String.class, String.class, depth) : PlantedSecrets.TOKEN);
        }
        if (type == Secret.class) {
            return Secret.of(
                    secret ? (String) value(name, String.class, String.class, depth) : PlantedSecrets.PASSPHRASE);
        }
        if (type == java.util.function.Supplier.class) {
            Secret supplied = Secret.of(PlantedSecrets.OIDC_ACCESS_TOKEN);
            return (java.util.function.Supplier<Secret>) () -> supplied;
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants.length == 0 ? null : constants[0];
        }
        if (Iterable.class.isAssignableFrom(type) && elementIs(generic, 0, String.class)) {
            return lower.contains("tag")
                    ? List.of("benign", "exoPw:" + PlantedSecrets.PASSPHRASE)
                    : secret ? List.of(PlantedSecrets.TOKEN) : List.of("benign");
        }
        if (Map.class.isAssignableFrom(type)
                && lower.contains("metadata")
                && elementIs(generic, 0, String.class)
                && elementIs(generic, 1, String.class)) {
            Map<String, String> md = new LinkedHashMap<>();
            md.put("exoServerVersion", "6");
            md.put("exoPw", PlantedSecrets.PASSPHRASE);
            md.put("exouserPassword", PlantedSecrets.PASSPHRASE);
            return md;
        }
        if (type.getName().startsWith("app.exosphere.")) {
            return build(type, depth + 1);
        }
        if (type == List.class) {
            return List.of(); // a list of models (e.g. WorkflowConsole.setupEvents): empty
        }
        if (Map.class.isAssignableFrom(type)) {
            return lower.contains("metadata")
                    ? Map.of("exoServerVersion", "6", "exouserPassword", PlantedSecrets.PASSPHRASE)
                    : Map.of("k", "v");
        }
        return null;
    }

    private static boolean elementIs(Type generic, int index, Class<?> element) {
        return generic instanceof ParameterizedType p
                && p.getActualTypeArguments().length > index
                && p.getActualTypeArguments()[index] == element;
    }
}
