"use strict";
var cloud_configs = {
  clouds: [
    { keystoneHostname: "js2.jetstream-cloud.org", friendlyName: "Jetstream2", userAppProxy: [ { region: "IU", hostname: "proxy-js2-iu.exosphere.app" }, { region: null, hostname: "proxy-js2-iu.exosphere.app" } ], imageExcludeFilter: { filterKey: "atmo_image_include", filterValue: "true" }, featuredImageNamePrefix: "Featured-", instanceTypes: [], flavorGroups: [ { matchOn: "m3\\..*", title: "General", description: null, disallowedActions: [] } ], desktopMessage: null, },
  ],
};
