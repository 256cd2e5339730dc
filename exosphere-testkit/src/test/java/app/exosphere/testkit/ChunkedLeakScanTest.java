package app.exosphere.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChunkedLeakScanTest {
    // not a planted value: this class itself runs under the scanner
    private static final String SECRET = "chunked-Scan-Secret-7f3a9b";

    private static void print(ChunkedLeakScan scan, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        scan.write(bytes, 0, bytes.length);
    }

    @Test
    void memoryStaysBoundedHoweverMuchIsPrinted() {
        ChunkedLeakScan scan = new ChunkedLeakScan(() -> Set.of(SECRET), 4096, 512);
        String line = "WARN cloud 'b': vendor profile 'a' is neither in clouds-public.yaml nor a known profile\n";

        for (int i = 0; i < 100_000; i++) { // 8.7 MB printed
            print(scan, line);
            assertThat(scan.pendingBytes()).isLessThan(4096 + line.length());
        }

        assertThat(scan.finish()).isEmpty();
    }

    @Test
    void aSecretPrintedAcrossTheCutBetweenTwoPiecesIsFound() {
        ChunkedLeakScan scan = new ChunkedLeakScan(() -> Set.of(SECRET), 4096, 512);
        print(scan, "x".repeat(4096 - 10));

        print(scan, "token " + SECRET + " accepted\n"); // the cut falls inside the secret

        assertThat(scan.finish()).singleElement().asString().startsWith("raw:").doesNotContain(SECRET);
    }

    @Test
    void aSecretInAnEarlyPieceIsReportedOnceAfterManyPieces() {
        ChunkedLeakScan scan = new ChunkedLeakScan(() -> Set.of(SECRET), 4096, 512);
        print(
                scan,
                "Authorization: Basic "
                        + Base64.getEncoder().encodeToString(("u:" + SECRET).getBytes(StandardCharsets.UTF_8)) + "\n");

        for (int i = 0; i < 1_000; i++) {
            print(scan, "nothing to see here, line " + i + "\n");
        }

        assertThat(scan.finish()).singleElement().asString().startsWith("Base64");
    }

    @Test
    void eachPieceIsScannedForTheSecretsKnownWhenItIsCut() {
        AtomicInteger asked = new AtomicInteger();
        ChunkedLeakScan scan =
                new ChunkedLeakScan(() -> asked.incrementAndGet() == 1 ? Set.of() : Set.of(SECRET), 4096, 512);
        print(scan, "y".repeat(5000)); // first piece: no secret handed out yet

        print(scan, "later the simulator's token " + SECRET + " was logged\n");

        assertThat(scan.finish()).hasSize(1);
        assertThat(asked).hasValue(2);
    }
}
