package app.exosphere.cloudinit.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleScannerTest {

    static String specConsole() {
        try (InputStream in = ConsoleScannerTest.class.getResourceAsStream("/spec-3.3-console.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void lenientModeFindsEveryObjectIncludingLinesWithTrailingText() {
        List<ConsoleObject> objects = ConsoleScanner.objects(specConsole(), JsonLineMode.LENIENT);
        assertThat(objects).extracting(ConsoleObject::lineNumber).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        ConsoleObject last = objects.get(objects.size() - 1);
        assertThat(last.prefix()).isEqualTo("[ 1800.1] ");
        assertThat(last.string("status")).contains("complete");
        assertThat(last.integer("epoch")).hasValue(1704069000000L);
    }

    @Test
    void strictModeDropsLinesWithTrailingTextButToleratesCarriageReturn() {
        List<ConsoleObject> objects = ConsoleScanner.objects(specConsole(), JsonLineMode.STRICT);
        assertThat(objects).extracting(ConsoleObject::lineNumber).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 11);
        assertThat(objects.get(0).prefix()).isEqualTo("[   12.500001] ");
        assertThat(objects.get(0).json()).isEqualTo("{\"status\":\"starting\", \"epoch\": 1704067212000}\r");
    }

    @Test
    void lastWorkflowTokenWinsAsInSpecVector() {
        assertThat(ConsoleScanner.lastString(specConsole(), "exoWorkflowToken")).contains("def456");
    }

    @Test
    void findsNoTokenWhenNoLineCarriesOne() {
        assertThat(ConsoleScanner.lastString("no json here\n{\"a\":1}", "exoWorkflowToken"))
                .isEmpty();
    }

    @Test
    void ignoresTokenThatIsNotAString() {
        assertThat(ConsoleScanner.lastString(
                        "{\"exoWorkflowToken\":\"a1\"}\n{\"exoWorkflowToken\":7}", "exoWorkflowToken"))
                .contains("a1");
    }

    @Test
    void skipsGarbageWithoutThrowing() {
        String garbage =
                "}{\n{\n}\n{]\n{\"a\":1,}\n{'a':1}\n{\"a\":NaN}\n\u0000{\"x\":\"\u00e9\u2603\"}\n[1,2]\n{\"a\":1}{\"b\":2}\n"
                        + "{\"deep\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(ConsoleScanner.objects(garbage, JsonLineMode.LENIENT))
                .extracting(ConsoleObject::json)
                .containsExactly("{\"x\":\"\u00e9\u2603\"}");
        assertThat(ConsoleScanner.objects(null, JsonLineMode.STRICT)).isEmpty();
        assertThat(ConsoleScanner.objects("", JsonLineMode.STRICT)).isEmpty();
    }

    @Test
    void decodesIntegersLikeElm() {
        ConsoleObject o = ConsoleScanner.objects(
                        "{\"a\":1e3,\"b\":1.5,\"c\":\"7\",\"d\":null,\"e\":-2}", JsonLineMode.STRICT)
                .get(0);
        assertThat(o.integer("a")).hasValue(1000);
        assertThat(o.integer("b")).isEmpty();
        assertThat(o.integer("c")).isEmpty();
        assertThat(o.integer("d")).isEmpty();
        assertThat(o.integer("e")).hasValue(-2);
        assertThat(o.fieldNames()).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void decodesTypedMessages() {
        List<String> setups =
                ConsoleScanner.decode(specConsole(), JsonLineMode.STRICT, o -> o.string("exoWorkflowSetup"));
        assertThat(setups).containsExactly("started");
    }

    @Test
    void stripsKernelTimestampForDisplay() {
        assertThat(ConsoleScanner.stripKernelTimestamp("[   12.500001] hello\r"))
                .isEqualTo("hello");
        assertThat(ConsoleScanner.stripKernelTimestamp("[ 1800.1] {\"a\":1}")).isEqualTo("{\"a\":1}");
        assertThat(ConsoleScanner.stripKernelTimestamp("no prefix")).isEqualTo("no prefix");
    }
}
