package app.exosphere.examples.docs;

import app.exosphere.core.OpenStack;
import app.exosphere.core.error.InsufficientQuotaException;
import app.exosphere.core.instance.CreatedShare;
import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.ImageChoice;
import app.exosphere.core.instance.Instance;
import app.exosphere.core.instance.LaunchRequest;
import app.exosphere.core.rules.ShareMount;
import app.exosphere.core.share.AccessLevel;
import app.exosphere.core.share.AccessRule;
import app.exosphere.core.share.AccessRuleRequest;
import app.exosphere.core.share.ExportLocation;
import app.exosphere.core.share.Share;
import app.exosphere.core.share.ShareClient;
import app.exosphere.core.share.ShareLimits;
import java.util.ArrayList;
import java.util.List;

/** The code of {@code docs/shares.md}. */
final class SharesSnippets {
    final List<String> printed = new ArrayList<>();
    CreatedShare created;
    ShareMount mount;
    String mountCommand;
    LaunchRequest launch;

    private void print(String line) {
        printed.add(line);
    }

    void createWithRules(Exosphere exosphere) {
        // snippet:shares-create
        try {
            CreatedShare lab =
                    exosphere.shares().create("lab-data", "course data", 10).execute();
            for (AccessRule rule : lab.accessRules()) {
                print(rule.accessTo() + " " + rule.level().orElseThrow().label() + " " + rule.state());
            }
            created = lab;
        } catch (InsufficientQuotaException e) {
            e.exhausted().forEach(this::print); // e.g. "share gigabytes: need 10, 4 left of 1000"
        }
        // end-snippet
    }

    void mountAtLaunch(Exosphere exosphere, String shareId) {
        // snippet:shares-mount
        ShareMount rw = exosphere.shares().mount(shareId, AccessLevel.RW).execute();

        // what the web app shows on the share's page, every value shell-quoted (it holds the key)
        String shown = rw.mountCommand(ShareMount.scriptUrl("https://exosphere.example.org/"))
                .reveal();

        // or: mounted at first boot, key in /etc/ceph/exosphere-share-lab-data.secret (0600, root)
        LaunchRequest request = LaunchRequest.builder()
                .name("worker")
                .image(ImageChoice.name("Featured-Ubuntu24"))
                .addMountShares(rw)
                .build();
        Instance vm = exosphere.launch(request).execute();
        // end-snippet
        mount = rw;
        mountCommand = shown;
        launch = request;
        print(vm.id());
    }

    void changeShare(Exosphere exosphere, String shareId, String ruleId) {
        // snippet:shares-change
        Share bigger = exosphere.shares().resize(shareId, 20).execute(); // extend (or shrink), waits for the new size
        exosphere.shares().revokeAccess(shareId, ruleId).execute(); // deny_access; already gone is fine
        exosphere.shares().delete(shareId).execute(); // idempotent; Manila drops the rules with the share
        // end-snippet
        print(bigger.sizeGb() + " GB");
    }

    void rawClient(OpenStack openStack) {
        // snippet:shares-client
        ShareClient manila = openStack.share(); // catalog type sharev2
        ShareLimits limits = manila.limits().execute(); // GET /limits at 2.42
        for (Share s : manila.shares().list().all().execute()) { // GET /shares/detail at 2.16, every page
            List<ExportLocation> where = manila.shares().exportLocations(s.id()).execute(); // 2.14
            print(s.name() + " " + s.status() + " " + where.size() + " export location(s)");
        }
        AccessRule extra = manila.shares()
                .grantAccess(created.share().id(), AccessRuleRequest.cephx("lab-data-ci", AccessLevel.RO))
                .execute(); // allow_access at 2.45; not retried (exosphere.shares() is exactly-once)
        // end-snippet
        print("shares left: " + (limits.shares().limit() - limits.shares().used()) + ", new rule " + extra.accessTo());
    }
}
