package app.exosphere.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The message of every exception and error constructed in this JVM, on any thread, between
 * {@link #start()} and {@link #stop()}: a Java Flight Recorder recording of the
 * {@code jdk.JavaExceptionThrow} and {@code jdk.JavaErrorThrow} events, which carry the message given to
 * the constructor — including exceptions that are caught, wrapped or never printed.
 */
final class ThrownMessages {
    private static final String[] EVENTS = {"jdk.JavaExceptionThrow", "jdk.JavaErrorThrow"};

    private final Recording recording;

    private ThrownMessages(Recording recording) {
        this.recording = recording;
    }

    /** Starts recording. */
    static ThrownMessages start() {
        Recording recording = new Recording();
        for (String event : EVENTS) {
            recording.enable(event).withoutStackTrace();
        }
        recording.setName("exosphere-secret-leak-scanner");
        recording.start();
        return new ThrownMessages(recording);
    }

    /**
     * Stops recording and hands {@code each} one line {@code <class>: <message>} per exception constructed with
     * a message, read from the recording one event at a time (a fuzzing run records millions).
     */
    void stop(Consumer<String> each) {
        Path file = null;
        try {
            recording.stop();
            file = Files.createTempFile("exosphere-thrown-", ".jfr");
            recording.dump(file);
            try (RecordingFile events = new RecordingFile(file)) {
                while (events.hasMoreEvents()) {
                    RecordedEvent e = events.readEvent();
                    String message = e.getString("message");
                    if (message == null || message.isEmpty()) {
                        continue;
                    }
                    RecordedClass thrown = e.getClass("thrownClass");
                    each.accept((thrown == null ? "?" : thrown.getName()) + ": " + message);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recording of thrown exceptions", e);
        } finally {
            recording.close();
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            }
        }
    }
}
