package app.exosphere.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.FakeCloud;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.placement.ResourceUsages;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class UnifiedLimitsTest {

    private static RegisteredLimit registered(String name, long limit, String region) {
        return RegisteredLimit.builder()
                .id(name + region)
                .resourceName(name)
                .defaultLimit(limit)
                .regionId(Optional.ofNullable(region))
                .build();
    }

    private static ProjectLimit project(String name, long limit) {
        return ProjectLimit.builder()
                .id("l-" + name)
                .resourceName(name)
                .resourceLimit(limit)
                .build();
    }

    @Test
    void combinesRegisteredProjectLimitsAndUsagesLikeExosphere() {
        // Exosphere's `Helpers.UnifiedLimits.quotasFromUnifiedLimits` (cases of
        // `tests/Tests/Helpers/UnifiedLimits.elm`)
        List<ResourceQuota> q = UnifiedLimits.combine(
                List.of(
                        registered("class:VCPU", 8, null),
                        registered("class:CUSTOM_A100X_10C", 1, null),
                        registered("class:CUSTOM_A100X_20C", -1, null),
                        registered("servers", 10, null)),
                List.of(project("class:VCPU", 6), project("class:CUSTOM_A100X_10C", 2)),
                new ResourceUsages(Map.of("VCPU", 3L, "CUSTOM_A100X_10C", 1L)));

        assertThat(q)
                .extracting(ResourceQuota::resourceName)
                .containsExactly("CUSTOM_A100X_10C", "CUSTOM_A100X_20C", "VCPU", "servers");
        assertThat(q.get(0).usage()).isEqualTo(QuotaUsage.of(1, 2));
        assertThat(q.get(1).usage().isUnlimited()).isTrue();
        assertThat(q.get(1).usage().used()).isZero();
        assertThat(q.get(2).usage()).isEqualTo(QuotaUsage.of(3, 6));
        assertThat(q.get(3).usage()).isEqualTo(QuotaUsage.of(0, 10));
    }

    @Test
    void prefersARegionScopedRegisteredLimitOverAGlobalOne() {
        List<ResourceQuota> q = UnifiedLimits.combine(
                List.of(registered("class:VCPU", 4, null), registered("class:VCPU", 8, "RegionOne")),
                List.of(),
                new ResourceUsages(Map.of()));
        assertThat(q).containsExactly(ResourceQuota.of("VCPU", QuotaUsage.of(0, 8)));
    }

    @Test
    void normalizesClassPrefixedNames() {
        assertThat(UnifiedLimits.normalize("class:CUSTOM_A100X_10C")).isEqualTo("CUSTOM_A100X_10C");
        assertThat(UnifiedLimits.normalize("servers")).isEqualTo("servers");
    }

    @Test
    void fetchesKeystoneLimitsWithRegionAndPlacementUsages() {
        try (FakeCloud cloud = new FakeCloud()) {
            // Keystone unified-limit samples were not copied upstream; bodies follow the documented shape.
            cloud.route(
                    "GET",
                    "/identity/v3/registered_limits",
                    200,
                    "{\"registered_limits\":[{\"id\":\"r1\",\"service_id\":\"s\",\"region_id\":null,"
                            + "\"resource_name\":\"class:VCPU\",\"default_limit\":8,\"description\":null}],\"links\":{\"next\":null}}");
            cloud.route(
                    "GET",
                    "/identity/v3/limits",
                    200,
                    "{\"limits\":[{\"id\":\"l1\",\"project_id\":\"p\",\"region_id\":\"RegionOne\","
                            + "\"resource_name\":\"class:VCPU\",\"resource_limit\":6,\"description\":null}],\"links\":{\"next\":null}}");
            cloud.route("GET", "/placement/usages", 200, "{\"usages\":{\"VCPU\":3}}");
            List<ResourceQuota> q = UnifiedLimits.fetch(
                            cloud.openStack().service(ServiceType.IDENTITY),
                            cloud.openStack().placement(),
                            "p",
                            Optional.of("RegionOne"))
                    .execute();
            RecordedRequest[] reqs = {cloud.take(), cloud.take(), cloud.take()};
            assertThat(reqs)
                    .extracting(r -> r.getUrl().encodedPath())
                    .containsExactlyInAnyOrder(
                            "/identity/v3/registered_limits", "/identity/v3/limits", "/placement/usages");
            for (RecordedRequest r : reqs) {
                if (r.getUrl().encodedPath().startsWith("/identity")) {
                    assertThat(r.getUrl().queryParameter("region_id")).isEqualTo("RegionOne");
                }
            }
            assertThat(q).containsExactly(ResourceQuota.of("VCPU", QuotaUsage.of(3, 6)));
        }
    }
}
