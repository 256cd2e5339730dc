package app.exosphere.contract;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A client-side fault for any cloud, real or simulated: lets the request reach the cloud, waits for its
 * answer, then throws it away and reports a reset — what a gateway sees when a load balancer or the network
 * drops a connection after the cloud acted. Armed for one matching request at a time. Thread-safe.
 *
 * <pre>{@code
 * DropAnswerAfterSending fault = new DropAnswerAfterSending();
 * OkHttpClient http = new OkHttpClient.Builder().addInterceptor(fault).build();
 * fault.arm("POST", "/servers$");   // the next server create happens, its answer is lost
 * }</pre>
 */
final class DropAnswerAfterSending implements Interceptor {
    private record Rule(String method, Pattern path) {}

    private final AtomicReference<Rule> armed = new AtomicReference<>();
    private final AtomicInteger dropped = new AtomicInteger();

    /** Drops the answer of the next request with {@code method} whose URL path matches {@code pathRegex}. */
    void arm(String method, String pathRegex) {
        armed.set(new Rule(method, Pattern.compile(pathRegex)));
    }

    /** How many answers were dropped so far. */
    int dropped() {
        return dropped.get();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        Rule rule = armed.get();
        if (rule != null
                && rule.method().equalsIgnoreCase(request.method())
                && rule.path().matcher(request.url().encodedPath()).find()
                && armed.compareAndSet(rule, null)) {
            response.close();
            dropped.incrementAndGet();
            throw new IOException("contract fault: the answer (" + response.code() + ") was dropped after the "
                    + request.method() + " reached the cloud");
        }
        return response;
    }
}
