package app.exosphere.core.instance;

import app.exosphere.core.error.InsufficientQuotaException;
import app.exosphere.core.error.InvalidShareRequestException;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.error.OpenStackClientException;
import app.exosphere.core.http.Call;
import app.exosphere.core.quota.QuotaUsage;
import app.exosphere.core.rules.ExosphereMetadata;
import app.exosphere.core.rules.ShareMount;
import app.exosphere.core.share.AccessLevel;
import app.exosphere.core.share.AccessRule;
import app.exosphere.core.share.AccessRuleRequest;
import app.exosphere.core.share.AccessRuleState;
import app.exosphere.core.share.ExportLocation;
import app.exosphere.core.share.Share;
import app.exosphere.core.share.ShareApi;
import app.exosphere.core.share.ShareCreateRequest;
import app.exosphere.core.share.ShareLimits;
import app.exosphere.core.share.ShareStatus;
import app.exosphere.core.share.ShareType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Manila shares the web app's way, for one project and region: create a CephFS share of type
 * {@code cephfsnativetype} marked with this installation's {@code exoClientUuid}, after the web app's
 * share-type and quota checks ({@code Page.ShareCreate}), then its automatic {@code <name>-rw} and
 * {@code <name>-ro} CephX access rules ({@code Orchestration.GoalShare.goalNewShare}); plus what the web
 * app lacks: revoking a rule, resizing, and {@link ShareMount}s for instances.
 *
 * <p>Every create is exactly once: when Manila's answer is lost (reset, timeout, 5xx, truncated or empty
 * 2xx) the share or rule is looked up (backoff 1, 2, 4 … 15 s of the injected clock, up to {@link
 * ExosphereSettings#reconcileWindow()}) before anything is sent again. Deletes and revokes are idempotent.
 * Unlike the web app, the rules do not depend on the share becoming available within 60 s, and an
 * existing {@code -rw}/{@code -ro} rule is never created twice.
 *
 * <pre>{@code
 * Shares shares = exosphere.shares();
 * CreatedShare lab = shares.create("lab-data", "shared by the course", 10).execute();
 * ShareMount mount = shares.mount(lab.share().id(), AccessLevel.RW).execute();
 * exosphere.launch(LaunchRequest.builder().name("worker").image(ImageChoice.name("Featured-Ubuntu24")).addMountShares(mount).build()).execute();
 * }</pre>
 */
public final class Shares {
    private static final Logger LOG = LoggerFactory.getLogger(Shares.class);
    /** The share type the web app always asks for ({@code Page.ShareCreate}). */
    public static final String DEFAULT_SHARE_TYPE = "cephfsnativetype";
    /** How long {@link #create} waits for the share and its rules to become usable. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(10);

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(15);
    private static final int MAX_ATTEMPTS = 3;

    private final EngineContext ctx;

    Shares(EngineContext ctx) {
        this.ctx = ctx;
    }

    private ShareApi api() {
        return ctx.os.share().shares();
    }

    /** Every share of the project (Manila's {@code /shares/detail}). */
    public Call<List<Share>> list() {
        return api().list().all();
    }

    /**
     * Creates a CephFS share as the web app does, waits until it is available and gives it its automatic
     * access rules. Refused before anything is created when the name is empty or not a valid CephX id
     * prefix (it names the rules), when the project's share types are known and lack {@code
     * cephfsnativetype}, or when the share quota is short.
     *
     * @param name the share name (trimmed; letters, digits, {@code .}, {@code -}, {@code _}; global to the Ceph cluster)
     * @param description optional description (trimmed), or null
     * @param sizeGb size in GB, at least 1
     */
    public Call<CreatedShare> create(String name, String description, int sizeGb) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidShareRequestException("A share needs a name; it must not be empty.");
        }
        if (!trimmed.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidShareRequestException(
                    "The share name \"" + trimmed
                            + "\" cannot name its CephX access rules (<name>-rw, <name>-ro): use letters, digits, '.', '-' and '_' only.");
        }
        ShareCreateRequest.Builder b = ShareCreateRequest.builder()
                .name(trimmed)
                .putMetadata(ExosphereMetadata.CLIENT_UUID, ctx.settings.clientUuid())
                .sizeGb(sizeGb)
                .protocol("CephFS")
                .shareType(DEFAULT_SHARE_TYPE);
        if (description != null && !description.isBlank()) {
            b.description(description.trim());
        }
        ShareCreateRequest request = b.build();
        return ctx.operation(() -> {
            requireDefaultType();
            requireQuota(1, sizeGb);
            Share created = createOnce(request);
            ctx.milestone("SHARE_CREATED", null, null, created.id());
            Share ready = awaitStatus(created.id(), ShareStatus.AVAILABLE, null);
            List<AccessRule> rules = grantAutomaticRules(ready);
            return new CreatedShare(ready, rules);
        });
    }

    /**
     * Gives a share its automatic {@code <name>-rw} and {@code <name>-ro} CephX rules, each exactly once,
     * under the web app's conditions: the share carries this installation's {@code exoClientUuid} and is
     * available. Rules that exist already are kept. Answers both rules once Manila applied them (with
     * their keys).
     *
     * @throws OpenStackClientException when the share was created by another client (nothing is
     *     created; grant rules yourself with {@code openStack.share().shares().grantAccess}) or is not
     *     available
     */
    public Call<List<AccessRule>> ensureAccessRules(String shareId) {
        return ctx.operation(() -> {
            Share share = api().get(shareId).execute();
            String owner = share.metadata().get(ExosphereMetadata.CLIENT_UUID);
            if (!ctx.settings.clientUuid().equals(owner)) {
                LOG.warn(
                        "share {}: not creating access rules: it was not created by this client (exoClientUuid {})",
                        shareId,
                        owner == null ? "absent" : "differs");
                ctx.milestone("SHARE_RULES_SKIPPED", null, null, shareId + ": created by another client");
                throw new OpenStackClientException("Share " + shareId
                        + " was not created by this client (its exoClientUuid differs), so the web app would not give it"
                        + " automatic access rules; grant rules yourself with openStack.share().shares().grantAccess.");
            }
            if (share.status() != ShareStatus.AVAILABLE) {
                throw new OpenStackClientException(
                        "Share " + shareId + " is " + share.status().apiValue()
                                + "; access rules are added to available shares. Try again once it is available.");
            }
            return grantAutomaticRules(share);
        });
    }

    /** Revokes one access rule ({@code deny_access}); a rule already gone counts as revoked. */
    public Call<Void> revokeAccess(String shareId, String accessId) {
        return ctx.operation(() -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    api().revokeAccess(shareId, accessId).execute();
                    return null;
                } catch (NotFoundException e) {
                    return null;
                } catch (RuntimeException e) {
                    if (!ExactlyOnceCreate.ambiguous(e) || attempt >= MAX_ATTEMPTS) {
                        throw e;
                    }
                    Optional<AccessRule> still = lookUp(() -> api().accessRules(shareId).execute().stream()
                                    .filter(r -> r.id().equals(accessId))
                                    .findFirst())
                            .orElse(Optional.empty());
                    if (still.isEmpty()
                            || still.get().state() == AccessRuleState.DENYING
                            || still.get().state() == AccessRuleState.QUEUED_TO_DENY) {
                        return null;
                    }
                    LOG.warn(
                            "share {}: revoking rule {} failed ambiguously and the rule is still there; revoking again",
                            shareId,
                            accessId);
                }
            }
        });
    }

    /**
     * Resizes a share (extend, or shrink when smaller) and waits until Manila reports the new size. A
     * bigger size is checked against the share gigabytes quota first. The same size changes nothing.
     */
    public Call<Share> resize(String shareId, int newSizeGb) {
        if (newSizeGb < 1) {
            throw new InvalidShareRequestException("A share's new size must be at least 1 GB, got " + newSizeGb + ".");
        }
        return ctx.operation(() -> {
            Share share = api().get(shareId).execute();
            if (share.sizeGb() == newSizeGb) {
                LOG.info("share {}: already {} GB; nothing to resize", shareId, newSizeGb);
                return share;
            }
            boolean grow = newSizeGb > share.sizeGb();
            if (grow) {
                requireQuota(0, newSizeGb - share.sizeGb());
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    (grow ? api().extend(shareId, newSizeGb) : api().shrink(shareId, newSizeGb)).execute();
                    break;
                } catch (RuntimeException e) {
                    if (!ExactlyOnceCreate.ambiguous(e) || attempt >= MAX_ATTEMPTS) {
                        throw e;
                    }
                    Share now = lookUp(() -> api().get(shareId).execute()).orElseThrow(() -> e);
                    if (now.sizeGb() == newSizeGb
                            || now.status() == ShareStatus.EXTENDING
                            || now.status() == ShareStatus.SHRINKING) {
                        break;
                    }
                    LOG.warn("share {}: resize failed ambiguously and the share is unchanged; asking again", shareId);
                }
            }
            return awaitStatus(shareId, ShareStatus.AVAILABLE, newSizeGb);
        });
    }

    /** Deletes a share (Manila drops its access rules with it); a share already gone counts as deleted. */
    public Call<Void> delete(String shareId) {
        return ctx.operation(() -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    api().delete(shareId).execute();
                    return null;
                } catch (NotFoundException e) {
                    return null;
                } catch (RuntimeException e) {
                    if (!ExactlyOnceCreate.ambiguous(e) || attempt >= MAX_ATTEMPTS) {
                        throw e;
                    }
                    Optional<Share> now;
                    try {
                        now = lookUp(() -> api().get(shareId).execute());
                    } catch (NotFoundException gone) {
                        return null;
                    }
                    if (now.isPresent()
                            && (now.get().status() == ShareStatus.DELETING
                                    || now.get().status() == ShareStatus.DELETED)) {
                        return null;
                    }
                    LOG.warn(
                            "share {}: delete failed ambiguously and the share is still there; deleting again",
                            shareId);
                }
            }
        });
    }

    /**
     * What an instance needs to mount the share: its first export location (as the web app) and the
     * access rule {@code <name>-rw} or {@code <name>-ro}; when the share has exactly one rule, that rule
     * (the web app's choice).
     *
     * @throws OpenStackClientException when the share has no export location or no matching rule
     */
    public Call<ShareMount> mount(String shareId, AccessLevel level) {
        return ctx.operation(() -> {
            Share share = api().get(shareId).execute();
            List<ExportLocation> locations = api().exportLocations(shareId).execute().stream()
                    .filter(l -> !l.adminOnly())
                    .toList();
            if (locations.isEmpty()) {
                throw new OpenStackClientException(
                        "Share " + shareId
                                + " has no export location: contact your administrator to request an export location added to your share.");
            }
            List<AccessRule> rules = api().accessRules(shareId).execute();
            String wanted = ruleName(share, level);
            Optional<AccessRule> rule = rules.stream()
                    .filter(r -> r.accessTo().equals(wanted))
                    .findFirst()
                    .or(() -> rules.size() == 1 ? Optional.of(rules.get(0)) : Optional.empty());
            if (rule.isEmpty()) {
                throw new OpenStackClientException(
                        "Share " + shareId + " has no access rule " + wanted + " (its rules: "
                                + rules.stream().map(AccessRule::accessTo).collect(Collectors.joining(", "))
                                + "); create the automatic rules with exosphere.shares().ensureAccessRules(shareId).");
            }
            return ShareMount.of(share, locations.get(0), rule.get());
        });
    }

    /** The web app's rule names: {@code <raw name or id>-rw}/{@code -ro} ({@code GoalShare.goalNewShare}). */
    static String ruleName(Share share, AccessLevel level) {
        return share.name() + "-" + level.apiValue();
    }

    // ---- steps (run on the operation's thread) ----

    private void requireDefaultType() {
        List<ShareType> types;
        try {
            types = ctx.os.share().types().all().execute();
        } catch (RuntimeException e) {
            // the web app allows creating while the type list is not loaded
            LOG.warn(
                    "could not list share types ({}); creating the {} share without checking the type",
                    e.toString(),
                    DEFAULT_SHARE_TYPE);
            return;
        }
        if (types.stream().noneMatch(t -> t.name().equals(DEFAULT_SHARE_TYPE))) {
            throw new InvalidShareRequestException("Your project does not support the default share type ("
                    + DEFAULT_SHARE_TYPE + "). Please contact your administrator.");
        }
    }

    private void requireQuota(int shares, int gigabytes) {
        ShareLimits limits;
        try {
            limits = ctx.os.share().limits().execute();
        } catch (RuntimeException e) {
            // the web app sets no limit while the quota is not loaded
            LOG.warn("could not read the share quota ({}); going on without the quota check", e.toString());
            return;
        }
        List<String> short_ = new ArrayList<>();
        if (shares > 0 && left(limits.shares()) < shares) {
            short_.add("shares: need " + shares + ", " + left(limits.shares()) + " left of "
                    + limits.shares().limit());
        }
        if (left(limits.gigabytes()) < gigabytes) {
            short_.add("share gigabytes: need " + gigabytes + ", " + left(limits.gigabytes()) + " left of "
                    + limits.gigabytes().limit());
        }
        if (!short_.isEmpty()) {
            throw new InsufficientQuotaException(
                    "Share quota exhausted, nothing was changed: " + String.join("; ", short_)
                            + ". Choose a smaller size, delete unused shares, or ask your cloud administrator for more quota.",
                    short_);
        }
    }

    private static long left(QuotaUsage q) {
        return q.limit() < 0 ? Long.MAX_VALUE : Math.max(0, q.limit() - q.used());
    }

    /** {@code POST /shares} exactly once (see the class comment). */
    private Share createOnce(ShareCreateRequest request) {
        String name = request.name().orElseThrow();
        Set<String> before = ours(name).stream().map(Share::id).collect(Collectors.toSet());
        return CreateOnce.run(
                ctx,
                "share \"" + name + "\"",
                () -> api().create(request).execute(),
                () -> ours(name).stream().filter(s -> !before.contains(s.id())).findFirst());
    }

    /** The shares named {@code name} carrying this client's {@code exoClientUuid}. */
    private List<Share> ours(String name) {
        return api().list(Map.of("name", name), null).all().execute().stream()
                .filter(s -> name.equals(s.nameIfSet().orElse(null)))
                .filter(s -> ctx.settings.clientUuid().equals(s.metadata().get(ExosphereMetadata.CLIENT_UUID)))
                .toList();
    }

    /** Both automatic rules, each granted exactly once, then waited for until applied. */
    private List<AccessRule> grantAutomaticRules(Share share) {
        List<AccessRule> out = new ArrayList<>();
        for (AccessLevel level : List.of(AccessLevel.RW, AccessLevel.RO)) {
            out.add(grantOnce(share, level));
        }
        return awaitRulesApplied(share.id(), out);
    }

    private AccessRule grantOnce(Share share, AccessLevel level) {
        String to = ruleName(share, level);
        AccessRuleRequest request = AccessRuleRequest.cephx(to, level);
        Optional<AccessRule> existing = rule(share.id(), to);
        if (existing.isPresent()) {
            LOG.info("share {}: access rule {} exists already; not creating it again", share.id(), to);
            return existing.get();
        }
        return CreateOnce.run(
                ctx,
                "access rule " + to + " on share " + share.id(),
                () -> api().grantAccess(share.id(), request).execute(),
                () -> rule(share.id(), to));
    }

    private Optional<AccessRule> rule(String shareId, String accessTo) {
        return api().accessRules(shareId).execute().stream()
                .filter(r -> r.accessTo().equals(accessTo))
                .findFirst();
    }

    private List<AccessRule> awaitRulesApplied(String shareId, List<AccessRule> rules) {
        Instant deadline = ctx.clock.instant().plus(READY_TIMEOUT);
        Duration wait = Duration.ZERO;
        List<AccessRule> current = rules;
        while (true) {
            List<String> names = rules.stream().map(AccessRule::accessTo).toList();
            if (current.stream()
                    .allMatch(r ->
                            r.state() == AccessRuleState.ACTIVE && r.accessKey().isPresent())) {
                return current;
            }
            Optional<AccessRule> failed = current.stream()
                    .filter(r -> r.state() == AccessRuleState.ERROR)
                    .findFirst();
            if (failed.isPresent()) {
                throw new OpenStackClientException(
                        "Manila could not apply access rule " + failed.get().accessTo() + " of share "
                                + shareId
                                + " (state error). Perhaps a share access rule with this name already exists in the Ceph cluster;"
                                + " CephX ids are global, so choose another share name.");
            }
            if (!ctx.clock.instant().isBefore(deadline)) {
                throw new OpenStackClientException(
                        "The access rules " + names + " of share " + shareId + " were not applied within "
                                + READY_TIMEOUT.toMinutes() + " minutes; they exist and may still become active.");
            }
            wait = nextWait(wait);
            ctx.timer.delay(wait).join();
            List<AccessRule> all = api().accessRules(shareId).execute();
            current = names.stream()
                    .map(n -> all.stream().filter(r -> r.accessTo().equals(n)).findFirst())
                    .flatMap(Optional::stream)
                    .toList();
            if (current.size() != names.size()) {
                throw new OpenStackClientException(
                        "An access rule of share " + shareId + " disappeared while waiting for it: " + names);
            }
        }
    }

    /** Polls the share until {@code status} (and {@code sizeGb} when given); an error status fails. */
    private Share awaitStatus(String shareId, ShareStatus status, Integer sizeGb) {
        Instant deadline = ctx.clock.instant().plus(READY_TIMEOUT);
        Duration wait = Duration.ZERO;
        while (true) {
            Share s = api().get(shareId).execute();
            if (s.status() == status && (sizeGb == null || s.sizeGb() == sizeGb)) {
                return s;
            }
            if (s.status().isError()) {
                throw new OpenStackClientException(
                        "Share " + shareId + " is in status " + s.status().apiValue()
                                + ". Confirm that your quota has sufficient capacity for a share of this size, perhaps check with your cloud administrator.");
            }
            if (!ctx.clock.instant().isBefore(deadline)) {
                throw new OpenStackClientException("Share " + shareId + " is still "
                        + s.status().apiValue() + " after " + READY_TIMEOUT.toMinutes()
                        + " minutes; it exists, check it later with exosphere.shares().list().");
            }
            wait = nextWait(wait);
            ctx.timer.delay(wait).join();
        }
    }

    private static Duration nextWait(Duration wait) {
        if (wait.isZero()) {
            return FIRST_BACKOFF;
        }
        Duration doubled = wait.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    /** One look-up, repeated with backoff while it fails, until the reconcile window ends. */
    private <T> Optional<T> lookUp(Supplier<T> lookup) {
        Instant deadline = ctx.clock.instant().plus(ctx.settings.reconcileWindow());
        Duration wait = Duration.ZERO;
        while (true) {
            boolean past = !ctx.clock.instant().isBefore(deadline);
            try {
                return Optional.ofNullable(lookup.get());
            } catch (NotFoundException e) {
                throw e;
            } catch (RuntimeException e) {
                if (past) {
                    throw new OpenStackClientException(
                            "The outcome is unknown: looking it up kept failing for "
                                    + ctx.settings.reconcileWindow().toSeconds()
                                    + " s; check the project's shares before trying again. Last error: "
                                    + e.getMessage(),
                            e);
                }
                LOG.warn("share look-up failed ({}); trying again", e.toString());
            }
            wait = nextWait(wait);
            ctx.timer.delay(wait).join();
        }
    }
}
