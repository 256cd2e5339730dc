"""Cloud content for the exosphere-osbox test cloud (idempotent).

What an Exosphere-style launch needs, and nothing it should create itself:
a small public image, flavors with fixed ids, an external network that is the
floating-IP pool, a default subnet pool so Neutron's auto-allocated topology
works, raised quotas for the demo project, and the demo project's
auto-allocated network (created here once, by asking for it, so a test suite
that later asks gets the same network and leaves nothing new behind).

With Manila: the share type `cephfsnativetype` (the CephFS-native type
Exosphere asks for by name), once the scheduler knows the share pool. With
Designate: the demo project's zone `demo.projects.osbox.test.` (Jetstream2
names its project zones `<project>.projects.jetstream-cloud.org.`), once
ACTIVE, which proves api -> central -> worker -> mdns.

If auto-allocation does not work, the fallback is a project network whose
name contains the project name, which is what Exosphere picks when
auto-allocation fails (Exosphere's `Helpers.newServerNetworkOptions`).

Writes the facts a test needs to $OSBOX_STATE/osbox.json.
"""
import json
import os
import sys
import time

import openstack

STATE = os.environ['OSBOX_STATE']
WITH_CINDER = os.environ.get('OSBOX_WITH_CINDER', '1') == '1'
WITH_MANILA = os.environ.get('OSBOX_WITH_MANILA', '1') == '1'
WITH_DESIGNATE = os.environ.get('OSBOX_WITH_DESIGNATE', '1') == '1'
REGION = os.environ.get('OSBOX_REGION', 'RegionOne')

IMAGE_NAME = 'osbox-tiny'
# id, name, ram MiB, vcpus, disk GiB. Disk >= 1 everywhere: with Zed's
# policy defaults a non-admin cannot boot an image-backed server on a
# disk-0 flavor.
FLAVORS = [
    ('1', 'm1.tiny', 512, 1, 1),
    ('2', 'm1.small', 2048, 1, 20),
    ('3', 'm1.medium', 4096, 2, 40),
    ('42', 'm1.nano', 128, 1, 1),
    ('84', 'm1.micro', 192, 1, 1),
]
PUBLIC_NET = 'public'
PUBLIC_CIDR = '203.0.113.0/24'  # TEST-NET-3: documentation only, never routed
POOL_NAME = 'osbox-default-v4'
FALLBACK_NET = 'demo-network'
SHARE_TYPE = 'cephfsnativetype'
DEMO_ZONE = 'demo.projects.osbox.test.'
MANILA_VERSION = '2.46'


def first(items):
    return next(iter(items), None)


def main():
    conn = openstack.connect(cloud='osbox-admin')
    ks, nova, neutron, glance = conn.identity, conn.compute, conn.network, conn.image
    demo = first(ks.projects(name='demo', domain_id='default'))
    admin = first(ks.projects(name='admin', domain_id='default'))

    image = first(glance.images(name=IMAGE_NAME))
    if image is None:
        # 64 KiB of bytes with a recognisable head: nothing ever boots it
        data = b'exosphere-osbox fake disk\n' + bytes(64 * 1024 - 26)
        image = glance.create_image(
            name=IMAGE_NAME, data=data, disk_format='raw', container_format='bare',
            visibility='public', allow_duplicates=True)

    for fid, name, ram, vcpus, disk in FLAVORS:
        existing = first(f for f in nova.flavors(is_public=None) if f.name == name)
        if existing and (existing.id, existing.ram, existing.vcpus, existing.disk) != (fid, ram, vcpus, disk):
            nova.delete_flavor(existing)
            existing = None
        if existing is None:
            nova.create_flavor(id=fid, name=name, ram=ram, vcpus=vcpus, disk=disk, is_public=True)

    public = first(neutron.networks(name=PUBLIC_NET))
    if public is None:
        public = neutron.create_network(
            name=PUBLIC_NET, is_router_external=True, is_default=True,
            provider_network_type='flat', provider_physical_network='public')
    elif not public.is_default:
        public = neutron.update_network(public, is_default=True)
    public_subnet = first(neutron.subnets(name='public-subnet'))
    if public_subnet is None:
        public_subnet = neutron.create_subnet(
            name='public-subnet', network_id=public.id, ip_version=4, cidr=PUBLIC_CIDR,
            gateway_ip='203.0.113.1', is_dhcp_enabled=False,
            allocation_pools=[{'start': '203.0.113.10', 'end': '203.0.113.250'}])

    # the pool auto-allocation carves project subnets from
    if first(neutron.subnet_pools(name=POOL_NAME)) is None:
        neutron.create_subnet_pool(
            name=POOL_NAME, prefixes=['10.64.0.0/16'], default_prefix_length=24,
            is_default=True, is_shared=True)

    conn.set_compute_quotas(demo.id, instances=40, cores=80, ram=160 * 1024, key_pairs=500)
    conn.set_network_quotas(demo.id, floatingip=50, port=300, network=30, subnet=30,
                            router=15, security_group=60, security_group_rule=600)
    if WITH_CINDER:
        conn.set_volume_quotas(demo.id, volumes=40, gigabytes=400, snapshots=40)

    # Ask for the demo project's auto-allocated topology the way Exosphere does
    # (admin may ask on the project's behalf); Neutron creates it on first ask.
    auto = {'supported': False, 'network_id': None, 'error': None}
    response = neutron.get('/auto-allocated-topology/%s' % demo.id)
    if response.status_code == 200:
        auto['supported'] = True
        auto['network_id'] = response.json()['auto_allocated_topology']['id']
        network_id = auto['network_id']
    else:
        auto['error'] = '%s %s' % (response.status_code, response.text[:300])
        network_id = fallback_network(neutron, demo, public)

    facts = {
        'auth_url': 'http://127.0.0.1:5000/v3',
        'region': 'RegionOne',
        'projects': {'admin': admin.id, 'demo': demo.id},
        # a throwaway loopback cloud: its password is no secret (clouds.yaml has it too)
        'users': {name: {'name': name, 'password': os.environ['OSBOX_PASSWORD'], 'project': name,
                         'domain': 'Default'} for name in ('admin', 'demo')},
        'image': {'name': IMAGE_NAME, 'id': image.id},
        'flavors': {name: fid for fid, name, _r, _v, _d in FLAVORS},
        'external_network': {'name': PUBLIC_NET, 'id': public.id, 'cidr': PUBLIC_CIDR},
        'auto_allocated_topology': auto,
        'demo_network_id': network_id,
        'cinder': WITH_CINDER,
    }
    if WITH_MANILA:
        t0 = time.monotonic()
        facts['manila'] = manila_content(conn)
        print('manila content (share type, scheduler pool): %.1f s' % (time.monotonic() - t0))
    if WITH_DESIGNATE:
        t0 = time.monotonic()
        facts['designate'] = designate_content(demo)
        print('designate content (demo zone ACTIVE): %.1f s' % (time.monotonic() - t0))
    path = os.path.join(STATE, 'osbox.json')
    with open(path + '.new', 'w') as out:
        json.dump(facts, out, indent=2, sort_keys=True)
        out.write('\n')
    os.chmod(path + '.new', 0o644)
    os.replace(path + '.new', path)
    print(json.dumps(facts, indent=2, sort_keys=True))
    return 0


class Rest:
    """Raw REST on one catalog service through an openstacksdk session."""

    def __init__(self, conn, service_type, headers=None):
        self.conn, self.service_type, self.headers = conn, service_type, headers or {}

    def call(self, method, path, body=None, ok=(200, 201, 202, 204)):
        response = self.conn.session.request(
            path, method, json=body, headers=self.headers, raise_exc=False,
            endpoint_filter={'service_type': self.service_type, 'interface': 'public',
                             'region_name': REGION})
        if response.status_code not in ok:
            raise RuntimeError('%s %s %s -> %s %s' % (self.service_type, method, path,
                                                     response.status_code, response.text[:500]))
        return response.json() if response.content else {}


def wait_for(what, seconds, probe):
    deadline = time.monotonic() + seconds
    while True:
        result = probe()
        if result:
            return result
        if time.monotonic() > deadline:
            raise RuntimeError('gave up after %ss waiting for %s' % (seconds, what))
        time.sleep(1)


def manila_content(conn):
    """The public CephFS share type, and the scheduler knowing a pool for it."""
    manila = Rest(conn, 'sharev2', {'X-OpenStack-Manila-API-Version': MANILA_VERSION})
    types = manila.call('GET', '/types?is_public=all')['share_types']
    share_type = first(t for t in types if t['name'] == SHARE_TYPE)
    if share_type is None:
        share_type = manila.call('POST', '/types', {'share_type': {
            'name': SHARE_TYPE,
            'description': 'CephFS native (exosphere-osbox: dummy driver, no Ceph)',
            'share_type_access:is_public': True,
            'extra_specs': {'driver_handles_share_servers': 'False'},
        }})['share_type']
    # The share service publishes its pools to the scheduler shortly after it
    # starts; until then every create fails with "No valid host".
    pools = wait_for('the manila scheduler to know a pool for %s' % SHARE_TYPE, 180, lambda: manila.call(
        'GET', '/scheduler-stats/pools?share_type=%s' % share_type['id'])['pools'])
    return {'endpoint': 'http://127.0.0.1:8786/v2', 'share_type': SHARE_TYPE,
            'share_type_id': share_type['id'], 'pools': [p['name'] for p in pools]}


def designate_content(demo):
    """The demo project's zone, created by the demo user, ACTIVE."""
    dns = Rest(openstack.connect(cloud='osbox-demo'), 'dns')
    zone = first(dns.call('GET', '/v2/zones?name=%s' % DEMO_ZONE)['zones'])
    if zone is None:
        zone = dns.call('POST', '/v2/zones', {
            'name': DEMO_ZONE, 'email': 'hostmaster@osbox.test', 'ttl': 3600,
            'description': 'exosphere-osbox: the demo project\'s zone'})

    def active():
        current = dns.call('GET', '/v2/zones/%s' % zone['id'])
        if current['status'] == 'ERROR':
            raise RuntimeError('zone %s went to ERROR: %s' % (DEMO_ZONE, current))
        return current if current['status'] == 'ACTIVE' else None
    zone = wait_for('zone %s to be ACTIVE' % DEMO_ZONE, 120, active)
    return {'endpoint': 'http://127.0.0.1:9001', 'zone': {'name': zone['name'], 'id': zone['id'],
                                                         'project_id': demo.id}}


def fallback_network(neutron, demo, public):
    """A project network named after the project, with a router to public."""
    net = first(neutron.networks(name=FALLBACK_NET, project_id=demo.id))
    if net is None:
        net = neutron.create_network(name=FALLBACK_NET, project_id=demo.id)
    subnet = first(neutron.subnets(name=FALLBACK_NET + '-subnet', project_id=demo.id))
    if subnet is None:
        subnet = neutron.create_subnet(
            name=FALLBACK_NET + '-subnet', network_id=net.id, project_id=demo.id,
            ip_version=4, cidr='10.65.0.0/24', dns_nameservers=[])
    router = first(neutron.routers(name=FALLBACK_NET + '-router', project_id=demo.id))
    if router is None:
        router = neutron.create_router(
            name=FALLBACK_NET + '-router', project_id=demo.id,
            external_gateway_info={'network_id': public.id})
        neutron.add_interface_to_router(router, subnet_id=subnet.id)
    return net.id


if __name__ == '__main__':
    sys.exit(main())
