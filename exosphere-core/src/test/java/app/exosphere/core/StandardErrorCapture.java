package app.exosphere.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Standard error, where the tests' logger (slf4j-simple) writes, teed into a buffer from {@link #start()} to
 * {@link #close()}, so that a test can assert on the WARN lines its code wrote. The original stream still gets
 * every byte, so the suite's secret scanner sees them too.
 */
public final class StandardErrorCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    private StandardErrorCapture() {}

    /** Starts teeing standard error. */
    public static StandardErrorCapture start() {
        StandardErrorCapture capture = new StandardErrorCapture();
        System.setErr(new PrintStream(new Tee(capture.original, capture.copy), true, StandardCharsets.UTF_8));
        return capture;
    }

    /** The WARN lines written so far that contain {@code text}. */
    public List<String> warnings(String text) {
        return copy.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains(" WARN ") && l.contains(text))
                .toList();
    }

    /** Gives standard error back its original stream. */
    @Override
    public void close() {
        System.setErr(original);
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            synchronized (second) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            synchronized (second) {
                second.write(b, off, len);
            }
        }
    }
}
