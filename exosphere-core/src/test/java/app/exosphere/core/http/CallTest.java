package app.exosphere.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.FakeCloud;
import app.exosphere.core.compute.Flavor;
import app.exosphere.core.error.NotFoundException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every operation's {@link Call} promises, checked on a real operation against a fake Nova. */
class CallTest {
    private static final String NOT_FOUND =
            "{\"itemNotFound\":{\"code\":404,\"message\":\"Flavor 404 could not be found.\"}}";

    private final FakeCloud cloud = new FakeCloud();

    @AfterEach
    void close() {
        cloud.close();
    }

    @Test
    void sendsNothingUntilTheCallIsExecuted() {
        Call<Flavor> call = cloud.openStack().compute().flavors().get("1");

        assertThat(cloud.idle()).isTrue();

        cloud.replySample(200, "nova/flavors__flavor-get-resp.json");
        assertThat(call.execute().id()).isEqualTo("1");
        assertThat(cloud.take().getTarget()).endsWith("/flavors/1");
        assertThat(cloud.idle()).isTrue();
    }

    @Test
    void executingTwiceSendsTheRequestTwice() {
        Call<Flavor> call = cloud.openStack().compute().flavors().get("1");
        cloud.replySample(200, "nova/flavors__flavor-get-resp.json");
        cloud.replySample(200, "nova/flavors__flavor-get-resp.json");

        call.execute();
        call.executeAsync().join();

        assertThat(cloud.take().getTarget()).endsWith("/flavors/1");
        assertThat(cloud.take().getTarget()).endsWith("/flavors/1");
        assertThat(cloud.idle()).isTrue();
    }

    @Test
    void executeAsyncFailsItsFutureWithTheSameTypedExceptionExecuteThrows() {
        Call<Flavor> call = cloud.openStack().compute().flavors().get("404");
        cloud.reply(404, NOT_FOUND);
        cloud.reply(404, NOT_FOUND);

        assertThatThrownBy(call::execute).isInstanceOf(NotFoundException.class);
        CompletableFuture<Flavor> later = call.executeAsync();

        assertThatThrownBy(later::join)
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(NotFoundException.class);
    }

    @Test
    void aServiceCallIsACallOnTheRequestAsBuilt() {
        ServiceClient nova = cloud.openStack().service(ServiceType.COMPUTE);
        Call<OpenStackResponse> call = nova.get("flavors/{id}", "1");
        cloud.replySample(200, "nova/flavors__flavor-get-resp.json");

        assertThat(cloud.idle()).isTrue();
        assertThat(call.execute().json().path("flavor").path("id").asText()).isEqualTo("1");
        assertThat(cloud.take().getTarget()).endsWith("/flavors/1");
    }
}
