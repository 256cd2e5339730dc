package app.exosphere.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.config.DnsZone;
import app.exosphere.core.dns.RecordSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostnameTest {

    @Test
    void sanitisesLikeTheWebAppsPortOfNovasSanitizeHostname() {
        // the web app's hostnameSuite vectors (Exosphere's tests/Tests/Helpers/Helpers.elm)
        assertThat(Hostname.sanitize("的myamazinghostname")).contains("myamazinghostname");
        assertThat(Hostname.sanitize("....test.example.com...")).contains("test-example-com");
        assertThat(Hostname.sanitize("----my-amazing-hostname---")).contains("my-amazing-hostname");
        assertThat(Hostname.sanitize(" a b c ")).contains("a-b-c");
        assertThat(Hostname.sanitize("的hello")).contains("hello");
        assertThat(Hostname.sanitize("(#@&$!(@*--#&91)(__=+--test-host.example!!.com-0+"))
                .contains("91----test-host-example-com-0");
        assertThat(Hostname.sanitize("<}\u001fh\u0010e\u0008l\u0002l\u0005o\u0012!{>"))
                .contains("hello");
        assertThat(Hostname.sanitize("a".repeat(64))).contains("a".repeat(63));
        assertThat(Hostname.sanitize("a".repeat(62) + "-a")).contains("a".repeat(62));
        assertThat(Hostname.sanitize("的")).isEmpty();
        assertThat(Hostname.sanitize("---...")).isEmpty();
        assertThat(Hostname.sanitize("My Server 1 of 3")).contains("my-server-1-of-3");
        assertThat(Hostname.sanitize("Foo_Bar.Baz")).contains("foo-bar-baz");
    }

    @Test
    void buildsTheRecordNameDescriptionAndErrorTheWebAppUses() {
        assertThat(Hostname.recordName("vm1", "bio101.projects.jetstream-cloud.org."))
                .isEqualTo("vm1.bio101.projects.jetstream-cloud.org.");
        assertThat(Hostname.description("instance", "VM 1")).isEqualTo("Created for instance VM 1");
        assertThat(Hostname.noHostnameMessage("instance", "的"))
                .isEqualTo("Could not determine a valid hostname for instance named '的'.");
    }

    private static RecordSet rs(String zoneId, String zoneName, String name) {
        return RecordSet.builder()
                .id(zoneId + "-" + name)
                .zoneId(zoneId)
                .zoneName(zoneName)
                .name(name)
                .type("A")
                .addRecords("10.0.0.1")
                .build();
    }

    @Test
    void choosesTheConfiguredZoneWithTheProjectNameComparedCaseInsensitively() {
        List<RecordSet> sets = List.of(
                rs("z1", "other.example.org.", "a.other.example.org."),
                rs("z1", "other.example.org.", "b.other.example.org."),
                rs("z2", "bio101.projects.jetstream-cloud.org.", "c.bio101.projects.jetstream-cloud.org."));
        assertThat(DnsZoneChoice.choose(
                        Optional.of(new DnsZone("IU", "{project_name}.projects.jetstream-cloud.org.")), "BIO101", sets))
                .contains(new DnsZoneChoice.Chosen("z2", "bio101.projects.jetstream-cloud.org."));
        assertThat(DnsZoneChoice.choose(Optional.of(new DnsZone(null, "missing.org.")), "BIO101", sets))
                .isEmpty();
    }

    @Test
    void withoutConfigurationChoosesTheZoneHoldingMostRecordSetsIgnoringTgZones() {
        List<RecordSet> sets = List.of(
                rs("tg", "tg-abc.example.org.", "1.tg-abc.example.org."),
                rs("tg", "tg-abc.example.org.", "2.tg-abc.example.org."),
                rs("tg", "tg-abc.example.org.", "3.tg-abc.example.org."),
                rs("z1", "one.example.org.", "a.one.example.org."),
                rs("z2", "two.example.org.", "a.two.example.org."),
                rs("z1", "one.example.org.", "b.one.example.org."));
        assertThat(DnsZoneChoice.choose(Optional.empty(), "p", sets))
                .contains(new DnsZoneChoice.Chosen("z1", "one.example.org."));
        assertThat(DnsZoneChoice.choose(Optional.empty(), "p", List.of())).isEmpty();
    }

    @Test
    void aTieGoesToTheZoneSeenLastAsTheWebAppsReversedStableSort() {
        List<RecordSet> sets = List.of(
                rs("z1", "one.example.org.", "a.one.example.org."), rs("z2", "two.example.org.", "a.two.example.org."));
        assertThat(DnsZoneChoice.choose(Optional.empty(), "p", sets))
                .contains(new DnsZoneChoice.Chosen("z2", "two.example.org."));
    }
}
