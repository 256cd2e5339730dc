package app.exosphere.core;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.http.ServiceType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrentProjectsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE_PROJECT = "a6944d763bf64ee6a275f1263fae0352";
    private static final List<String> PROJECTS = List.of(
            "11111111111111111111111111111111",
            "22222222222222222222222222222222",
            "33333333333333333333333333333333",
            "44444444444444444444444444444444");

    private final MockCloud cloud = new MockCloud();
    private final Map<String, AtomicInteger> tokenRequests = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    private final AtomicInteger serviceCalls = new AtomicInteger();

    @AfterEach
    void close() {
        cloud.close();
    }

    /** Keystone issues "tok-<project>" per project; Nova checks the token matches the project in the path. */
    private final class Cloud extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest r) {
            String target = r.getTarget();
            try {
                if (target.equals("/v3/auth/tokens")) {
                    String project = JSON.readTree(MockCloud.body(r))
                            .at("/auth/scope/project/id")
                            .asText();
                    tokenRequests
                            .computeIfAbsent(project, p -> new AtomicInteger())
                            .incrementAndGet();
                    Thread.sleep(20); // widen the window in which concurrent callers could race
                    String body = cloud.pointedHere("keystone/admin__auth-password-project-scoped-response.json")
                            .replace(SAMPLE_PROJECT, project);
                    return new MockResponse.Builder()
                            .code(201)
                            .addHeader("X-Subject-Token", "tok-" + project)
                            .addHeader("Content-Type", "application/json")
                            .body(body)
                            .build();
                }
                serviceCalls.incrementAndGet();
                String project = target.split("/")[2];
                String token = r.getHeaders().get("X-Auth-Token");
                if (!("tok-" + project).equals(token)) {
                    violations.add(target + " carried " + token);
                }
                return new MockResponse.Builder()
                        .code(200)
                        .addHeader("Content-Type", "application/json")
                        .body("{\"servers\": [], \"project\": \"" + project + "\"}")
                        .build();
            } catch (Exception e) {
                violations.add("dispatcher failure " + e);
                return new MockResponse.Builder().code(500).build();
            }
        }
    }

    @Test
    void sixtyFourThreadsOverFourProjectsNeverSendAnotherProjectsToken() throws Exception {
        cloud.server.setDispatcher(new Cloud());
        OpenStack root = cloud.builder(MockCloud.ALICE).buildLazily();
        int threads = 64;
        int callsPerThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < callsPerThread; i++) {
                        String project = PROJECTS.get((thread + i) % PROJECTS.size());
                        OpenStack view = root.forProject(project);
                        JsonNode body = (i % 2 == 0)
                                ? view.service(ServiceType.COMPUTE)
                                        .get("servers")
                                        .json()
                                        .execute()
                                : view.service(ServiceType.COMPUTE)
                                        .get("servers")
                                        .json()
                                        .executeAsync()
                                        .get();
                        if (!project.equals(body.get("project").asText())) {
                            violations.add("answer for " + body.get("project") + " seen by view of " + project);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(violations).isEmpty();
        assertThat(serviceCalls.get()).isEqualTo(threads * callsPerThread);
        // single-flight: one token per project however many threads asked at once
        assertThat(tokenRequests).containsOnlyKeys(PROJECTS);
        assertThat(tokenRequests.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }
}
