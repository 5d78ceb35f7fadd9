// Plan workspace. The tree's buttons are declarative htmx (hx-get, hx-post); the server
// answers with events (django-htmx's trigger_client_event) that the listeners below act on.

// After the server has reordered an element, move its block in the page and keep the
// keyboard focus on the button that was pressed.
document.body.addEventListener("nap:moved", function (event) {
  var block = document.getElementById(event.detail.id);
  if (!block) return;
  if (event.detail.direction === "up" && block.previousElementSibling) {
    block.parentNode.insertBefore(block, block.previousElementSibling);
  } else if (event.detail.direction === "down" && block.nextElementSibling) {
    block.parentNode.insertBefore(block.nextElementSibling, block);
  }
  var button = block.querySelector('[data-ws="' + event.detail.direction + '"]');
  if (button) button.focus();
});

// Say in the page's live region what happened, for screen-reader users.
function announce(text) {
  var region = document.getElementById("ws-status");
  if (!region) return;
  region.textContent = "";
  window.setTimeout(function () { region.textContent = text; }, 50);
}

// A form or confirmation that appears takes the focus, so keyboard users land in it. An
// outerHTML swap replaces the target, so the new form is looked up by what it is: the one
// not focused yet.
document.body.addEventListener("htmx:afterSettle", function () {
  var form = document.querySelector(".ws-form:not([data-focused])");
  if (!form) return;
  form.setAttribute("data-focused", "");
  // A form that came back with errors has its error summary, which takes the focus and
  // is read out (napplanner.js); otherwise the first field takes it.
  if (form.querySelector(".error-summary, .is-invalid")) return;
  var field =
    form.querySelector("[autofocus]") ||
    form.querySelector("input:not([type=hidden]), textarea, select, button");
  if (field) field.focus();
});

// Escape closes an open form as its Cancel button does.
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  var form = event.target.closest && event.target.closest(".ws-form");
  var cancel = form && form.querySelector("[data-ws-cancel]");
  if (cancel) {
    event.preventDefault();
    cancel.click();
  }
});

document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-chapters]");
  if (!button) return;
  document.querySelectorAll("details.ws-chapter").forEach(function (chapter) {
    chapter.open = button.dataset.chapters === "open";
  });
});

// After a save or a cancel the form that had the focus is gone: focus the element's
// first button instead, so keyboard users carry on where they were.
document.body.addEventListener("nap:focus", function (event) {
  var head = document.getElementById(event.detail.id);
  var button = head && head.querySelector("button");
  if (button) button.focus();
  if (event.detail.said) announce(event.detail.said);
});

// Buttons that show and hide a part of the tree (an element's details, a new element's
// form) say whether it is shown: aria-expanded follows what the part holds. The part is
// named by aria-controls, or is the add slot just before the button.
function expandedPart(button) {
  var id = button.getAttribute("aria-controls");
  return id ? document.getElementById(id) : button.previousElementSibling;
}
function syncExpanded() {
  document.querySelectorAll("[data-ws-expands]").forEach(function (button) {
    var part = expandedPart(button);
    button.setAttribute("aria-expanded", part && part.childElementCount ? "true" : "false");
  });
}
document.body.addEventListener("htmx:afterSettle", syncExpanded);

// A second press on the button of open details closes them instead of loading them again.
document.body.addEventListener("htmx:beforeRequest", function (event) {
  var button = event.detail.elt;
  if (!button.matches("[data-ws=panel][aria-expanded=true]")) return;
  event.preventDefault();
  expandedPart(button).replaceChildren();
  syncExpanded();
});

// Close and Cancel remove what had the focus (napplanner.js): the button that opened it
// takes the focus back and says it is collapsed. Caught before napplanner.js removes it.
document.addEventListener(
  "click",
  function (event) {
    var closer = event.target.closest("[data-remove-closest], [data-empty-closest]");
    var panel = closer && closer.closest(".ws-panel");
    var slot = closer && closer.closest(".ws-add-slot");
    var opener = null;
    if (slot) {
      opener = slot.nextElementSibling;
    } else if (panel && panel.parentElement && panel.parentElement.id) {
      opener = document.querySelector('[aria-controls="' + panel.parentElement.id + '"]');
    }
    if (!opener) return;
    window.setTimeout(function () {
      syncExpanded();
      opener.focus();
    }, 0);
  },
  true
);
