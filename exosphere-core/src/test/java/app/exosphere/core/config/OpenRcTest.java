package app.exosphere.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.Scope;
import app.exosphere.core.auth.Secret;
import app.exosphere.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;

class OpenRcTest {
    /** A Horizon-style "API v3" OpenRC that prompts for the password (our own text, same shape). */
    private static final String HORIZON_V3 = String.join(
            "\n",
            "#!/usr/bin/env bash",
            "# To use an OpenStack cloud you need to authenticate against the Identity",
            "# service named keystone, which returns a **Token** and **Service Catalog**.",
            "export OS_AUTH_URL=https://cell.alliance.rebel:5000/v3",
            "# With the addition of Keystone we have standardized on the term **project**",
            "export OS_PROJECT_ID=0123456789abcdef0123456789abcdef",
            "export OS_PROJECT_NAME=\"rebellion\"",
            "export OS_USER_DOMAIN_NAME=\"Default\"",
            "if [ -z \"$OS_USER_DOMAIN_NAME\" ]; then unset OS_USER_DOMAIN_NAME; fi",
            "export OS_PROJECT_DOMAIN_ID=\"default\"",
            "unset OS_TENANT_ID",
            "export OS_USERNAME=\"enfysnest\"",
            "echo \"Please enter your OpenStack Password for project $OS_PROJECT_NAME as user $OS_USERNAME: \"",
            "read -sr OS_PASSWORD_INPUT",
            "export OS_PASSWORD=$OS_PASSWORD_INPUT",
            "export OS_REGION_NAME=\"RegionOne\"",
            "if [ -z \"$OS_REGION_NAME\" ]; then unset OS_REGION_NAME; fi",
            "export OS_INTERFACE=public",
            "export OS_IDENTITY_API_VERSION=3",
            "");

    @Test
    void horizonV3FileYieldsAuthUrlDomainUserAndNoPassword() {
        OpenRc rc = OpenRc.parse(HORIZON_V3, "openrc.sh");
        assertThat(rc.authUrl()).contains("https://cell.alliance.rebel:5000/v3");
        assertThat(rc.userDomain()).contains("Default");
        assertThat(rc.username()).contains("enfysnest");
        assertThat(rc.password()).isEmpty();
    }

    @Test
    void crlfLineEndingsGiveTheSameResult() {
        OpenRc rc = OpenRc.parse(HORIZON_V3.replace("\n", "\r\n"), "openrc.sh");
        assertThat(rc.authUrl()).contains("https://cell.alliance.rebel:5000/v3");
        assertThat(rc.username()).contains("enfysnest");
    }

    @Test
    void exosphereSpecVectors() {
        // Exosphere's `OpenRc.processOpenRc` (cases of its upstream test `tests/Tests/OpenStack/OpenRc.elm`)
        assertThat(value("export OS_AUTH_URL=\"https://cell.alliance.rebel:5000/v3\"", "OS_AUTH_URL"))
                .isEqualTo("https://cell.alliance.rebel:5000/v3");
        assertThat(value("export OS_AUTH_URL='https://cell.alliance.rebel:5000/v3'", "OS_AUTH_URL"))
                .isEqualTo("https://cell.alliance.rebel:5000/v3");
        assertThat(value("export OS_AUTH_URL=https://cell.alliance.rebel:5000/v3", "OS_AUTH_URL"))
                .isEqualTo("https://cell.alliance.rebel:5000/v3");
        assertThat(value("export OS_AUTH_URL='https://cell.alliance.rebel:5000/v3\"", "OS_AUTH_URL"))
                .isNull();
        assertThat(value("export OS_PASSWORD=$OS_PASSWORD_INPUT", "OS_PASSWORD"))
                .isNull();
        assertThat(value("export OS_PASSWORD=\"\"", "OS_PASSWORD")).isNull();
        assertThat(value("export OS_PASSWORD=\"pa ss word\"", "OS_PASSWORD")).isEqualTo("pa ss word");
        assertThat(value("export OS_USERNAME= \"bob\"", "OS_USERNAME")).isNull();
        assertThat(value("   export   OS_USERNAME=bob", "OS_USERNAME")).isEqualTo("bob");
        assertThat(value("\texport OS_USERNAME=bob", "OS_USERNAME")).isNull();
        assertThat(value("export OS_USERNAME=bob # comment", "OS_USERNAME")).isEqualTo("bob # comment");
        assertThat(value("export OS_USERNAME_X=bob", "OS_USERNAME")).isNull();
        assertThat(value("exportOS_USERNAME=bob", "OS_USERNAME")).isNull();
        assertThat(value("OS_PASSWORD=ab'c", "OS_PASSWORD")).isNull();
        assertThat(value("export OS_AUTH_URL=\"https://a\"  ", "OS_AUTH_URL")).isNull();
        assertThat(OpenRc.parse("OS_USER_DOMAIN_ID=default", "x").userDomain()).contains("default");
        assertThat(OpenRc.parse("OS_USER_DOMAIN_ID=default\nOS_USER_DOMAIN_NAME=Named", "x")
                        .userDomain())
                .contains("Named");
        assertThat(OpenRc.parse("", "x").authUrl()).isEmpty();
    }

    @Test
    void aQuoteMayStartAQuotedValueAsTheWebAppReadsIt() {
        // Exosphere's OpenStack.OpenRc.processOpenRc: Parser.variable's first character is anything but '$'
        assertThat(value("export OS_PASSWORD=\"'secret\"", "OS_PASSWORD")).isEqualTo("'secret");
        assertThat(value("export OS_PASSWORD='\"secret'", "OS_PASSWORD")).isEqualTo("\"secret");
        assertThat(value("export OS_PASSWORD=\"\"\"", "OS_PASSWORD")).isEqualTo("\"");
        assertThat(value("export OS_PASSWORD=\"$secret\"", "OS_PASSWORD")).isNull();
        assertThat(value("export OS_PASSWORD=\"'sec'ret\"", "OS_PASSWORD")).isNull();
        assertThat(value("export OS_PASSWORD=x'secret", "OS_PASSWORD")).isNull();
    }

    @Test
    void fileWithoutExportKeywordsIsRead() {
        OpenRc rc = OpenRc.parse(
                "OS_AUTH_URL=https://mycloud.whatever:5000/v3/\nOS_USERNAME=redactedusername\n"
                        + "OS_PASSWORD=redactedpassword\nOS_USER_DOMAIN_NAME=Default\n",
                "x");
        assertThat(rc.authUrl()).contains("https://mycloud.whatever:5000/v3/");
        assertThat(rc.username()).contains("redactedusername");
        assertThat(rc.password()).contains(Secret.of("redactedpassword"));
    }

    @Test
    void theFirstMatchingLineWins() {
        assertThat(value("export OS_USERNAME=first\nexport OS_USERNAME=second", "OS_USERNAME"))
                .isEqualTo("first");
    }

    @Test
    void exosphereApplicationCredentialOpenRcBecomesACloud() {
        // Exosphere's `Credentials.getOpenRcSh`
        String exosphere = String.join(
                "\n",
                "#!/usr/bin/env bash",
                "",
                "export OS_AUTH_TYPE=v3applicationcredential",
                "export OS_AUTH_URL=https://openstack.example/keystone/v3",
                "export OS_IDENTITY_API_VERSION=3",
                "export OS_REGION_NAME=\"RegionOne\"",
                "export OS_INTERFACE=public",
                "export OS_APPLICATION_CREDENTIAL_ID=\"app-cred-id\"",
                "export OS_APPLICATION_CREDENTIAL_SECRET=\"app-cred-secret\"");
        CloudConfig cloud = OpenRc.parse(exosphere, "openrc.sh").toCloudConfig("exo");

        assertThat(cloud.authType()).isEqualTo(AuthType.APPLICATION_CREDENTIAL);
        assertThat(cloud.authUrl()).isEqualTo("https://openstack.example/keystone/v3");
        assertThat(cloud.region()).contains("RegionOne");
        assertThat(cloud.credentials()).isEqualTo(Credentials.applicationCredential("app-cred-id", "app-cred-secret"));
        assertThat(cloud.toString()).doesNotContain("app-cred-secret");
    }

    @Test
    void horizonFileNeedsThePasswordSuppliedSeparately() {
        OpenRc rc = OpenRc.parse(HORIZON_V3, "openrc.sh");
        assertThatThrownBy(() -> rc.toCloudConfig("h").credentials())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("auth.password");

        CloudConfig cloud = rc.withPassword("pw").toCloudConfig("h");
        assertThat(cloud.credentials()).isInstanceOf(Credentials.Password.class);
        assertThat(cloud.scope()).isEqualTo(Scope.project("0123456789abcdef0123456789abcdef"));
        assertThat(((Credentials.Password) cloud.credentials()).user().domain()).isEqualTo(DomainRef.name("Default"));
    }

    private static String value(String text, String name) {
        return OpenRc.parse(text, "x").get(name).orElse(null);
    }
}
