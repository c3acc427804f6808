// Loads the visit statistics the site settings name. The server includes this file only for
// visitors who allowed statistics cookies (portal/consent.py), so it asks nothing itself.
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me) {
    return;
  }
  var provider = me.getAttribute("data-provider");
  var base = (me.getAttribute("data-url") || "").replace(/\/?$/, "/");
  var site = me.getAttribute("data-site");
  if (!base || !site) {
    return;
  }
  var tracker = document.createElement("script");
  tracker.defer = true;
  if (provider === "matomo") {
    var queue = (window._paq = window._paq || []);
    queue.push(["trackPageView"]);
    queue.push(["enableLinkTracking"]);
    queue.push(["setTrackerUrl", base + "matomo.php"]);
    queue.push(["setSiteId", site]);
    tracker.src = base + "matomo.js";
  } else if (provider === "plausible") {
    tracker.setAttribute("data-domain", site);
    tracker.src = base + "js/script.js";
  } else {
    return;
  }
  document.head.appendChild(tracker);
})();
