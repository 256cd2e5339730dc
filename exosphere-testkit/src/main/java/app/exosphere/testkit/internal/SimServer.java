package app.exosphere.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** One simulated Nova server and the instance running inside it. Guarded by the {@link World} lock. */
public final class SimServer {
    public final String id;
    public final String region;
    public final String projectId;
    public final String userId;
    public final Instant created;
    public final String userData;
    public final UserDataReader setup;
    public String name;
    public String description;
    public String hostname;
    public String flavorId;
    public String previousFlavorId;
    public String imageId;
    public String keyName;
    public String availabilityZone = "nova";
    public Instant updated;
    public Instant launchedAt;
    public final Map<String, String> metadata = new LinkedHashMap<>();
    public final Set<String> tags = new LinkedHashSet<>();
    public boolean locked;
    public String lockedReason;
    public String status = "BUILD";
    public String vmState = "building";
    public String taskState = "scheduling";
    public int powerState = 0;
    public final List<String> securityGroups = new ArrayList<>();
    public final List<String> networkIds = new ArrayList<>();
    public final List<String> portIds = new ArrayList<>();
    public final List<Attachment> attachments = new ArrayList<>();
    public final List<Map<String, String>> actions = new ArrayList<>();
    public String password = "";
    public String passphrase;
    public boolean deleted;
    public Pending pending;
    public boolean scriptedError;
    public int[] loadOverride;
    /** When the guest is running: list of [start, end) with end null while it runs. */
    public final List<Instant[]> runningSpans = new ArrayList<>();
    /** Console events (time, text), appended as they are scheduled. */
    public final List<Line> console = new ArrayList<>();

    public Instant guacReadyAt;
    public Instant workflowTokenAt;
    public String workflowToken;
    public Instant setupDoneAt;
    public Instant passphraseAt;
    private final long seed;

    /** A console line due at {@code at}; {@code kernel} lines get a boot-relative timestamp prefix. */
    public record Line(Instant at, String text, Instant bootAt, boolean kernel) {}

    /** An attached volume. */
    public record Attachment(
            String volumeId,
            String device,
            String tag,
            String attachmentId,
            String bdmId,
            boolean deleteOnTermination) {}

    /** A transition in progress: the task state shown until {@code at}, then {@code done} runs. */
    public record Pending(Instant at, Runnable done) {}

    public SimServer(
            String id, String region, String projectId, String userId, Instant created, String userData, long seed) {
        this.id = id;
        this.region = region;
        this.projectId = projectId;
        this.userId = userId;
        this.created = created;
        this.updated = created;
        this.userData = userData;
        this.setup = UserDataReader.read(userData);
        this.seed = seed;
    }

    public void setState(String status, String vmState, int powerState, Instant now) {
        boolean wasRunning = isGuestRunning();
        this.status = status;
        this.vmState = vmState;
        this.powerState = powerState;
        this.taskState = null;
        this.updated = now;
        boolean running = isGuestRunning();
        if (running && !wasRunning) {
            runningSpans.add(new Instant[] {now, null});
        } else if (!running && wasRunning) {
            runningSpans.get(runningSpans.size() - 1)[1] = now;
        }
    }

    private boolean isGuestRunning() {
        return powerState == 1;
    }

    public void addAction(String action, String requestId, Instant now) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("action", action);
        a.put("request_id", requestId);
        a.put("start_time", Json.micros(now));
        a.put("updated_at", Json.micros(now));
        actions.add(a);
    }

    /**
     * Schedules what the guest prints and does after a boot that starts at {@code bootAt}.
     * {@code firstBoot} runs cloud-init's per-instance parts (Exosphere's {@code ServerDeploy.cloudInitUserDataTemplate}).
     */
    public void scheduleBoot(Instant bootAt, boolean firstBoot, Duration setupTime) {
        double k = setupTime.toMillis() / 300_000.0;
        kernel(
                bootAt,
                0.0,
                "Linux version 5.15.0-91-generic (buildd@lcy02-amd64-045) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04)"
                        + " 11.4.0) #101-Ubuntu SMP");
        kernel(
                bootAt,
                0.0,
                "Command line: BOOT_IMAGE=/boot/vmlinuz-5.15.0-91-generic root=LABEL=cloudimg-rootfs ro"
                        + " console=tty1 console=ttyS0");
        kernel(
                bootAt,
                3.214512,
                "EXT4-fs (vda1): mounted filesystem with ordered data mode. Opts: (null)." + " Quota mode: none.");
        plain(
                bootAt,
                5.012345,
                "[    5.012345] cloud-init[812]: Cloud-init v. 23.4 running 'init-local' at "
                        + rfc(bootAt.plusSeconds(5)) + ". Up 5.01 seconds.");
        plain(
                bootAt,
                8.2,
                "[    8.200000] cloud-init[870]: Cloud-init v. 23.4 running 'init' at " + rfc(bootAt.plusSeconds(8))
                        + ". Up 8.20 seconds.");
        if (!firstBoot || !setup.exosphere()) {
            plain(
                    bootAt,
                    25 * k,
                    "Cloud-init v. 23.4 finished at " + rfc(bootAt.plus(secs(25 * k)))
                            + ". Datasource DataSourceOpenStackLocal [net,ver=2].  Up " + String.format("%.2f", 25 * k)
                            + " seconds");
            return;
        }
        // Exosphere's `ServerDeploy.cloudInitUserDataTemplate`: starting from the boothook, running from part 2,
        // complete/error from part 3
        if (setup.emitsStarting()) {
            status(bootAt, 12.500001 * k, "starting");
        }
        if (setup.emitsRunning()) {
            status(bootAt, 20 * k, "running");
        }
        if (!setup.extraVarsReadable()) {
            status(bootAt, 60 * k, "error");
            setupDoneAt = bootAt.plus(secs(60 * k));
            return;
        }
        passphraseAt = bootAt.plus(secs(45 * k));
        double end = 300;
        if (setup.guacamole()) {
            // Exosphere's `ansible/roles/guacamole`: end of the role
            guacReadyAt = bootAt.plus(secs(200 * k));
            kernel(bootAt, 200 * k, "{\"guacDeployComplete\":true}");
        }
        if (setup.workflowRepository().isPresent()) {
            // Exosphere's `ansible/playbook.yml`: the workflow role runs after Guacamole
            kernel(bootAt, 210 * k, "{\"exoWorkflowSetup\":\"started\"}");
            end = 420;
            if (!scriptedError) {
                workflowToken = new Random(seed ^ 0x5eedL)
                        .ints(48, 0, 16)
                        .collect(
                                StringBuilder::new,
                                (sb, i) -> sb.append(Character.forDigit(i, 16)),
                                StringBuilder::append)
                        .toString();
                workflowTokenAt = bootAt.plus(secs(400 * k));
                kernel(bootAt, 400 * k, "{\"exoWorkflowToken\":\"" + workflowToken + "\"}");
                kernel(bootAt, 405 * k, "{\"exoWorkflowSetup\":\"complete\"}");
            }
        }
        setupDoneAt = bootAt.plus(secs(end * k));
        status(bootAt, end * k, scriptedError ? "error" : "complete");
        plain(
                bootAt,
                end * k + 1,
                "Cloud-init v. 23.4 finished at " + rfc(bootAt.plus(secs(end * k + 1)))
                        + ". Datasource DataSourceOpenStackLocal [net,ver=2].  Up " + String.format("%.2f", end * k + 1)
                        + " seconds");
    }

    private static Duration secs(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }

    private static String rfc(Instant t) {
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(java.time.ZoneOffset.UTC));
    }

    private void kernel(Instant bootAt, double offset, String text) {
        console.add(new Line(bootAt.plus(secs(offset)), text, bootAt, true));
    }

    private void plain(Instant bootAt, double offset, String text) {
        console.add(new Line(bootAt.plus(secs(offset)), text, bootAt, false));
    }

    private void status(Instant bootAt, double offset, String status) {
        Instant at = bootAt.plus(secs(offset));
        // Exosphere's `ServerDeploy.cloudInitUserDataTemplate`: note the spaces and the epoch in milliseconds (seconds
        // + "000")
        kernel(bootAt, offset, "{\"status\":\"" + status + "\", \"epoch\": " + at.getEpochSecond() + "000}");
    }

    /** The console log at {@code now}, all of it ({@code length < 0}) or its last {@code length} lines. */
    public String consoleText(Instant now, int length, boolean gpu) {
        List<Line> lines = new ArrayList<>();
        for (Line l : console) {
            if (!l.at().isAfter(now)) {
                lines.add(l);
            }
        }
        if (setup.exosphere() && setup.extraVarsReadable() && passphraseAt != null) {
            addUsageLines(lines, now, gpu);
        }
        lines.sort(Comparator.comparing(Line::at));
        List<String> out = new ArrayList<>(lines.size());
        for (Line l : lines) {
            if (l.kernel()) {
                Duration since = Duration.between(l.bootAt(), l.at());
                out.add(String.format("[%5d.%06d] %s", since.getSeconds(), since.getNano() / 1000, l.text()));
            } else {
                out.add(l.text());
            }
        }
        if (length >= 0 && out.size() > length) {
            out = out.subList(out.size() - length, out.size());
        }
        StringBuilder sb = new StringBuilder();
        for (String s : out) {
            sb.append(s).append("\r\n");
        }
        return sb.toString();
    }

    // Exosphere's `ansible/roles/system-load-logging`: one line every minute from the system-load-logging role on
    private void addUsageLines(List<Line> lines, Instant now, boolean gpu) {
        Instant first = passphraseAt.plusSeconds(15);
        long firstMinute = (first.getEpochSecond() + 59) / 60;
        long lastMinute = now.getEpochSecond() / 60;
        long from = Math.max(firstMinute, lastMinute - 24 * 60);
        for (long m = from; m <= lastMinute; m++) {
            Instant at = Instant.ofEpochSecond(m * 60);
            if (!runningAt(at)) {
                continue;
            }
            Random r = new Random(seed * 31 + m);
            boolean busy = setupDoneAt != null && at.isBefore(setupDoneAt);
            int cpu = busy ? 55 + r.nextInt(40) : 1 + r.nextInt(9);
            int mem = busy ? 35 + r.nextInt(20) : 18 + r.nextInt(8);
            int disk = 11 + (busy ? r.nextInt(4) : 3);
            if (loadOverride != null) {
                cpu = loadOverride[0];
                mem = loadOverride[1];
                disk = loadOverride[2];
            }
            String gpuValue = gpu ? "[" + (busy ? 0 : r.nextInt(5)) + "]" : "null";
            lines.add(new Line(
                    at,
                    "{\"epoch\": " + at.getEpochSecond() + ", \"cpuPctUsed\": " + cpu + ", \"memPctUsed\": " + mem
                            + ", \"rootfsPctUsed\": " + disk + ", \"gpuPctUsed\": " + gpuValue + "}",
                    at,
                    false));
        }
    }

    private boolean runningAt(Instant t) {
        for (Instant[] span : runningSpans) {
            if (!t.isBefore(span[0]) && (span[1] == null || t.isBefore(span[1]))) {
                return true;
            }
        }
        return false;
    }
}
