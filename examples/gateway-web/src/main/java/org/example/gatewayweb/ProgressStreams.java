package org.example.gatewayweb;

import app.exosphere.core.error.OpenStackException;
import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.Instance;
import app.exosphere.core.instance.InstanceWatch;
import app.exosphere.core.instance.Progress;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live progress as server-sent events: each stream starts the SDK's watch ({@link Instance#watch}) from what
 * the cloud says now, so a page opened after a gateway restart (or on an instance launched elsewhere, e.g. by
 * the Exosphere web app) follows it just the same. Events: {@code progress} with
 * {@code {"state","message","status","setup"}}, then the stream ends at Ready or at an error.
 */
@Component
public class ProgressStreams implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ProgressStreams.class);

    private final ExecutorService starter = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "progress-stream");
        t.setDaemon(true);
        return t;
    });

    /** A stream of {@code instanceId}'s progress until it is ready (or failed). */
    public SseEmitter follow(Exosphere exosphere, String instanceId) {
        SseEmitter emitter = new SseEmitter(0L); // no timeout: the watch ends the stream
        starter.execute(() -> {
            try {
                Instance instance = exosphere.instance(instanceId).execute();
                if (instance.uiStatus() == app.exosphere.core.rules.ServerUiStatus.READY) {
                    send(emitter, instance, "READY", "Ready");
                    emitter.complete();
                    return;
                }
                InstanceWatch watch = instance.watch(p -> onProgress(emitter, exosphere, p));
                emitter.onCompletion(watch::close);
                emitter.onError(e -> watch.close());
                watch.ready().whenComplete((ready, failure) -> {
                    watch.close();
                    emitter.complete();
                });
            } catch (OpenStackException e) {
                emitter.completeWithError(e);
            }
        });
        return emitter;
    }

    private void onProgress(SseEmitter emitter, Exosphere exosphere, Progress p) {
        try {
            Instance now = exosphere.instance(p.serverId()).execute();
            send(emitter, now, p.state().name(), p.message());
        } catch (OpenStackException e) {
            log.debug("could not read {} after progress {}: {}", p.serverId(), p.state(), e.getMessage());
        }
    }

    private static void send(SseEmitter emitter, Instance instance, String state, String message) {
        try {
            emitter.send(SseEmitter.event()
                    .name("progress")
                    .data(Map.of(
                            "state", state,
                            "message", message,
                            "status", instance.uiStatus().display(),
                            "setup", instance.setupStatus().state().display())));
        } catch (IOException | IllegalStateException e) {
            // the browser went away: the completion callback closes the watch
            log.debug("progress stream closed: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        starter.shutdownNow();
    }
}
