package app.exosphere.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.error.ConfigurationException;
import app.exosphere.uap.UapCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExosphereConfigsTest {
    /** Written in the syntax of Exosphere's {@code cloud_configs.js}: JS, unquoted keys, comments, trailing commas, code after. */
    private static final String DEPLOYMENT_CONFIG = String.join(
            "\n",
            "\"use strict\";",
            "",
            "// Configuration for the example deployment.",
            "// See the docs for each option.",
            "",
            "/** @type {Exosphere.Configuration} */",
            "var config = {",
            "  showDebugMsgs: false,",
            "  cloudCorsProxyUrl: \"https://example.org/proxy\",",
            "  urlPathPrefix: \"exosphere\",",
            "  palette: { light: { primary: { r: 150, g: 35, b: 38 }, secondary: { r: 0, g: 0, b: 0, }, },",
            "             dark: { primary: { r: 221, g: 0, b: 49 }, secondary: { r: 0, g: 0, b: 0 } } },",
            "  logo: null,",
            "  favicon: 42, // a non-string is treated as null",
            "  appTitle: \"Example Gateway\",",
            "  topBarShowAppTitle: true,",
            "  defaultLoginView: \"somethingElse\",",
            "  aboutAppMarkdown: \"line one\\\\\\nline two with a regex g3.\\\\d?xl\",",
            "  supportInfoMarkdown: null,",
            "  userSupportEmailAddress: null,",
            "  userSupportEmailSubject: null,",
            "  openIdConnectLoginConfig: null,",
            "  localization: null,",
            "  instanceConfigMgtRepoUrl: null,",
            "  instanceConfigMgtRepoCheckout: \"v1.2\",",
            "  sentryConfig: null,",
            "  bannersUrl: null,",
            "};",
            "",
            "/* tracking code */",
            "var _paq = (window._paq = window._paq || []);",
            "_paq.push([\"trackPageView\"]); // { unbalanced } in a comment",
            "(function () { var u = \"https://analytics.example.org/\"; })();",
            "// @ts-ignore",
            "");

    private static final String CLOUD_CONFIGS = String.join(
            "\n",
            "\"use strict\";",
            "/** @type {Exosphere.CloudConfigs} */",
            "var cloud_configs = {",
            "  clouds: [",
            "    {",
            "      keystoneHostname: \"cloud.example.org\",",
            "      friendlyName: \"Example\",",
            "      userAppProxy: [ { region: null, hostname: \"uap.example.org\" }, ],",
            "      imageExcludeFilter: { filterKey: \"os_hidden\", filterValue: \"true\" },",
            "      featuredImageNamePrefix: null,",
            "      instanceTypes: [",
            "        { friendlyName: \"Ubuntu\", description: \"d\", logo: \"l.svg\", versions: [",
            "          { friendlyName: \"24.04\", isPrimary: true,",
            "            imageFilters: { name: \"U24\", visibility: \"everyone\", uuid: 5 },",
            "            restrictFlavorIds: [\"1\", \"2\"], },",
            "        ], },",
            "      ],",
            "      flavorGroups: [ { matchOn: \"m1.*\", title: \"General\", description: null,",
            "                        disallowedActions: [\"Start\"] } ],",
            "      securityGroups: { noRegion: { name: \"gw\", description: null, rules: [",
            "          { ethertype: \"IPv4\", direction: \"ingress\", protocol: \"tcp\",",
            "            port_range_min: 22, port_range_max: 22, description: \"SSH\" } ] } },",
            "      desktopMessage: null,",
            "    },",
            "  ],",
            "};",
            "");

    @Test
    void builtInDefaultsGiveJetstream2UapsWithoutAnyConfiguration() {
        ExosphereCloudConfigs builtIn = ExosphereCloudConfigs.builtIn();
        assertThat(builtIn.clouds())
                .extracting(ExosphereCloudConfig::keystoneHostname)
                .containsExactly("js2.jetstream-cloud.org", "keystone.rc.nectar.org.au", "rci.uits.iu.edu");

        UapCatalog uap = builtIn.uapCatalog();
        // vectors traced through Exosphere's `Helpers.Url.buildProxyUrl` and `GetterSetters.getUserAppProxyFromContext`
        String js2 = "https://js2.jetstream-cloud.org:5000/identity/v3";
        assertThat(uap.uapHostnameFor(js2, "IU")).contains("proxy-js2-iu.exosphere.app");
        assertThat(uap.uapHostnameFor(js2, "TACC")).contains("proxy-js2-tacc.exosphere.app");
        assertThat(uap.uapHostnameFor(js2, "Nowhere")).contains("proxy-js2-iu.exosphere.app");
        assertThat(uap.uapHostnameFor(js2, null)).contains("proxy-js2-iu.exosphere.app");
        assertThat(uap.uapHostnameFor("https://rci.uits.iu.edu:5000/v3", "RegionOne"))
                .contains("proxy-rescloud.exosphere.app");
        assertThat(uap.uapHostnameFor("https://rci.uits.iu.edu:5000/v3", "RegionTwo"))
                .isEmpty();
        assertThat(uap.uapHostnameFor("https://keystone.rc.nectar.org.au:5000/v3", "Melbourne"))
                .isEmpty();
        assertThat(uap.uapHostnameFor("https://JS2.jetstream-cloud.org:5000/v3", "IU"))
                .isEmpty();
    }

    @Test
    void builtInJetstream2EntryCarriesEveryField() {
        ExosphereCloudConfig js2 = ExosphereCloudConfigs.builtIn()
                .forKeystoneUrl("https://js2.jetstream-cloud.org:5000/identity/v3")
                .orElseThrow();
        assertThat(js2.friendlyName()).isEqualTo("Jetstream2");
        assertThat(js2.dnsZoneFor("IU").orElseThrow().zoneFor("bio101"))
                .isEqualTo("bio101.projects.jetstream-cloud.org.");
        assertThat(js2.dnsZoneFor("TACC")).isEmpty();
        assertThat(js2.isFeatured("Featured-Ubuntu24", "public")).isTrue();
        assertThat(js2.isFeatured("Featured-Ubuntu24", "community")).isFalse();
        assertThat(js2.instanceTypes())
                .extracting(InstanceType::friendlyName)
                .containsExactly("Ubuntu", "Red Hat-like");
        InstanceTypeVersion focal = js2.instanceTypes().get(0).versions().get(3);
        assertThat(focal.imageFilters().name()).isEqualTo("Featured-Ubuntu20");
        assertThat(focal.allowsFlavor("3001")).isTrue();
        assertThat(focal.allowsFlavor("10")).isFalse();
        assertThat(js2.flavorGroupFor("g3.xl").orElseThrow().title()).isEqualTo("Full GPU (NVIDIA A100)");
        assertThat(js2.flavorGroupFor("g3.small").orElseThrow().title()).isEqualTo("Partial GPU (NVIDIA A100)");
        assertThat(js2.flavorGroupFor("g3.xl").orElseThrow().disallows("resize"))
                .isTrue();
        assertThat(js2.flavorGroupFor("m3.tiny").orElseThrow().disallows("suspend"))
                .isFalse();
        assertThat(js2.resourceLabel("CUSTOM_A100X_10C")).contains("A100 vGPU (10 GB)");
        assertThat(js2.desktopMessage()).isEmpty();
        SecurityGroupTemplate tacc = js2.securityGroupFor("TACC").orElseThrow();
        assertThat(tacc.name()).isEqualTo("tacc-default");
        assertThat(tacc.rules())
                .extracting(SecurityGroupRuleTemplate::portRangeMin)
                .containsExactly(null, null, null, 22, 49528);
        assertThat(js2.securityGroupFor("IU")).isEmpty();
    }

    @Test
    void cloudConfigsJavascriptIsParsedWithUpstreamLeniency() {
        ExosphereCloudConfig c = ExosphereCloudConfigs.parse(CLOUD_CONFIGS, "cloud_configs.js")
                .forKeystoneHostname("cloud.example.org")
                .orElseThrow();
        assertThat(c.uapCloud().uapHostnameFor("anything")).contains("uap.example.org");
        assertThat(c.imageExcludeFilter()).isEqualTo(new MetadataFilter("os_hidden", "true"));
        ImageFilters f = c.instanceTypes().get(0).versions().get(0).imageFilters();
        assertThat(f.name()).isEqualTo("U24");
        assertThat(f.visibility()).isNull(); // unknown visibility ignored
        assertThat(f.uuid()).isNull(); // wrong type ignored
        assertThat(c.flavorGroupFor("m1.small").orElseThrow().disallows("os-start"))
                .isTrue();
        assertThat(c.securityGroupFor("RegionOne").orElseThrow().name()).isEqualTo("gw");
        assertThat(c.customResources()).isEmpty();
    }

    @Test
    void configJsWithTrailingCodeIsParsedAndCombinedWithCloudConfigs() {
        ExosphereConfig cfg = ExosphereConfigs.parse(CLOUD_CONFIGS, "cloud_configs.js", DEPLOYMENT_CONFIG, "config.js");
        assertThat(cfg.cloudCorsProxyUrl()).isEqualTo("https://example.org/proxy");
        assertThat(cfg.paletteValue().orElseThrow().light().primary()).isEqualTo(new Theme.Rgb(150, 35, 38));
        assertThat(cfg.favicon()).isNull();
        assertThat(cfg.defaultLoginView()).isNull();
        assertThat(cfg.aboutAppMarkdown()).isEqualTo("line one\\\nline two with a regex g3.\\d?xl");
        assertThat(cfg.appTitleOrDefault()).isEqualTo("Example Gateway");
        assertThat(cfg.instanceConfigMgtRepoUrlOrDefault()).isEqualTo("https://gitlab.com/exosphere/exosphere.git");
        assertThat(cfg.instanceConfigMgtRepoCheckoutOrDefault()).isEqualTo("v1.2");
        assertThat(cfg.bannersUrlOrDefault()).isEqualTo("/exosphere/banners.json");
        assertThat(cfg.localizationOrDefault().virtualComputer()).isEqualTo("instance");
        assertThat(cfg.clouds())
                .extracting(ExosphereCloudConfig::keystoneHostname)
                .containsExactly("cloud.example.org");
    }

    @Test
    void cloudsInConfigJsReplaceTheWholeList() {
        String config = "var config = { showDebugMsgs: true, clouds: [] };";
        ExosphereConfig cfg = ExosphereConfigs.parse(CLOUD_CONFIGS, "cloud_configs.js", config, "config.js");
        assertThat(cfg.showDebugMsgs()).isTrue();
        assertThat(cfg.clouds()).isEmpty();
    }

    @Test
    void plainJsonIsAccepted() {
        String json = "{\"clouds\": [{\"keystoneHostname\": \"a\", \"friendlyName\": \"A\"}]}";
        assertThat(ExosphereCloudConfigs.parse(json, "clouds.json").clouds()).hasSize(1);
    }

    @Test
    void laterDuplicateHostnamesReplaceEarlierOnes() {
        String js = "var cloud_configs = { clouds: [ { keystoneHostname: \"a\", friendlyName: \"first\" },"
                + " { keystoneHostname: \"a\", friendlyName: \"second\" } ] };";
        assertThat(ExosphereCloudConfigs.parse(js, "c.js")
                        .forKeystoneHostname("a")
                        .orElseThrow()
                        .friendlyName())
                .isEqualTo("second");
    }

    @Test
    void localizationMustHaveAllKeys() {
        String js = "var config = { localization: { unitOfTenancy: \"allocation\" } };";
        assertThatThrownBy(() -> ExosphereConfigs.parseConfig(js, "config.js"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("localization.openstackWithOwnKeystone");
    }

    @Test
    void invalidEntriesNameFileLineAndKey() {
        String js = String.join(
                "\n",
                "var cloud_configs = {",
                "  clouds: [",
                "    { keystoneHostname: \"a\", friendlyName: \"A\" },",
                "    { keystoneHostname: \"b\", friendlyName: \"B\",",
                "      flavorGroups: [ { matchOn: \"x\", title: 7, description: null, disallowedActions: [] } ] },",
                "  ],",
                "};");
        assertThatThrownBy(() -> ExosphereCloudConfigs.parse(js, "cloud_configs.js"))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.file()).contains("cloud_configs.js");
                    assertThat(e.line()).contains(5);
                    assertThat(e.key()).contains("clouds[1].flavorGroups[0].title");
                })
                .hasMessageContaining("must be a string");

        String syntax =
                "\"use strict\";\nvar cloud_configs = {\n  clouds: [\n    { keystoneHostname: \"a\" friendlyName: \"A\" },\n  ],\n};";
        assertThatThrownBy(() -> ExosphereCloudConfigs.parse(syntax, "cloud_configs.js"))
                .isInstanceOfSatisfying(
                        ConfigurationException.class, e -> assertThat(e.line()).contains(4));

        String wrongType = "var cloud_configs = { clouds: [ { keystoneHostname: \"a\", friendlyName: \"A\","
                + " userAppProxy: \"proxy.example.org\" } ] };";
        assertThatThrownBy(() -> ExosphereCloudConfigs.parse(wrongType, "c.js"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("clouds[0].userAppProxy")
                .hasMessageContaining("must be an array");
    }

    @Test
    void aBadUapHostnameIsAConfigurationErrorNamingTheFileTheCloudEntryAndTheKey() {
        String js = String.join(
                "\n",
                "var cloud_configs = {",
                "  clouds: [",
                "    { keystoneHostname: \"js2.jetstream-cloud.org\", friendlyName: \"Jetstream2\",",
                "      userAppProxy: [",
                "        { region: \"IU\", hostname: \"proxy-js2-iu.exosphere.app\" },",
                "        { region: null, hostname: \"bad_host..example\" } ] },",
                "  ],",
                "};");

        assertThatThrownBy(() -> ExosphereCloudConfigs.parse(js, "cloud_configs.js"))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.file()).contains("cloud_configs.js");
                    assertThat(e.line()).contains(6);
                    assertThat(e.key()).contains("clouds[0].userAppProxy[1].hostname");
                    assertThat(e.getCause()).isInstanceOf(app.exosphere.uap.InvalidUapValueException.class);
                })
                .hasMessageContaining("cloud 'js2.jetstream-cloud.org'")
                .hasMessageContaining("bad_host..example");
    }

    @Test
    void anEmptyKeystoneHostnameIsAConfigurationError() {
        String js = "var cloud_configs = { clouds: [ { keystoneHostname: \"\", friendlyName: \"A\" } ] };";

        assertThatThrownBy(() -> ExosphereCloudConfigs.parse(js, "c.js"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("clouds[0].keystoneHostname");
    }

    @Test
    void withAddsAndReplacesEntries() {
        ExosphereCloudConfigs mine = ExosphereCloudConfigs.parse(CLOUD_CONFIGS, "c.js");
        ExosphereCloudConfigs all = ExosphereCloudConfigs.builtIn().with(mine);
        assertThat(all.clouds()).hasSize(4);
        assertThat(all.forKeystoneHostname("cloud.example.org")).isPresent();
        assertThat(List.copyOf(Localization.KEYS)).hasSize(21);
    }
}
