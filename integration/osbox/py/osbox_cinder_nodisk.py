"""Cinder volume driver for the exosphere-osbox test cloud: volumes without storage.

This machine has no device-mapper, so LVM is impossible. python3-cinder ships
FakeLoggingVolumeDriver (cinder.tests.fake_driver), which accepts create,
delete, attach, detach and snapshot without any storage. It lacks extend, and
its image copies are inherited from the LVM driver (they would write to a
block device), so this subclass turns those into no-ops; a volume uploaded to
an image gets a short placeholder payload.
"""
import io

from cinder.tests import fake_driver


class NoDiskVolumeDriver(fake_driver.FakeLoggingVolumeDriver):
    """FakeLoggingVolumeDriver that can also extend and copy to/from images."""

    def extend_volume(self, volume, new_size):
        pass

    def copy_image_to_volume(self, context, volume, image_service, image_id,
                             disable_sparse=False):
        pass

    def copy_volume_to_image(self, context, volume, image_service, image_meta):
        payload = io.BytesIO(b'exosphere-osbox: this volume has no data\n')
        image_service.update(context, image_meta['id'], {}, data=payload)
