package app.exosphere.core.rules;

/**
 * The ways a user can interact with an instance, as the Exosphere web app offers them.
 *
 * <pre>{@code
 * Interaction.WEB_SHELL.displayName();     // "Web Shell" (Jetstream2 wording; Exosphere default "Terminal")
 * Interaction.WEB_SHELL.exosphereName();   // "GuacTerminal"
 * }</pre>
 */
public enum Interaction {
    /** Guacamole terminal (SSH as exouser in the browser), through the UAP. */
    WEB_SHELL(
            "GuacTerminal",
            "Web Shell",
            true,
            "Get a terminal session to your instance. Pro tip, press Ctrl+Alt+Shift inside the terminal window to show a graphical file upload/download tool!"),
    /** Guacamole graphical desktop (VNC) in the browser, through the UAP. */
    WEB_DESKTOP("GuacDesktop", "Web Desktop", true, "Interact with your instance's desktop environment"),
    /** The {@code user@host} to give a native SSH client. */
    NATIVE_SSH(
            "NativeSSH",
            "Native SSH",
            false,
            "Advanced feature: use your computer's native SSH client to get a command-line session with extra capabilities"),
    /** The Nova remote console (noVNC or SPICE), opened directly, not through the UAP. */
    CONSOLE(
            "Console",
            "Console",
            true,
            "Advanced feature: Launching the console is like connecting a screen, mouse, and keyboard to your instance (useful for troubleshooting if the Web Terminal isn't working)"),
    /** The instance's console log (boot messages). */
    CONSOLE_LOG(
            "ConsoleLog",
            "Console Log",
            false,
            "View console log for your instance (useful for troubleshooting to see boot messages or if the Web Terminal isn't working)"),
    /** The Jupyter server of a Binder workflow launched with the instance, through the UAP. */
    WORKFLOW("CustomWorkflow", "Workflow", true, "Access the workflow launched with this instance");

    private final String exosphereName;
    private final String displayName;
    private final boolean url;
    private final String description;

    Interaction(String exosphereName, String displayName, boolean url, String description) {
        this.exosphereName = exosphereName;
        this.displayName = displayName;
        this.url = url;
        this.description = description;
    }

    /** Exosphere's internal name ({@code GuacTerminal}, {@code GuacDesktop}, …). */
    public String exosphereName() {
        return exosphereName;
    }

    /** A short label for buttons (Jetstream2 wording for the Guacamole ones). */
    public String displayName() {
        return displayName;
    }

    /** Whether a ready value is a URL to open (else it is text, such as {@code exouser@1.2.3.4}). */
    public boolean isUrl() {
        return url;
    }

    /** Exosphere's description of the interaction. */
    public String description() {
        return description;
    }
}
