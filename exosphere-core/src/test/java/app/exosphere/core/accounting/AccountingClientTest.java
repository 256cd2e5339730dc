package app.exosphere.core.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.error.ResponseDecodingException;
import app.exosphere.core.error.ServerErrorException;
import app.exosphere.testkit.CloudCredentials;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Fault;
import app.exosphere.testkit.JournalEntry;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.Service;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Jetstream2's accounting service through the catalog, on the simulator (Exosphere's {@code Rest.Jetstream2Accounting}). */
class AccountingClientTest {
    private final CloudSimulator cloud = CloudSimulator.start(Scenario.jetstream2());
    private final OpenStack os = connect(cloud);

    static OpenStack connect(CloudSimulator cloud) {
        CloudCredentials c = cloud.credentials();
        return OpenStack.builder()
                .authUrl(c.authUrl())
                .credentials(
                        Credentials.applicationCredential(c.applicationCredentialId(), c.applicationCredentialSecret()))
                .region("IU")
                .httpClient(cloud.newHttpClient())
                .clock(cloud.clock().asClock())
                .build();
    }

    @AfterEach
    void close() {
        os.close();
        cloud.close();
    }

    @Test
    void fetchesTheProjectsAllocationsFromTheCatalogsAccountingEndpointWithTheProjectToken() {
        List<Allocation> all = os.accounting().fetchAllocations().execute();

        assertThat(all).hasSize(cloud.allocationCount()).hasSize(5);
        Allocation cpu = all.get(0);
        assertThat(cpu.resourceKind()).contains(AllocationResource.CPU);
        assertThat(cpu.active()).isTrue();
        assertThat(cpu.serviceUnitsAllocated()).isEqualTo(200_000);
        assertThat(cpu.serviceUnitsUsed()).isEqualTo(OptionalDouble.of(81_234.56));
        assertThat(all.get(1).serviceUnitsUsed()).isEmpty();
        assertThat(all.get(2).active()).isFalse();

        JournalEntry get = cloud.journal().entries(Service.ACCOUNTING).get(0);
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.path()).isEqualTo("/");
        assertThat(get.query()).isNull();
        assertThat(get.status()).isEqualTo(200);
    }

    @Test
    void decodesDateOnlyAndZoneLessDatesAsUtc() {
        cloud.replaceAllocations("[{\"description\":\"d\",\"abstract\":\"a\",\"service_units_allocated\":10,"
                + "\"service_units_used\":2.5,\"start_date\":\"2024-01-01\",\"end_date\":\"2025-01-01T12:00:00\","
                + "\"resource\":\"jetstream2-lm.indiana.xsede.org\",\"active\":1}]");

        Allocation a = os.accounting().fetchAllocations().execute().get(0);

        assertThat(a.startDate()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(a.endDate()).isEqualTo(Instant.parse("2025-01-01T12:00:00Z"));
        assertThat(a.resourceKind()).contains(AllocationResource.LARGE_MEMORY);
    }

    @Test
    void anActiveValueOtherThanOneOrZeroFailsTheWholeAnswerWithATypedException() {
        cloud.replaceAllocations("[{\"description\":\"d\",\"abstract\":\"a\",\"service_units_allocated\":10,"
                + "\"service_units_used\":null,\"start_date\":\"2024-01-01\",\"end_date\":\"2025-01-01\","
                + "\"resource\":\"jetstream2.indiana.xsede.org\",\"active\":2}]");

        assertThatThrownBy(() -> os.accounting().fetchAllocations().execute())
                .isInstanceOf(ResponseDecodingException.class)
                .hasMessageContaining("active is 2, expected 1 or 0");
    }

    @Test
    void aMissingFieldFailsTheWholeAnswer() {
        cloud.replaceAllocations("[{\"description\":\"d\",\"service_units_allocated\":10,"
                + "\"service_units_used\":null,\"start_date\":\"2024-01-01\",\"end_date\":\"2025-01-01\","
                + "\"resource\":\"jetstream2.indiana.xsede.org\",\"active\":1}]");

        assertThatThrownBy(() -> os.accounting().fetchAllocations().execute())
                .isInstanceOf(ResponseDecodingException.class)
                .hasMessageContaining("missing abstract");
    }

    @Test
    void anUnknownResourceIsKeptWithoutAKind() {
        cloud.replaceAllocations("[{\"description\":\"d\",\"abstract\":\"a\",\"service_units_allocated\":10,"
                + "\"service_units_used\":1,\"start_date\":\"2024-01-01\",\"end_date\":\"2025-01-01\","
                + "\"resource\":\"jetstream3.example.org\",\"active\":1}]");

        Allocation a = os.accounting().fetchAllocations().execute().get(0);

        assertThat(a.resource()).isEqualTo("jetstream3.example.org");
        assertThat(a.resourceKind()).isEmpty();
    }

    @Test
    void faultsOnTheAccountingServiceSurfaceAsTypedExceptions() {
        cloud.faults()
                .add(Fault.on(Service.ACCOUNTING)
                        .respondWith(503, "accounting database unavailable")
                        .times(10)
                        .build());

        assertThatThrownBy(() -> os.accounting().fetchAllocations().execute()).isInstanceOf(ServerErrorException.class);
    }
}
