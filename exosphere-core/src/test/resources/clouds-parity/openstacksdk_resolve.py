"""Referee for CloudsYamlParityTest: resolves each case with openstacksdk (Debian's python3-openstacksdk).

Reads a JSON list of cases on stdin ({id, dir, env, cloud, region}); writes a JSON list of results on
stdout: the auth type, auth values, scope (from the keystoneauth plugin), region, interface and TLS
settings (CloudRegion.get_requests_verify_args), or the error.
"""
import json
import os
import sys
import warnings

warnings.simplefilter("ignore")

from openstack.config import loader  # noqa: E402


def scope_of(plugin):
    def get(name):
        # generic plugins keep their options as _name, v3 plugins as name
        return getattr(plugin, name, None) or getattr(plugin, "_" + name.lstrip("_"), None) or None

    project_id = get("project_id") or get("tenant_id")
    project_name = get("project_name") or get("tenant_name")
    domain_id = get("domain_id")
    domain_name = get("domain_name")
    system = get("system_scope")
    targets = bool(project_id or project_name) + bool(domain_id or domain_name) + bool(system)
    if targets > 1:
        return {"kind": "error"}
    if project_id:
        return {"kind": "project", "id": project_id}
    if project_name:
        domain = None
        for attr, kind in (("project_domain_id", "id"), ("project_domain_name", "name"),
                           ("default_domain_id", "id"), ("default_domain_name", "name")):
            if get(attr):
                domain = kind + ":" + get(attr)
                break
        return {"kind": "project", "name": project_name, "domain": domain}
    if domain_id:
        return {"kind": "domain", "id": domain_id}
    if domain_name:
        return {"kind": "domain", "name": domain_name}
    if system:
        return {"kind": "system"}
    return {"kind": "unscoped"}


def resolve(case):
    base = {k: v for k, v in os.environ.items() if not k.startswith("OS_")}
    os.environ.clear()
    os.environ.update(base)
    os.environ.update(case.get("env") or {})

    def files(name):
        path = os.path.join(case["dir"], name)
        return [path] if os.path.exists(path) else []

    config = loader.OpenStackConfig(
        config_files=files("clouds.yaml"),
        secure_files=files("secure.yaml"),
        vendor_files=files("clouds-public.yaml"))
    region = config.get_one(cloud=case.get("cloud"), region_name=case.get("region") or "")
    conf = region.config
    verify, cert = region.get_requests_verify_args()
    key = None
    if isinstance(cert, tuple):
        cert, key = cert
    auth = {k: (v if isinstance(v, str) else str(v)) for k, v in conf["auth"].items()
            if v is not None and not isinstance(v, (dict, list))}
    return {
        "ok": True,
        "auth_type": conf.get("auth_type"),
        "auth": auth,
        "scope": scope_of(region.get_auth()),
        "region": region.region_name or None,
        "interface": region.get_interface(),
        "verify": bool(verify),
        "cacert": verify if isinstance(verify, str) else None,
        "cert": cert,
        "key": key,
    }


def main():
    out = []
    for case in json.load(sys.stdin):
        try:
            result = resolve(case)
        except Exception as e:  # the referee's refusal is data, not a crash
            result = {"ok": False, "error": type(e).__name__ + ": " + str(e).splitlines()[0] if str(e) else type(e).__name__}
        result["id"] = case["id"]
        out.append(result)
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
