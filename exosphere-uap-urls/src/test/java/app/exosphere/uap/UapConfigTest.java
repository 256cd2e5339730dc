package app.exosphere.uap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UapConfigTest {

    @Test
    void regionMatchWinsOverCatchAllEvenWhenCatchAllComesFirst() {
        UapConfig config = UapConfig.of(UapEntry.catchAll("fallback.example.org"), UapEntry.of("IU", "iu.example.org"));
        assertThat(config.hostnameFor("IU")).contains("iu.example.org");
    }

    @Test
    void firstMatchingRegionEntryWins() {
        UapConfig config =
                UapConfig.of(UapEntry.of("IU", "first.example.org"), UapEntry.of("IU", "second.example.org"));
        assertThat(config.hostnameFor("IU")).contains("first.example.org");
    }

    @Test
    void firstCatchAllEntryWinsForUnknownRegion() {
        UapConfig config = UapConfig.of(
                UapEntry.of("IU", "iu.example.org"),
                UapEntry.catchAll("one.example.org"),
                UapEntry.catchAll("two.example.org"));
        assertThat(config.hostnameFor("TACC")).contains("one.example.org");
        assertThat(config.entryFor("TACC")).contains(UapEntry.catchAll("one.example.org"));
    }

    @Test
    void regionMatchIsExactAndCaseSensitive() {
        UapConfig config = UapConfig.of(UapEntry.of("IU", "iu.example.org"));
        assertThat(config.hostnameFor("iu")).isEmpty();
        assertThat(config.hostnameFor("IU ")).isEmpty();
    }

    @Test
    void projectWithoutRegionOnlyMatchesCatchAll() {
        assertThat(UapConfig.of(UapEntry.of("IU", "iu.example.org")).hostnameFor(null))
                .isEmpty();
        assertThat(UapConfig.of(UapEntry.of("IU", "iu.example.org"), UapEntry.catchAll("any.example.org"))
                        .hostnameFor(null))
                .contains("any.example.org");
    }

    @Test
    void emptyConfigurationNeverMatches() {
        assertThat(UapConfig.of(List.of()).hostnameFor("IU")).isEmpty();
        assertThat(UapConfig.of().hostnameFor(null)).isEmpty();
    }

    @Test
    void entriesKeepConfigurationOrderAndAreImmutable() {
        UapConfig config = UapConfig.of(UapEntry.of("B", "b.example.org"), UapEntry.of("A", "a.example.org"));
        assertThat(config.entries()).extracting(e -> e.region().orElseThrow()).containsExactly("B", "A");
        assertThatThrownBy(() -> config.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void entryRejectsMalformedHostnameNamingIt() {
        assertThatThrownBy(() -> UapEntry.of("IU", "proxy_js2.example.org"))
                .isInstanceOf(InvalidUapValueException.class)
                .hasMessageContaining("'proxy_js2.example.org'")
                .hasMessageContaining("'_'");
    }

    @Test
    void entryKeepsHostnameCase() {
        assertThat(UapEntry.of("IU", "Proxy.Example.ORG").hostname()).isEqualTo("Proxy.Example.ORG");
    }

    @Test
    void valueSemantics() {
        assertThat(UapConfig.of(UapEntry.of("IU", "a.example.org")))
                .isEqualTo(UapConfig.of(List.of(UapEntry.of("IU", "a.example.org"))))
                .hasSameHashCodeAs(UapConfig.of(UapEntry.of("IU", "a.example.org")));
        assertThat(UapEntry.of(null, "a.example.org")).isEqualTo(UapEntry.catchAll("a.example.org"));
        assertThat(UapEntry.catchAll("a.example.org").isCatchAll()).isTrue();
    }
}
