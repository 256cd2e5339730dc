package app.exosphere.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The faults active on a {@link CloudSimulator}. Faults are consulted in the order added; the first
 * that hits a request applies. Thread-safe.
 *
 * <pre>{@code
 * cloud.faults().add(Fault.on(Service.IDENTITY).path("/auth/tokens").respondWith(503).times(2).build());
 * cloud.faults().clear();
 * }</pre>
 */
public final class Faults {
    private final List<Active> active = new ArrayList<>();

    private static final class Active {
        final Fault fault;
        final Random random;
        int seen;
        int hits;

        Active(Fault fault) {
            this.fault = fault;
            this.random = new Random(fault.seed());
        }
    }

    Faults() {}

    /** Activates {@code fault}. */
    public synchronized Faults add(Fault fault) {
        active.add(new Active(fault));
        return this;
    }

    /** Deactivates every fault. */
    public synchronized void clear() {
        active.clear();
    }

    /** The faults still able to hit (those with {@code times} left). */
    public synchronized List<Fault> active() {
        List<Fault> out = new ArrayList<>();
        for (Active a : active) {
            if (a.fault.times() < 0 || a.hits < a.fault.times()) {
                out.add(a.fault);
            }
        }
        return List.copyOf(out);
    }

    /** The fault that hits this request, if any (and counts it). */
    synchronized Optional<Fault> pick(Service service, String method, String servicePath) {
        for (Active a : active) {
            Fault f = a.fault;
            if (!f.aimsAt(service, method, servicePath)) {
                continue;
            }
            if (f.times() >= 0 && a.hits >= f.times()) {
                continue;
            }
            a.seen++;
            if (a.seen <= f.skip()) {
                continue;
            }
            if (f.probability() < 1 && a.random.nextDouble() >= f.probability()) {
                continue;
            }
            a.hits++;
            return Optional.of(f);
        }
        return Optional.empty();
    }
}
