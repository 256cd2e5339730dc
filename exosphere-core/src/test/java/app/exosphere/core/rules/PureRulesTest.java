package app.exosphere.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.error.InsufficientQuotaException;
import app.exosphere.core.network.Network;
import app.exosphere.core.quota.QuotaUsage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Small Exosphere rules: default SSH user, network fallback, flavor groups, quotas. */
class PureRulesTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    // Exosphere's `Image.guessOsDefaultUsername`
    @CsvSource(
            nullValues = "null",
            value = {
                "debian, 11, debian",
                "Ubuntu, 24.04, ubuntu",
                "rocky, 9, rocky",
                "almalinux, 9, almalinux",
                "centos, 7, centos",
                "centos, 8-stream, centos",
                "centos, 80, centos",
                "centos, 9, cloud-user",
                "centos, null, cloud-user",
                "fedora, 40, fedora",
                "rhel, 9, cloud-user",
                "alpine, 3, alpine",
                "arch, null, arch",
                "opensuse, 15, opensuse",
                "kali, null, kali",
                "cirros, 0.6, cirros",
                "freebsd, 14, freebsd",
                "openbsd, 7, openbsd",
                "netbsd, 10, netbsd",
                "windows, 2022, null",
                "msdos, 6, null",
                "NeXTSTEP, 3.3, null",
                "null, null, null"
            })
    void guessesDefaultSshUserFromImageProperties(String distro, String version, String expected) {
        assertThat(DefaultSshUser.guess(distro, version).orElse(null)).isEqualTo(expected);
    }

    private static Network net(String name, String status, boolean up, boolean external) {
        return app.exosphere.core.network.Network.builder()
                .id("id-" + name)
                .name(name)
                .status(status)
                .adminStateUp(up)
                .external(external)
                .build();
    }

    @Test
    void fallbackNetworkPrefersAutoAllocatedNameThenProjectName() {
        List<Network> nets = List.of(
                net("public", "ACTIVE", true, true),
                net("MyProject-net", "ACTIVE", true, false),
                net("auto_allocated_network", "ACTIVE", true, false));
        assertThat(NetworkChoice.fallback(nets, "myproject")).map(Network::name).contains("auto_allocated_network");
        assertThat(NetworkChoice.fallback(nets.subList(0, 2), "myproject"))
                .map(Network::name)
                .contains("MyProject-net");
    }

    @Test
    void fallbackNetworkIgnoresExternalDownAndInactiveNetworks() {
        List<Network> nets = List.of(
                net("auto_allocated_network", "DOWN", true, false),
                net("myproject-a", "ACTIVE", false, false),
                net("myproject-ext", "ACTIVE", true, true),
                net("other", "ACTIVE", true, false));
        assertThat(NetworkChoice.fallback(nets, "myproject")).isEmpty();
        assertThat(NetworkChoice.noChoiceMessage(nets)).contains("other (id-other)");
        assertThat(NetworkChoice.noChoiceMessage(List.of())).startsWith("No networks to create a server available");
    }

    @ParameterizedTest(name = "{0} ~ {1} → {2}")
    // Exosphere's `docs/flavor-groups.md` and its `cloud_configs.js`
    @CsvSource({
        "m3..*, m3.small, true",
        "m3..*, m3, false",
        "m3..*, xm3.large, true",
        "g3.(small|medium|large), g3.medium, true",
        "g3.\\d?xl, g3.xl, true",
        "g3.\\d?xl, g3.2xl, true",
        "g3.\\d?xl, g3.large, false",
        "'(unclosed', (unclosed, false"
    })
    void flavorGroupRegexIsAnUnanchoredSearchAndInvalidNeverMatches(String matchOn, String flavor, boolean expected) {
        assertThat(FlavorGroups.matches(matchOn, flavor)).isEqualTo(expected);
    }

    @Test
    void disallowedActionsMatchDisplayOrApiNameCaseInsensitively() {
        assertThat(FlavorGroups.disallows(List.of("Suspend", "Resize"), "Suspend", "suspend"))
                .isTrue();
        assertThat(FlavorGroups.disallows(List.of("suspend"), "Suspend", "suspend"))
                .isTrue();
        assertThat(FlavorGroups.disallows(List.of("os-start"), "Start", "os-start"))
                .isTrue();
        assertThat(FlavorGroups.disallows(List.of("CREATEIMAGE"), "Image", "createImage"))
                .isTrue();
        assertThat(FlavorGroups.disallows(List.of("Resize"), "Suspend", "suspend"))
                .isFalse();
        assertThat(FlavorGroups.disallows(null, "Suspend", "suspend")).isFalse();
    }

    // `OpenStack.Quotas` on the nova sample cores 1/48, instances 1/10, ram 1024/999999; cinder 5/10, 82/1000
    private static final QuotaCheck.Usage SAMPLE = new QuotaCheck.Usage(
            QuotaUsage.of(1, 48),
            QuotaUsage.of(1, 10),
            QuotaUsage.of(1024, 999999),
            QuotaUsage.of(5, 10),
            QuotaUsage.of(82, 1000),
            QuotaUsage.of(2, 2));

    @Test
    void availableServersFollowsExosphereArithmetic() {
        assertThat(QuotaCheck.availableServers(SAMPLE, 4, 8192, 0)).hasValue(9);
        assertThat(QuotaCheck.availableServers(SAMPLE, 4, 8192, 20)).hasValue(5);
        QuotaCheck.Usage unlimited = new QuotaCheck.Usage(
                QuotaUsage.of(0, -1),
                QuotaUsage.of(0, -1),
                QuotaUsage.of(0, -1),
                QuotaUsage.of(0, -1),
                QuotaUsage.of(0, -1),
                QuotaUsage.of(0, -1));
        assertThat(QuotaCheck.availableServers(unlimited, 4, 8192, 20)).isEmpty();
    }

    @Test
    void preflightNamesEveryExhaustedQuota() {
        QuotaCheck.requireFits(SAMPLE, 9, 4, 8192, 0, 0);
        assertThatThrownBy(() -> QuotaCheck.requireFits(SAMPLE, 10, 4, 8192, 20, 1))
                .isInstanceOfSatisfying(
                        InsufficientQuotaException.class,
                        e -> assertThat(e.exhausted())
                                .containsExactly(
                                        "instances: need 10, 9 left of 10",
                                        "volumes: need 10, 5 left of 10",
                                        "floating IPs: need 1, 0 left of 2"))
                .hasMessageContaining("nothing was created");
        assertThatThrownBy(() -> QuotaCheck.requireFits(SAMPLE, 1, 64, 8192, 0, 0))
                .hasMessageContaining("cores: need 64, 47 left of 48");
    }
}
