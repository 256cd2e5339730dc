package app.exosphere.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.Scope;
import app.exosphere.core.auth.Secret;
import app.exosphere.core.auth.UserRef;
import app.exosphere.core.error.ConfigurationException;
import app.exosphere.core.http.EndpointInterface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudsYamlTest {
    /** The clouds.yaml Exosphere writes onto instances ({@code Credentials.getCloudsYaml}). */
    static final String EXOSPHERE_CLOUDS_YAML = String.join(
            "\n",
            "clouds:",
            "  Project_One_RegionOne:",
            "    region_name: RegionOne",
            "    interface: public",
            "    identity_api_version: 3",
            "    auth_type: v3applicationcredential",
            "    auth:",
            "      auth_url: https://openstack.example/keystone/v3",
            "      application_credential_id: app-cred-id",
            "      application_credential_secret: app-cred-secret");

    /** A Horizon-style password clouds.yaml (secret in secure.yaml). */
    static final String HORIZON_CLOUDS_YAML = String.join(
            "\n",
            "# This is a clouds.yaml file, which can be used by OpenStack tools as a source",
            "# of configuration on how to connect to a cloud.",
            "clouds:",
            "  openstack:",
            "    auth:",
            "      auth_url: https://keystone.example.org:5000",
            "      username: \"alice\"",
            "      project_id: 0123456789abcdef0123456789abcdef",
            "      project_name: \"science\"",
            "      user_domain_name: \"Default\"",
            "    region_name: \"RegionOne\"",
            "    interface: \"public\"",
            "    identity_api_version: 3",
            "    compute_api_version: '2.60'",
            "    block-storage_endpoint_override: https://cinder.example.org/v3/$(project_id)s",
            "    regions:",
            "      - RegionOne",
            "      - name: RegionTwo",
            "        values: {}",
            "");

    @TempDir
    Path tmp;

    private CloudsYaml.Environment env(Map<String, String> vars) throws IOException {
        Path cwd = Files.createDirectories(tmp.resolve("work"));
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        return new CloudsYaml.Environment(vars, cwd, home, etc);
    }

    @Test
    void readsTheCloudsYamlExosphereWrites() {
        CloudConfig c = CloudsYaml.parse(EXOSPHERE_CLOUDS_YAML, "clouds.yaml").cloud("Project_One_RegionOne");
        assertThat(c.authType()).isEqualTo(AuthType.APPLICATION_CREDENTIAL);
        assertThat(c.authUrl()).isEqualTo("https://openstack.example/keystone/v3");
        assertThat(c.region()).contains("RegionOne");
        assertThat(c.endpointInterface()).isEqualTo(EndpointInterface.PUBLIC);
        assertThat(c.credentials()).isEqualTo(Credentials.applicationCredential("app-cred-id", "app-cred-secret"));
        assertThat(c.toString()).doesNotContain("app-cred-secret");
    }

    @Test
    void searchPathPrefersCurrentDirectoryThenUserThenSystem() throws IOException {
        CloudsYaml.Environment e = env(Map.of());
        Path etcFile = Files.createDirectories(e.etc().resolve("openstack")).resolve("clouds.yaml");
        Files.writeString(
                etcFile,
                "clouds:\n  sys:\n    auth:\n      auth_url: https://sys\n      token: t\n    auth_type: v3token\n");
        assertThat(CloudsYaml.load(e).cloudNames()).containsExactly("sys");

        Path userFile =
                Files.createDirectories(e.home().resolve(".config/openstack")).resolve("clouds.yml");
        Files.writeString(userFile, EXOSPHERE_CLOUDS_YAML);
        assertThat(CloudsYaml.load(e).cloudNames()).containsExactly("Project_One_RegionOne");
        assertThat(CloudsYaml.load(e).files()).containsExactly(userFile);

        Files.writeString(e.cwd().resolve("clouds.yaml"), HORIZON_CLOUDS_YAML);
        assertThat(CloudsYaml.load(e).cloudNames()).containsExactly("openstack");

        Path explicit = tmp.resolve("elsewhere.yaml");
        Files.writeString(explicit, EXOSPHERE_CLOUDS_YAML);
        CloudsYaml.Environment withOverride = new CloudsYaml.Environment(
                Map.of("OS_CLIENT_CONFIG_FILE", explicit.toString()), e.cwd(), e.home(), e.etc());
        assertThat(CloudsYaml.load(withOverride).cloudNames()).containsExactly("Project_One_RegionOne");
    }

    @Test
    void secretAuthValuesAreReadOnlyAsSecretsAndPrintMasked() {
        CloudConfig c = CloudsYaml.parse(
                        "clouds:\n  c:\n    auth:\n      auth_url: https://k.example/v3\n      username: alice\n"
                                + "      password: pw-in-clouds-yaml\n      user_domain_name: Default\n",
                        "clouds.yaml")
                .cloud("c");

        assertThat(c.secret("password").map(Secret::reveal)).contains("pw-in-clouds-yaml");
        assertThat(c.secret("password").orElseThrow()).hasToString("<redacted>");
        assertThatThrownBy(() -> c.auth("password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secret(\"password\")")
                .hasMessageNotContaining("pw-in-clouds-yaml");
        assertThat(c.auth("username")).contains("alice");
    }

    @Test
    void secureYamlIsDeepMergedAndOsCloudSelectsTheDefault() throws IOException {
        CloudsYaml.Environment e = env(Map.of("OS_CLOUD", "openstack"));
        Files.writeString(e.cwd().resolve("clouds.yaml"), HORIZON_CLOUDS_YAML);
        Files.writeString(
                Files.createDirectories(e.home().resolve(".config/openstack")).resolve("secure.yaml"),
                "clouds:\n  openstack:\n    auth:\n      password: from-secure-yaml\n");

        CloudConfig c = CloudsYaml.load(e).defaultCloud();
        assertThat(c.name()).isEqualTo("openstack");
        assertThat(c.secret("password")).contains(Secret.of("from-secure-yaml"));
        assertThat(c.auth("username")).contains("alice"); // merged, not replaced
        assertThat(c.credentials())
                .isEqualTo(Credentials.password(UserRef.name("alice", DomainRef.name("Default")), "from-secure-yaml"));
        assertThat(c.scope()).isEqualTo(Scope.project("0123456789abcdef0123456789abcdef"));
        assertThat(c.regions()).containsExactly("RegionOne", "RegionTwo");
        assertThat(c.apiVersions()).containsEntry("compute", "2.60");
        assertThat(c.endpointOverrides())
                .containsEntry("block-storage", "https://cinder.example.org/v3/$(project_id)s");
    }

    @Test
    void environmentVariablesFormTheEnvvarsCloud() throws IOException {
        CloudsYaml.Environment e = env(Map.of(
                "OS_AUTH_URL", "https://keystone.example.org:5000/v3",
                "OS_AUTH_TYPE", "v3oidcaccesstoken",
                "OS_IDENTITY_PROVIDER", "globus",
                "OS_PROTOCOL", "openid",
                "OS_ACCESS_TOKEN", "at",
                "OS_PROJECT_NAME", "science",
                "OS_PROJECT_DOMAIN_ID", "default",
                "OS_REGION_NAME", "IU"));
        CloudConfig c = CloudsYaml.load(e).defaultCloud();
        assertThat(c.name()).isEqualTo(CloudsYaml.ENVVARS);
        assertThat(c.credentials()).isInstanceOf(Credentials.OidcAccessToken.class);
        assertThat(c.scope()).isEqualTo(Scope.projectName("science", DomainRef.id("default")));
        assertThat(c.region()).contains("IU");
    }

    @Test
    void invalidConfigurationNamesFileLineAndKey() {
        String bad = "clouds:\n  mine:\n    auth_type: v2password\n    auth:\n      auth_url: https://k\n";
        assertThatThrownBy(() -> CloudsYaml.parse(bad, "clouds.yaml").cloud("mine"))
                .isInstanceOfSatisfying(ConfigurationException.class, ex -> {
                    assertThat(ex.file()).contains("clouds.yaml");
                    assertThat(ex.line()).contains(3);
                    assertThat(ex.key()).contains("clouds.mine.auth_type");
                })
                .hasMessageStartingWith("clouds.yaml:3: key 'clouds.mine.auth_type'");

        String noUrl = "clouds:\n  a:\n    region_name: X\n  b:\n    auth:\n      username: u\n";
        assertThatThrownBy(() -> CloudsYaml.parse(noUrl, "clouds.yaml").cloud("a"))
                .isInstanceOfSatisfying(ConfigurationException.class, ex -> {
                    assertThat(ex.line()).contains(2);
                    assertThat(ex.key()).contains("clouds.a.auth.auth_url");
                });

        assertThatThrownBy(() ->
                        CloudsYaml.parse(EXOSPHERE_CLOUDS_YAML, "clouds.yaml").cloud("nope"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("known clouds: [Project_One_RegionOne]");
    }

    @Test
    void aBrokenFileGivesOneShortLineWithFileLineAndProblem() {
        assertThatThrownBy(() -> CloudsYaml.parse("clouds:\n  a: [1, 2\n  b: {\n", "/home/u/clouds.yaml"))
                .isInstanceOfSatisfying(ConfigurationException.class, ex -> {
                    assertThat(ex.file()).contains("/home/u/clouds.yaml");
                    assertThat(ex.line()).isPresent();
                })
                .hasMessageStartingWith("/home/u/clouds.yaml:")
                .hasMessageContaining("invalid YAML")
                .satisfies(ex -> assertThat(ex.getMessage().lines().count()).isEqualTo(1));
    }

    @Test
    void aPlainScalarThatOnlyLooksLikeANumberOrDateIsAConfigurationError() {
        // YAML 1.1 resolves "._____" as a float by pattern alone (underscores are digit separators);
        // constructing them fails inside SnakeYAML (found by CloudsYamlFuzzTest).
        for (String scalar : List.of("._____", "clouds: {a: {region_name: .__}}")) {
            assertThatThrownBy(() -> CloudsYaml.parse(scalar, "clouds.yaml"))
                    .as(scalar)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("clouds.yaml")
                    .hasMessageContaining("invalid YAML");
        }
    }

    @Test
    void aMappingKeyThatIsAMappingIsRefusedAsPyYamlDoes() {
        // A key built from a recursive alias hashed forever inside SnakeYAML (found by CloudsYamlFuzzTest).
        String recursiveKey = "base: &b\n  a:\n    auth: *b\n  ? verify auth: *b\n    verify: false\n";
        assertThatThrownBy(() -> CloudsYaml.parse(recursiveKey, "clouds.yaml"))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        ex -> assertThat(ex.line()).contains(4))
                .hasMessageContaining("a mapping key must be a plain name");
        assertThatThrownBy(() -> CloudsYaml.parse("clouds:\n  ? [a, b]\n  : {}\n", "clouds.yaml"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("a mapping key must be a plain name");
    }

    @Test
    void anUnsupportedEntryAffectsOnlyItself() {
        String yaml = String.join(
                "\n",
                "clouds:",
                "  sso:",
                "    auth_type: v3oidcpassword",
                "    auth:",
                "      auth_url: https://k.example/v3",
                "      identity_provider: idp",
                "      protocol: openid",
                "      username: u",
                "      password: hunter2",
                "  broken: [not, a, mapping]",
                "  good:",
                "    auth_type: v3applicationcredential",
                "    auth:",
                "      auth_url: https://k.example/v3",
                "      application_credential_id: id",
                "      application_credential_secret: s");
        CloudsYaml clouds = CloudsYaml.parse(yaml, "clouds.yaml");
        assertThat(clouds.cloudNames()).containsExactly("sso", "broken", "good");
        assertThat(clouds.cloud("good").credentials()).isEqualTo(Credentials.applicationCredential("id", "s"));
        assertThatThrownBy(() -> clouds.cloud("sso"))
                .isInstanceOfSatisfying(ConfigurationException.class, ex -> {
                    assertThat(ex.key()).contains("clouds.sso.auth_type");
                    assertThat(ex.line()).contains(3);
                })
                .hasMessageContaining("v3oidcaccesstoken")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> clouds.cloud("broken"))
                .isInstanceOfSatisfying(
                        ConfigurationException.class, ex -> assertThat(ex.key()).contains("clouds.broken"));
    }

    @Test
    void yamlMergeKeysApply() {
        String yaml = String.join(
                "\n",
                "common: &common",
                "  region_name: IU",
                "  auth_type: v3applicationcredential",
                "clouds:",
                "  a:",
                "    <<: *common",
                "    auth:",
                "      auth_url: https://k.example/v3",
                "      application_credential_id: id",
                "      application_credential_secret: s");
        CloudConfig a = CloudsYaml.parse(yaml, "clouds.yaml").cloud("a");
        assertThat(a.region()).contains("IU");
        assertThat(a.authType()).isEqualTo(AuthType.APPLICATION_CREDENTIAL);
    }

    @Test
    void regionsListWinsAndARequestedRegionAppliesItsValues() {
        String yaml = String.join(
                "\n",
                "clouds:",
                "  js2:",
                "    region_name: TACC",
                "    regions:",
                "      - IU",
                "      - name: TACC",
                "        values:",
                "          interface: internal",
                "    auth:",
                "      auth_url: https://k.example/v3",
                "      token: t",
                "    auth_type: v3token");
        CloudsYaml clouds = CloudsYaml.parse(yaml, "clouds.yaml");
        assertThat(clouds.cloud("js2").region()).contains("IU");
        assertThat(clouds.cloud("js2").endpointInterface()).isEqualTo(EndpointInterface.PUBLIC);
        assertThat(clouds.cloud("js2", "TACC").endpointInterface()).isEqualTo(EndpointInterface.INTERNAL);
        assertThat(clouds.cloud("js2").regions()).containsExactly("IU", "TACC");
        assertThatThrownBy(() -> clouds.cloud("js2", "iu"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("valid choices are [IU, TACC]");
    }

    @Test
    void aDomainWithoutAProjectIsADomainScope() {
        String yaml = "clouds:\n  admin:\n    auth:\n      auth_url: https://k/v3\n      username: a\n"
                + "      password: p\n      domain_name: Default\n";
        assertThat(CloudsYaml.parse(yaml, "clouds.yaml").cloud("admin").scope()).isEqualTo(Scope.domainName("Default"));
    }

    @Test
    void legacyInsecureTurnsVerificationOff() {
        String yaml = "clouds:\n  c:\n    insecure: true\n    auth:\n      auth_url: https://k/v3\n"
                + "      token: t\n    auth_type: v3token\n";
        assertThat(CloudsYaml.parse(yaml, "clouds.yaml").cloud("c").tls().verify())
                .isFalse();
    }

    @Test
    void aVendorProfileSuppliesAuthUrlAndRegions() {
        String yaml = "clouds:\n  f:\n    profile: fuga\n    auth:\n      username: u\n      password: p\n"
                + "      project_name: x\n";
        CloudConfig f = CloudsYaml.parse(yaml, "clouds.yaml").cloud("f");
        assertThat(f.authUrl()).isEqualTo("https://identity.api.fuga.io:5000");
        assertThat(f.region()).contains("cystack");
        assertThat(f.scope()).isEqualTo(Scope.projectName("x", DomainRef.name("Default")));
    }

    @Test
    void osClientConfigFileNamingAMissingFileOrADirectoryIsAnError() throws IOException {
        CloudsYaml.Environment base = env(Map.of());
        Path missing = tmp.resolve("nope.yaml");
        assertThatThrownBy(() -> CloudsYaml.load(new CloudsYaml.Environment(
                        Map.of("OS_CLIENT_CONFIG_FILE", missing.toString()), base.cwd(), base.home(), base.etc())))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        ex -> assertThat(ex.file()).contains(missing.toString()))
                .hasMessageContaining("OS_CLIENT_CONFIG_FILE names a file that does not exist");
        assertThatThrownBy(() -> CloudsYaml.load(new CloudsYaml.Environment(
                        Map.of("OS_CLIENT_CONFIG_FILE", tmp.toString()), base.cwd(), base.home(), base.etc())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("names a directory");
    }

    @Test
    void theSearchPathUsesHomeFromTheEnvironment() {
        CloudsYaml.Environment e = new CloudsYaml.Environment(
                Map.of("HOME", "/srv/gateway"), Path.of("/work"), Path.of("/srv/gateway"), Path.of("/etc"));
        assertThat(e.searchPath())
                .containsExactly(
                        Path.of("/work"),
                        Path.of("/srv/gateway/.config/openstack"),
                        Path.of("/etc/xdg/openstack"),
                        Path.of("/etc/openstack"));
    }

    @Test
    void hostileInputOnlyEverGivesConfigurationExceptions() {
        List<String> inputs = List.of(
                "clouds: &c {a: *c}",
                "a: &a [*a]\nclouds: {}",
                "clouds: [1, 2]",
                "[1, 2]",
                "clouds: {a: {regions: 5, auth: {auth_url: x}}}",
                "clouds: {a: {regions: [{name: x, bogus: 1}], auth: {auth_url: x}}}",
                "clouds: {a: {auth: {auth_url: 'https://{nope}/v3', token: t}, auth_type: v3token}}",
                "clouds: {a: {auth: {auth_url: 'https://{/v3', token: t}, auth_type: v3token}}",
                "clouds: {a: {auth: [1], region_name: {x: 1}}}",
                "clouds: {a: {profile: https://example.org, auth: {token: t}}}",
                "clouds: {a: {profile: vexxhost, auth: {token: t}}}",
                "clouds: {a: {auth_type: {x: 1}, auth: {auth_url: x}}}",
                "clouds: {a: {regions: [[1]], auth: {auth_url: x, token: t}, auth_type: v3token}}",
                "clouds: {a: null}",
                "clouds: {a: {auth: {auth_url: x, password: p, username: u, project_name: p, domain_name: d,"
                        + " system_scope: all}}}",
                "\t: bad",
                "clouds: " + "[".repeat(100_000) + "]".repeat(100_000),
                "clouds: {a: !!python/object:os.system {}}");
        for (String yaml : inputs) {
            try {
                CloudsYaml clouds = CloudsYaml.parse(yaml, "clouds.yaml");
                for (String name : clouds.cloudNames()) {
                    try {
                        CloudConfig c = clouds.cloud(name, "x");
                        c.scope();
                        c.credentials();
                    } catch (ConfigurationException expected) {
                        // each entry fails alone with a typed, located error
                    }
                }
            } catch (ConfigurationException expected) {
                assertThat(expected.getMessage().lines().count()).as(yaml).isEqualTo(1);
            }
        }
    }
}
