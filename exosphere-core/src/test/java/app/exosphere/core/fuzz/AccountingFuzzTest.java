package app.exosphere.core.fuzz;

import app.exosphere.core.accounting.AccountingClient;
import app.exosphere.core.accounting.Allocation;
import app.exosphere.core.error.ResponseDecodingException;
import app.exosphere.core.http.Call;
import app.exosphere.core.http.Microversion;
import app.exosphere.core.http.MicroversionRange;
import app.exosphere.core.http.OpenStackRequest;
import app.exosphere.core.http.OpenStackResponse;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.internal.json.ServiceJson;
import app.exosphere.fuzz.Seeds;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the Jetstream2 accounting decoder ({@link AccountingClient#fetchAllocations()},
 * Exosphere's {@code Rest.Jetstream2Accounting.decodeAllocation}): whatever the service answers, the result is
 * a list of allocations or a {@link ResponseDecodingException}, in under a second. The seeds are the
 * simulator's five-allocation answer (testkit's accounting service) and the decoder's edge cases (date-only
 * and zone-less dates, unknown resource, {@code active: 2}, a missing field, not an array, empty).
 */
class AccountingFuzzTest {

    @BeforeAll
    static void warmUp() {
        Seeds.each(
                AccountingFuzzTest.class,
                "allocationsDecodeOrFailWithATypedError",
                new AccountingFuzzTest()::allocationsDecodeOrFailWithATypedError);
    }

    @FuzzTest(maxDuration = "2m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // wall-clock backstop; the limit is 1 s of CPU per input
    void allocationsDecodeOrFailWithATypedError(byte[] body) {
        Seeds.withinOneCpuSecond(() -> check(body));
    }

    private void check(byte[] body) {
        List<Allocation> allocations;
        try {
            allocations =
                    AccountingClient.on(new Answering(body)).fetchAllocations().execute();
        } catch (ResponseDecodingException expected) {
            return; // the documented typed error
        }
        for (Allocation a : allocations) {
            a.toString();
            a.hashCode();
            a.resourceKind();
        }
    }

    /** An accounting transport that answers every request 200 with {@code body}; nothing else is asked of it. */
    private record Answering(byte[] body) implements ServiceClient {
        @Override
        public ServiceType type() {
            return AccountingClient.ACCOUNTING;
        }

        @Override
        public Call<OpenStackResponse> send(OpenStackRequest request) {
            OpenStackResponse answer = OpenStackResponse.of(
                    "accounting",
                    request.method(),
                    "https://js2-accounting.example/",
                    200,
                    Map.of(),
                    body,
                    ServiceJson.mapper());
            return new Call<>() {
                @Override
                public OpenStackResponse execute() {
                    return answer;
                }

                @Override
                public CompletableFuture<OpenStackResponse> executeAsync() {
                    return CompletableFuture.completedFuture(answer);
                }
            };
        }

        @Override
        public Call<String> endpoint() {
            throw new AssertionError("the accounting decoder asked for the endpoint");
        }

        @Override
        public Call<MicroversionRange> microversions() {
            throw new AssertionError("the accounting decoder asked for microversions");
        }

        @Override
        public Microversion negotiatedMicroversion() {
            throw new AssertionError("the accounting decoder asked for a microversion");
        }

        @Override
        public <T> Paginator<T> paginate(OpenStackRequest first, String collectionKey, Class<T> itemType) {
            throw new AssertionError("the accounting decoder paginated");
        }
    }
}
