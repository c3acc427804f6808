/* The catalog's small progressive enhancements; every page works without them.
 * - Cascading territory choice: choosing a voivodeship (or powiat) fills the next list
 *   from the page's JSON route instead of needing the "Show the lists" button.
 * - Print view: a Print button (the browser's own print works the same). */
(function () {
    "use strict";

    function fill(select, units) {
        while (select.options.length > 1) {
            select.remove(1);
        }
        units.forEach(function (unit) {
            select.add(new Option(unit.label, unit.code));
        });
    }

    function setUpTerritory(form) {
        var url = form.getAttribute("data-units-url");
        var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-level]"));
        var status = form.querySelector("[data-territory-status]");
        if (!url || selects.length < 2 || !window.fetch) {
            return;
        }
        form.querySelectorAll("[data-territory-update], [data-territory-nojs]").forEach(
            function (element) { element.hidden = true; }
        );
        selects.forEach(function (select, index) {
            var next = selects[index + 1];
            if (!next) {
                return;
            }
            // Arrow keys change a select one option at a time, each a request: only the
            // answer to the latest one may fill the next list.
            var latest = 0;
            select.addEventListener("change", function () {
                var ticket = ++latest;
                selects.slice(index + 1).forEach(function (below) { fill(below, []); });
                if (!select.value) {
                    return;
                }
                fetch(url.replace("CODE", encodeURIComponent(select.value)), {
                    headers: { Accept: "application/json" },
                })
                    .then(function (response) {
                        if (!response.ok) {
                            throw new Error(response.statusText);
                        }
                        return response.json();
                    })
                    .then(function (data) {
                        if (ticket !== latest) {
                            return;
                        }
                        fill(next, data.units);
                        if (status) {
                            var label = form.querySelector("label[for='" + next.id + "']");
                            status.textContent = (status.getAttribute("data-message") || "")
                                .replace("{label}", label ? label.textContent : "")
                                .replace("{count}", String(data.units.length));
                        }
                    })
                    .catch(function () {
                        // Without the lists the button brings them, as without JavaScript.
                        form.querySelectorAll("[data-territory-update]").forEach(
                            function (element) { element.hidden = false; }
                        );
                    });
            });
        });
    }

    function setUpPrint() {
        document.querySelectorAll("[data-print]").forEach(function (button) {
            button.hidden = false;
            button.addEventListener("click", function () { window.print(); });
        });
    }

    function start() {
        document.querySelectorAll("[data-catalog-search]").forEach(setUpTerritory);
        setUpPrint();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
