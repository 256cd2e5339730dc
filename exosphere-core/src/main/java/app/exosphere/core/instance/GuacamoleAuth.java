package app.exosphere.core.instance;

import app.exosphere.core.auth.Secret;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.rules.DefaultSshUser;
import app.exosphere.core.rules.InteractionContext;
import app.exosphere.uap.GuacamoleUrls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs in to the Guacamole deployment of an Exosphere instance through the UAP, as {@code exouser} with
 * the instance passphrase, and caches the auth token the web shell and desktop URLs need (Exosphere's
 * {@code GoalServer.stepServerGuacamoleAuth}): a token is reused for 55 minutes (Guacamole's tokens live 60), a failed login is not retried for
 * 15 seconds, and concurrent callers for the same instance share one request. Thread-safe.
 *
 * <pre>{@code
 * GuacamoleAuth guac = new GuacamoleAuth(new OkHttpClient(), Clock.systemUTC());
 * Secret token = guac.token("proxy-js2-iu.exosphere.app", "149.165.1.2", passphrase).execute();
 * String shell = GuacamoleUrls.terminal("proxy-js2-iu.exosphere.app", "149.165.1.2", token.reveal())
 *         .toUriString();
 * }</pre>
 *
 * <p>The passphrase is sent only in the form body to the instance's own Guacamole and never logged.
 */
public final class GuacamoleAuth {

    /** Tokens are refreshed after this age. */
    public static final Duration REFRESH_AFTER = Duration.ofMillis(3_300_000);

    /** A failed login is retried only after this delay. */
    public static final Duration RETRY_AFTER_ERROR = Duration.ofSeconds(15);

    /** Per-request timeout, like Exosphere. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(GuacamoleAuth.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is known for one instance: a token, a request in flight, or the last error. */
    public record State(Optional<Secret> token, boolean loading, Optional<String> error) {
        static final State NONE = new State(Optional.empty(), false, Optional.empty());

        @Override
        public String toString() {
            return "State{token=" + (token.isPresent() ? "present" : "absent") + ", loading=" + loading + ", error="
                    + error.orElse("none") + "}";
        }
    }

    private record Entry(
            String passphraseDigest,
            String token,
            Instant tokenAt,
            CompletableFuture<String> inFlight,
            GuacamoleAuthException error,
            Instant errorAt) {}

    private final OkHttpClient http;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param http the HTTP client (the SDK's shared one; its DNS and TLS settings are used)
     * @param clock the time source for cache expiry
     */
    public GuacamoleAuth(OkHttpClient http, Clock clock) {
        this.http = Objects.requireNonNull(http, "http")
                .newBuilder()
                .callTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .build();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Fetches a valid token for the instance at {@code floatingIp}: the cached one while younger than 55
     * minutes, else a new login (one login in flight per instance, shared by concurrent callers). The call
     * fails with {@link GuacamoleAuthException}.
     */
    public app.exosphere.core.http.Call<Secret> token(String uapHostname, String floatingIp, Secret passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        return Operation.fromAsync(() -> cachedOrLogin(uapHostname, floatingIp, passphrase));
    }

    private CompletableFuture<Secret> cachedOrLogin(String uapHostname, String floatingIp, Secret passphrase) {
        String key = uapHostname + "|" + floatingIp;
        String digest = digest(passphrase.reveal());
        CompletableFuture<String>[] started = newFutureHolder();
        Entry entry = entries.compute(key, (k, old) -> {
            Instant now = clock.instant();
            if (old != null && old.passphraseDigest.equals(digest)) {
                if (old.inFlight != null) {
                    return old;
                }
                if (old.token != null && !now.isAfter(old.tokenAt.plus(REFRESH_AFTER))) {
                    return old;
                }
                if (old.error != null && !now.isAfter(old.errorAt.plus(RETRY_AFTER_ERROR))) {
                    return old;
                }
            }
            CompletableFuture<String> f = new CompletableFuture<>();
            started[0] = f;
            String keepToken = old != null && old.passphraseDigest.equals(digest) ? old.token : null;
            Instant keepAt = keepToken == null ? null : old.tokenAt;
            return new Entry(digest, keepToken, keepAt, f, null, null);
        });
        if (started[0] != null) {
            login(key, digest, uapHostname, floatingIp, passphrase.reveal(), started[0]);
            return started[0].thenApply(Secret::of);
        }
        if (entry.inFlight != null) {
            return entry.inFlight.thenApply(Secret::of);
        }
        if (entry.error != null && entry.token == null) {
            return CompletableFuture.failedFuture(entry.error);
        }
        return CompletableFuture.completedFuture(Secret.of(entry.token));
    }

    /** What is currently known for the instance, for {@link InteractionContext}. */
    public State state(String uapHostname, String floatingIp) {
        Entry e = entries.get(uapHostname + "|" + floatingIp);
        if (e == null) {
            return State.NONE;
        }
        return new State(
                Optional.ofNullable(e.token).map(Secret::of),
                e.inFlight != null,
                Optional.ofNullable(e.error).map(GuacamoleAuthException::getMessage));
    }

    /** Forgets the token of an instance (Exosphere does this whenever the server is not ACTIVE). */
    public void forget(String uapHostname, String floatingIp) {
        entries.remove(uapHostname + "|" + floatingIp);
    }

    private void login(
            String key, String digest, String uap, String ip, String passphrase, CompletableFuture<String> result) {
        String url = GuacamoleUrls.tokenApi(uap, ip).toUriString();
        Request request = new Request.Builder()
                .url(url)
                .post(new FormBody.Builder()
                        .add("username", DefaultSshUser.EXOUSER)
                        .add("password", passphrase)
                        .build())
                .build();
        LOG.debug("Guacamole login at {}", url);
        http.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                fail(
                        key,
                        digest,
                        result,
                        new GuacamoleAuthException(url, 0, e.getClass().getSimpleName() + ": " + e.getMessage(), e));
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (ResponseBody body = response.body()) {
                    if (!response.isSuccessful()) {
                        fail(
                                key,
                                digest,
                                result,
                                new GuacamoleAuthException(
                                        url, response.code(), "Bad status: " + response.code(), null));
                        return;
                    }
                    JsonNode node = JSON.readTree(body.byteStream());
                    JsonNode token = node == null ? null : node.get("authToken");
                    if (token == null || !token.isTextual() || token.textValue().isEmpty()) {
                        fail(
                                key,
                                digest,
                                result,
                                new GuacamoleAuthException(url, response.code(), "response has no authToken", null));
                        return;
                    }
                    String value = token.textValue();
                    entries.put(key, new Entry(digest, value, clock.instant(), null, null, null));
                    result.complete(value);
                } catch (IOException | RuntimeException e) {
                    fail(
                            key,
                            digest,
                            result,
                            new GuacamoleAuthException(
                                    url,
                                    response.code(),
                                    "unreadable response: " + e.getClass().getSimpleName(),
                                    e));
                }
            }
        });
    }

    private void fail(String key, String digest, CompletableFuture<String> result, GuacamoleAuthException error) {
        LOG.debug("Guacamole login failed: {}", error.getMessage());
        // Exosphere's `GoalServer.stepServerGuacamoleAuth`: on failure the old token (if any) is kept and the error
        // recorded
        entries.compute(
                key,
                (k, old) -> new Entry(
                        digest,
                        old == null ? null : old.token,
                        old == null ? null : old.tokenAt,
                        null,
                        error,
                        clock.instant()));
        result.completeExceptionally(error);
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<String>[] newFutureHolder() {
        return new CompletableFuture[1];
    }

    private static String digest(String passphrase) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(passphrase.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
