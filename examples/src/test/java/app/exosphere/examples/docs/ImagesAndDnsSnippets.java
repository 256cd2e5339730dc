package app.exosphere.examples.docs;

import app.exosphere.core.dns.RecordSet;
import app.exosphere.core.error.VolumeInUseException;
import app.exosphere.core.image.Image;
import app.exosphere.core.image.ImageVisibility;
import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.Instance;
import app.exosphere.core.instance.RenameOutcome;
import app.exosphere.core.rules.DnsZoneChoice;
import app.exosphere.core.rules.Hostname;
import app.exosphere.core.volume.Snapshot;
import app.exosphere.core.volume.SnapshotCreateRequest;
import app.exosphere.core.volume.Volume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The code of {@code docs/images-and-dns.md}, run on the simulated cloud by {@link ImagesAndDnsSnippetsTest}. */
final class ImagesAndDnsSnippets {
    final List<String> printed = new ArrayList<>();

    void print(String line) {
        printed.add(line);
    }

    Image imageOf(Exosphere exosphere, Instance instance) {
        // snippet:images-create-from
        Image image =
                exosphere.images().createFrom(instance).execute(); // "<instance name>-image", from-exosphere: true
        Image active = exosphere
                .images()
                .awaitActive(image.id(), Duration.ofMinutes(30))
                .execute();
        exosphere.images().setVisibility(active.id(), ImageVisibility.COMMUNITY).execute();
        // end-snippet
        return active;
    }

    void deleteImage(Exosphere exosphere, String imageId) {
        // snippet:images-delete
        exosphere.images().delete(imageId).execute(); // a 404 (already gone) counts as deleted
        exosphere.images().awaitDeleted(imageId, Duration.ofMinutes(5)).execute();
        // end-snippet
    }

    Volume volumes(Exosphere exosphere, String attachedVolumeId) {
        // snippet:volumes
        Volume data = exosphere.volumes().create("results", 100).execute(); // 100 GB, blank
        exosphere.volumes().rename(data.id(), "results-2024").execute();
        try {
            exosphere.volumes().delete(attachedVolumeId).execute();
        } catch (VolumeInUseException e) {
            print(e.getMessage()); // "... It cannot be deleted before the instance is deleted. ..."
        }
        // end-snippet
        return data;
    }

    Snapshot snapshotOf(Exosphere exosphere, String volumeId) {
        // snippet:snapshots
        Snapshot s = exosphere
                .snapshots()
                .create(SnapshotCreateRequest.builder()
                        .volumeId(volumeId)
                        .name("before-upgrade")
                        .build())
                .execute();
        exosphere.snapshots().awaitAvailable(s.id(), Duration.ofMinutes(10)).execute();
        for (Snapshot each : exosphere.snapshots().listOf(volumeId).execute()) {
            print(each.name().orElse("-") + " " + each.sizeGb() + " GB "
                    + each.status().display());
        }
        // end-snippet
        return s;
    }

    RecordSet hostnameOf(Exosphere exosphere, Instance instance, String floatingIp) {
        // snippet:hostnames
        Optional<DnsZoneChoice.Chosen> zone =
                exosphere.hostnames().fetchDefaultZone().execute();
        print("zone " + zone.map(DnsZoneChoice.Chosen::zoneName).orElse("none"));
        print("hostname " + Hostname.sanitize(instance.name()).orElse("none"));
        RecordSet record = exosphere.hostnames().create(instance, floatingIp).execute();
        List<String> names = instance.fetchHostnames().execute(); // as the web app's instance page shows them
        names.forEach(this::print);
        // end-snippet
        return record;
    }

    void renameAndShelve(Instance instance) {
        // snippet:hostnames-rename
        RenameOutcome renamed = instance.rename("analysis 2").execute();
        print("hostname in Nova " + renamed.novaHostname().orElse("unchanged"));
        renamed.deletedHostnames().forEach(h -> print("deleted " + h));
        renamed.createdHostnames().forEach(h -> print("created " + h));
        renamed.skipped().forEach(why -> print("not done: " + why)); // each also a WARN line
        // shelve, then delete the hostnames and the floating IPs the SDK created for it
        instance.refresh().execute().shelve(true).execute();
        // end-snippet
    }
}
