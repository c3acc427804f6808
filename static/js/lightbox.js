/* Photo viewer for the galleries of templates/components/photo_gallery.html.

   Without this script every thumbnail is a plain link to the large image. With it, a link
   opens a modal <dialog> showing the large image with its alternative text and caption,
   and Previous / Next / Close buttons. Keyboard: Enter on a thumbnail opens it, Left and
   Right arrows (and Home, End) move, Esc closes, Tab stays inside the dialog. On closing,
   focus goes back to the thumbnail of the photo last shown. The labels come from the
   gallery's data-label-* attributes, already in the page's language. No inline script and
   no inline style, for a strict Content Security Policy. */
(function () {
    "use strict";

    if (window.kooperacjaLightbox) {
        return; // the script is included once per gallery; one viewer serves them all
    }
    window.kooperacjaLightbox = true;
    if (typeof HTMLDialogElement !== "function") {
        return; // old browser: the links to the large images still work
    }

    var viewer = null;

    function element(tag, className, parent) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (parent) {
            parent.appendChild(node);
        }
        return node;
    }

    function button(className, label, parent) {
        var node = element("button", "lightbox__button " + className, parent);
        node.type = "button";
        node.textContent = label;
        return node;
    }

    function Viewer(labels) {
        var self = this;
        this.labels = labels;
        this.links = [];
        this.index = 0;

        var dialog = element("dialog", "lightbox");
        dialog.setAttribute("aria-label", labels.dialog);
        var inner = element("div", "lightbox__inner", dialog);
        var figure = element("figure", "lightbox__figure", inner);
        var picture = element("picture", null, figure);
        this.source = element("source", null, picture);
        this.source.type = "image/webp";
        this.image = element("img", "lightbox__image", picture);
        var caption = element("figcaption", "lightbox__caption", figure);
        this.position = element("span", "lightbox__position", caption);
        this.caption = element("span", "lightbox__text", caption);
        this.credit = element("small", "lightbox__credit", caption);
        // Announces the photo reached with Previous / Next or the arrow keys.
        this.status = element("p", "visually-hidden", inner);
        this.status.setAttribute("aria-live", "polite");
        var controls = element("div", "lightbox__controls", inner);
        this.previous = button("lightbox__previous", labels.previous, controls);
        this.next = button("lightbox__next", labels.next, controls);
        this.close = button("lightbox__close", labels.close, controls);
        document.body.appendChild(dialog);
        this.dialog = dialog;

        this.previous.addEventListener("click", function () {
            self.move(-1);
        });
        this.next.addEventListener("click", function () {
            self.move(1);
        });
        this.close.addEventListener("click", function () {
            dialog.close();
        });
        // A click on the backdrop (the dialog itself, outside its content) closes it.
        dialog.addEventListener("click", function (event) {
            if (event.target === dialog) {
                dialog.close();
            }
        });
        dialog.addEventListener("keydown", function (event) {
            self.onKeydown(event);
        });
        // Esc closes the dialog natively; either way focus returns to the thumbnail.
        dialog.addEventListener("close", function () {
            var link = self.links[self.index];
            if (link) {
                link.focus();
            }
        });
    }

    Viewer.prototype.positionText = function () {
        return this.labels.position
            .replace("{current}", String(this.index + 1))
            .replace("{total}", String(this.links.length));
    };

    Viewer.prototype.show = function (index, announce) {
        var count = this.links.length;
        this.index = ((index % count) + count) % count;
        var link = this.links[this.index];
        var thumbnail = link.querySelector("img");
        this.source.srcset = link.getAttribute("data-webp") || "";
        this.image.src = link.href;
        this.image.alt = thumbnail ? thumbnail.alt : "";
        if (link.getAttribute("data-width")) {
            this.image.width = Number(link.getAttribute("data-width"));
            this.image.height = Number(link.getAttribute("data-height"));
        }
        var text = link.getAttribute("data-caption") || "";
        var credit = link.getAttribute("data-credit") || "";
        this.position.textContent = count > 1 ? this.positionText() + " " : "";
        this.caption.textContent = text;
        this.credit.textContent = credit ? " " + credit : "";
        if (announce) {
            this.status.textContent = this.positionText() + (text ? ": " + text : "");
        }
    };

    Viewer.prototype.open = function (links, index) {
        this.links = links;
        var several = links.length > 1;
        this.previous.hidden = !several;
        this.next.hidden = !several;
        this.status.textContent = "";
        this.show(index, false);
        this.dialog.showModal();
        this.close.focus();
    };

    Viewer.prototype.move = function (step) {
        if (this.links.length > 1) {
            this.show(this.index + step, true);
        }
    };

    Viewer.prototype.focusable = function () {
        return [this.previous, this.next, this.close].filter(function (node) {
            return !node.hidden;
        });
    };

    Viewer.prototype.onKeydown = function (event) {
        if (event.altKey || event.ctrlKey || event.metaKey) {
            return;
        }
        switch (event.key) {
            case "ArrowLeft":
                this.move(-1);
                break;
            case "ArrowRight":
                this.move(1);
                break;
            case "Home":
                this.show(0, true);
                break;
            case "End":
                this.show(this.links.length - 1, true);
                break;
            case "Tab": {
                // Keep focus in the dialog: from the last button to the first and back.
                var nodes = this.focusable();
                var at = nodes.indexOf(document.activeElement);
                var next = event.shiftKey ? at - 1 : at + 1;
                if (at === -1 || next < 0 || next >= nodes.length) {
                    nodes[event.shiftKey ? nodes.length - 1 : 0].focus();
                    break;
                }
                return; // the browser moves to the next button itself
            }
            default:
                return;
        }
        event.preventDefault();
    };

    function labelsOf(gallery) {
        return {
            dialog: gallery.getAttribute("data-label-dialog") || "Photo viewer",
            previous: gallery.getAttribute("data-label-previous") || "Previous photo",
            next: gallery.getAttribute("data-label-next") || "Next photo",
            close: gallery.getAttribute("data-label-close") || "Close",
            position: gallery.getAttribute("data-label-position") || "{current} / {total}",
        };
    }

    function enhance(gallery) {
        var links = Array.prototype.slice.call(gallery.querySelectorAll("a.photo-gallery__link"));
        links.forEach(function (link, index) {
            link.addEventListener("click", function (event) {
                // Keep what people expect of a link: a new tab or window, a download.
                if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
                    return;
                }
                event.preventDefault();
                if (viewer === null) {
                    viewer = new Viewer(labelsOf(gallery));
                }
                viewer.open(links, index);
            });
        });
    }

    function init() {
        Array.prototype.forEach.call(document.querySelectorAll("[data-lightbox]"), enhance);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
