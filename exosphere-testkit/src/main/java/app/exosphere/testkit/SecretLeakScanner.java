package app.exosphere.testkit;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.WeakHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that fails a test class when a secret was printed while it ran: it captures
 * standard output and standard error (where a test-scope logger such as slf4j-simple at TRACE writes)
 * and the message of every exception constructed in the JVM meanwhile, on any thread, caught or not
 * (recorded with Java Flight Recorder's {@code jdk.JavaExceptionThrow} event), and scans them — in bounded
 * pieces while the class runs and the rest after it, so a long fuzzing run needs no more memory — for every {@link PlantedSecrets planted secret} and every secret the
 * {@link CloudSimulator}s of the tests {@linkplain CloudSimulator#issuedSecrets() handed out}
 * (simulators injected by {@link WithCloudSimulator}, held in fields of the test instance, or started in the
 * JVM at all), raw, Base64
 * (standard and URL-safe, at any alignment), URL-encoded and percent-encoded. The failure names the
 * kind of encoding and shows the surrounding text with the secret masked.
 *
 * <p>Register it for a whole suite with {@code junit.jupiter.extensions.autodetection.enabled=true} and
 * a {@code META-INF/services/org.junit.jupiter.api.extension.Extension} file naming this class, or per
 * class with {@code @ExtendWith(SecretLeakScanner.class)}. Tests must not run in parallel.
 *
 * <pre>{@code
 * @ExtendWith(SecretLeakScanner.class)
 * class MyGatewayTest {
 *     @Test void launches(CloudSimulator cloud) { assertThat(cloud.keystoneUrl()).isNotEmpty(); }   // fails the class if a token was logged
 * }
 * }</pre>
 */
public final class SecretLeakScanner implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SecretLeakScanner.class);
    /** Shorter values are too likely to occur by chance. */
    static final int MIN_LENGTH = 8;
    /** Every simulator started in this JVM and not yet garbage-collected. */
    private static final Set<CloudSimulator> STARTED =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /** Creates the extension (JUnit instantiates it). */
    public SecretLeakScanner() {}

    @Override
    public void beforeAll(ExtensionContext context) {
        Capture capture = new Capture();
        capture.start();
        context.getStore(NS).put(Capture.class, capture);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // Store.get also looks in the parents' stores: the class context holds the capture
        Capture capture = context.getStore(NS).get(Capture.class, Capture.class);
        if (capture == null) {
            return;
        }
        CloudSimulatorExtension.cloudOf(context).ifPresent(c -> capture.secrets.addAll(c.issuedSecrets()));
        context.getTestInstance().ifPresent(instance -> harvest(instance, 2, capture.secrets, new ArrayList<>()));
        startedSecrets(capture.secrets);
    }

    /** Adds the secrets of every simulator started in this JVM and not yet collected. */
    static void startedSecrets(Set<String> into) {
        List<CloudSimulator> started;
        synchronized (STARTED) {
            started = new ArrayList<>(STARTED);
        }
        started.forEach(cloud -> into.addAll(cloud.issuedSecrets()));
    }

    /** Records a simulator whose issued secrets are scanned for, wherever the test keeps it. */
    static void started(CloudSimulator cloud) {
        STARTED.add(cloud);
    }

    /** Secrets of the simulators reachable from {@code o} through fields (SDK and test objects only). */
    private static void harvest(Object o, int depth, Set<String> into, List<Object> visited) {
        for (Object v : visited) {
            if (v == o) {
                return;
            }
        }
        visited.add(o);
        if (o instanceof CloudSimulator cloud) {
            into.addAll(cloud.issuedSecrets());
            return;
        }
        if (depth < 0) {
            return;
        }
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    Object value = f.get(o);
                    if (value != null
                            && (value instanceof CloudSimulator
                                    || value.getClass().getName().startsWith("app.exosphere."))) {
                        harvest(value, depth - 1, into, visited);
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // not readable (module rules): scan what we have
                }
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Capture capture = context.getStore(NS).remove(Capture.class, Capture.class);
        if (capture == null) {
            return;
        }
        capture.stop();
        List<String> leaks = capture.log.finish();
        List<String> thrown = capture.thrown.finish();
        if (!leaks.isEmpty() || !thrown.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " printed " + leaks.size()
                    + " secret(s) to the log and " + thrown.size() + " in exception messages:"
                    + (leaks.isEmpty() ? "" : "\n log:\n  " + String.join("\n  ", leaks))
                    + (thrown.isEmpty() ? "" : "\n exception messages:\n  " + String.join("\n  ", thrown)));
        }
    }

    /**
     * Where {@code text} contains one of {@code secrets} in any of its printable forms, as secret-free
     * descriptions (the encoding and the surrounding text with the secret masked).
     */
    public static List<String> findLeaks(String text, Set<String> secrets) {
        List<String> leaks = new ArrayList<>();
        for (String secret : secrets) {
            if (secret == null || secret.length() < MIN_LENGTH) {
                continue;
            }
            for (String[] form : forms(secret)) {
                int at = text.indexOf(form[1]);
                if (at >= 0) {
                    int from = Math.max(0, at - 40);
                    int to = Math.min(text.length(), at + form[1].length() + 40);
                    String context = masked(text.substring(from, at), secrets) + "<" + form[0] + " secret>"
                            + masked(text.substring(at + form[1].length(), to), secrets);
                    context = context.replace('\n', ' ');
                    leaks.add(form[0] + ": ..." + context + "...");
                    break;
                }
            }
        }
        return leaks;
    }

    /** {@code text} with every form of every secret (and any cut-off start or end of one) masked. */
    private static String masked(String text, Set<String> secrets) {
        String out = text;
        for (String secret : secrets) {
            if (secret == null || secret.length() < MIN_LENGTH) {
                continue;
            }
            for (String[] form : forms(secret)) {
                out = out.replace(form[1], "<secret>");
                // a part cut off by the context window: mask 4+ characters of its start or end
                for (int n = form[1].length() - 1; n >= 4; n--) {
                    if (out.endsWith(form[1].substring(0, n))) {
                        out = out.substring(0, out.length() - n) + "<secret>";
                        break;
                    }
                    if (out.startsWith(form[1].substring(form[1].length() - n))) {
                        out = "<secret>" + out.substring(n);
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** {name, encoded} pairs: raw, URL-encoded, percent-encoded, Base64 and URL-safe Base64 at 3 alignments. */
    static List<String[]> forms(String secret) {
        Set<String> seen = new LinkedHashSet<>();
        List<String[]> out = new ArrayList<>();
        add(out, seen, "raw", secret);
        add(out, seen, "URL-encoded", URLEncoder.encode(secret, StandardCharsets.UTF_8));
        add(out, seen, "percent-encoded", percentEncode(secret, false));
        add(out, seen, "percent-encoded", percentEncode(secret, true));
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[bytes.length + shift];
            System.arraycopy(bytes, 0, shifted, shift, bytes.length);
            for (Base64.Encoder enc : new Base64.Encoder[] {Base64.getEncoder(), Base64.getUrlEncoder()}) {
                String b64 = enc.withoutPadding().encodeToString(shifted);
                // drop the characters that mix in the unknown neighbours
                int skip = shift == 0 ? 0 : shift + 1;
                int tail = (bytes.length + shift) % 3 == 0 ? 0 : 1;
                if (b64.length() - skip - tail >= MIN_LENGTH) {
                    add(out, seen, "Base64", b64.substring(skip, b64.length() - tail));
                }
            }
        }
        return out;
    }

    private static void add(List<String[]> out, Set<String> seen, String name, String value) {
        if (seen.add(value)) {
            out.add(new String[] {name, value});
        }
    }

    private static String percentEncode(String s, boolean lowerHex) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                String hex = String.format("%%%02X", c);
                sb.append(lowerHex ? hex.toLowerCase(Locale.ROOT) : hex);
            }
        }
        return sb.toString();
    }

    /**
     * Standard output and error teed into a {@link ChunkedLeakScan} while a test class runs, and the messages of
     * the exceptions constructed meanwhile into another; both are scanned in bounded pieces.
     */
    private static final class Capture {
        final Set<String> secrets = Collections.synchronizedSet(new LinkedHashSet<>());
        final ChunkedLeakScan log = new ChunkedLeakScan(this::knownSecrets);
        final ChunkedLeakScan thrown = new ChunkedLeakScan(this::knownSecrets);
        private PrintStream originalOut;
        private PrintStream originalErr;
        private ThrownMessages thrownMessages;

        void start() {
            thrownMessages = ThrownMessages.start();
            originalOut = System.out;
            originalErr = System.err;
            System.setOut(new PrintStream(new Tee(originalOut, log), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new Tee(originalErr, log), true, StandardCharsets.UTF_8));
        }

        void stop() {
            System.out.flush();
            System.err.flush();
            System.setOut(originalOut);
            System.setErr(originalErr);
            thrownMessages.stop(thrown::line);
        }

        /** The planted secrets, those harvested after each test, and those of every simulator still alive. */
        private Set<String> knownSecrets() {
            Set<String> known;
            synchronized (secrets) {
                known = new LinkedHashSet<>(secrets);
            }
            known.addAll(PlantedSecrets.all());
            startedSecrets(known);
            return known;
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream out;
        private final ChunkedLeakScan copy;

        Tee(OutputStream out, ChunkedLeakScan copy) {
            this.out = out;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            copy.write(new byte[] {(byte) b}, 0, 1);
            try {
                out.write(b);
            } catch (java.io.IOException e) {
                // the original stream is best effort
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            copy.write(b, off, len);
            try {
                out.write(b, off, len);
            } catch (java.io.IOException e) {
                // the original stream is best effort
            }
        }

        @Override
        public void flush() {
            try {
                out.flush();
            } catch (java.io.IOException e) {
                // best effort
            }
        }
    }
}
