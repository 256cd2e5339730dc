package app.exosphere.examples.docs;

import app.exosphere.core.OpenStack;
import app.exosphere.core.accounting.Allocation;
import app.exosphere.core.accounting.AllocationResource;
import app.exosphere.core.compute.Flavor;
import app.exosphere.core.compute.Server;
import app.exosphere.core.error.PrivateKeyDetectedException;
import app.exosphere.core.image.Image;
import app.exosphere.core.instance.AllocationReport;
import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.KeypairChoice;
import app.exosphere.core.network.SecurityGroup;
import app.exosphere.core.network.SecurityGroupRule;
import app.exosphere.core.rules.AllocationChoice;
import app.exosphere.core.rules.BurnRate;
import app.exosphere.core.rules.Connectivity;
import app.exosphere.core.rules.DefaultSshUser;
import app.exosphere.core.rules.OperatingSystem;
import app.exosphere.core.rules.SecurityGroupRules;
import app.exosphere.core.rules.SecurityGroupTags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The code of {@code docs/accounting-and-rules.md}. */
final class AccountingAndRulesSnippets {
    final List<String> shown = new ArrayList<>();

    void show(String line) {
        shown.add(line);
    }

    KeypairChoice imageAndKey(Image image, String pastedKey) {
        // snippet:rules-image-and-key
        Optional<OperatingSystem> os = OperatingSystem.detect(image);
        os.ifPresent(o -> show(o.describe())); // "Exosphere supports launching Ubuntu 24.04 instances"
        Optional<String> user = DefaultSshUser.forImage(image); // "ubuntu": SSH user of a non-Exosphere server
        user.ifPresent(u -> show("ssh " + u + "@<floating IP>"));
        try {
            return KeypairChoice.importKey("laptop", pastedKey);
        } catch (PrivateKeyDetectedException e) {
            show(e.getMessage()); // "Private key detected! Enter a public key instead. ..."
            return null;
        }
        // end-snippet
    }

    void securityGroup(OpenStack openStack, String groupId) {
        // snippet:rules-security-groups
        SecurityGroup group = openStack.network().securityGroups().get(groupId).execute();
        List<SecurityGroupRule> rules = group.rules();
        Connectivity.warning(rules, true, true).ifPresent(this::show); // "• Incoming SSH may be blocked." ...
        for (SecurityGroupRule r : rules) {
            if (SecurityGroupRules.isShadowed(r, rules)) {
                show("redundant: " + r.description().orElse(r.id())); // another rule covers it
            }
        }
        if (SecurityGroupTags.isPreset(group)) {
            show(group.name() + " is a preset");
        }
        SecurityGroupTags.creator(group).ifPresent(u -> show("created by " + u));
        // end-snippet
    }

    AllocationReport report(Exosphere exosphere) {
        // snippet:accounting-report
        AllocationReport report = exosphere.allocations().fetchReport().execute();
        report.shown()
                .forEach((resource, meter) -> show(meter.title() + ": " + meter.used() + " of " + meter.allocated()
                        + " SUs, " + meter.subtitle()));
        show(report.burnRate().display()); // "Burn rate 4.00 SUs/hour", "*" when some servers could not be counted
        report.burnRate().caveats().forEach(c -> show("* " + c));
        for (AllocationChoice.Forecast f : report.forecasts()) {
            f.warning().ifPresent(this::show); // no SUs left, ended, or running out before the end date
        }
        // end-snippet
        return report;
    }

    Map<AllocationResource, Allocation> pure(OpenStack openStack, Clock clock) {
        // snippet:accounting-pure
        List<Allocation> allocations = openStack.accounting().fetchAllocations().execute();
        Map<AllocationResource, Allocation> shownNow = AllocationChoice.shown(allocations, clock.instant());
        List<Server> servers = openStack.compute().servers().list().all().execute();
        List<Flavor> flavors = openStack.compute().flavors().listDetail().all().execute();
        Allocation cpu = shownNow.get(AllocationResource.CPU);
        if (cpu != null) {
            double rate =
                    BurnRate.estimate(servers, flavors, AllocationResource.CPU).suPerHour();
            AllocationChoice.forecast(cpu, rate, clock.instant()).runsOutAt().ifPresent(t -> show("CPU runs out " + t));
        }
        // end-snippet
        return shownNow;
    }
}
