package app.exosphere.core.instance;

import app.exosphere.core.compute.ServerAction;
import java.util.List;
import java.util.Map;

/**
 * What a bulk action did to each selected instance: sent, skipped because the instance's state or flavor
 * group does not allow the action (the web app sends it only to those that allow it), or failed.
 *
 * <pre>{@code
 * BulkOutcome o = exosphere.instances().bulk(ServerAction.SHELVE, exosphere.list().execute()).execute();
 * o.skipped().forEach((id, why) -> log.info("{} not shelved: {}", id, why));
 * }</pre>
 *
 * @param action the action
 * @param done ids of the instances the action was sent to
 * @param skipped id → why the action was not sent (nothing was sent)
 * @param failed id → the typed exception the request failed with
 */
public record BulkOutcome(
        ServerAction action, List<String> done, Map<String, String> skipped, Map<String, RuntimeException> failed) {
    /** Copies the collections (keeping the selection's order). */
    public BulkOutcome {
        done = List.copyOf(done);
        skipped = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(skipped));
        failed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failed));
    }

    /** Whether every selected instance got the action. */
    public boolean allDone() {
        return skipped.isEmpty() && failed.isEmpty();
    }
}
