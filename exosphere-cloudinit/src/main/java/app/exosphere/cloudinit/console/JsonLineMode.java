package app.exosphere.cloudinit.console;

/**
 * How a console line is cut down to the JSON text it carries. Exosphere uses two rules, and an SDK that
 * wants to see exactly what the Exosphere web app sees must use the same one per message kind.
 *
 * <p>Both modes split the console text on {@code \n} and drop everything before the first <code>{</code> of a
 * line, which removes kernel timestamp prefixes such as {@code [   12.500001] }. Example:
 *
 * <pre>{@code
 * ConsoleScanner.objects(consoleText, JsonLineMode.LENIENT); // setup status lines
 * }</pre>
 */
public enum JsonLineMode {
    /**
     * Keep from the first <code>{</code> up to and including the last <code>}</code>; lines lacking either brace are
     * dropped. Trailing text and {@code \r} after the JSON are therefore ignored. Used for setup status
     * lines (Exosphere's {@code ExoSetupStatus.parseConsoleLogExoSetupStatus}).
     */
    LENIENT,
    /**
     * Keep from the first <code>{</code> to the end of the line; only JSON whitespace (space, tab, {@code \r},
     * {@code \n}) may follow the object, any other trailing text makes the line fail. Used for resource
     * usage (Exosphere's {@code ServerResourceUsage.parseConsoleLog}) and the workflow token (Exosphere's {@code Helpers.parseConsoleLogForWorkflowToken}).
     */
    STRICT
}
