// Built-in Exosphere cloud entries shipped with exosphere-java (`cloud_configs.js`).
// Facts from the public Exosphere deployment's cloud_configs.js (exosphere-project/exosphere,
// commit 0a07992d, 2026-08-17); rendered here as plain JSON inside the same JavaScript wrapper.
// Override or extend with ExosphereCloudConfigs.load(...) and ExosphereCloudConfigs.with(...).
var cloud_configs = {
  "clouds": [
    {
      "keystoneHostname": "js2.jetstream-cloud.org",
      "friendlyName": "Jetstream2",
      "userAppProxy": [
        {
          "region": "ASU",
          "hostname": "proxy-js2-asu.exosphere.app"
        },
        {
          "region": "Cornell",
          "hostname": "proxy-js2-cornell.exosphere.app"
        },
        {
          "region": "IU",
          "hostname": "proxy-js2-iu.exosphere.app"
        },
        {
          "region": "TACC",
          "hostname": "proxy-js2-tacc.exosphere.app"
        },
        {
          "region": "UH",
          "hostname": "proxy-js2-uh.exosphere.app"
        },
        {
          "region": null,
          "hostname": "proxy-js2-iu.exosphere.app"
        }
      ],
      "dnsZones": [
        {
          "region": "IU",
          "zone": "{project_name}.projects.jetstream-cloud.org."
        }
      ],
      "imageExcludeFilter": null,
      "featuredImageNamePrefix": "Featured-",
      "instanceTypes": [
        {
          "friendlyName": "Ubuntu",
          "description": "- Wide compatibility with community software packages\n\n- Good choice for new users",
          "logo": "assets/img/ubuntu.svg",
          "versions": [
            {
              "friendlyName": "24.04 (no software collection)",
              "isPrimary": false,
              "imageFilters": {
                "name": "Preview-Ubuntu24",
                "visibility": "public"
              },
              "restrictFlavorIds": null
            },
            {
              "friendlyName": "24.04 (latest)",
              "isPrimary": true,
              "imageFilters": {
                "name": "Featured-Ubuntu24",
                "visibility": "public"
              },
              "restrictFlavorIds": null
            },
            {
              "friendlyName": "22.04",
              "isPrimary": true,
              "imageFilters": {
                "name": "Featured-Ubuntu22",
                "visibility": "public"
              },
              "restrictFlavorIds": null
            },
            {
              "friendlyName": "20.04 (no GPU support)",
              "isPrimary": false,
              "imageFilters": {
                "name": "Featured-Ubuntu20",
                "visibility": "public"
              },
              "restrictFlavorIds": [
                "1",
                "14",
                "15",
                "2",
                "3",
                "3001",
                "3002",
                "3003",
                "3004",
                "3005",
                "4",
                "5",
                "7",
                "8",
                "9"
              ]
            }
          ]
        },
        {
          "friendlyName": "Red Hat-like",
          "description": "- Based on Red Hat Enterprise Linux (RHEL)\n\n- Compatible with RPM-based software",
          "logo": "assets/img/hat-fedora.svg",
          "versions": [
            {
              "friendlyName": "Rocky Linux 10",
              "isPrimary": true,
              "imageFilters": {
                "name": "Featured-RockyLinux10",
                "visibility": "public"
              },
              "restrictFlavorIds": null
            },
            {
              "friendlyName": "Rocky Linux 9",
              "isPrimary": false,
              "imageFilters": {
                "name": "Featured-RockyLinux9",
                "visibility": "public"
              },
              "restrictFlavorIds": null
            }
          ]
        }
      ],
      "flavorGroups": [
        {
          "matchOn": "m3..*",
          "title": "General-purpose",
          "description": null,
          "disallowedActions": []
        },
        {
          "matchOn": "r3..*",
          "title": "Large-memory",
          "description": "These have lots of RAM.",
          "disallowedActions": [
            "Suspend"
          ]
        },
        {
          "matchOn": "g3.(small|medium|large)",
          "title": "Partial GPU (NVIDIA A100)",
          "description": "These have a graphics processing unit.",
          "disallowedActions": [
            "Suspend"
          ]
        },
        {
          "matchOn": "g3.\\d?xl",
          "title": "Full GPU (NVIDIA A100)",
          "description": "Full-GPU instances cannot resize to partial-GPU after creation.",
          "disallowedActions": [
            "Suspend",
            "Resize"
          ]
        },
        {
          "matchOn": "g4.\\d?xl",
          "title": "Full GPU (NVIDIA L40S)",
          "description": "Full-GPU instances cannot resize to partial-GPU after creation.",
          "disallowedActions": [
            "Suspend",
            "Resize"
          ]
        },
        {
          "matchOn": "g5.\\d?xl",
          "title": "Full GPU (NVIDIA H100)",
          "description": "Full-GPU instances cannot resize to partial-GPU after creation.",
          "disallowedActions": [
            "Suspend",
            "Resize"
          ]
        },
        {
          "matchOn": "p3..*",
          "title": "Private",
          "description": "Special-purpose private flavors.",
          "disallowedActions": []
        }
      ],
      "customResources": [
        {
          "resource": "CUSTOM_A100X_10C",
          "friendlyName": "A100 vGPU (10 GB)"
        },
        {
          "resource": "CUSTOM_A100X_20C",
          "friendlyName": "A100 vGPU (20 GB)"
        },
        {
          "resource": "CUSTOM_PCI_10DE_20B0",
          "friendlyName": "A100"
        },
        {
          "resource": "CUSTOM_PCI_10DE_26B9",
          "friendlyName": "L40"
        },
        {
          "resource": "CUSTOM_PCI_10DE_2330",
          "friendlyName": "H100"
        }
      ],
      "desktopMessage": "",
      "securityGroups": {
        "TACC": {
          "name": "tacc-default",
          "description": "allow ICMP, SSH, and Guacamole",
          "rules": [
            {
              "direction": "egress",
              "ethertype": "IPv4",
              "protocol": null,
              "port_range_min": null,
              "port_range_max": null,
              "remote_ip_prefix": null,
              "remote_group_id": null,
              "description": null
            },
            {
              "direction": "egress",
              "ethertype": "IPv6",
              "protocol": null,
              "port_range_min": null,
              "port_range_max": null,
              "remote_ip_prefix": null,
              "remote_group_id": null,
              "description": null
            },
            {
              "direction": "ingress",
              "ethertype": "IPv4",
              "protocol": "icmp",
              "port_range_min": null,
              "port_range_max": null,
              "remote_ip_prefix": null,
              "remote_group_id": null,
              "description": "Ping"
            },
            {
              "direction": "ingress",
              "ethertype": "IPv4",
              "protocol": "tcp",
              "port_range_min": 22,
              "port_range_max": 22,
              "remote_ip_prefix": null,
              "remote_group_id": null,
              "description": "SSH"
            },
            {
              "direction": "ingress",
              "ethertype": "IPv4",
              "protocol": "tcp",
              "port_range_min": 49528,
              "port_range_max": 49528,
              "remote_ip_prefix": null,
              "remote_group_id": null,
              "description": "Guacamole"
            }
          ]
        }
      }
    },
    {
      "keystoneHostname": "keystone.rc.nectar.org.au",
      "friendlyName": "Nectar Cloud",
      "userAppProxy": null,
      "imageExcludeFilter": null,
      "featuredImageNamePrefix": null,
      "instanceTypes": [],
      "flavorGroups": [],
      "desktopMessage": null
    },
    {
      "keystoneHostname": "rci.uits.iu.edu",
      "friendlyName": "Rescloud",
      "userAppProxy": [
        {
          "region": "RegionOne",
          "hostname": "proxy-rescloud.exosphere.app"
        }
      ],
      "imageExcludeFilter": null,
      "featuredImageNamePrefix": "Featured-",
      "instanceTypes": [
        {
          "friendlyName": "Ubuntu",
          "description": "- Wide compatibility with community software packages\n\n- Good choice for new users",
          "logo": "assets/img/ubuntu.svg",
          "versions": [
            {
              "friendlyName": "24.04 (latest)",
              "isPrimary": true,
              "imageFilters": {
                "name": "Featured-Ubuntu24",
                "visibility": "public"
              },
              "restrictFlavorIds": null
            },
            {
              "friendlyName": "22.04",
              "isPrimary": true,
              "imageFilters": {
                "name": "Featured-Ubuntu22",
                "visibility": "public"
              },
              "restrictFlavorIds": null
            }
          ]
        },
        {
          "friendlyName": "Red Hat-like",
          "description": "- Based on Red Hat Enterprise Linux (RHEL)\n\n- Compatible with RPM-based software",
          "logo": "assets/img/hat-fedora.svg",
          "versions": [
            {
              "friendlyName": "Rocky Linux 10",
              "isPrimary": true,
              "imageFilters": {
                "name": "Featured-RockyLinux10",
                "visibility": "public"
              },
              "restrictFlavorIds": null
            },
            {
              "friendlyName": "Rocky Linux 9",
              "isPrimary": false,
              "imageFilters": {
                "name": "Featured-RockyLinux9",
                "visibility": "public"
              },
              "restrictFlavorIds": null
            }
          ]
        }
      ],
      "flavorGroups": [
        {
          "matchOn": "m4..*",
          "title": "General-purpose",
          "description": null,
          "disallowedActions": []
        },
        {
          "matchOn": "m1.bigmem",
          "title": "Large-memory",
          "description": "These have lots of RAM.",
          "disallowedActions": [
            "Suspend"
          ]
        },
        {
          "matchOn": "g[245]..*",
          "title": "GPU",
          "description": "These have a graphics processing unit.",
          "disallowedActions": [
            "Suspend"
          ]
        }
      ],
      "desktopMessage": null
    }
  ]
};
