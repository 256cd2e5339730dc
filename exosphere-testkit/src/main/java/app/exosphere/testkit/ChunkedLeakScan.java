package app.exosphere.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Text scanned for secrets piece by piece, so that the memory a test class needs does not grow with what it
 * prints or throws: a two-minute fuzzing run prints hundreds of megabytes and constructs millions of
 * exceptions, which, kept whole until the class ended, once passed the JVM's 2 GB limit for one string.
 *
 * <p>Bytes are kept until {@code chunkBytes} are pending; then they are decoded, scanned for the secrets known
 * at that moment ({@link SecretLeakScanner#findLeaks}) and dropped, except the last {@code overlapBytes}, so
 * that a secret written across the cut is found in the next piece. The secrets come from a supplier because
 * simulators hand out new ones while the class runs; a secret is printable only after it was handed out, so
 * scanning with the secrets known at the cut misses nothing in the text before it.
 */
final class ChunkedLeakScan {
    /** Pending text scanned at once: large, so that the scans (one pass per secret form) stay few. */
    static final int CHUNK_BYTES = 8 << 20;
    /** Longer than any encoded secret plus the 40-character context either side of it. */
    static final int OVERLAP_BYTES = 64 << 10;
    /** Distinct leak descriptions kept; the count of those beyond is reported. */
    static final int MAX_REPORTED = 50;

    private final Supplier<Set<String>> secrets;
    private final int chunkBytes;
    private final int overlapBytes;
    private final Set<String> leaks = new LinkedHashSet<>();
    private int unreported;
    private ByteArrayOutputStream pending = new ByteArrayOutputStream();

    ChunkedLeakScan(Supplier<Set<String>> secrets) {
        this(secrets, CHUNK_BYTES, OVERLAP_BYTES);
    }

    ChunkedLeakScan(Supplier<Set<String>> secrets, int chunkBytes, int overlapBytes) {
        if (overlapBytes >= chunkBytes) {
            throw new IllegalArgumentException("the overlap must be shorter than a chunk");
        }
        this.secrets = secrets;
        this.chunkBytes = chunkBytes;
        this.overlapBytes = overlapBytes;
    }

    synchronized void write(byte[] b, int off, int len) {
        pending.write(b, off, len);
        if (pending.size() >= chunkBytes) {
            scanPending(true);
        }
    }

    /** One line of text (an exception's class and message). */
    void line(String text) {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        write(bytes, 0, bytes.length);
    }

    /** Scans what is pending and returns every leak found since the start, as secret-free descriptions. */
    synchronized List<String> finish() {
        scanPending(false);
        List<String> out = new ArrayList<>(leaks);
        if (unreported > 0) {
            out.add("... and " + unreported + " more");
        }
        return out;
    }

    /** Bytes waiting for the next scan (at most a chunk plus one write). */
    synchronized int pendingBytes() {
        return pending.size();
    }

    private void scanPending(boolean keepOverlap) {
        byte[] bytes = pending.toByteArray();
        for (String leak : SecretLeakScanner.findLeaks(new String(bytes, StandardCharsets.UTF_8), secrets.get())) {
            if (leaks.contains(leak)) {
                continue; // found again in the overlap
            }
            if (leaks.size() < MAX_REPORTED) {
                leaks.add(leak);
            } else {
                unreported++;
            }
        }
        pending = new ByteArrayOutputStream();
        if (keepOverlap) {
            int from = Math.max(0, bytes.length - overlapBytes);
            pending.write(bytes, from, bytes.length - from);
        }
    }
}
