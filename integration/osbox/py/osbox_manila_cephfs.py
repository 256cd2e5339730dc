"""Manila's DummyDriver, speaking CephFS with cephx access, without any Ceph.

Manila's own test driver (`manila.tests.share.drivers.dummy.DummyDriver`,
shipped in Debian's python3-manila and used by Manila's upstream CI) keeps
shares as rows only, but it accepts NFS/CIFS shares with ip/user rules only.
Research clouds such as Jetstream2 offer CephFS-native shares with cephx
access rules, and Exosphere only mounts those, so this subclass makes the
dummy answer like the CephFS-native driver (manila/share/drivers/cephfs):

* storage protocol CEPHFS, so the scheduler places CephFS shares here;
* one export location "<monitors>:/volumes/_nogroup/<id>/<uuid>", the
  subvolume path form `fs subvolume getpath` returns, not admin-only,
  metadata {} (so `preferred` is false, as on the real driver); the monitor
  addresses are in TEST-NET-1 (192.0.2.0/24): nothing is ever reachable;
* cephx rules get an access key, which Manila shows from microversion 2.21
  on. A Ceph key is per client id (not per share), so the same `access_to`
  gets the same key on every share; the key has Ceph's encoding (base64 of
  type 1, creation time, length 16, 16 random bytes: 40 characters "AQ...==")
  and is kept in Manila's driver private data, so it survives restarts;
* any other access type puts the rule in state `error`, as the real driver
  does.

Every other behaviour (delays, resize, snapshots, replication) is the
dummy's own. Loaded by manila-share from $OSBOX_STATE/pylib.
"""
import base64
import os
import struct
import time
import uuid

from manila import exception
from manila.tests.share.drivers import dummy

# three Ceph monitors, as a real cluster has, in a documentation range
MONITORS = '192.0.2.11:6789,192.0.2.12:6789,192.0.2.13:6789'
# private-data rows are keyed by a UUID: the cephx id's key lives under uuid5(this, id)
_KEYS = uuid.UUID('6d1c3f1e-51a4-4c55-9c1e-0b7e8f3a9d21')
_PATHS = uuid.UUID('0f5b2a9c-8e3d-4c7b-a1f2-3d4e5f607182')


def _new_cephx_key():
    # Ceph's CryptoKey encoding: u16 type (1 = AES), utime (u32 s, u32 ns), u16 length, secret
    now = time.time()
    head = struct.pack('<HIIH', 1, int(now), int((now % 1) * 1e9), 16)
    return base64.b64encode(head + os.urandom(16)).decode('ascii')


class CephFSDummyDriver(dummy.DummyDriver):
    """The dummy driver with the CephFS-native driver's protocol, paths and keys."""

    def _create_share(self, share, share_server=None):
        if share['share_proto'].upper() != 'CEPHFS':
            raise exception.InvalidShare(
                reason='this backend serves CEPHFS shares only, not %s' % share['share_proto'])
        path = '/volumes/_nogroup/%s/%s' % (share['id'], uuid.uuid5(_PATHS, share['id']))
        self.private_storage.update(share['id'], {'fake_provider_location': path})
        return [{
            'path': '%s:%s' % (MONITORS, path),
            'is_admin_only': False,
            'metadata': {},
        }]

    def _cephx_key(self, auth_id):
        entity = str(uuid.uuid5(_KEYS, auth_id))
        key = self.private_storage.get(entity, key='cephx_key')
        if not key:
            key = _new_cephx_key()
            self.private_storage.update(entity, {'cephx_key': key, 'cephx_id': auth_id})
        return key

    @dummy.slow_me_down
    def update_access(self, context, share, access_rules, add_rules,
                      delete_rules, share_server=None):
        updates = {}
        if not (add_rules or delete_rules):  # recovery: every rule again
            add_rules = access_rules
        for rule in add_rules:
            if rule['access_type'].lower() != 'cephx':
                updates[rule['access_id']] = {'state': 'error'}
            else:
                updates[rule['access_id']] = {'access_key': self._cephx_key(rule['access_to'])}
        return updates

    def _update_share_stats(self, data=None):
        super()._update_share_stats(data)
        self._stats['storage_protocol'] = 'CEPHFS'
        self._stats['driver_name'] = 'CephFSDummy'
