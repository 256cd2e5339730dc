package app.exosphere.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every request the simulated cloud received, in order: for transcripts ("what did my gateway
 * send?") and round-trip counting ("did the launch take at most 12 calls?"). Thread-safe.
 *
 * <pre>{@code
 * assertThat(cloud.journal().count(Service.COMPUTE, "POST", "^/servers$")).isEqualTo(1);
 * System.out.println(cloud.journal().transcript());
 * }</pre>
 */
public final class RequestJournal {
    private final List<JournalEntry> entries = new ArrayList<>();
    private long sequence;

    RequestJournal() {}

    synchronized long nextSequence() {
        return ++sequence;
    }

    synchronized void record(JournalEntry entry) {
        entries.add(entry);
    }

    /** All entries so far, oldest first. */
    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    /** Number of round trips so far. */
    public synchronized int size() {
        return entries.size();
    }

    /** Round trips to {@code service} ({@link Service#ANY} for all). */
    public synchronized long count(Service service) {
        return entries.stream()
                .filter(e -> service == Service.ANY || e.service() == service)
                .count();
    }

    /** Round trips to {@code service} with {@code method} whose service-relative path contains {@code pathRegex}. */
    public synchronized long count(Service service, String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex);
        return entries.stream()
                .filter(e -> service == Service.ANY || e.service() == service)
                .filter(e -> e.method().equalsIgnoreCase(method))
                .filter(e -> p.matcher(e.path()).find())
                .count();
    }

    /** Entries to {@code service} ({@link Service#ANY} for all). */
    public synchronized List<JournalEntry> entries(Service service) {
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry e : entries) {
            if (service == Service.ANY || e.service() == service) {
                out.add(e);
            }
        }
        return out;
    }

    /** One line per round trip, without bodies or headers (so without secrets). */
    public synchronized String transcript() {
        StringBuilder sb = new StringBuilder();
        for (JournalEntry e : entries) {
            sb.append(e).append('\n');
        }
        return sb.toString();
    }

    /** Forgets everything recorded so far. */
    public synchronized void clear() {
        entries.clear();
    }
}
