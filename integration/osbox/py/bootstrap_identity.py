"""Keystone content for the exosphere-osbox test cloud (idempotent).

Run by `start` with Debian's /usr/bin/python3 and openstacksdk, as the admin
that `keystone-manage bootstrap` created. Creates the `service` and `demo`
projects, the roles, the `demo` member user, one user per service, and the
catalog: every service on 127.0.0.1, all three interfaces, region RegionOne.

Lookups list with a filter instead of openstacksdk's find_*: find_* first
GETs the name as if it were an id, which Keystone logs as an ERROR with a
traceback, and a harness log full of false errors hides real ones.
"""
import os
import sys

import openstack

IP = '127.0.0.1'
REGION = os.environ.get('OSBOX_REGION', 'RegionOne')
PASSWORD = os.environ['OSBOX_PASSWORD']
WITH_CINDER = os.environ.get('OSBOX_WITH_CINDER', '1') == '1'
WITH_MANILA = os.environ.get('OSBOX_WITH_MANILA', '1') == '1'
WITH_DESIGNATE = os.environ.get('OSBOX_WITH_DESIGNATE', '1') == '1'


def first(items):
    return next(iter(items), None)


def main():
    conn = openstack.connect(cloud='osbox-admin')
    ks = conn.identity

    def project(name, description):
        found = first(ks.projects(name=name, domain_id='default'))
        return found or ks.create_project(
            name=name, domain_id='default', description=description)

    def role(name):
        return first(ks.roles(name=name)) or ks.create_role(name=name)

    def user(name, default_project):
        found = first(ks.users(name=name, domain_id='default'))
        if found:
            ks.update_user(found, password=PASSWORD)
            return found
        return ks.create_user(name=name, password=PASSWORD, domain_id='default',
                              default_project_id=default_project.id)

    service = project('service', 'exosphere-osbox service users')
    demo = project('demo', 'exosphere-osbox: an ordinary research project')
    admin_role, member, _reader, service_role = (
        role('admin'), role('member'), role('reader'), role('service'))

    demo_user = user('demo', demo)
    ks.assign_project_role_to_user(demo, demo_user, member)
    admin_user = first(ks.users(name='admin', domain_id='default'))
    ks.assign_project_role_to_user(demo, admin_user, admin_role)

    services = [
        ('glance', 'image', 'http://%s:9292' % IP),
        ('placement', 'placement', 'http://%s:8778' % IP),
        ('nova', 'compute', 'http://%s:8774/v2.1' % IP),
        ('neutron', 'network', 'http://%s:9696' % IP),
    ]
    service_users = ['glance', 'placement', 'nova', 'neutron']
    if WITH_CINDER:
        volume_url = 'http://%s:8776/v3/%%(project_id)s' % IP
        services += [('cinderv3', 'volumev3', volume_url),
                     ('cinder', 'block-storage', volume_url)]
        service_users.append('cinder')
    if WITH_MANILA:
        # no /{project_id} suffix: Manila routes both forms, and Exosphere
        # appends the project id itself for the limits call
        services.append(('manilav2', 'sharev2', 'http://%s:8786/v2' % IP))
        service_users.append('manila')
    if WITH_DESIGNATE:
        services.append(('designate', 'dns', 'http://%s:9001' % IP))
        service_users.append('designate')

    for name in service_users:
        u = user(name, service)
        ks.assign_project_role_to_user(service, u, admin_role)
        ks.assign_project_role_to_user(service, u, service_role)

    by_type = {s.type: s for s in ks.services()}
    for name, service_type, url in services:
        svc = by_type.get(service_type) or ks.create_service(
            name=name, type=service_type, description=name, is_enabled=True)
        endpoints = {e.interface: e for e in ks.endpoints(service_id=svc.id)}
        for interface in ('public', 'internal', 'admin'):
            ep = endpoints.get(interface)
            if ep is None:
                ks.create_endpoint(service_id=svc.id, interface=interface,
                                   url=url, region_id=REGION)
            elif ep.url != url:
                ks.update_endpoint(ep, url=url)
    # A service start was told not to run must not stay in the catalog: clients
    # (Exosphere among them) decide from the catalog whether shares or DNS exist.
    switched_off = [t for t, on in (('sharev2', WITH_MANILA), ('dns', WITH_DESIGNATE)) if not on]
    for service_type in switched_off:
        if service_type in by_type:
            for ep in ks.endpoints(service_id=by_type[service_type].id):
                ks.delete_endpoint(ep)
            ks.delete_service(by_type[service_type])
            print('removed %s from the catalog (switched off)' % service_type)
    print('identity ok: projects service, demo; users demo + %s' % ', '.join(service_users))
    return 0


if __name__ == '__main__':
    sys.exit(main())
